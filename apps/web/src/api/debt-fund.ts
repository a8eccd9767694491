/** The municipal debt fund: the client for /api/v1/debt-fund. Types mirror the server's zod schemas. */
import type { Api } from '../api';

export interface FundParticipation {
  id: string;
  debtFileId: string;
  cohort: string;
  decisionOn: string;
  takeOverDue: string;
  takenOverOn: string;
  monthlyCents: number;
  termMonths: number;
  firstPeriod: string;
  lastPeriod: string;
  takenOverCents: number;
  balanceCents: number;
  repaidCents: number;
  forgivenCents: number;
  status: 'repaying' | 'completed';
}

export interface FundStatement {
  participation: FundParticipation;
  debts: { creditorName: string; sector: string; claimCents: number; rateBasisPoints: number; settlementCents: number }[];
  lines: { bookedOn: string; period: string | null; kind: 'take-over' | 'repayment' | 'forgiveness'; amountCents: number; balanceAfterCents: number }[];
  monthsLeft: number;
  milestones: { goalRef: string; reachedOn: string; forgivenCents: number }[];
}

export interface FundCohort {
  cohort: string;
  suppressed: boolean;
  residents: number | null;
  takenOverCents: number | null;
  exposureCents: number | null;
  repaidCents: number | null;
  forgivenCents: number | null;
  repaymentRateBasisPoints: number | null;
}

export interface FundDashboard {
  totals: { residents: number | string; takenOverCents: number; exposureCents: number; repaidCents: number; forgivenCents: number; repaymentRateBasisPoints: number; cashCents: number; payableCents: number };
  cohorts: FundCohort[];
  smallCellThreshold: number;
}

export interface TakeOverResult {
  participationId: string;
  takeOverDue: string;
  withinTerm: boolean;
  takenOverCents: number;
  monthlyCents: number;
  termMonths: number;
}

export function debtFundApi(api: Api) {
  const r = api.request;
  return {
    statement: (debtFileId: string) => r<FundStatement>('GET', `/debt-fund/files/${encodeURIComponent(debtFileId)}/statement`),
    takeOver: (debtFileId: string, body: { decisionOn: string; monthlyCents?: number }) => r<TakeOverResult>('POST', `/debt-fund/files/${encodeURIComponent(debtFileId)}/take-over`, body),
    dashboard: () => r<FundDashboard>('GET', '/debt-fund/dashboard'),
  };
}
