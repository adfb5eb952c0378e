import { rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import type { Db } from '../core/db/client.js';
import { ensureSqliteDirectory, parseDatabaseUrl } from '../core/db/database-url.js';
import { runningInstance, runningMarkerPath } from '../core/ops/running-marker.js';

export class InstanceLockError extends Error {
  override name = 'InstanceLockError';
}

/**
 * One running LAYANI per SQLite database: two would both send every scheduled broadcast and reminder. The lock is the
 * running marker beside the database (which `layani restore` also reads), taken with an exclusive create; a marker
 * left by a process that died (kill -9, power cut) is taken over. Several instances need PostgreSQL, where runs and
 * messages are claimed row by row. Returns the release function; a no-op for PostgreSQL and in-memory SQLite.
 */
export function acquireInstanceLock(databaseUrl: string): () => void {
  const location = parseDatabaseUrl(databaseUrl);
  if (location.kind !== 'sqlite' || location.target === ':memory:') return () => undefined;
  // The first start creates ./data: the lock comes before the database is opened.
  ensureSqliteDirectory(location);
  const path = runningMarkerPath(location.target);
  const mine = { pid: process.pid, host: hostname(), startedAt: new Date().toISOString() };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(path, `${JSON.stringify(mine)}\n`, { flag: 'wx' });
      return () => {
        if (runningInstance(location.target)?.pid === process.pid) rmSync(path, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = runningInstance(location.target);
    // Nobody alive holds it, or it is this process (tests start the app twice): the marker is stale.
    if (!holder || holder.pid === process.pid) {
      rmSync(path, { force: true });
      continue;
    }
    throw new InstanceLockError(
      `Another LAYANI (process ${holder.pid} on ${holder.host}, since ${holder.startedAt}) is already running on the SQLite database ${location.target}. ` +
        'Stop it first; to run several instances, use PostgreSQL (DATABASE_URL=postgresql://…). ' +
        `If that process is gone for good, delete ${path}.`,
    );
  }
  throw new InstanceLockError(`Could not take the instance lock ${path}; check the permissions of its folder.`);
}

/**
 * After a crash, messages and broadcast runs the dead process had claimed stay reserved until their lease runs out.
 * When this process holds the instance lock nobody else can be working on them: free them now instead.
 */
export async function releaseStaleLeases(db: Db): Promise<void> {
  await db.outboxMessage.updateMany({ where: { status: 'pending', lockedBy: { not: null } }, data: { lockedBy: null, lockedUntil: null } });
  await db.broadcastRun.updateMany({ where: { status: 'expanding', lockedUntil: { not: null } }, data: { lockedUntil: null } });
}
