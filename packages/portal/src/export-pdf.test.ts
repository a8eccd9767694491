import { extractPdfText } from '@kern/documents/testing';
import { describe, expect, it } from 'vitest';
import { myDataPdf } from './export-pdf';
import type { MyData } from './contract';

const data: MyData = {
  person: { ref: '00000000-0000-4000-8000-000000000001', name: 'Erdős Pál', relation: 'self' },
  registry: { name: 'Erdős Pál', birthDate: '1980-02-29', address: 'Straße 1, Łódź', source: 'BRP' },
  cases: [], requests: [], messages: [], contactEmail: null, accessLog: [], generatedAt: '2026-03-01T10:00:00.000Z',
};

describe('my data as PDF', () => {
  it('draws the name and address as the BRP holds them, not as WinAnsi question marks', async () => {
    const text = await extractPdfText(await myDataPdf(data));
    expect(text).toContain('Mijn gegevens / My data: Erdős Pál');
    expect(text).toContain('Adres: Straße 1, Łódź');
  });
});
