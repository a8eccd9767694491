import { describe, expect, it } from 'vitest';
import { loadConfig, secureCookieFor } from './config';

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

describe('secure cookies', () => {
  it('are Secure by default on every host but plain localhost', () => {
    const { secureCookies } = loadConfig({});
    expect(secureCookieFor(secureCookies, 'kern.rotterdam.nl')).toBe(true);
    expect(secureCookieFor(secureCookies, '10.0.0.5')).toBe(true);
    expect(secureCookieFor(secureCookies, 'localhost')).toBe(false);
    expect(secureCookieFor(secureCookies, '127.0.0.1')).toBe(false);
  });
  it('follow KERN_SECURE_COOKIES when it is set, also to false', () => {
    expect(secureCookieFor(loadConfig({ KERN_SECURE_COOKIES: 'true' }).secureCookies, 'localhost')).toBe(true);
    expect(secureCookieFor(loadConfig({ KERN_SECURE_COOKIES: 'false' }).secureCookies, 'kern.rotterdam.nl')).toBe(false);
  });
  it('refuses a checkpoint directory without a key', () => {
    expect(() => loadConfig({ KERN_AUDIT_CHECKPOINT_DIR: '/tmp/x' })).toThrow(/auditCheckpointKey/);
  });
});
