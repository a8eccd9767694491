import type { KernApp, ModuleRoutes } from '@kern/access';
import type { Contract, RouteContract } from '@kern/kit/contract';
import type { FastifyReply, FastifyRequest, RouteOptions } from 'fastify';

/**
 * The one place routes are made: each module's contract entry becomes a Fastify route with its
 * method, path, schemas (zod, so OpenAPI, validation and serialisation come from the same
 * object), auth and personal-data use, and the module's handler. The route guard then finds the
 * contract on the route's config; a route without one is refused at start-up.
 */
export async function implementRoutes<C extends Contract>(app: KernApp, module: string, routes: ModuleRoutes<C>): Promise<void> {
  // Each module in its own scope, so its hooks and raw-body parsers stay its own.
  await app.register(async (scope: KernApp) => {
    routes.scope?.(scope);
    for (const [name, route] of Object.entries(routes.contract as Contract)) {
      const handler = (routes.handlers as Record<string, (request: FastifyRequest, reply: FastifyReply) => Promise<unknown>>)[name];
      if (!handler) throw new Error(`${module}.${name}: the contract has a route without a handler`);
      const raw = route.raw;
      if (raw) {
        // An upload is handed to its handler as the request stream, read with bounds there; in a
        // scope of its own, so the module's other routes still refuse such a body (415).
        await scope.register(async (upload: KernApp) => {
          upload.addContentTypeParser([...raw.contentTypes], (_request, payload, done) => done(null, payload));
          upload.route(routeOptions(module, name, route, handler));
        });
      } else {
        scope.route(routeOptions(module, name, route, handler));
      }
    }
  });
}

function routeOptions(module: string, name: string, route: RouteContract, handler: RouteOptions['handler']): RouteOptions {
  const bodyLimit = route.raw?.limitBytes ?? route.bodyLimit;
  return {
    method: route.method,
    url: route.path,
    ...(bodyLimit !== undefined ? { bodyLimit } : {}),
    config: { auth: route.auth, personalData: route.personalData, contract: { module, name, route } },
    schema: {
      tags: [...route.tags],
      summary: route.summary,
      ...(route.hide ? { hide: true } : {}),
      ...(route.params ? { params: route.params } : {}),
      ...(route.query ? { querystring: route.query } : {}),
      ...(route.body ? { body: route.body } : {}),
      ...(route.raw ? { consumes: [...route.raw.contentTypes] } : {}),
      ...(route.produces ? { produces: [route.produces] } : {}),
      // A route with no answer schema (a PDF download) keeps Fastify's default answer in the document.
      ...(Object.keys(route.responses).length > 0 ? { response: route.responses } : {}),
    },
    handler,
  };
}
