import { moduleRoutes, type KernApp } from '@kern/access';
import { sql } from '@kern/db';
import { defineContract, defineRoute } from '@kern/kit/contract';
import { z } from 'zod';
import type { KernServices } from './services';

export const API_VERSION = '1.0.0';

/** The server's own routes: readiness and the OpenAPI document. */
export const operationsContract = defineContract({
  health: defineRoute({
    method: 'GET', path: '/api/v1/health', tags: ['operations'], auth: 'public', personalData: 'none',
    summary: 'Ready when the database answers',
    responses: { 200: z.object({ status: z.literal('ok'), engine: z.string(), apiVersion: z.string() }) },
  }),
  openApi: defineRoute({
    method: 'GET', path: '/api/v1/openapi.json', tags: ['operations'], auth: 'public', personalData: 'none',
    summary: 'This OpenAPI 3.1 document', hide: true,
    responses: {},
  }),
});

export function operationsRoutes(services: KernServices, app: KernApp) {
  return moduleRoutes(operationsContract, {
    health: async () => {
      await sql`select 1`.execute(services.db);
      return { status: 'ok' as const, engine: services.database.engine, apiVersion: API_VERSION };
    },
    openApi: async (_request, reply) => reply.send(app.swagger()),
  });
}
