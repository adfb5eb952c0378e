import Database from 'better-sqlite3';
import { adapterBackend } from './direct-sql-adapter.js';
import { asDate, sqlitePlaceholders, type DriverAdapter, type SqlBackend, type Statements } from './direct-sql.js';

// Direct SQL on the better-sqlite3 connection inside Prisma's SQLite adapter. The adapter prepares every
// statement anew, which costs as much as running it; here each is prepared once and kept. Transactions still
// start through the adapter, which holds the lock Prisma's own transactions take on this one connection.

/**
 * The adapter's connection, when it can be reached: the adapter keeps it in an undocumented `client` field.
 * Without it, direct SQL goes through the adapter's queryRaw (slower, same results).
 */
function connectionOf(adapter: DriverAdapter): Database.Database | null {
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

function readerFor(declaredType: string | null): (value: unknown) => unknown {
  switch (declaredType?.toUpperCase()) {
    case 'DATETIME':
    case 'TIMESTAMP':
      return asDate;
    case 'BOOLEAN':
      return readBoolean;
    default:
      return readAsIs;
  }
}

// The adapter's encoding, so rows written either way compare and sort alike.
function sqliteValue(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (value instanceof Date) return value.toISOString().replace('Z', '+00:00');
  if (typeof value === 'boolean') return value ? 1 : 0;
  return value;
}

function statementsOn(connection: Database.Database): Statements {
  const cache = new Map<string, Prepared>();
  const prepared = (sql: string): Prepared => {
    let entry = cache.get(sql);
    if (!entry) {
      const translated = sqlitePlaceholders(sql);
      const statement = connection.prepare(translated.sql);
      // The adapter turned safe integers (BigInt) on for the connection; these statements read plain numbers.
      if (statement.reader) statement.safeIntegers(false);
      const columns = statement.reader ? statement.columns().map((c) => ({ name: c.name, read: readerFor(c.type) })) : null;
      entry = { statement, order: translated.order, columns };
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

const backends = new WeakMap<DriverAdapter, SqlBackend>();

export function sqliteBackend(adapter: DriverAdapter): SqlBackend {
  let backend = backends.get(adapter);
  if (backend) return backend;
  const connection = connectionOf(adapter);
  if (!connection) {
    backend = adapterBackend('sqlite', adapter);
  } else {
    const statements = statementsOn(connection);
    const begin: SqlBackend['begin'] = async () => {
      // BEGIN, under the adapter's lock: Prisma's transactions and ours take turns on the one connection.
      const tx = await adapter.startTransaction();
      // Then, like Prisma, we send COMMIT or ROLLBACK and let the adapter release its lock.
      const end = (verb: 'COMMIT' | 'ROLLBACK') => (tx.options.usePhantomQuery ? Promise.resolve(0) : statements.execute(verb, []));
      return {
        statements,
        async commit() {
          try {
            await end('COMMIT');
          } catch (error) {
            await end('ROLLBACK').catch(() => undefined);
            await tx.rollback();
            throw error;
          }
          await tx.commit();
        },
        async rollback() {
          await end('ROLLBACK').catch(() => undefined);
          await tx.rollback();
        },
      };
    };
    // A statement of its own runs at once (better-sqlite3 is synchronous, nothing can interleave) unless a
    // transaction is open on the connection: then it would become part of it, and be undone with it. It waits
    // for its turn instead, in a transaction of its own.
    const own = async <T>(run: (on: Statements) => Promise<T>): Promise<T> => {
      if (!connection.inTransaction) return run(statements);
      const tx = await begin();
      let result: T;
      try {
        result = await run(tx.statements);
      } catch (error) {
        await tx.rollback();
        throw error;
      }
      await tx.commit();
      return result;
    };
    backend = {
      statements: {
        query: (sql, params) => own((on) => on.query(sql, params)),
        execute: (sql, params) => own((on) => on.execute(sql, params)),
      },
      begin,
    };
  }
  backends.set(adapter, backend);
  return backend;
}
