import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../core/db/open-database.js';
import { loadMigrations, pendingMigrations } from '../../core/db/migrations.js';
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from '../support/test-databases.js';

describe.each(testDatabaseKinds)('migrations on %s', (kind) => {
  let database: TestDatabase | undefined;
  afterEach(async () => database?.drop());

  it('migrates a new database once, even when several instances start together', async () => {
    database = await createTestDatabase(kind);
    const url = database.url;
    const opened = await Promise.all([openDatabase(url), openDatabase(url), openDatabase(url)]);
    const applied = opened.map((o) => o.applied.length);
    expect(applied.filter((n) => n > 0)).toHaveLength(1);
    expect(applied.reduce((a, b) => a + b)).toBe(loadMigrations(kind).length);
    await Promise.all(opened.map((o) => o.close()));
    const reopened = await openDatabase(url);
    expect(reopened.applied).toEqual([]);
    expect(await reopened.db.employee.count()).toBe(0);
    await reopened.close();
  });
});

describe('migration bookkeeping', () => {
  const all = [
    { name: '0001_init', sql: 'x', checksum: 'a' },
    { name: '0002_more', sql: 'y', checksum: 'b' },
  ];
  it('applies only what has not run', () => {
    expect(pendingMigrations(all, [{ name: '0001_init', checksum: 'a' }]).map((m) => m.name)).toEqual(['0002_more']);
  });
  it('refuses to go on when an applied migration was edited', () => {
    expect(() => pendingMigrations(all, [{ name: '0001_init', checksum: 'changed' }])).toThrow(/changed after it was applied/);
  });
  it('refuses a database migrated by a newer release', () => {
    expect(() => pendingMigrations(all, [{ name: '0003_future', checksum: 'c' }])).toThrow(/newer release/);
  });
});
