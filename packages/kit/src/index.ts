export * from './errors';
export * from './clock';
export * from './ids';
export * from './log';
export * from './config';
export * from './bsn';
export * from './iso-date';
export * from './csv';
