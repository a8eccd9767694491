// @kern/insight: Steering and learning: indicators, benchmark on aggregates, experiments, leertafel case material.
export {};
