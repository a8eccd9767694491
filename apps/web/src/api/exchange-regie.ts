/** iStandaarden regie messages: the client for /api/v1/exchange (requests inbox, 319 answers, client status), typed from @kern/exchange/contract. */
import { exchangeRegieContract, type requestStatusSchema } from '@kern/exchange/contract';
import type { BodyIn, ResponseOf } from '@kern/kit/contract';
import type { z } from 'zod';
import type { Api } from '../api';

export type RequestStatus = z.infer<typeof requestStatusSchema>;
export type RegieRequest = ResponseOf<typeof exchangeRegieContract.requestsInbox>['requests'][number];
export type AnswerInput = BodyIn<typeof exchangeRegieContract.answerRequest>;
export type AnswerResult = ResponseOf<typeof exchangeRegieContract.answerRequest>;

export function exchangeRegieApi(api: Api) {
  const c = exchangeRegieContract;
  return {
    requests: (status?: RequestStatus) => api.call(c.requestsInbox, { query: { status } }).then((x) => x.requests),
    answer: (id: string, input: AnswerInput) => api.call(c.answerRequest, { params: { id }, body: input }),
  };
}
