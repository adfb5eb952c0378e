import type { Db } from '../db/client.js';
import { claimJobRun } from '../scheduling/job-run.js';

const job = 'siasn.sync';
const key = 'lease';
/** A run holding the lease longer than this died without releasing it (a full sync takes well under this). */
const staleAfterMs = 12 * 60 * 60_000;

/**
 * One sync at a time across every instance and the CLI, so SIASN's rate limit holds for the agency as a whole:
 * the lease is a row in the database, not a flag in one process.
 */
export async function acquireSyncLease(db: Db, now: Date): Promise<{ ok: true } | { ok: false; since: Date }> {
  if (await claimJobRun(db, job, key, now)) return { ok: true };
  const held = await db.jobRun.findUnique({ where: { job_runKey: { job, runKey: key } } });
  if (held && now.getTime() - held.startedAt.getTime() < staleAfterMs) return { ok: false, since: held.startedAt };
  await db.jobRun.deleteMany({ where: { job, runKey: key, startedAt: held?.startedAt } });
  return (await claimJobRun(db, job, key, now)) ? { ok: true } : { ok: false, since: now };
}

export async function releaseSyncLease(db: Db): Promise<void> {
  await db.jobRun.deleteMany({ where: { job, runKey: key } });
}
