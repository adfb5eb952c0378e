import type { Db } from '../db/client.js';

/**
 * True for the one caller that gets to run `job` for `runKey` (e.g. the reminder pass of 2026-11-23): the primary
 * key decides, so several instances, a restart or a second tick in the same minute still run it once.
 */
export async function claimJobRun(db: Db, job: string, runKey: string): Promise<boolean> {
  try {
    await db.jobRun.create({ data: { job, runKey } });
    return true;
  } catch (error) {
    if ((error as { code?: string }).code === 'P2002') return false;
    throw error;
  }
}
