/**
 * Which package owns which table: the one map (ARCHITECTURE.md, "one map names the owner of every
 * table"). Only the owner's SQL names its tables; a module that needs another module's facts calls
 * a function of that module, which takes the caller's transaction or grant. table-owners.test.ts
 * holds every package's SQL to this map, and checks it lists every table the migrations create.
 *
 * The owner is the workspace folder under packages/ (`identity` is @kern/identity). A new table
 * gets its line here in the same commit as its migration.
 */
export const TABLE_OWNERS = {
  // tenancy: municipalities, regions (purchasing cooperations), settings
  municipalities: 'tenancy',
  regions: 'tenancy',
  region_members: 'tenancy',
  municipality_settings: 'tenancy',

  // identity: staff accounts, teams, sessions, login throttling
  teams: 'identity',
  staff_accounts: 'identity',
  team_memberships: 'identity',
  staff_sessions: 'identity',
  login_attempts: 'identity',
  login_alerts: 'identity',

  // access: the policy, relations (involvements), break-the-glass, consent, the audit log
  access_policies: 'access',
  access_policy_proposals: 'access',
  involvements: 'access',
  involvement_requests: 'access',
  break_glass_grants: 'access',
  audit_chain_heads: 'access',
  audit_log: 'access',
  privacy_notices: 'access',
  consents: 'access',

  // db: the infrastructure every module writes through @kern/db's functions: the domain event log
  // (appendDomainEvents), the pseudonyms it uses for clients (clientPseudonym) and the job queue.
  domain_events: 'db',
  subject_pseudonyms: 'db',
  jobs: 'db',

  // workflows: werkwijzen, and the decrees of the statutory calendar added as data (Atw art. 3 lid 3)
  werkwijze_versions: 'workflows',
  statutory_decrees: 'workflows',

  // cases
  cases: 'cases',
  case_tasks: 'cases',
  case_deadlines: 'cases',
  case_events: 'cases',
  case_reference_counters: 'cases',
  case_household_members: 'cases',

  // household: signals noted on the integral view
  household_signals: 'household',

  // plans
  plans: 'plans',
  plan_members: 'plans',
  plan_versions: 'plans',
  plan_agreements: 'plans',
  plan_change_requests: 'plans',

  // assessments
  assessments: 'assessments',
  assessment_level_texts: 'assessments',

  // offerings (group offerings)
  offerings: 'offerings',
  offering_enrolments: 'offerings',
  offering_attendance: 'offerings',

  // portal: the citizen's side
  citizen_sessions: 'portal',
  portal_representations: 'portal',
  portal_requests: 'portal',
  portal_documents: 'portal',
  portal_messages: 'portal',
  portal_contacts: 'portal',
  portal_objections: 'portal',

  // letters: letter templates (versioned, per municipality and letter type) and the letters made
  letter_templates: 'letters',
  letters: 'letters',

  // catalogue: iStandaarden product categories and codes, local products (packages/catalogue)
  product_categories: 'catalogue',
  national_products: 'catalogue',
  local_products: 'catalogue',

  // contracting: care providers, contracts, tariffs
  care_providers: 'contracting',
  contracts: 'contracting',
  contracted_products: 'contracting',

  // provisions: decisions (beschikkingen) and allocations (toewijzingen)
  decisions: 'provisions',
  granted_provisions: 'provisions',
  allocation_numbers: 'provisions',
  allocations: 'provisions',
  allocation_changes: 'provisions',

  // exchange: iWmo / iJw messages, invoices, payment batches
  exchange_messages: 'exchange',
  exchange_invoice_lines: 'exchange',
  exchange_payment_batches: 'exchange',
  exchange_payment_batch_lines: 'exchange',
  exchange_message_log: 'exchange',
  exchange_allocation_messages: 'exchange',
  exchange_care_deliveries: 'exchange',
  exchange_requests: 'exchange',
  exchange_request_answers: 'exchange',

  // debt: Wgs files, inventory, VTLB, solutions, the debt fund and its ledger
  debt_creditors: 'debt',
  debt_files: 'debt',
  debts: 'debt',
  debt_evidence: 'debt',
  debt_signals: 'debt',
  debt_norm_tables: 'debt',
  debt_vtlb_calculations: 'debt',
  debt_solutions: 'debt',
  debt_offers: 'debt',
  fund_terms: 'debt',
  fund_participations: 'debt',
  fund_debts: 'debt',
  fund_milestones: 'debt',
  fund_postings: 'debt',
  fund_month_runs: 'debt',

  // insight: indicators, benchmark, experiments
  insight_population: 'insight',
  insight_local_indicators: 'insight',
  indicator_values: 'insight',
  insight_high_water: 'insight',
  benchmark_participation: 'insight',
  benchmark_aggregates: 'insight',
  insight_experiments: 'insight',

  // seed: the record of what the scale generator made (kern seed --scale)
  scale_cities: 'seed',
} as const satisfies Record<string, string>;

export type OwnedTable = keyof typeof TABLE_OWNERS;
export type TableOwner = (typeof TABLE_OWNERS)[OwnedTable];

/**
 * The one table another module reads by design: the domain event log holds no personal data
 * (codes, numbers, dates, pseudonymous subjects) so that insight can compute indicators from it
 * with set-based SQL; every module appends to it through @kern/db's appendDomainEvents. Reading
 * it through functions of @kern/db would move the indicator interpreter into the database layer.
 */
export const PUBLISHED_TABLES: Readonly<Partial<Record<OwnedTable, readonly string[]>>> = {
  domain_events: ['insight'],
};

export function ownerOf(table: string): string | undefined {
  return (TABLE_OWNERS as Record<string, string>)[table];
}
