/**
 * `layani token create`: an HR token is limited to one agency unless every agency is asked for explicitly (least
 * privilege by default), run as the real command against a fresh database.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runLayani } from '../support/cli-process.js';
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from '../support/test-databases.js';
import { openDatabase } from '../../core/db/open-database.js';

describe.each(testDatabaseKinds)('token create on %s', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
  });
  afterAll(async () => database?.drop());

  const layani = (...args: string[]) => runLayani(args, { env: { DATABASE_URL: database.url, LOG_LEVEL: 'silent' } });

  it('refuses an hr_officer token without --agency or --all-agencies, and makes nothing', async () => {
    const refused = await layani('token', 'create', '--role', 'hr_officer', '--name', 'dasbor');
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toMatch(/needs --agency CODE .* --all-agencies/);
    expect(refused.stdout).toBe('');

    const scoped = await layani('token', 'create', '--role', 'hr_officer', '--name', 'dasbor-dkp', '--agency', 'DKP');
    expect(scoped.code).toBe(0);
    const everywhere = await layani('token', 'create', '--role', 'hr_officer', '--name', 'dasbor-semua', '--all-agencies');
    expect(everywhere.code).toBe(0);

    const { db, close } = await openDatabase(database.url);
    try {
      const tokens = await db.apiToken.findMany({ orderBy: { createdAt: 'asc' } });
      const dkp = await db.agency.findUniqueOrThrow({ where: { code: 'DKP' } });
      expect(tokens.map((t) => [t.name, t.agencyId])).toEqual([
        ['dasbor-dkp', dkp.id],
        ['dasbor-semua', null],
      ]);
    } finally {
      await close();
    }
    // Three runs of the real command, each opening the database: slow on a busy machine.
  }, 120_000);
});
