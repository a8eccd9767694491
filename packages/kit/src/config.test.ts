import { describe, expect, it } from 'vitest';
import { loadConfig } from './config';

describe('loadConfig', () => {
  it('defaults to port 8080 and ./data when nothing is set', () => {
    const c = loadConfig({});
    expect(c.port).toBe(8080);
    expect(c.dataDir).toBe('./data');
    expect(c.databaseUrl).toBeUndefined();
  });
  it('honours PORT, KERN_DATA_DIR and DATABASE_URL', () => {
    const c = loadConfig({ PORT: '9123', KERN_DATA_DIR: '/tmp/k', DATABASE_URL: 'postgres://u@h:5432/db' });
    expect(c).toMatchObject({ port: 9123, dataDir: '/tmp/k', databaseUrl: 'postgres://u@h:5432/db' });
  });
  it('refuses an invalid port with a message naming the setting', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/port/);
  });
});
