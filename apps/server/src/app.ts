import { existsSync } from 'node:fs';
import { join } from 'node:path';
import cookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { accessRoutes, consentRoutes, type KernApp } from '@kern/access';
import { assessmentsRoutes } from '@kern/assessments';
import { casesRoutes } from '@kern/cases';
import { catalogueRoutes } from '@kern/catalogue';
import { contractingRoutes } from '@kern/contracting';
import { debtFundRoutes, debtRoutes } from '@kern/debt';
import { brpResidency, exchangeRegieRoutes, exchangeRoutes, invoicedCare, selfCheckRoutes } from '@kern/exchange';
import { householdRoutes } from '@kern/household';
import { authenticationHook, identityRoutes } from '@kern/identity';
import { insightRoutes } from '@kern/insight';
import { offeringsRoutes } from '@kern/offerings';
import { plansRoutes } from '@kern/plans';
import { portalBrokerRoutes, portalRoutes, representationRoutes } from '@kern/portal';
import { lettersRoutes, makeDecisionLetter, portalLettersRoutes } from '@kern/letters';
import { acknowledgeAllocation, provisionsRoutes } from '@kern/provisions';
import { registryRoutes } from '@kern/registry';
import { tenancyRoutes } from '@kern/tenancy';
import { installStoredDecrees, termijnenRoutes, werkwijzenRoutes } from '@kern/workflows';
import Fastify from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { inputGuard } from './input-guard';
import { errorHandler, notFoundHandler } from './problem';
import { implementRoutes } from './implement-routes';
import { API_VERSION, operationsRoutes } from './operations';
import { guardRoute, type KernRoute } from './route-guard';
import type { KernServices } from './services';

export { API_VERSION } from './operations';

export interface BuiltApp {
  app: KernApp;
  /** The route table as declared, for the audit-coverage test and the OpenAPI check. */
  routes: KernRoute[];
}

export interface BuildOptions {
  /** Routes added by a test or benchmark harness, inside the authenticated API scope. */
  extraRoutes?: (api: KernApp) => void;
}

