// The werkwijze format lives in the contract (browser-safe), so the web app reads the same types.
export * from '../contract/werkwijze-format.schema';
