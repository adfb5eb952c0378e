import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DatabaseKind } from './database-url.js';

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

const prismaDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'prisma');

/** The migrations shipped for one kind of database, oldest first. */
export function loadMigrations(kind: DatabaseKind, root = prismaDir): Migration[] {
  const dir = join(root, kind, 'migrations');
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && /^\d{4}_/.test(entry.name))
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(join(dir, name, 'migration.sql'), 'utf8');
      return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    });
}

export interface AppliedMigration {
  name: string;
  checksum: string;
}

/** Decides what to apply, refusing to go on when a migration that already ran was edited afterwards. */
export function pendingMigrations(all: Migration[], applied: AppliedMigration[]): Migration[] {
  const byName = new Map(applied.map((m) => [m.name, m.checksum]));
  for (const migration of all) {
    const checksum = byName.get(migration.name);
    if (checksum !== undefined && checksum !== migration.checksum) {
      throw new Error(
        `Migration ${migration.name} was changed after it was applied to this database. ` +
          'Restore the original file and put the change in a new migration (node prisma/new-migration.mjs <name>).',
      );
    }
  }
  const known = new Set(all.map((m) => m.name));
  const unknown = applied.filter((m) => !known.has(m.name));
  if (unknown.length > 0) {
    throw new Error(
      `This database has migrations this version of LAYANI does not know (${unknown.map((m) => m.name).join(', ')}). ` +
        'It was migrated by a newer release: run that release, or restore a backup taken before the upgrade.',
    );
  }
  return all.filter((m) => !byName.has(m.name));
}

export const migrationsTable = '_layani_migrations';
