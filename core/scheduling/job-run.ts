import type { Db } from '../db/client.js';

/**
 * True for the one caller that gets to run `job` for `runKey` (e.g. the reminder pass of 2026-11-23): the primary
 * key decides, so several instances, a restart or a second tick in the same minute still run it once.
 */
export async function claimJobRun(db: Db, job: string, runKey: string, startedAt: Date = new Date()): Promise<boolean> {
  try {
    await db.jobRun.create({ data: { job, runKey, startedAt } });
    return true;
  } catch (error) {
    if ((error as { code?: string }).code === 'P2002') return false;
    throw error;
  }
}

/** Whether `job` has already run (or been claimed) for `runKey`. */
export async function hasJobRun(db: Db, job: string, runKey: string): Promise<boolean> {
  return (await db.jobRun.findUnique({ where: { job_runKey: { job, runKey } }, select: { job: true } })) !== null;
}
