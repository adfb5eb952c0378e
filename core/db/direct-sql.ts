import type { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import type { Db } from './client.js';
import type { DatabaseKind } from './database-url.js';

/*
 * Prisma's client engine compiles every query, raw ones included, in WebAssembly before it runs: about half a
 * millisecond of CPU for a statement SQLite executes in a few microseconds. The relay's hot path (a message every
 * few milliseconds) cannot afford that, so its statements bypass the client and go to what Prisma itself talks
 * to: on SQLite the same connection (and the adapter's transaction lock, so they never race Prisma's own
 * transactions), on PostgreSQL the same pool. Each backend (direct-sql-*.ts) prepares a statement once.
 */

/** Statements use PostgreSQL's placeholders ($1, $2, …) on both databases; values are bound, never spliced. */
export interface SqlRunner {
  readonly kind: DatabaseKind;
  /** Rows as objects keyed by column name; timestamps as Date, integers and floats as numbers, booleans as booleans. */
  query<Row extends object>(sql: string, params?: readonly unknown[]): Promise<Row[]>;
  /** Runs a statement; returns how many rows it changed. */
  execute(sql: string, params?: readonly unknown[]): Promise<number>;
}

export interface SqlStatement {
  sql: string;
  params: readonly unknown[];
}

export interface DirectSql extends SqlRunner {
  /**
   * Runs `work` in one transaction: committed when it returns, rolled back when it throws. Inside, use `tx` only:
   * on SQLite a statement on the outer runner waits for the transaction to end.
   */
  transaction<T>(work: (tx: SqlRunner) => Promise<T>): Promise<T>;
  /**
   * Runs INSERT, UPDATE and DELETE statements all or none. On PostgreSQL they go as one statement (a WITH of
   * data-modifying statements: one round trip instead of a transaction's five), so none of them sees another's
   * changes: they must not depend on each other. On SQLite they run in order in one transaction.
   */
  atomically(statements: readonly SqlStatement[]): Promise<void>;
}

/** How a backend runs statements. */
export interface Statements {
  query(sql: string, params: readonly unknown[]): Promise<Array<Record<string, unknown>>>;
  execute(sql: string, params: readonly unknown[]): Promise<number>;
}

/** A database as direct SQL sees it: statements on their own, and transactions. */
export interface SqlBackend {
  statements: Statements;
  begin(): Promise<{ statements: Statements; commit(): Promise<void>; rollback(): Promise<void> }>;
}

/** Prisma's driver adapter (either database: they share one interface). */
export type DriverAdapter = Awaited<ReturnType<PrismaBetterSQLite3['connect']>>;

/** Both adapter factories (SQLite, PostgreSQL) as PrismaClient takes them. */
export interface DriverAdapterFactory {
  readonly provider: string;
  readonly adapterName: string;
  connect(): Promise<DriverAdapter>;
}

/**
 * A timestamp as the drivers return it: ISO 8601 from Prisma's writes ("…T02:00:00.000+00:00"), or SQLite's
 * CURRENT_TIMESTAMP form ("2026-11-24 02:00:00"), which is UTC too. Also for computed columns (MAX, subqueries),
 * which SQLite returns as plain text.
 */
export function asDate(value: unknown): Date | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value;
  if (typeof value === 'number') return new Date(value);
  const text = String(value);
  return new Date(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d+)?$/.test(text) ? `${text.replace(' ', 'T')}Z` : text);
}

export interface Translated {
  sql: string;
  /** For each `?` in order, the index of the parameter it takes. */
  order: number[];
}

const translations = new Map<string, Translated>();

/** better-sqlite3 binds only anonymous `?` from an array, so `$n` becomes `?` with the values repeated as needed. */
export function sqlitePlaceholders(sql: string): Translated {
  let translated = translations.get(sql);
  if (!translated) {
    const order: number[] = [];
    translated = { sql: sql.replace(/\$(\d+)/g, (_, n: string) => (order.push(Number(n) - 1), '?')), order };
    // Statements come from code, but IN lists vary in length: keep the cache bounded all the same.
    if (translations.size > 1000) translations.clear();
    translations.set(sql, translated);
  }
  return translated;
}

/** One PostgreSQL statement doing the work of several: all but the last become WITH clauses, placeholders renumbered. */
export function combinedStatement(statements: readonly SqlStatement[]): SqlStatement {
  const params: unknown[] = [];
  const parts = statements.map((statement) => {
    const offset = params.length;
    params.push(...statement.params);
    return statement.sql.replace(/\$(\d+)/g, (_, n: string) => `$${Number(n) + offset}`);
  });
  const last = parts.pop()!;
  const withs = parts.map((part, i) => `"change${i + 1}" AS (${part})`);
  return { sql: withs.length > 0 ? `WITH ${withs.join(', ')} ${last}` : last, params };
}

function runnerOver(kind: DatabaseKind, statements: () => Promise<Statements>): SqlRunner {
  return {
    kind,
    async query<Row extends object>(sql: string, params: readonly unknown[] = []): Promise<Row[]> {
      return (await (await statements()).query(sql, params)) as Row[];
    },
    async execute(sql: string, params: readonly unknown[] = []): Promise<number> {
      return (await statements()).execute(sql, params);
    },
  };
}

function directSqlOver(kind: DatabaseKind, backend: () => Promise<SqlBackend>): DirectSql {
  const runner = runnerOver(kind, async () => (await backend()).statements);
  async function transaction<T>(work: (tx: SqlRunner) => Promise<T>): Promise<T> {
    const tx = await (await backend()).begin();
    let result: T;
    try {
      result = await work(runnerOver(kind, async () => tx.statements));
    } catch (error) {
      await tx.rollback();
      throw error;
    }
    await tx.commit();
    return result;
  }
  async function atomically(statements: readonly SqlStatement[]): Promise<void> {
    if (statements.length === 0) return;
    if (kind === 'postgresql') {
      const combined = combinedStatement(statements);
      await runner.execute(combined.sql, combined.params);
      return;
    }
    await transaction(async (tx) => {
      for (const statement of statements) await tx.execute(statement.sql, statement.params);
    });
  }
  return { ...runner, transaction, atomically };
}

/** Wraps an adapter factory so that the adapter PrismaClient connects through can be reached for direct SQL. */
export function capturingAdapterFactory(factory: DriverAdapterFactory): { factory: DriverAdapterFactory; connected(): DriverAdapter | null } {
  let adapter: DriverAdapter | null = null;
  return {
    factory: {
      provider: factory.provider,
      adapterName: factory.adapterName,
      async connect() {
        adapter = await factory.connect();
        return adapter;
      },
    },
    connected: () => adapter,
  };
}

const registry = new WeakMap<object, DirectSql>();

/** Set once by openDatabase for each client it opens; `backend` is asked for on every use (it may reconnect). */
export function registerDirectSql(db: Db, kind: DatabaseKind, backend: () => Promise<SqlBackend>): void {
  registry.set(db, directSqlOver(kind, backend));
}

/** Direct SQL on the connection behind `db` (which must come from openDatabase). */
export function directSql(db: Db): DirectSql {
  const sql = registry.get(db);
  if (!sql) throw new Error('This database client was not opened with openDatabase()');
  return sql;
}
