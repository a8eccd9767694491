import { fileCheckpointStore, PolicyStore, type AccessServices } from '@kern/access';
import type { Database } from '@kern/db';
import type { HouseholdServices } from '@kern/household';
import { staffNames, type IdentityProvider, type IdentityServices } from '@kern/identity';
import { systemClock, type Clock, type Config } from '@kern/kit';
import { logMailSender, type MailSender, type PortalServices } from '@kern/portal';
import type { BrpClient } from '@kern/registry';
import { householdServices } from './household-sections';

/** Everything the use cases need, built once at start-up and passed down explicitly. */
export interface KernServices extends AccessServices, IdentityServices, PortalServices, HouseholdServices {
  database: Database;
  brp: BrpClient;
  config: Config;
}

export function createServices(config: Config, deps: { database: Database; brp: BrpClient; clock?: Clock; mail?: MailSender; citizenIdentityProvider?: IdentityProvider }): KernServices {
  return {
    config,
    database: deps.database,
    db: deps.database.db,
    clock: deps.clock ?? systemClock,
    policies: new PolicyStore(),
    // access lists who did what by name, from identity's staff directory (identity builds on access)
    staffNames,
    brp: deps.brp,
    // the household view: the register and the sections of the modules that own the data
    ...householdServices(deps.brp),
    sessionTtlMinutes: config.sessionTtlMinutes,
    loginAttemptLimit: config.loginAttemptLimit,
    loginAlertThreshold: config.loginAlertThreshold,
    // The audit chain head is anchored outside the database when the operator keeps checkpoints (ADR 0003).
    auditCheckpoints: config.auditCheckpointDir && config.auditCheckpointKey
      ? { store: fileCheckpointStore(config.auditCheckpointDir), key: config.auditCheckpointKey }
      : undefined,
    // citizen portal: mail goes to the log until a municipality wires its own MailSender (docs/portal.md)
    demoMode: config.demoMode,
    mail: deps.mail ?? logMailSender((line) => console.error(`kern: ${line}`)),
    citizenIdentityProvider: deps.citizenIdentityProvider,
  };
}
