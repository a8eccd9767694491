import { contextOf, moduleRoutes, runAsTenant } from '@kern/access';
import { debtContract } from './contract';
import type { DebtServices } from './debt-file-access';
import { decideAccess, recordFirstConversation, startMoratorium } from './debt-process';
import { offerLetterPdf } from './offer-letter';
import { residentOverviewPdf } from './resident-overview';
import { openDebtFile } from './open-debt-file';
import { listTeamDebtFiles, readDebtFile } from './read-debt-file';
import { importSignalFile, receiveSignalBatch } from './receive-signals';
import { addDebtEvidence, registerDebt, updateDebtStatus } from './register-debt';
import { listSignals, offerHelp, respondToOffer } from './signal-offers';
import { proposeSolution, recordOfferResponse } from './solutions';
import { calculateVtlb, listNormTables, storeNormTable } from './vtlb-use-cases';

/** Thin HTTP mapping for debt help; every handler runs one use case in the actor's tenant. */
export function debtRoutes(services: DebtServices) {
  const run = <T>(request: Parameters<typeof contextOf>[0], fn: (tx: Parameters<Parameters<typeof runAsTenant>[2]>[0], ctx: ReturnType<typeof contextOf>) => Promise<T>): Promise<T> => {
    const ctx = contextOf(request);
    return runAsTenant(services, ctx, (tx) => fn(tx, ctx));
  };

  return moduleRoutes(debtContract, {
    receiveSignals: async (request) => run(request, (tx, ctx) => receiveSignalBatch(services, tx, ctx, request.body.signals)),
    importSignalFile: async (request) => run(request, (tx, ctx) => importSignalFile(services, tx, ctx, request.body.csv)),
    listSignals: async (request) => run(request, (tx, ctx) => listSignals(services, tx, ctx, request.query)),
    offerHelp: async (request) => run(request, (tx, ctx) => offerHelp(services, tx, ctx, request.params.id)),
    respondToOffer: async (request) => run(request, (tx, ctx) => respondToOffer(services, tx, ctx, request.params.id, request.body)),
    openDebtFile: async (request, reply) => reply.code(201).send(await run(request, (tx, ctx) => openDebtFile(services, tx, ctx, request.body))),
    listDebtFiles: async (request) => run(request, (tx, ctx) => listTeamDebtFiles(services, tx, ctx)),
    readDebtFile: async (request) => run(request, (tx, ctx) => readDebtFile(services, tx, ctx, request.params.id)),
    registerDebt: async (request, reply) => reply.code(201).send(await run(request, (tx, ctx) => registerDebt(services, tx, ctx, request.params.id, request.body))),
    updateDebtStatus: async (request, reply) => {
      await run(request, (tx, ctx) => updateDebtStatus(services, tx, ctx, request.params.id, request.params.debtId, request.body));
      return reply.code(204).send(null);
    },
    addDebtEvidence: async (request, reply) => reply.code(201).send(await run(request, (tx, ctx) => addDebtEvidence(services, tx, ctx, request.params.id, request.params.debtId, request.body))),
    recordFirstConversation: async (request) => run(request, (tx, ctx) => recordFirstConversation(services, tx, ctx, request.params.id, request.body)),
    decideAccess: async (request) => run(request, (tx, ctx) => decideAccess(services, tx, ctx, request.params.id, request.body)),
    startMoratorium: async (request) => run(request, (tx, ctx) => startMoratorium(services, tx, ctx, request.params.id, request.body)),
    calculateVtlb: async (request) => run(request, (tx, ctx) => calculateVtlb(services, tx, ctx, request.params.id, request.body)),
    proposeSolution: async (request, reply) => reply.code(201).send(await run(request, (tx, ctx) => proposeSolution(services, tx, ctx, request.params.id, request.body))),
    recordOfferResponse: async (request) => run(request, (tx, ctx) => recordOfferResponse(services, tx, ctx, request.params.id, request.params.offerId, request.body)),
    offerLetter: async (request, reply) => {
      const { fileName, pdf } = await run(request, (tx, ctx) => offerLetterPdf(services, tx, ctx, request.params.id, request.params.creditorId));
      return reply.type('application/pdf').header('Content-Disposition', `attachment; filename="${fileName}"`).send(Buffer.from(pdf));
    },
    residentOverview: async (request, reply) => {
      const { fileName, pdf } = await run(request, (tx, ctx) => residentOverviewPdf(services, tx, ctx, request.params.id));
      return reply.type('application/pdf').header('Content-Disposition', `attachment; filename="${fileName}"`).send(Buffer.from(pdf));
    },
    listNormTables: async (request) => run(request, async (tx, ctx) => {
      const r = await listNormTables(services, tx, ctx);
      return { own: r.own, shipped: [...r.shipped] };
    }),
    storeNormTable: async (request, reply) => reply.code(201).send(await run(request, (tx, ctx) => storeNormTable(services, tx, ctx, request.body))),
  });
}
