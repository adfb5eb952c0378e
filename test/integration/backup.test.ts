import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { parseDatabaseUrl } from '../../core/db/database-url.js';
import { loadMigrations } from '../../core/db/migrations.js';
import { openDatabase } from '../../core/db/open-database.js';
import { backupPostgres, pgDumpAvailable } from '../../core/ops/postgres-backup.js';
import { runningMarkerPath } from '../../core/ops/running-marker.js';
import { backupSqlite, restoreSqlite } from '../../core/ops/sqlite-backup.js';
import { ensureAgency } from '../../core/records/agencies.js';
import { createTestDatabase, type TestDatabase } from '../support/test-databases.js';

const agencyCodes = async (url: string) => {
  const database = await openDatabase(url);
  try {
    return (await database.db.agency.findMany({ orderBy: { code: 'asc' } })).map((a) => a.code);
  } finally {
    await database.close();
  }
};

describe('backup and restore (SQLite)', () => {
  let database: TestDatabase;
  let dir: string;
  afterEach(async () => {
    await database?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  const setUp = async () => {
    database = await createTestDatabase('sqlite');
    dir = mkdtempSync(join(tmpdir(), 'layani-backups-'));
    return parseDatabaseUrl(database.url).target;
  };

  it('copies the database while it is open and being written, and restores it over later changes', async () => {
    const file = await setUp();
    const live = await openDatabase(database.url);
    await ensureAgency(live.db, 'BKPSDMD', 'Badan Kepegawaian');
    // Still open, WAL not checkpointed: an online backup must see the committed row anyway.
    const backup = await backupSqlite(file, dir);
    await ensureAgency(live.db, 'SETELAH', 'Ditambahkan setelah cadangan');
    await live.close();

    expect(basename(backup.file)).toMatch(/^layani-\d{8}-\d{6}\.db$/);
    expect(backup.migrations).toBe(loadMigrations('sqlite').length);
    expect(await agencyCodes(`file:${backup.file}`)).toContain('BKPSDMD');

    const restored = await restoreSqlite(backup.file, file);
    const codes = await agencyCodes(database.url);
    expect(codes).toContain('BKPSDMD');
    expect(codes).not.toContain('SETELAH');
    // The replaced database is kept, so the restore can be undone.
    expect(restored.previous).toMatch(/layani-sebelum-pemulihan-\d{8}-\d{6}\.db$/);
    expect(await agencyCodes(`file:${restored.previous}`)).toContain('SETELAH');
  });

  it('refuses while LAYANI runs on the database, unless forced', async () => {
    const file = await setUp();
    await (await openDatabase(database.url)).close();
    const backup = await backupSqlite(file, dir);
    // This test process stands for the running server.
    writeFileSync(runningMarkerPath(file), JSON.stringify({ pid: process.pid, host: hostname(), startedAt: new Date().toISOString() }));
    await expect(restoreSqlite(backup.file, file)).rejects.toThrow(/LAYANI sedang berjalan dengan basis data ini \(pid \d+.*systemctl stop layani/);
    await expect(restoreSqlite(backup.file, file, { force: true })).resolves.toMatchObject({ pending: [] });
    // A marker left by a process that died is not in the way.
    writeFileSync(runningMarkerPath(file), JSON.stringify({ pid: 2 ** 22 + 1, host: hostname(), startedAt: '2026-01-01T00:00:00Z' }));
    await expect(restoreSqlite(backup.file, file)).resolves.toBeTruthy();
  });

  it('refuses a backup whose migrations differ from this version, or come from a newer one', async () => {
    const file = await setUp();
    await (await openDatabase(database.url)).close();
    const edited = await backupSqlite(file, dir);
    const tamper = new Database(edited.file);
    tamper.prepare(`UPDATE "_layani_migrations" SET checksum = 'x' WHERE name = '0002_chatcanal'`).run();
    tamper.close();
    await expect(restoreSqlite(edited.file, file)).rejects.toThrow(/tidak cocok dengan versi LAYANI ini: Migration 0002_chatcanal was changed/);

    const newer = await backupSqlite(file, dir);
    const future = new Database(newer.file);
    future.prepare(`INSERT INTO "_layani_migrations" (name, checksum, applied_at) VALUES ('0099_future', 'y', '2030-01-01')`).run();
    future.close();
    await expect(restoreSqlite(newer.file, file)).rejects.toThrow(/0099_future/);
    await expect(restoreSqlite(join(dir, 'tidak-ada.db'), file)).rejects.toThrow(/tidak ada/);
    writeFileSync(join(dir, 'bukan.db'), 'bukan basis data');
    await expect(restoreSqlite(join(dir, 'bukan.db'), file)).rejects.toThrow(/bukan basis data SQLite/);
  });

  it('restores an older backup and says which migrations the next start applies', async () => {
    const file = await setUp();
    await (await openDatabase(database.url)).close();
    const old = await backupSqlite(file, dir);
    const db = new Database(old.file);
    db.prepare(`DELETE FROM "_layani_migrations" WHERE name = '0003_faq_drafts'`).run();
    db.close();
    expect((await restoreSqlite(old.file, file)).pending).toEqual(['0003_faq_drafts']);
  });
});

describe.runIf(process.env.TEST_DATABASE_URL && pgDumpAvailable())('backup (PostgreSQL, pg_dump)', () => {
  it('writes a pg_restore-able dump of the database', async () => {
    const database = await createTestDatabase('postgresql');
    const dir = mkdtempSync(join(tmpdir(), 'layani-backups-'));
    try {
      await (await openDatabase(database.url)).close();
      const result = await backupPostgres(database.url, dir);
      expect(basename(result.file)).toMatch(/^layani-\d{8}-\d{6}\.dump$/);
      expect(result.bytes).toBeGreaterThan(1000);
      expect(readdirSync(dir)).toEqual([basename(result.file)]);
      expect(existsSync(result.file)).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
      await database.drop();
    }
  });
});
