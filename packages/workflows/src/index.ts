export * from './contract';
export * from './deadlines';
export * from './werkwijze';
export * from './store';
