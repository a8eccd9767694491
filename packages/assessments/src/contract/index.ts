// @kern/assessments/contract: assessment instruments and scores over time. Browser-safe: zod and other contracts only.
export * from './assessments.contract';
export * from './assessments.schema';
export * from './instruments';
