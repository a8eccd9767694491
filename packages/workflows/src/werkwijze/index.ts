export {
  corePhases,
  purposes as werkwijzeLaws,
  roles as werkwijzeRoles,
  termIds,
  wmoCategories,
  jeugdwetCategories,
  categoriesForLaw,
  werkwijzeSchema,
  stepSchema,
  caseTypeSchema,
  guardSchema,
  fieldSchemaSchema,
  type CorePhase,
  type Law,
  type WerkwijzeRole,
  type TermId,
  type FieldSchema,
  type StepFields,
  type Guard,
  type Transition,
  type Step,
  type CaseType,
  type Werkwijze,
  type WerkwijzeInput,
} from './werkwijze.schema';
export { parseWerkwijzeYaml, validateWerkwijze, formatPath, type WerkwijzeError, type ParseResult } from './validate-werkwijze';
export { checkWerkwijze, reachableFrom, type SemanticError } from './check-werkwijze';
export { phaseStepAllowed, skippablePhase } from './phases';
export { evaluateGuard, guardFields, describeGuard, type GuardResult } from './guards';
export { validateFields, validateValue, type FieldError } from './json-schema-subset';
export {
  startCase,
  availableTransitions,
  applyTransition,
  termsStartedBy,
  runningTerms,
  WerkwijzeEngineError,
  type CaseState,
  type EngineActor,
  type ApplyResult,
  type AvailableTransition,
  type TransitionRefusal,
} from './engine';
export { validateStepMapping, type MappingError } from './versioning';
export { diffWerkwijzen, formatDiff, type DiffEntry } from './diff-werkwijze';
export { libraryWerkwijzen, presets, presetFor, libraryDir, type LibraryWerkwijze } from './library';
export { werkwijzeJsonSchema } from './json-schema';
