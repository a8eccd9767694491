import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestKern, type TestKern } from './testing';

/**
 * The OpenAPI document, the route guard and the web client read one table: every module's
 * contract. A route declared any other way would be a second source of truth.
 */

describe('routes come from the module contracts', () => {
  let kern: TestKern;
  beforeAll(async () => {
    kern = await startTestKern();
  });
  afterAll(async () => kern.close());

  it('every operation in the OpenAPI document is implemented from a contract entry with the same method and path', async () => {
    const response = await kern.anonymous.request('GET', '/api/v1/openapi.json');
    const document = JSON.parse(response.body) as { paths: Record<string, Record<string, unknown>> };
    const operations = Object.entries(document.paths).flatMap(([path, item]) =>
      Object.keys(item).map((method) => ({ method: method.toUpperCase(), url: path.replace(/\{([^}]+)\}/g, ':$1') })),
    );
    expect(operations.length).toBeGreaterThan(100);
    const withoutContract = operations.filter(
      (operation) => !kern.routes.some((route) => route.method === operation.method && route.url === operation.url && route.contract),
    );
    expect(withoutContract).toEqual([]);
  });

  it('every /api route the server registered names its module contract, the hidden ones included', () => {
    const apiRoutes = kern.routes.filter((route) => route.url.startsWith('/api/'));
    expect(apiRoutes.filter((route) => !route.contract).map((route) => `${route.method} ${route.url}`)).toEqual([]);
  });
});
