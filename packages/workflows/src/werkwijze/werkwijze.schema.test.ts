import { describe, expect, it } from 'vitest';
import { categoriesForLaw, werkwijzeSchema } from './werkwijze.schema';

describe('werkwijze vocabulary', () => {
  it('knows the iStandaarden categories per law: Wmo 01-18, Jeugdwet 31-38 and 40-55, none for income and debt', () => {
    expect(categoriesForLaw('wmo')).toHaveLength(18);
    expect(categoriesForLaw('jeugdwet')).toEqual(expect.arrayContaining(['31', '38', '40', '55']));
    expect(categoriesForLaw('jeugdwet')).not.toContain('39');
    expect(categoriesForLaw('wgs')).toEqual([]);
  });

  it('refuses unknown keys, so a typo never silently drops a rule', () => {
    const r = werkwijzeSchema.safeParse({ id: 'a', name: 'a', version: 1, description: 'a', caseTypes: [{ id: 'a', name: 'a', law: 'wmo', subject: 'person', start: 'a' }], steps: [{ id: 'a', name: 'a', phase: 'melding', roles: ['auditor'], finale: true }] });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]).toMatchObject({ path: ['steps', 0], message: expect.stringContaining('finale') });
  });
});
