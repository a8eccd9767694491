// @kern/household: Integral client view: the household across laws, consent-aware sections, timeline.
// Each section comes from the module that owns its data (a SectionSource, registered at start-up);
// this module's own is the education and housing signals.
export * from './contract';
export * from './section-source';
export * from './signals-section';
export * from './record-household-signal';
export * from './read-household-view';
export * from './household.routes';
