import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { Api } from '../../api';
import type { AssessmentHistory, Instrument } from '../../api/assessments';
import { contractCaller, type RequestFn } from '../../api/client';
import { fakeApi, renderInApp } from '../../test/render';
import { AssessmentPanel } from './AssessmentPanel';

const t = (nl: string, en: string) => ({ nl, en });
const zrm: Instrument = {
  id: 'zrm',
  name: t('Zelfredzaamheid-Matrix', 'Self-Sufficiency Matrix'),
  subject: 'person',
  source: 'test',
  licensedLevelTexts: false,
  levelTextsLoaded: false,
  scale: { min: 1, max: 5, labels: [{ value: 1, label: t('acute problematiek', 'acute problems') }, { value: 5, label: t('volledig zelfredzaam', 'fully self-sufficient') }] },
  domains: [
    { key: 'financien', name: t('Financiën', 'Finances'), levels: [] },
    { key: 'werk', name: t('Werk & opleiding', 'Work & education'), levels: [] },
    { key: 'huisvesting', name: t('Huisvesting', 'Housing'), levels: [] },
  ],
};
const history: AssessmentHistory = {
  subjectBsn: '999993653',
  byInstrument: [
    {
      instrumentId: 'zrm',
      assessments: [
        { id: 'a1', instrumentId: 'zrm', subjectBsn: '999993653', assessedOn: '2026-01-10', scores: { financien: 1, werk: 3 }, note: null, recordedAt: '2026-01-10T10:00:00Z' },
        { id: 'a2', instrumentId: 'zrm', subjectBsn: '999993653', assessedOn: '2026-03-10', scores: { financien: 2, werk: 3, huisvesting: 5 }, note: null, recordedAt: '2026-03-10T10:00:00Z' },
      ],
    },
  ],
};

function fakeServer(record = vi.fn().mockResolvedValue({})) {
  const request = vi.fn((method: string, path: string, body?: unknown) => {
    if (method === 'GET' && path === '/assessment-instruments') return Promise.resolve({ instruments: [zrm] });
    if (method === 'GET' && path === '/residents/999993653/assessments') return Promise.resolve(history);
    if (method === 'POST' && path === '/assessments') return record(body) as Promise<unknown>;
    return Promise.reject(new Error(`unexpected ${method} ${path}`));
  });
  // The client calls through the assessments contract; the fake server answers the request it makes.
  return { record, api: fakeApi({ request: request as unknown as Api['request'], call: contractCaller(request as unknown as RequestFn) }) };
}

describe('AssessmentPanel charts and their text alternative', () => {
  it('the radar and line charts are images named by their title and described in words', async () => {
    renderInApp(<AssessmentPanel bsn="999993653" />, { api: fakeServer().api });
    const radar = await screen.findByRole('img', { name: /Zelfredzaamheid-Matrix: Huidige stand \(10 maart 2026\)/ });
    expect(radar.textContent).toContain('Radardiagram van de laatste meting van Zelfredzaamheid-Matrix op 10 maart 2026: per domein de score op de schaal 1 tot 5.');
    // One spoke label per domain, one point per scored domain of the latest assessment.
    expect(within(radar).getByText('Werk & opleiding')).toBeTruthy();
    expect(radar.querySelectorAll('circle')).toHaveLength(3);
    const line = screen.getByRole('img', { name: /Zelfredzaamheid-Matrix: Verloop/ });
    expect(line.querySelectorAll('polyline')).toHaveLength(3);
    // Two dates for Financiën and Werk, one for Huisvesting: five points in all.
    expect(line.querySelectorAll('circle')).toHaveLength(5);
  });

  it('the table beside the charts holds the same scores, one row per domain and one column per date', async () => {
    renderInApp(<AssessmentPanel bsn="999993653" />, { api: fakeServer().api });
    const table = await screen.findByRole('table', { name: 'Zelfredzaamheid-Matrix' });
    expect(within(table).getAllByRole('columnheader').map((h) => [h.textContent, h.getAttribute('scope')])).toEqual([
      ['Domein', 'col'],
      ['10 januari 2026', 'col'],
      ['10 maart 2026', 'col'],
    ]);
    const rows = within(table).getAllByRole('row').slice(1).map((row) => [within(row).getByRole('rowheader').textContent, ...within(row).getAllByRole('cell').map((c) => c.textContent)]);
    expect(rows).toEqual([
      ['Financiën', '1 (acute problematiek)', '2'],
      ['Werk & opleiding', '3', '3'],
      ['Huisvesting', '—', '5 (volledig zelfredzaam)'],
    ]);
  });

  it('in English the chart names and the table are English', async () => {
    renderInApp(<AssessmentPanel bsn="999993653" />, { api: fakeServer().api, lang: 'en' });
    expect(await screen.findByRole('img', { name: /Self-Sufficiency Matrix: Current state \(10 March 2026\)/ })).toBeTruthy();
    expect(screen.getByRole('rowheader', { name: 'Finances' })).toBeTruthy();
  });
});

describe('Record an assessment', () => {
  it('an empty date says "Vul dit veld in." on the date field and records nothing', async () => {
    const { api, record } = fakeServer();
    const { user } = renderInApp(<AssessmentPanel bsn="999993653" />, { api });
    const date = await screen.findByLabelText('Datum van de meting');
    await user.clear(date);
    await user.click(screen.getByRole('button', { name: 'Meting opslaan' }));
    expect(date.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById('asm-date-999993653-error')?.textContent).toContain('Vul dit veld in.');
    expect(document.activeElement).toBe(date);
    expect(record).not.toHaveBeenCalled();
  });

  it('records the chosen scores only, for the date typed, submitted with Enter', async () => {
    const { api, record } = fakeServer();
    const { user } = renderInApp(<AssessmentPanel bsn="999993653" />, { api });
    await user.selectOptions(await screen.findByLabelText('Financiën'), '3');
    const date = screen.getByLabelText('Datum van de meting');
    await user.clear(date);
    await user.type(date, '2026-04-01{Enter}');
    await waitFor(() => expect(record).toHaveBeenCalled());
    expect(record).toHaveBeenCalledWith({ instrumentId: 'zrm', subjectBsn: '999993653', assessedOn: '2026-04-01', scores: { financien: 3 } });
    expect(await screen.findByRole('status')).toHaveProperty('textContent', 'Meting opgeslagen.');
  });
});
