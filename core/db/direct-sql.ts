import type { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import Database from 'better-sqlite3';
import type { Db } from './client.js';
import type { DatabaseKind } from './database-url.js';

/*
 * Prisma's client engine compiles every query, raw ones included, in WebAssembly before it runs: about half a
 * millisecond of CPU for a statement SQLite executes in a few microseconds. The relay's hot path (a message every
 * few milliseconds) cannot afford that, so its statements go straight to the driver adapter Prisma itself uses:
 * the same connection (SQLite) or pool (PostgreSQL), and on SQLite the same transaction lock, so they never race
 * Prisma's own transactions. Only the adapter's public interface (queryRaw, executeRaw, startTransaction) is used.
 */

type DriverAdapter = Awaited<ReturnType<PrismaBetterSQLite3['connect']>>;
type DriverQueryable = Pick<DriverAdapter, 'queryRaw' | 'executeRaw'>;
type ArgType = DriverAdapter extends { queryRaw(query: { argTypes: Array<infer A> }): unknown } ? A : never;

/** Both adapter factories (SQLite, PostgreSQL) as PrismaClient takes them. */
export interface DriverAdapterFactory {
  readonly provider: string;
  readonly adapterName: string;
  connect(): Promise<DriverAdapter>;
}

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
  /** Runs `work` in one transaction: committed when it returns, rolled back when it throws. */
  transaction<T>(work: (tx: SqlRunner) => Promise<T>): Promise<T>;
  /**
   * Runs INSERT, UPDATE and DELETE statements all or none. On PostgreSQL they go as one statement (a WITH of
   * data-modifying statements: one round trip instead of a transaction's five), so none of them sees another's
   * changes: they must not depend on each other. On SQLite they run in order in one transaction.
   */
  atomically(statements: readonly SqlStatement[]): Promise<void>;
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

// Column type codes of @prisma/driver-adapter-utils (ColumnTypeEnum).
const columnType = { Int32: 0, Int64: 1, Float: 2, Double: 3, Numeric: 4, Boolean: 5, DateTime: 10, UnknownNumber: 128 } as const;

/**
 * A timestamp as the adapters return it: ISO 8601 from Prisma's writes ("…T02:00:00.000+00:00"), or SQLite's
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

function fromColumn(value: unknown, type: number): unknown {
  if (value === null) return null;
  switch (type) {
    case columnType.Int32:
    case columnType.Int64:
    case columnType.Float:
    case columnType.Double:
    case columnType.Numeric:
    case columnType.UnknownNumber:
      return Number(value);
    case columnType.Boolean:
      return value === true || value === 1 || value === '1' || value === 1n;
    case columnType.DateTime:
      return asDate(value);
    default:
      return value;
  }
}

function argTypeOf(value: unknown): ArgType {
  const scalarType =
    value instanceof Date ? 'datetime'
    : typeof value === 'string' ? 'string'
    : typeof value === 'boolean' ? 'boolean'
    : typeof value === 'number' ? (Number.isInteger(value) ? 'int' : 'float')
    : 'unknown';
  return { scalarType, arity: 'scalar' } as ArgType;
}

interface Translated {
  sql: string;
  /** For each `?` in order, the index of the parameter it takes. */
  order: number[] | null;
}

// better-sqlite3 binds only anonymous `?` from an array, so `$n` becomes `?` with the values repeated as needed.
const translatedStatements = new Map<string, Translated>();

function translate(kind: DatabaseKind, sql: string): Translated {
  if (kind === 'postgresql') return { sql, order: null };
  let translated = translatedStatements.get(sql);
  if (!translated) {
    const order: number[] = [];
    translated = { sql: sql.replace(/\$(\d+)/g, (_, n: string) => (order.push(Number(n) - 1), '?')), order };
    // Statements come from code, but IN lists vary in length: keep the cache bounded all the same.
    if (translatedStatements.size > 1000) translatedStatements.clear();
    translatedStatements.set(sql, translated);
  }
  return translated;
}

function queryOf(kind: DatabaseKind, sql: string, params: readonly unknown[]) {
  const translated = translate(kind, sql);
  const args = (translated.order ? translated.order.map((index) => params[index]) : [...params]).map((value) => value ?? null);
  return { sql: translated.sql, args, argTypes: args.map(argTypeOf) };
}

/** What runs the statements: the adapter (queryRaw, executeRaw) or, on SQLite, its connection directly. */
interface Statements {
  query(sql: string, params: readonly unknown[]): Promise<Array<Record<string, unknown>>>;
  execute(sql: string, params: readonly unknown[]): Promise<number>;
}

function adapterStatements(kind: DatabaseKind, queryable: DriverQueryable): Statements {
  return {
    async query(sql, params) {
      const result = await queryable.queryRaw(queryOf(kind, sql, params));
      const { columnNames, columnTypes } = result;
      return result.rows.map((values) => {
        const row: Record<string, unknown> = {};
        for (let i = 0; i < columnNames.length; i++) row[columnNames[i]!] = fromColumn(values[i], columnTypes[i]!);
        return row;
      });
    },
    execute: (sql, params) => queryable.executeRaw(queryOf(kind, sql, params)),
  };
}

