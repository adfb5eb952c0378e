import pg from 'pg';
import type { SqlBackend, Statements } from './direct-sql.js';

// Direct SQL on the pool Prisma's PostgreSQL adapter uses. Statements are named, so each connection parses and
// plans one once (the adapter sends every query unnamed: PostgreSQL parses and plans it again each time, about
// as long as running the small queries of the relay).

const timestampWithoutZone = 1114;
const bigint = 20;
const numeric = 1700;

// Timestamps are stored without a zone and mean UTC (as Prisma writes them); pg would read them as local time.
const readUtc = (text: string) => new Date(`${text.replace(' ', 'T')}Z`);

const types = {
  getTypeParser(oid: number, format?: string) {
    if (oid === timestampWithoutZone) return readUtc;
    if (oid === bigint || oid === numeric) return Number;
    return pg.types.getTypeParser(oid, format as 'text');
  },
} as pg.CustomTypesConfig;

// Dates go as UTC text, as Prisma's adapter sends them; pg would send local time.
function pgValue(value: unknown): unknown {
  if (value === undefined) return null;
  if (value instanceof Date) return value.toISOString().replace('T', ' ').replace('Z', '');
  return value;
}

const names = new Map<string, string>();

function nameOf(sql: string): string | undefined {
  let name = names.get(sql);
  if (!name) {
    // Statements come from code, but IN lists vary in length: past a bound, the rest go unnamed.
    if (names.size >= 500) return undefined;
    name = `layani_${names.size + 1}`;
    names.set(sql, name);
  }
  return name;
}

function statementsOn(queryable: pg.Pool | pg.PoolClient): Statements {
  const run = (sql: string, params: readonly unknown[]) =>
    queryable.query<Record<string, unknown>>({ name: nameOf(sql), text: sql, values: params.map(pgValue), types });
  return {
    query: async (sql, params) => (await run(sql, params)).rows,
    execute: async (sql, params) => (await run(sql, params)).rowCount ?? 0,
  };
}

export function postgresBackend(pool: pg.Pool): SqlBackend {
  return {
    statements: statementsOn(pool),
    async begin() {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
      } catch (error) {
        client.release(error as Error);
        throw error;
      }
      return {
        statements: statementsOn(client),
        async commit() {
          try {
            await client.query('COMMIT');
          } catch (error) {
            await client.query('ROLLBACK').catch(() => undefined);
            client.release(error as Error);
            throw error;
          }
          client.release();
        },
        async rollback() {
          try {
            await client.query('ROLLBACK');
            client.release();
          } catch (error) {
            // A connection that cannot roll back is not given to anyone else.
            client.release(error as Error);
          }
        },
      };
    },
  };
}
