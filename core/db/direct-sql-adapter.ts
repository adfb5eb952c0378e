import type { DatabaseKind } from './database-url.js';
import { asDate, sqlitePlaceholders, type DriverAdapter, type SqlBackend, type Statements } from './direct-sql.js';

// Direct SQL through the driver adapter's public interface (queryRaw, executeRaw, startTransaction): what is
// left when a backend cannot reach the driver itself. Skips Prisma's query compiler, but the adapter prepares
// every statement anew.

type DriverQueryable = Pick<DriverAdapter, 'queryRaw' | 'executeRaw'>;
type ArgType = DriverAdapter extends { queryRaw(query: { argTypes: Array<infer A> }): unknown } ? A : never;

// Column type codes of @prisma/driver-adapter-utils (ColumnTypeEnum).
const columnType = { Int32: 0, Int64: 1, Float: 2, Double: 3, Numeric: 4, Boolean: 5, DateTime: 10, UnknownNumber: 128 } as const;

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

function queryOf(kind: DatabaseKind, sql: string, params: readonly unknown[]) {
  const translated = kind === 'sqlite' ? sqlitePlaceholders(sql) : { sql, order: params.map((_, i) => i) };
  const args = translated.order.map((index) => params[index] ?? null);
  return { sql: translated.sql, args, argTypes: args.map(argTypeOf) };
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

const noArgs = { args: [], argTypes: [] };

export function adapterBackend(kind: DatabaseKind, adapter: DriverAdapter): SqlBackend {
  return {
    statements: adapterStatements(kind, adapter),
    async begin() {
      const tx = await adapter.startTransaction();
      // The adapter sent BEGIN (and on SQLite took its lock); like Prisma, we send COMMIT or ROLLBACK, then let
      // the adapter release what it holds.
      const end = (verb: 'COMMIT' | 'ROLLBACK') => (tx.options.usePhantomQuery ? Promise.resolve(0) : tx.executeRaw({ sql: verb, ...noArgs }));
      return {
        statements: adapterStatements(kind, tx),
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
          // If the connection failed, the database rolls back on its own.
          await end('ROLLBACK').catch(() => undefined);
          await tx.rollback();
        },
      };
    },
  };
}
