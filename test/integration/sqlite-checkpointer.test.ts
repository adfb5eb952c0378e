import { statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { directSql } from '../../core/db/direct-sql.js';
import { openDatabase } from '../../core/db/open-database.js';
import { startCheckpointer } from '../../core/db/sqlite-checkpointer.js';
import { createTestDatabase } from '../support/test-databases.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('SQLite checkpoints', () => {
  it('are made by the background thread while the app connection never makes them', async () => {
    const database = await createTestDatabase('sqlite');
    const opened = await openDatabase(database.url);
    try {
      const file = database.url.slice('file:'.length);
      const sql = directSql(opened.db);
      expect(await sql.query('PRAGMA wal_autocheckpoint')).toEqual([{ wal_autocheckpoint: 0 }]);
      const before = statSync(file).size;
      const value = 'x'.repeat(4000);
      for (let i = 0; i < 1000; i++) await sql.execute('INSERT INTO "BotSession" ("key", "value") VALUES ($1, $2)', [`k${i}`, value]);
      // The rows reach the database file itself only through a checkpoint.
      for (let waited = 0; statSync(file).size < before + 3_000_000 && waited < 5000; waited += 50) await sleep(50);
      expect(statSync(file).size).toBeGreaterThan(before + 3_000_000);
    } finally {
      await opened.close();
      await database.drop();
    }
  });

  it('reports when the thread cannot work, so the app connection takes checkpoints back', async () => {
    const reasons: string[] = [];
    const checkpointer = startCheckpointer('/nonexistent/dir/layani.db', (reason) => reasons.push(reason), 50);
    for (let waited = 0; reasons.length === 0 && waited < 5000; waited += 50) await sleep(50);
    expect(reasons[0]).toMatch(/directory does not exist|unable to open/i);
    await checkpointer.stop();
  });
});
