/** iStandaarden regie messages: the client for /api/v1/exchange (requests inbox, 319 answers, client status). Types mirror the server's zod schemas. */
import type { Api } from '../api';

export type RequestStatus = 'open' | 'in-onderzoek' | 'refused' | 'granted';

export interface RegieRequest {
  id: string;
  kind: '315' | '317';
  standard: 'iwmo' | 'ijw';
  providerAgb: string;
  subjectBsn: string;
  referentieAanbieder: string;
  details: Record<string, unknown>;
  status: RequestStatus;
  receivedAt: string;
}

export interface AnswerInput {
  verzoekAntwoord: '1' | '2';
  redenAfwijzingVerzoek?: string | null;
  woonplaatsbeginselGemeente?: string | null;
}

export interface AnswerResult {
  request: RegieRequest;
  messageType: '319';
  identification: string;
  xml: string;
}

export function exchangeRegieApi(api: Api) {
  const r = api.request;
  return {
    requests: (status?: RequestStatus) => r<{ requests: RegieRequest[] }>('GET', `/exchange/requests${status ? `?status=${status}` : ''}`).then((x) => x.requests),
    answer: (id: string, input: AnswerInput) => r<AnswerResult>('POST', `/exchange/requests/${encodeURIComponent(id)}/answer`, input),
  };
}
