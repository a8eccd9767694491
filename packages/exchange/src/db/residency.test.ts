import { createBrpClient, startFakeBrp } from '@kern/registry';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { livedThroughout } from './pg-invoice-backend';
import { brpResidency, type ResidencySource } from './residency';

// The official GBA-V test persons behind the fake Haal Centraal BRP: 999993653 was registered in
// Rotterdam on 2 November 2013; 999990147 died on 26 May 2018, registered in Rotterdam; 999993872
// has lived in Rotterdam since 1 February 1991; 999992077 is registered in another municipality.
describe('residency from the BRP for invoice verification', () => {
  let brp: Awaited<ReturnType<typeof startFakeBrp>>;
  let residency: ResidencySource;
  beforeAll(async () => {
    brp = await startFakeBrp({ port: 0 });
    residency = brpResidency(createBrpClient({ baseUrl: brp.url, apiKey: 'demo-key' }));
  });
  afterAll(async () => {
    await brp.close();
  });

  it('starts on the day of registration in the municipality and ends at death', async () => {
    const found = await residency.residence('0599', ['999993653', '999990147', '999993872', '999992077']);
    expect(found.get('999993653')).toEqual({ from: '2013-11-02', to: null });
    expect(found.get('999990147')?.to).toBe('2018-05-26');
    expect(found.get('999993872')).toEqual({ from: '1991-02-01', to: null });
    expect(found.has('999992077')).toBe(false);
  });

  it('refuses care delivered before the client registered or after death, and accepts care inside the registration', async () => {
    const found = await residency.residence('0599', ['999993653', '999990147']);
    expect(livedThroughout(found.get('999993653'), '2013-10-01', '2013-10-31')).toBe(false);
    expect(livedThroughout(found.get('999993653'), '2013-11-01', '2013-11-30')).toBe(false);
    expect(livedThroughout(found.get('999993653'), '2026-10-01', '2026-10-31')).toBe(true);
    expect(livedThroughout(found.get('999990147'), '2018-06-01', '2018-06-30')).toBe(false);
  });

  it('asks nothing for a BSN that fails the 11-test and counts it as no resident', async () => {
    const found = await residency.residence('0599', ['123456789']);
    expect(found.size).toBe(0);
  });
});
