export * from './demo';
export * from './scale-nl';
