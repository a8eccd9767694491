/**
 * An in-process stand-in for the BRP: the same HTTP API as Haal Centraal BRP bevragen 2.x
 * (POST /haalcentraal/api/brp/personen), serving the official GBA-V test persons. Demo and tests
 * run against it through the real client, so the code that talks to the national BRP in
 * production is the code exercised here. Only the three query types Kern uses are implemented.
 */
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { applyFields } from './fields-filter';
import type { Foutbericht, Persoon } from './haal-centraal.schema';
import { parsePersonenQuery, type ApiInvalidParam, type PersonenQuery } from './personen-query';
import type { FakeBrpPopulation } from './fake-brp-population';
import { loadTestPersons } from './test-persons';

export const BRP_BASE_PATH = '/haalcentraal/api/brp';

export interface FakeBrpOptions {
  /** Defaults to the GBA-V test set. */
  persons?: readonly Persoon[];
  /** When set, every request must carry it in `X-API-KEY` (as the real API gateway demands). */
  apiKey?: string;
  /** A generated city served next to the test persons (lookups by BSN and by address only). */
  population?: FakeBrpPopulation;
}

export interface StartFakeBrpOptions extends FakeBrpOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  host?: string;
}

export interface RunningFakeBrp {
  /** Base URL to give the client, e.g. `http://127.0.0.1:41234/haalcentraal/api/brp`. */
  url: string;
  close(): Promise<void>;
}

const JSON_TYPE = 'application/json; charset=utf-8';
const PROBLEM_TYPE = 'application/problem+json';

const fold = (s: string): string => s.toLocaleLowerCase('nl');

/** The spec's text filters: case-insensitive, with a trailing `*` as a prefix wildcard. */
function textMatches(filter: string | undefined, value: string | undefined): boolean {
  if (filter === undefined) return true;
  if (value === undefined) return false;
  return filter.endsWith('*') ? fold(value).startsWith(fold(filter.slice(0, -1))) : fold(value) === fold(filter);
}

const normalisePostcode = (p: string | undefined): string => (p ?? '').replace(/\s+/g, '').toUpperCase();

const isDeceased = (p: Persoon): boolean => p.overlijden !== undefined || p.opschortingBijhouding?.reden?.code === 'O';

const birthDateIs = (p: Persoon, iso: string | undefined): boolean =>
  iso === undefined || (p.geboorte?.datum?.type === 'Datum' && p.geboorte.datum.datum === iso);

function select(persons: readonly Persoon[], byBsn: ReadonlyMap<string, Persoon>, q: PersonenQuery, population?: FakeBrpPopulation): Persoon[] {
  const inMunicipality = (p: Persoon): boolean =>
    q.gemeenteVanInschrijving === undefined || p.gemeenteVanInschrijving?.code === q.gemeenteVanInschrijving;
  switch (q.type) {
    case 'RaadpleegMetBurgerservicenummer':
      // Consulting by BSN also returns deceased persons: the spec offers no inclusiefOverledenPersonen here.
      return [...new Set(q.burgerservicenummer)]
        .map((bsn) => byBsn.get(bsn) ?? population?.byBsn(bsn))
        .filter((p): p is Persoon => p !== undefined && inMunicipality(p));
    case 'ZoekMetGeslachtsnaamEnGeboortedatum':
      return persons.filter(
        (p) =>
          inMunicipality(p) &&
          (q.inclusiefOverledenPersonen || !isDeceased(p)) &&
          textMatches(q.geslachtsnaam, p.naam?.geslachtsnaam) &&
          birthDateIs(p, q.geboortedatum) &&
          textMatches(q.voornamen, p.naam?.voornamen) &&
          textMatches(q.voorvoegsel, p.naam?.voorvoegsel) &&
          (q.geslacht === undefined || fold(q.geslacht) === fold(p.geslacht?.code ?? '')),
      );
    case 'ZoekMetPostcodeEnHuisnummer':
      return [...persons, ...(population?.atAddress(normalisePostcode(q.postcode), q.huisnummer) ?? [])].filter((p) => {
        if (!inMunicipality(p) || (!q.inclusiefOverledenPersonen && isDeceased(p))) return false;
        if (p.verblijfplaats?.type !== 'Adres') return false;
        const a = p.verblijfplaats.verblijfadres;
        return (
          normalisePostcode(a?.postcode) === normalisePostcode(q.postcode) &&
          a?.huisnummer === q.huisnummer &&
          // Optional address parts narrow the search only when given, like the real API.
          (q.huisletter === undefined || fold(a.huisletter ?? '') === fold(q.huisletter)) &&
          (q.huisnummertoevoeging === undefined || fold(a.huisnummertoevoeging ?? '') === fold(q.huisnummertoevoeging)) &&
          birthDateIs(p, q.geboortedatum) &&
          textMatches(q.geslachtsnaam, p.naam?.geslachtsnaam)
        );
      });
  }
}

