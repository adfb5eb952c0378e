import type { Db, TransactionClient } from './client.js';
import type { DatabaseKind } from './database-url.js';

const kinds = new WeakMap<object, DatabaseKind>();

/** Remembers which database a client talks to (set once by openDatabase). */
export function registerDatabaseKind(db: Db, kind: DatabaseKind): void {
  kinds.set(db, kind);
}

export function databaseKindOf(db: Db): DatabaseKind {
  const kind = kinds.get(db);
  if (!kind) throw new Error('This database client was not opened with openDatabase()');
  return kind;
}

// Both databases cap bound parameters per statement (SQLite 32766, PostgreSQL 65535); stay well below.
const maxParameters = 8_000;

/**
 * Inserts many rows with multi-row INSERT statements. Prisma's createMany builds a large query plan per row, which
 * made a 10,000-employee import allocate hundreds of megabytes; plain parameterised SQL does the same work with a
 * fraction of the memory. Column names come from code, never from input.
 */
export async function bulkInsert(
  db: TransactionClient,
  kind: DatabaseKind,
  table: string,
  columns: readonly string[],
  rows: ReadonlyArray<ReadonlyArray<unknown>>,
): Promise<void> {
  const perStatement = Math.max(1, Math.floor(maxParameters / columns.length));
  const columnList = columns.map((c) => `"${c}"`).join(', ');
  for (let start = 0; start < rows.length; start += perStatement) {
    const chunk = rows.slice(start, start + perStatement);
    let index = 0;
    const placeholder = () => (kind === 'postgresql' ? `$${++index}` : '?');
    const values = chunk.map((row) => `(${row.map(placeholder).join(', ')})`).join(', ');
    await db.$executeRawUnsafe(`INSERT INTO "${table}" (${columnList}) VALUES ${values}`, ...chunk.flat());
  }
}
