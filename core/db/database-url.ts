import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

export type DatabaseKind = 'sqlite' | 'postgresql';

export interface DatabaseLocation {
  kind: DatabaseKind;
  /** For SQLite an absolute file path (or ":memory:"), for PostgreSQL the connection string. */
  target: string;
}

/** Reads DATABASE_URL: `file:./data/layani.db` for the embedded SQLite, `postgresql://…` for PostgreSQL. */
export function parseDatabaseUrl(url: string, cwd = process.cwd()): DatabaseLocation {
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) return { kind: 'postgresql', target: url };
  if (url.startsWith('file:')) {
    const path = url.slice('file:'.length);
    if (path === ':memory:') return { kind: 'sqlite', target: path };
    return { kind: 'sqlite', target: resolve(cwd, path) };
  }
  throw new Error(
    `DATABASE_URL "${url.split('@').pop()}" is not understood: use file:./data/layani.db (SQLite) or postgresql://user@host:5432/db`,
  );
}

export function ensureSqliteDirectory(location: DatabaseLocation): void {
  if (location.kind === 'sqlite' && location.target !== ':memory:') {
    mkdirSync(dirname(location.target), { recursive: true });
  }
}
