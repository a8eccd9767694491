export * from './demo';
export * from './actors';
