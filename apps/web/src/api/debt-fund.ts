/** The municipal debt fund: the client for /api/v1/debt-fund, typed from @kern/debt/contract. */
import { debtFundContract, type cohortRowSchema, type FundDashboard, type Participation, type Statement } from '@kern/debt/contract';
import type { ResponseOf } from '@kern/kit/contract';
import type { z } from 'zod';
import type { Api } from '../api';

export type { FundDashboard };
export type FundParticipation = Participation;
export type FundStatement = Statement;
export type FundCohort = z.infer<typeof cohortRowSchema>;
export type TakeOverResult = ResponseOf<typeof debtFundContract.takeOver>;

export function debtFundApi(api: Api) {
  const c = debtFundContract;
  return {
    statement: (debtFileId: string) => api.call(c.statement, { params: { id: debtFileId } }),
    takeOver: (debtFileId: string, body: { decisionOn: string; monthlyCents?: number }) => api.call(c.takeOver, { params: { id: debtFileId }, body }),
    dashboard: () => api.call(c.dashboard),
  };
}
