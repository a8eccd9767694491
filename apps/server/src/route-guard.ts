import type { PersonalDataUse } from '@kern/access';
import type { RouteOptions } from 'fastify';

export interface KernRoute {
  method: string;
  url: string;
  auth: 'public' | 'staff' | 'citizen';
  personalData: PersonalDataUse;
  /** The module contract the route was implemented from; every /api route has one. */
  contract?: { module: string; name: string };
}

/**
 * Every API route must say who may call it and whether it touches personal data; a route that
 * does not is a programming error, refused at start-up rather than discovered in an audit.
 */
export function guardRoute(route: RouteOptions, registry: KernRoute[]): void {
  // The browsable API reference is static documentation served by @fastify/swagger-ui.
  if (!route.url.startsWith('/api/') || route.url.startsWith('/api/v1/docs')) return;
  const config = (route.config ?? {}) as { auth?: 'public' | 'staff' | 'citizen'; personalData?: PersonalDataUse; contract?: { module: string; name: string } };
  if (!config.auth || !config.personalData) {
    throw new Error(`Route ${String(route.method)} ${route.url} must declare config.auth and config.personalData`);
  }
  if (config.personalData !== 'none' && config.auth === 'public') {
    throw new Error(`Route ${String(route.method)} ${route.url} touches personal data and must require a staff or citizen session`);
  }
  const methods = Array.isArray(route.method) ? route.method : [route.method];
  for (const method of methods) {
    if (method === 'HEAD') continue;
    const contract = config.contract ? { contract: { module: config.contract.module, name: config.contract.name } } : {};
    registry.push({ method, url: route.url, auth: config.auth, personalData: config.personalData, ...contract });
  }
}
