// @kern/household: Integral client view: the household across laws, consent-aware sections, timeline.
export * from './contract';
export * from './section-source';
export * from './sources';
export * from './sources/cases.source';
export * from './sources/signals.source';
export * from './household-signals.repository';
export * from './record-household-signal';
export * from './read-household-view';
export * from './household.routes';
