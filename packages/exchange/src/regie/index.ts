export * from './receive-regie-message';
export * from './requests-inbox';
export * from './send-allocation-message';
export type { RegieFinding, DeliveryRow } from './regie.repository';
export * from './regie.routes';
export * from './client-301';
