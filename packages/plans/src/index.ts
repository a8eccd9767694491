// @kern/plans: One household, one plan, one coordinator: goals, actions, agreements, versions, the citizen's agreement.
export {};
