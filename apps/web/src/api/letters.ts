/** Letters (brieven): the client for the letters on a case, typed from @kern/letters/contract. */
import { lettersContract, type Letter } from '@kern/letters/contract';
import type { Api } from '../api';
import { urlOf } from './client';

export type { Letter };

export function lettersApi(api: Api) {
  return {
    caseLetters: (caseId: string) => api.call(lettersContract.caseLetters, { params: { id: caseId } }).then((r) => r.letters),
  };
}

/** A letter's PDF. Fetched rather than linked: the route needs the purpose header (doelbinding) a plain link cannot send. */
export async function fetchLetterPdf(id: string, purpose: string): Promise<Blob> {
  const response = await fetch(urlOf(lettersContract.letterPdf, { params: { id } }), {
    headers: { 'Kern-Purpose': purpose, Accept: 'application/pdf, application/problem+json' },
    credentials: 'same-origin',
  });
  if (!response.ok) throw new Error(`PDF ${response.status}`);
  return response.blob();
}
