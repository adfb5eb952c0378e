import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../core/db/open-database.js';
import { enqueue } from '../../core/outbox/enqueue.js';
import { FakeTelegram } from '../fakes/fake-telegram.js';
import { startAppProcess, type AppProcess } from '../support/app-process.js';
import { until } from '../support/telegram-harness.js';
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from '../support/test-databases.js';

const recipients = 300;
const firstChat = 930_000;

// A broadcast is a large batch in the outbox; SIGTERM while it drains must lose nothing and send nothing twice.
describe.each(testDatabaseKinds)('SIGTERM while the outbox drains a large batch (%s)', (kind) => {
  let telegram: FakeTelegram | null = null;
  let database: TestDatabase | null = null;
  let running: AppProcess | null = null;
  afterEach(async () => {
    if (running?.child.exitCode === null) running.child.kill('SIGKILL');
    await telegram?.stop();
    await database?.drop();
  });

  it('stops within 10 s with a consistent outbox, and the restart delivers the rest exactly once', async () => {
    telegram = new FakeTelegram();
    await telegram.start();
    database = await createTestDatabase(kind);
    const seeded = await openDatabase(database.url);
    for (let i = 0; i < recipients; i++) {
      await enqueue(seeded.db, { channel: 'telegram', kind: 'telegram.text', chatId: String(firstChat + i), text: `Pengumuman untuk penerima ${i}`, lang: 'id', attachments: [] });
    }
    await seeded.close();
    const env = { DATABASE_URL: database.url, TELEGRAM_BOT_TOKEN: telegram.token, TELEGRAM_API_ROOT: telegram.url, LOG_LEVEL: 'info' };
    const sentCount = () => telegram!.callsTo('sendMessage').filter((c) => !c.injected).length;

    running = await startAppProcess(env);
    await until(() => sentCount() >= 60, 'the broadcast to be under way', 20_000);
    const first = await running.terminate();
    expect(first.code, running.stderr()).toBe(0);
    expect(first.ms).toBeLessThan(10_000);
    expect(running.logs.map((l) => l.msg).slice(-8), running.stderr()).toContain('stopped cleanly');
    const afterFirst = sentCount();
    expect(afterFirst).toBeLessThan(recipients);

    // Consistent: nothing left claimed, and a row is "sent" exactly when its chat got the message.
    const check = await openDatabase(database.url, { migrate: false });
    try {
      const rows = await check.db.outboxMessage.findMany({ select: { payload: true, status: true, lockedBy: true } });
      expect(rows.filter((r) => r.lockedBy !== null)).toEqual([]);
      for (const row of rows) {
        const chatId = Number((JSON.parse(row.payload) as { chatId: string }).chatId);
        expect(`${row.status}:${telegram.sent(chatId).length}`).toBe(row.status === 'sent' ? 'sent:1' : 'pending:0');
      }
    } finally {
      await check.close();
    }

    running = await startAppProcess(env);
    await until(() => sentCount() >= recipients, 'the rest of the broadcast', 30_000);
    const second = await running.terminate();
    expect(second.code, running.stderr()).toBe(0);

    const texts = telegram.callsTo('sendMessage').filter((c) => !c.injected).map((c) => String(c.params.text));
    expect(texts).toHaveLength(recipients);
    expect(new Set(texts).size).toBe(recipients);
    const final = await openDatabase(database.url, { migrate: false });
    try {
      expect(await final.db.outboxMessage.count({ where: { status: 'sent', lockedBy: null } })).toBe(recipients);
    } finally {
      await final.close();
    }
  }, 90_000);
});
