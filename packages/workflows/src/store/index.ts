export * from './werkwijze-store.repository';
export * from './manage-werkwijzen';
export * from './werkwijzen.routes';