function problem(reply: FastifyReply, request: FastifyRequest, body: Foutbericht & { status: number }): FastifyReply {
  return reply
    .code(body.status)
    .type(PROBLEM_TYPE)
    .send({ ...body, instance: request.url });
}

function badRequest(reply: FastifyReply, request: FastifyRequest, invalidParams: ApiInvalidParam[]): FastifyReply {
  return problem(reply, request, {
    type: 'https://www.w3.org/Protocols/rfc2616/rfc2616-sec10.html#sec10.4.1',
    title: 'Een of meerdere parameters zijn niet correct.',
    status: 400,
    detail: `De foutieve parameter(s) zijn: ${invalidParams.map((p) => p.name).join(', ')}.`,
    code: 'paramsValidation',
    invalidParams: invalidParams.map((p) => ({ type: `https://www.vng.nl/realisatie/api/validaties/${p.code}`, ...p })),
  });
}

/** The Fastify app without a listener, for `app.inject` in tests. */
export function buildFakeBrpApp(options: FakeBrpOptions = {}): FastifyInstance {
  const persons = options.persons ?? loadTestPersons();
  const byBsn = new Map(persons.flatMap((p) => (p.burgerservicenummer ? [[p.burgerservicenummer, p] as const] : [])));
  const app = Fastify({ logger: false });

  app.setErrorHandler((error: { statusCode?: number; message: string }, request, reply) => {
    const status = error.statusCode ?? 500;
    if (status === 415) {
      return problem(reply, request, { title: 'Media Type wordt niet ondersteund.', status, code: 'unsupported' });
    }
    if (status >= 400 && status < 500) {
      // Unparseable JSON and the like: the body as a whole is the bad parameter.
      return badRequest(reply, request, [{ name: 'body', code: 'json', reason: 'Request body is geen geldige JSON.' }]);
    }
    return problem(reply, request, { title: 'Interne server fout.', status: 500, code: 'serverError' });
  });

  app.addHook('onRequest', async (request, reply) => {
    if (options.apiKey !== undefined && request.headers['x-api-key'] !== options.apiKey) {
      return problem(reply, request, { title: 'Niet correct geauthenticeerd.', status: 401, code: 'authentication' });
    }
  });

  app.post(`${BRP_BASE_PATH}/personen`, async (request, reply) => {
    // Fastify also parses text/plain; the API accepts JSON only.
    if (!/^application\/json\b/i.test(request.headers['content-type'] ?? '')) {
      return problem(reply, request, { title: 'Media Type wordt niet ondersteund.', status: 415, code: 'unsupported' });
    }
    const parsed = parsePersonenQuery(request.body);
    if (!parsed.ok) return badRequest(reply, request, parsed.invalidParams);
    const { query } = parsed;
    const personen = select(persons, byBsn, query, options.population).map((p) => applyFields(p, query.fields));
    return reply.code(200).type(JSON_TYPE).send({ type: query.type, personen });
  });

  return app;
}

export async function startFakeBrp(options: StartFakeBrpOptions = {}): Promise<RunningFakeBrp> {
  const app = buildFakeBrpApp(options);
  const host = options.host ?? '127.0.0.1';
  await app.listen({ port: options.port ?? 0, host });
  const address = app.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : (options.port ?? 0);
  const urlHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${urlHost}:${port}${BRP_BASE_PATH}`,
    close: async () => {
      await app.close();
    },
  };
}
