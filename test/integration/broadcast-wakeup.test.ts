/**
 * "Now" means now: a broadcast created by `layani broadcast create` (another process) goes out at once, without the
 * server's minute tick (PostgreSQL: LISTEN/NOTIFY; SQLite: the server sees the other process's commit). The app
 * here runs no cron at all, so only the wake-up can start the broadcast.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startApp, type App } from '../../api/app.js';
import { parseConfig } from '../../core/config/load-config.js';
import { createLogger } from '../../core/logging/logger.js';
import { FakeTelegram } from '../fakes/fake-telegram.js';
import { telegramAppEnv } from '../support/app-env.js';
import { seedLinkedOffice } from '../support/linked-office.js';
import { until } from '../support/telegram-harness.js';
import { runLayani } from '../support/cli-process.js';
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from '../support/test-databases.js';

describe.each(testDatabaseKinds)('a broadcast created from the CLI on %s', (kind) => {
  let fake: FakeTelegram;
  let database: TestDatabase;
  let app: App | null = null;

  afterEach(async () => {
    await app?.stop();
    app = null;
    await fake?.stop();
    await database?.drop();
  });

  it('is sent by the running server at once, not at its next minute tick', async () => {
    fake = new FakeTelegram();
    await fake.start();
    database = await createTestDatabase(kind);
    const config = parseConfig(telegramAppEnv(database.url, fake));
    app = await startApp(config, { schedule: false, wake: true, outboxPollMs: 50, log: createLogger(process.env.LAYANI_TEST_LOG_LEVEL ?? 'silent') });
    const chats = await seedLinkedOffice(app.runtime.db, { count: 3, unit: 'Sekretariat', firstChatId: 770_000_000 });

    const cli = await runLayani(['broadcast', 'create', '--title', 'Apel siaga banjir', '--text', 'Apel pukul 10.00 di halaman kantor.', '--everyone', '--urgent'], {
      env: { DATABASE_URL: database.url, LOG_LEVEL: 'silent' },
    });
    expect(cli.stderr).toBe('');
    expect(cli.code).toBe(0);
    const created = Date.now();
    const got = (chat: number) => fake.sent(chat).some((m) => (m as { text?: string }).text?.includes('Apel siaga banjir'));
    // Well inside a minute; the minute tick is not running at all here.
    await until(() => chats.every(got), 'everyone to get the broadcast', 15_000);
    expect(Date.now() - created).toBeLessThan(15_000);
  }, 90_000);
});
