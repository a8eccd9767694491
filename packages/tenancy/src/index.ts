export * from './contract';
export * from './municipalities';
export * from './activate-municipality';
export * from './municipality-settings';
export * from './tenancy.routes';
export * from './list-municipalities';
export * from './regions';
export * from './municipality-name';
