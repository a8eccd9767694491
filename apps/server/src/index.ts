export * from './app';
export * from './services';
export * from './problem';
export * from './route-guard';
export * from './background-jobs';
export * from './process-guard';
