// @kern/insight: Steering and learning: indicators, benchmark on aggregates, experiments, leertafel case material.
export * from './contract';
export * from './catalogue';
export * from './compile-indicator';
export * from './refresh-indicators';
export * from './publish-benchmark';
export * from './suppress';
export * from './effect-size';
export * from './read-indicators';
export * from './request-refresh';
export * from './define-local-indicator';
export * from './read-benchmark';
export * from './experiments';
export * from './insight.routes';
export * from './anonymise-story';
export * from './export-leertafel-story';
