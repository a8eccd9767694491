// @kern/debt/contract: browser-safe schemas and routes of debt help and the municipal debt fund.
export * from './debt.schema';
export * from './signal.schema';
export * from './debt-process.schema';
export * from './solution.schema';
export * from './vtlb.schema';
export * from './debt-file-view.schema';
export * from './fund.schema';
export * from './debt.contract';
export * from './fund.contract';
