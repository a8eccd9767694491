export * from './demo';
export * from './scale-nl';
export * from './debt-demo';
