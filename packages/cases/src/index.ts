export * from './cases.schema';
export * from './cases.repository';
export * from './start-case';
export * from './advance-case';
export * from './read-case';
export * from './worklist';
export * from './migrate-case-version';
export * from './cases.routes';
