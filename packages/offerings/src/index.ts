// @kern/offerings: General and group provisions without a decision: catalogue, enrolment, attendance.
export * from './contract';
export * from './manage-offerings';
export * from './enrol';
export { offeringsSectionSource } from './offerings-household-section';
export * from './offerings.routes';
