// @kern/seed/testing: test support for the modules' tests and benches (a seeded database, actors,
// module kits). It lives in seed, never in a domain's src, so that no domain module imports seed
// (eslint.config.mjs allows this import from tests, bench/, e2e/ and apps/cli only).
export * from './seeded-test-kit';
export * from './debt-test-kit';
export * from './exchange-test-kit';
export * from './provisions-test-kit';
export * from './portal-test-kit';
export * from '../exchange-fixtures';
