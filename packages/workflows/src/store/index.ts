export * from './werkwijze-store.repository';
export * from './manage-werkwijzen';
export * from './werkwijzen.routes';
export { addStatutoryDecree, computeStatutoryTerm, installStoredDecrees, listStatutoryDecrees, storeStatutoryDecree } from './statutory-calendar';
export * from './termijnen.routes';
