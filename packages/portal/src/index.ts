// @kern/portal: The citizen portal: citizen login seam, front door requests, my plan, my data, messages.
export * from './contract';
export * from './citizen-session';
export * from './citizen-access';
export * from './requests';
export * from './submit-request';
export * from './portal-cases';
export * from './read-home';
export * from './messages';
export * from './my-data';
export * from './export-pdf';
export * from './portal-plan';
export * from './portal-consents';
export * from './portal-together';
export * from './record-representation';
export * from './digid-machtigen';
export * from './portal.routes';
export * from './representation.routes';
