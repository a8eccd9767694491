// @kern/assessments: Assessment instruments as data (ZRM, Participatieladder, Positieve Gezondheid) and scores over time.
export * from './contract';
export * from './contract';
export * from './validate-scores';
export * from './record-assessment';
export * from './read-assessments';
export { assessmentsSectionSource } from './assessments-household-section';
export * from './level-texts';
export * from './assessments.routes';
