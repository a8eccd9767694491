export * from './demo';
export * from './scale-nl';
export * from './debt-demo';
export * from './actors';
export * from './demo-clients';
export * from './scale';
export { cityShape, type CityShape } from './scale-plan';
export * from './exchange-demo';