export async function buildApp(services: KernServices, options: BuildOptions = {}): Promise<BuiltApp> {
  const { config } = services;
  const app = Fastify({
    logger: config.logLevel === 'silent' ? false : { level: config.logLevel },
    bodyLimit: config.bodyLimitBytes,
    trustProxy: false,
    genReqId: () => crypto.randomUUID(),
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  // NUL, lone surrogates and hostile nesting are refused at the edge with a 400 on the field.
  app.addHook('preValidation', inputGuard);
  const webDist = config.webDistDir && existsSync(join(config.webDistDir, 'index.html')) ? config.webDistDir : undefined;
  // The web app routes on the client: unknown non-API GETs get its index.html, the API a problem.
  app.setNotFoundHandler(async (request, reply) => {
    if (webDist && request.method === 'GET' && !request.url.startsWith('/api/')) {
      // citizen portal: its own entry of the web app, under /portaal
      if (/^\/portaal(\/|\?|$)/.test(request.url) && existsSync(join(webDist, 'portaal.html'))) return reply.type('text/html').sendFile('portaal.html');
      return reply.type('text/html').sendFile('index.html');
    }
    return notFoundHandler(request, reply);
  });

  // The statutory calendar counts the decrees (Atw art. 3 lid 3) the operator stored, from the first request on.
  await installStoredDecrees(services.db);

  const routes: KernRoute[] = [];
  app.addHook('onRoute', (route) => guardRoute(route, routes));

  app.addHook('onSend', async (request, reply, payload) => {
    reply.header('API-Version', API_VERSION);
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('Referrer-Policy', 'no-referrer');
    if (!request.url.startsWith('/api/v1/docs')) {
      reply.header('Content-Security-Policy', "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'; form-action 'self'");
    }
    if (request.url.startsWith('/api/')) reply.header('Cache-Control', 'no-store');
    return payload;
  });

  await app.register(cookie);
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Kern API',
        version: API_VERSION,
        description:
          'Kern, an open platform for the Dutch social domain. Staff authenticate with a session cookie (POST /api/v1/sessions) and send the CSRF token as X-CSRF-Token on every state-changing request. Personal-data routes need the purpose header Kern-Purpose (wmo, jeugdwet, participatiewet, wgs, integraal). Errors are application/problem+json with a Dutch and an English message.',
      },
      servers: [{ url: '/' }],
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'kern_session' },
          csrf: { type: 'apiKey', in: 'header', name: 'X-CSRF-Token' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/v1/docs' });

  await app.register(async (api) => {
    const typed = api.withTypeProvider<ZodTypeProvider>();
    typed.addHook('onRequest', authenticationHook(services));

    await implementRoutes(typed, 'operations', operationsRoutes(services, app as unknown as KernApp));

    await implementRoutes(typed, 'identity', identityRoutes({ ...services, secureCookies: config.secureCookies }));
    await implementRoutes(typed, 'tenancy', tenancyRoutes(services));
    await implementRoutes(typed, 'access', accessRoutes(services));
    await implementRoutes(typed, 'registry', registryRoutes(services));
    await implementRoutes(typed, 'werkwijzen', werkwijzenRoutes(services));
    await implementRoutes(typed, 'termijnen', termijnenRoutes(services));
    await implementRoutes(typed, 'cases', casesRoutes(services));
    // integral client view (household, consent, plans, assessments, offerings)
    await implementRoutes(typed, 'consent', consentRoutes(services));
    await implementRoutes(typed, 'household', householdRoutes(services));
    await implementRoutes(typed, 'plans', plansRoutes(services));
    await implementRoutes(typed, 'assessments', assessmentsRoutes(services));
    await implementRoutes(typed, 'offerings', offeringsRoutes(services));

    // citizen portal (its own session cookie and CSRF token); the DigiD broker only where one is configured
    await implementRoutes(typed, 'portal', portalRoutes(services));
    if (services.citizenIdentityProvider) await implementRoutes(typed, 'portal', portalBrokerRoutes(services));
    await implementRoutes(typed, 'representations', representationRoutes(services));

    // provisions, contracting, iStandaarden exchange
    // product catalogue and contracting
    await implementRoutes(typed, 'catalogue', catalogueRoutes(services));
    await implementRoutes(typed, 'contracting', contractingRoutes(services));
    // provisions: decisions and allocations
    await implementRoutes(typed, 'provisions', provisionsRoutes({ ...services, invoicedCare, decisionRecorded: (tx, ctx, decision) => makeDecisionLetter(services, tx, ctx, decision) }));
    await implementRoutes(typed, 'letters', lettersRoutes(services));
    await implementRoutes(typed, 'portal-letters', portalLettersRoutes(services));
    // exchange: invoice delivery (323 -> 325), inbox, payment batches
    await implementRoutes(typed, 'exchange', exchangeRoutes({ ...services, residency: brpResidency(services.brp), uploadLimitBytes: config.exchangeUploadLimitBytes }));
    // exchange regie messages (301/302, 305-308, 315-320)
    await implementRoutes(typed, 'exchange-regie', exchangeRegieRoutes({ ...services, allocationAcknowledged: acknowledgeAllocation }));
    // the provider self-check: public, message-level rules only, nothing stored
    await implementRoutes(typed, 'exchange-check', selfCheckRoutes(services));

    // debt help
    await implementRoutes(typed, 'debt', debtRoutes(services));
    await implementRoutes(typed, 'debt-fund', debtFundRoutes(services));

    // insight
    await implementRoutes(typed, 'insight', insightRoutes(services));
    options.extraRoutes?.(typed);
  });

  if (webDist) {
    await app.register(fastifyStatic, { root: webDist, prefix: '/', wildcard: false, index: ['index.html'] });
  }

  await app.ready();
  return { app: app as unknown as KernApp, routes };
}
