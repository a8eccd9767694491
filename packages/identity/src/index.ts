export * from './identity.schema';
export * from './passwords';
export * from './login';
export * from './resolve-session';
export * from './change-password';
export * from './create-account';
export * from './identity.routes';
export * from './identity-provider';
export { findAccountByUsername } from './identity.repository';
