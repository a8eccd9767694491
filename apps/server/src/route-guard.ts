import type { PersonalDataUse } from '@kern/access';
import type { RouteOptions } from 'fastify';

export interface KernRoute {
  method: string;
  url: string;
  auth: 'public' | 'staff' | 'citizen';
  personalData: PersonalDataUse;
}

/**
 * Every API route must say who may call it and whether it touches personal data; a route that
 * does not is a programming error, refused at start-up rather than discovered in an audit.
 */
export function guardRoute(route: RouteOptions, registry: KernRoute[]): void {
  // The browsable API reference is static documentation served by @fastify/swagger-ui.
  if (!route.url.startsWith('/api/') || route.url.startsWith('/api/v1/docs')) return;
  const config = (route.config ?? {}) as { auth?: 'public' | 'staff' | 'citizen'; personalData?: PersonalDataUse };
  if (!config.auth || !config.personalData) {
    throw new Error(`Route ${String(route.method)} ${route.url} must declare config.auth and config.personalData`);
  }
  if (config.personalData !== 'none' && config.auth === 'public') {
    throw new Error(`Route ${String(route.method)} ${route.url} touches personal data and must require a staff or citizen session`);
  }
  const methods = Array.isArray(route.method) ? route.method : [route.method];
  for (const method of methods) {
    if (method === 'HEAD') continue;
    registry.push({ method, url: route.url, auth: config.auth, personalData: config.personalData });
  }
}
