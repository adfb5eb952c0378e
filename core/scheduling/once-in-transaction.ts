import type { Db, TransactionClient } from '../db/client.js';

/**
 * Runs `work` for `job`/`runKey` once ever, in one transaction with the JobRun row that marks it done: the messages
 * a reminder pass queues and the mark that it ran commit together, so neither a restart nor a second instance can
 * queue them twice, and a crash half way leaves nothing behind to skip. Returns null when it already ran.
 */
export async function onceInTransaction<T>(db: Db, job: string, runKey: string, work: (tx: TransactionClient) => Promise<T>): Promise<T | null> {
  if (await db.jobRun.findUnique({ where: { job_runKey: { job, runKey } } })) return null;
  try {
    return await db.$transaction(async (tx) => {
      await tx.jobRun.create({ data: { job, runKey } });
      return work(tx);
    });
  } catch (error) {
    // Another instance got there first (its JobRun row exists now); any other clash is a real error.
    if ((error as { code?: string }).code === 'P2002' && (await db.jobRun.findUnique({ where: { job_runKey: { job, runKey } } }))) return null;
    throw error;
  }
}
