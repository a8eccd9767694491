export * from './contract';
export * from './municipalities';
export * from './tenancy.repository';
export * from './activate-municipality';
export * from './municipality-settings';
export * from './tenancy.routes';
export * from './list-municipalities';
export * from './municipality-name';
