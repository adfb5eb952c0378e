import type { Db } from '../db/client.js';
import { insertOnce } from '../db/unique-violation.js';

/**
 * True for the one caller that gets to run `job` for `runKey` (e.g. the reminder pass of 2026-11-23): the primary
 * key decides, so several instances, a restart or a second tick in the same minute still run it once.
 */
export function claimJobRun(db: Db, job: string, runKey: string, startedAt: Date = new Date()): Promise<boolean> {
  return insertOnce(() => db.jobRun.create({ data: { job, runKey, startedAt } }));
}

/** Whether `job` has already run (or been claimed) for `runKey`. */
export async function hasJobRun(db: Db, job: string, runKey: string): Promise<boolean> {
  return (await db.jobRun.findUnique({ where: { job_runKey: { job, runKey } }, select: { job: true } })) !== null;
}
