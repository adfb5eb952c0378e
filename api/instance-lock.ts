import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import type { Db } from '../core/db/client.js';
import { parseDatabaseUrl } from '../core/db/database-url.js';

export class InstanceLockError extends Error {
  override name = 'InstanceLockError';
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * One running LAYANI per SQLite database: two would both send every scheduled broadcast and reminder. The lock is a
 * file beside the database holding the owner's pid; a lock left by a process that died (kill -9, power cut) is
 * taken over. Several instances need PostgreSQL, where runs and messages are claimed row by row.
 * Returns the release function; no-op for PostgreSQL and in-memory SQLite.
 */
export function acquireInstanceLock(databaseUrl: string): () => void {
  const location = parseDatabaseUrl(databaseUrl);
  if (location.kind !== 'sqlite' || location.target === ':memory:') return () => undefined;
  const path = `${location.target}.instance.lock`;
  const owner = `${process.pid}@${hostname()}`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, owner);
      closeSync(fd);
      return () => {
        try {
          if (readFileSync(path, 'utf8') === owner) rmSync(path);
        } catch {
          // Already gone.
        }
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const held = readFileSync(path, 'utf8').trim();
    const [pidText, host] = held.split('@');
    const pid = Number(pidText);
    const sameHost = host === hostname();
    // Our own process (tests start the app twice) or a dead one: the lock is stale.
    if (sameHost && (pid === process.pid || !Number.isInteger(pid) || !alive(pid))) {
      rmSync(path, { force: true });
      continue;
    }
    throw new InstanceLockError(
      `Another LAYANI (process ${held}) is already running on the SQLite database ${location.target}. ` +
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
