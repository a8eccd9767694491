import { contextOf, moduleRoutes, runAsTenant } from '@kern/access';
import type { Tx } from '@kern/db';
import { citizenScope, portalContext, requireCitizenSession, type PortalServices, type ResolvedCitizenSession } from '@kern/portal';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { lettersContract, portalLettersContract, type Letter } from './contract';
import { downloadLetter, downloadMyLetter, listMyLetters, readCaseLetters } from './read-letters';

const sendPdf = (reply: FastifyReply, out: { letter: Letter; pdf: Uint8Array }) =>
  reply.type('application/pdf').header('Content-Disposition', `attachment; filename="brief-${out.letter.createdAt.slice(0, 10)}.pdf"`).header('Cache-Control', 'no-store').send(Buffer.from(out.pdf));

/** Staff: the letters on a case and their PDFs, each a use case in the actor's tenant. */
export function lettersRoutes(services: PortalServices) {
  const run = <T>(request: FastifyRequest, fn: (tx: Tx, ctx: ReturnType<typeof contextOf>) => Promise<T>): Promise<T> => {
    const ctx = contextOf(request);
    return runAsTenant(services, ctx, (tx) => fn(tx, ctx));
  };
  return moduleRoutes(lettersContract, {
    caseLetters: async (request) => ({ letters: await run(request, (tx, ctx) => readCaseLetters(services, tx, ctx, request.params.id)) }),
    letterPdf: async (request, reply) => sendPdf(reply, await run(request, (tx, ctx) => downloadLetter(services, tx, ctx, request.params.id))),
  });
}

/** Citizen: "Brieven" in Mijn gemeente, behind the portal's own session (its hook, in this module's scope). */
export function portalLettersRoutes(services: PortalServices) {
  const asCitizen = <T>(request: FastifyRequest, fn: (tx: Tx, s: ResolvedCitizenSession) => Promise<T>): Promise<T> => {
    const s = requireCitizenSession(request.citizenSession);
    return runAsTenant(services, portalContext(s, request.id), (tx) => fn(tx, s));
  };
  return moduleRoutes(portalLettersContract, {
    myLetters: async (request) => ({ letters: await asCitizen(request, (tx, s) => listMyLetters(services, tx, s, request.params.ref, request.id)) }),
    myLetterPdf: async (request, reply) => sendPdf(reply, await asCitizen(request, (tx, s) => downloadMyLetter(services, tx, s, request.params.ref, request.params.id, request.id))),
  }, citizenScope(services));
}
