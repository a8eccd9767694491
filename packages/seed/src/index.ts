export * from './demo';
export * from './debt-demo';
