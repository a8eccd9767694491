// @kern/debt: Debt help on the Wgs terms: signals, inventory, VTLB, solutions, the municipal debt fund and its ledger.
export {};
