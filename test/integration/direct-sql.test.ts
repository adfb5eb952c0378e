import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { asDate, directSql } from '../../core/db/direct-sql.js';
import { adapterBackend } from '../../core/db/direct-sql-adapter.js';
import { openDatabase, type OpenDatabase } from '../../core/db/open-database.js';
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from '../support/test-databases.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.each(testDatabaseKinds)('direct SQL on %s', (kind) => {
  let database: TestDatabase;
  let opened: OpenDatabase;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    opened = await openDatabase(database.url);
  });
  afterAll(async () => {
    await opened?.close();
    await database?.drop();
  });
  beforeEach(async () => {
    await opened.db.outboxMessage.deleteMany();
    await opened.db.botSession.deleteMany();
  });

  it('reads what Prisma wrote with the types Prisma gives', async () => {
    const at = new Date('2026-11-24T02:00:00.123Z');
    await opened.db.outboxMessage.create({
      data: { id: 'o1', channel: 'telegram', kind: 'k', payload: '{}', nextAttemptAt: at, createdAt: at, attempts: 3 },
    });
    const [row] = await directSql(opened.db).query<Record<string, unknown>>(
      'SELECT "id", "attempts", "nextAttemptAt", "lockedUntil", "orderKey" FROM "OutboxMessage" WHERE "id" = $1',
      ['o1'],
    );
    expect(row).toEqual({ id: 'o1', attempts: 3, nextAttemptAt: at, lockedUntil: null, orderKey: null });
  });

  it('writes what Prisma reads and compares, booleans and floats included', async () => {
    const sql = directSql(opened.db);
    const at = new Date('2026-11-24T02:00:00.500Z');
    await sql.execute(
      'INSERT INTO "OutboxMessage" ("id", "channel", "kind", "payload", "status", "attempts", "nextAttemptAt", "createdAt") VALUES ($1, $2, $3, $4, $5, $6, $7, $7)',
      ['o2', 'slack', 'k', '{}', 'pending', 0, at],
    );
    const found = await opened.db.outboxMessage.findMany({ where: { nextAttemptAt: { lte: at }, createdAt: { gte: at } } });
    expect(found.map((r) => [r.id, r.createdAt.toISOString()])).toEqual([['o2', at.toISOString()]]);
    const agency = await opened.db.agency.upsert({ where: { code: 'X' }, create: { code: 'X', name: 'X' }, update: {} });
    const employee = await opened.db.employee.upsert({
      where: { nip: '199001012015011001' },
      create: {
        agencyId: agency.id, nip: '199001012015011001', name: 'A', birthDate: '1990-01-01', gender: 'L', employmentType: 'PNS',
        golongan: 'III/a', education: 'S1', positionName: 'P', positionType: 'pelaksana', unit: 'U', creditPoints: 12.5,
      },
      update: {},
    });
    const [row] = await sql.query<{ active: boolean; creditPoints: number }>('SELECT "active", "creditPoints" FROM "Employee" WHERE "id" = $1', [employee.id]);
    expect(row).toEqual({ active: true, creditPoints: 12.5 });
  });

  it('binds a placeholder used twice and placeholders out of order', async () => {
    const [row] = await directSql(opened.db).query<{ a: string; b: string; c: string }>(
      `SELECT CAST($2 AS TEXT) AS "a", CAST($1 AS TEXT) AS "b", CAST($2 AS TEXT) AS "c"`,
      ['one', 'two'],
    );
    expect(row).toEqual({ a: 'two', b: 'one', c: 'two' });
  });

  it('commits a transaction that returns and rolls back one that throws', async () => {
    const sql = directSql(opened.db);
    const insert = 'INSERT INTO "BotSession" ("key", "value") VALUES ($1, $2)';
    await sql.transaction(async (tx) => void (await tx.execute(insert, ['kept', '{}'])));
    await expect(
      sql.transaction(async (tx) => {
        await tx.execute(insert, ['dropped', '{}']);
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    expect((await opened.db.botSession.findMany()).map((s) => s.key)).toEqual(['kept']);
  });

  it('applies statements atomically: all of them, or none when one fails', async () => {
    const sql = directSql(opened.db);
    const insert = (key: string) => ({ sql: 'INSERT INTO "BotSession" ("key", "value") VALUES ($1, $2)', params: [key, '{}'] });
    await opened.db.botSession.create({ data: { key: 'existing', value: 'old' } });
    await sql.atomically([insert('a'), { sql: 'UPDATE "BotSession" SET "value" = $2 WHERE "key" = $1', params: ['existing', 'new'] }, insert('b')]);
    expect((await opened.db.botSession.findMany({ orderBy: { key: 'asc' } })).map((s) => [s.key, s.value])).toEqual([
      ['a', '{}'],
      ['b', '{}'],
      ['existing', 'new'],
    ]);
    await expect(sql.atomically([insert('c'), insert('existing')])).rejects.toThrow();
    expect(await opened.db.botSession.count({ where: { key: 'c' } })).toBe(0);
  });

  it('takes turns with Prisma transactions instead of nesting in them', async () => {
    const sql = directSql(opened.db);
    const prismaSide = opened.db.$transaction(async (tx) => {
      await tx.botSession.create({ data: { key: 'prisma', value: '{}' } });
      await sleep(50);
      throw new Error('Prisma side rolls back');
    });
    await sleep(10);
    const directSide = sql.transaction((tx) => tx.execute('INSERT INTO "BotSession" ("key", "value") VALUES ($1, $2)', ['direct', '{}']));
    await expect(prismaSide).rejects.toThrow('Prisma side rolls back');
    await directSide;
    // Had the direct statement run inside Prisma's transaction, the rollback would have taken it along.
    expect((await opened.db.botSession.findMany()).map((s) => s.key)).toEqual(['direct']);
  });

  it('keeps a statement of its own out of a Prisma transaction that is open meanwhile', async () => {
    const sql = directSql(opened.db);
    const prismaSide = opened.db.$transaction(async (tx) => {
      await tx.botSession.create({ data: { key: 'prisma', value: '{}' } });
      await sleep(50);
      throw new Error('Prisma side rolls back');
    });
    await sleep(10);
    // On SQLite both share one connection: run inside the open transaction, this insert would be undone with it.
    const direct = sql.execute('INSERT INTO "BotSession" ("key", "value") VALUES ($1, $2)', ['direct', '{}']);
    await expect(prismaSide).rejects.toThrow('Prisma side rolls back');
    expect(await direct).toBe(1);
    expect((await opened.db.botSession.findMany()).map((s) => s.key)).toEqual(['direct']);
  });

  it.skipIf(kind !== 'sqlite')('prepares a SQLite statement once, not on every call', async () => {
    const sql = directSql(opened.db);
    const statement = 'SELECT COUNT(*) AS "n" FROM "BotSession" WHERE "key" <> $1';
    await sql.query(statement, ['warm-up']);
    const prepare = vi.spyOn(Database.prototype, 'prepare');
    try {
      for (let i = 0; i < 10; i++) expect(await sql.query(statement, [`k${i}`])).toEqual([{ n: 0 }]);
      expect(prepare).not.toHaveBeenCalled();
    } finally {
      prepare.mockRestore();
    }
  });

  it.skipIf(kind !== 'postgresql')('names PostgreSQL statements, so each connection plans one once', async () => {
    const query = vi.spyOn(pg.Client.prototype, 'query');
    try {
      await directSql(opened.db).query('SELECT COUNT(*) AS "n" FROM "BotSession" WHERE "key" <> $1', ['x']);
      expect(query.mock.calls.map(([config]) => (config as { name?: string }).name)).toEqual([expect.stringMatching(/^layani_\d+$/)]);
    } finally {
      query.mockRestore();
    }
  });

  it('reads SQLite CURRENT_TIMESTAMP text as UTC', () => {
    expect(asDate('2026-11-24 02:00:00')).toEqual(new Date('2026-11-24T02:00:00Z'));
    expect(asDate('2026-11-24T02:00:00.000+00:00')).toEqual(new Date('2026-11-24T02:00:00Z'));
  });

  it('falls back to the adapter interface with the same results', async () => {
    const adapter = kind === 'sqlite'
      ? await new PrismaBetterSQLite3({ url: database.url.slice('file:'.length) }).connect()
      : await new PrismaPg({ connectionString: database.url }).connect();
    try {
      const backend = adapterBackend(kind, adapter);
      const at = new Date('2026-11-24T02:00:00.250Z');
      const insert = 'INSERT INTO "OutboxMessage" ("id", "channel", "kind", "payload", "status", "attempts", "nextAttemptAt", "createdAt") VALUES ($1, $2, $3, $4, $5, $6, $7, $7)';
      const tx = await backend.begin();
      await tx.statements.execute(insert, ['rolled-back', 'slack', 'k', '{}', 'pending', 0, at]);
      await tx.rollback();
      const committed = await backend.begin();
      await committed.statements.execute(insert, ['kept', 'slack', 'k', '{}', 'pending', 2, at]);
      await committed.commit();
      expect(await backend.statements.query('SELECT "id", "attempts", "createdAt", "sentAt" FROM "OutboxMessage" WHERE "createdAt" = $1', [at])).toEqual([
        { id: 'kept', attempts: 2, createdAt: at, sentAt: null },
      ]);
    } finally {
      await adapter.dispose();
    }
  });
});
