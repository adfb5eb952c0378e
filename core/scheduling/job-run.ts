import type { Db } from '../db/client.js';
import { insertOnce } from '../db/unique-violation.js';

/**
 * True for the one caller that gets to run `job` for `runKey` (e.g. the reminder pass of 2026-11-23): the primary
 * key decides, so several instances, a restart or a second tick in the same minute still run it once.
 */
export function claimJobRun(db: Db, job: string, runKey: string): Promise<boolean> {
  return insertOnce(() => db.jobRun.create({ data: { job, runKey } }));
}