/**
 * The better-sqlite3 connection inside Prisma's SQLite adapter, when it can be reached (the adapter keeps it in an
 * undocumented `client` field; without it everything goes through queryRaw). The adapter prepares every statement
 * anew, which costs as much as running it; here each statement is prepared once and kept.
 */
function sqliteConnectionOf(adapter: DriverAdapter): Database.Database | null {
  const client = (adapter as { client?: unknown }).client;
  return client instanceof Database ? client : null;
}

interface Prepared {
  statement: Database.Statement;
  order: number[];
  /** Per column (for statements that return rows): its name and how to read it, from its declared type. */
  columns: Array<{ name: string; read: (value: unknown) => unknown }> | null;
}

const readAsIs = (value: unknown) => value;
const readBoolean = (value: unknown) => (value === null ? null : value === 1 || value === 1n);
const readDate = (value: unknown) => asDate(value);

function readerFor(declaredType: string | null): (value: unknown) => unknown {
  switch (declaredType?.toUpperCase()) {
    case 'DATETIME':
    case 'TIMESTAMP':
      return readDate;
    case 'BOOLEAN':
      return readBoolean;
    default:
      return readAsIs;
  }
}

// Same encoding as the adapter's, so rows written either way compare and sort alike.
function sqliteValue(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (value instanceof Date) return value.toISOString().replace('Z', '+00:00');
  if (typeof value === 'boolean') return value ? 1 : 0;
  return value;
}

const preparedCaches = new WeakMap<Database.Database, Map<string, Prepared>>();

function sqliteStatements(connection: Database.Database): Statements {
  let cache = preparedCaches.get(connection);
  if (!cache) preparedCaches.set(connection, (cache = new Map()));
  const prepared = (sql: string): Prepared => {
    let entry = cache.get(sql);
    if (!entry) {
      const translated = translate('sqlite', sql);
      const statement = connection.prepare(translated.sql);
      // The adapter turned safe integers on for the connection; these statements read plain numbers.
      if (statement.reader) statement.safeIntegers(false);
      const columns = statement.reader ? statement.columns().map((c) => ({ name: c.name, read: readerFor(c.type) })) : null;
      entry = { statement, order: translated.order!, columns };
      // Statements come from code, but IN lists vary in length: keep the cache bounded all the same.
      if (cache.size > 500) cache.clear();
      cache.set(sql, entry);
    }
    return entry;
  };
  const argsOf = (entry: Prepared, params: readonly unknown[]) => entry.order.map((index) => sqliteValue(params[index]));
  return {
    async query(sql, params) {
      const entry = prepared(sql);
      const { statement, columns } = entry;
      if (!columns) {
        statement.run(argsOf(entry, params));
        return [];
      }
      const rows = statement.all(argsOf(entry, params)) as Array<Record<string, unknown>>;
      for (const row of rows) for (const { name, read } of columns) row[name] = read(row[name]);
      return rows;
    },
    async execute(sql, params) {
      const entry = prepared(sql);
      return entry.statement.run(argsOf(entry, params)).changes;
    },
  };
}

function statementsOf(kind: DatabaseKind, adapter: DriverAdapter, queryable: DriverQueryable): Statements {
  const connection = kind === 'sqlite' ? sqliteConnectionOf(adapter) : null;
  return connection ? sqliteStatements(connection) : adapterStatements(kind, queryable);
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

function directSqlOver(kind: DatabaseKind, adapter: () => Promise<DriverAdapter>): DirectSql {
  const runner = runnerOver(kind, async () => {
    const connected = await adapter();
    return statementsOf(kind, connected, connected);
  });
  async function transaction<T>(work: (tx: SqlRunner) => Promise<T>): Promise<T> {
    const connected = await adapter();
    const tx = await connected.startTransaction();
    const statements = statementsOf(kind, connected, tx);
    // The adapter opened the transaction (BEGIN, and on SQLite took its lock); like Prisma, we send COMMIT or
    // ROLLBACK, then let the adapter release what it holds (SQLite's lock, PostgreSQL's pooled connection).
    const end = async (verb: 'COMMIT' | 'ROLLBACK') => {
      if (!tx.options.usePhantomQuery) await statements.execute(verb, []);
    };
    let result: T;
    try {
      result = await work(runnerOver(kind, async () => statements));
      await end('COMMIT');
    } catch (error) {
      try {
        await end('ROLLBACK');
      } catch {
        // The connection failed; the database rolls back on its own.
      }
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

/** Set once by openDatabase for each client it opens. */
export function registerDirectSql(db: Db, kind: DatabaseKind, connected: () => DriverAdapter | null): void {
  const adapter = async () => {
    if (!connected()) await db.$connect();
    const current = connected();
    if (!current) throw new Error('the database adapter did not connect');
    return current;
  };
  registry.set(db, directSqlOver(kind, adapter));
}

/** Direct SQL on the connection behind `db` (which must come from openDatabase). */
export function directSql(db: Db): DirectSql {
  const sql = registry.get(db);
  if (!sql) throw new Error('This database client was not opened with openDatabase()');
  return sql;
}
