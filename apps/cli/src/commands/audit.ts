import { writeAuditCheckpoints, fileCheckpointStore } from '@kern/access';
import { connect, migrate } from '@kern/db';
import { loadConfig, systemClock } from '@kern/kit';

export interface AuditCheckpointOptions { municipality?: string; dataDir?: string }

/**
 * `kern audit checkpoint [--municipality <code>]`: writes a signed checkpoint of each audit
 * chain head to KERN_AUDIT_CHECKPOINT_DIR (ADR 0003), after verifying the chain against the
 * earlier ones. Exit code 1 when a chain fails verification: it gets no checkpoint.
 */
export async function runAuditCheckpoint(options: AuditCheckpointOptions): Promise<void> {
  const config = loadConfig(process.env, { dataDir: options.dataDir });
  if (!config.auditCheckpointDir || !config.auditCheckpointKey) {
    throw new Error('set KERN_AUDIT_CHECKPOINT_DIR and KERN_AUDIT_CHECKPOINT_KEY (32 characters or more) to write audit checkpoints');
  }
  const database = await connect(config);
  try {
    await migrate(database.db);
    const services = { db: database.db, clock: systemClock, auditCheckpoints: { store: fileCheckpointStore(config.auditCheckpointDir), key: config.auditCheckpointKey } };
    const codes = options.municipality ? [options.municipality.replace(/^GM/i, '')] : undefined;
    let failed = false;
    for (const { municipalityCode, result } of await writeAuditCheckpoints(services, codes)) {
      if (result.written) {
        console.log(`${municipalityCode}: checkpoint at seq ${result.checkpoint.seq} (${result.checkpoint.hash.slice(0, 16)}...)`);
      } else if (!result.verification.valid) {
        failed = true;
        console.error(`${municipalityCode}: NO checkpoint, the audit chain fails verification at seq ${result.verification.firstBrokenSeq ?? '?'}: ${result.verification.problem ?? ''}`);
      } else {
        console.log(`${municipalityCode}: ${result.verification.problem ?? 'nothing to checkpoint'}`);
      }
    }
    if (failed) process.exitCode = 1;
  } finally {
    await database.close();
  }
}
