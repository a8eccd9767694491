// @kern/household: Integral client view: the household across laws, consent-aware sections, timeline.
export {};
