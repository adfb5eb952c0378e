import { startApp } from '../api/app.js';
import { shiftedClock } from '../core/clock/clock.js';
import { parseConfig } from '../core/config/load-config.js';
import type { DatabaseKind } from '../core/db/database-url.js';
import { createLogger } from '../core/logging/logger.js';
import { FakeTelegram } from '../test/fakes/fake-telegram.js';
import { telegramAppEnv } from '../test/support/app-env.js';
import { seedLinkedOffice } from '../test/support/linked-office.js';
import { createTestDatabase } from '../test/support/test-databases.js';

/** Saturday 09:00 WIB: no daily reminder pass or nudges compete with the broadcast for Telegram's rate. */
const saturdayMorning = '2026-11-28T02:00:00Z';
const sleep = (millis: number) => new Promise((resolve) => setTimeout(resolve, millis));

/**
 * A broadcast to `recipients` linked staff through FakeTelegram enforcing Telegram's real limits (30 messages/s
 * overall, answering 429 beyond it). Reports the achieved rate against the limit, duplicates and peak RSS (app and
 * fake share this process).
 */
export async function benchBroadcast(kind: DatabaseKind, recipients: number): Promise<void> {
  const limit = 30;
  const fake = new FakeTelegram({ rateLimit: { globalPerSecond: limit } });
  await fake.start();
  const database = await createTestDatabase(kind);
  const config = parseConfig(telegramAppEnv(database.url, fake));
  const app = await startApp(config, { clock: shiftedClock(saturdayMorning), schedule: false, outboxPollMs: 50, log: createLogger('silent') });
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 200);
  try {
    const db = app.runtime.db;
    const chats = await seedLinkedOffice(db, { count: recipients, unit: 'Sekretariat', firstChatId: 770_000_000 });
    const agency = await db.agency.findFirstOrThrow();
    await app.runtime
      .callerFor({ ref: 'bench', role: 'hr_lead', employeeId: null, agencyId: agency.id })
      .broadcasts.create({ title: 'Pengumuman', text: 'Uji siaran ke seluruh pegawai.', audience: { everyone: true }, needsAck: true });
    const started = Date.now();
    await app.tickScheduler();
    const queuedMs = Date.now() - started;
    let firstAt = 0;
    let lastAt = 0;
    for (;;) {
      const received = fake.callsTo('sendMessage').filter((call) => !call.injected);
      if (received.length > 0 && !firstAt) firstAt = received[0]!.at;
      if ((await db.outboxMessage.count({ where: { status: 'pending' } })) === 0) {
        lastAt = received.at(-1)?.at ?? Date.now();
        break;
      }
      await sleep(250);
    }
    const perChat = new Map<number, number>();
    for (const call of fake.callsTo('sendMessage').filter((c) => !c.injected)) perChat.set(Number(call.params.chat_id), (perChat.get(Number(call.params.chat_id)) ?? 0) + 1);
    const delivered = chats.filter((chat) => (perChat.get(chat) ?? 0) >= 1).length;
    const duplicates = [...perChat.values()].reduce((sum, n) => sum + Math.max(0, n - 1), 0);
    const refused429 = fake.callsTo('sendMessage').filter((c) => c.injected === 'rate-limited').length;
    const seconds = (lastAt - firstAt) / 1000;
    const rate = (delivered - 1) / seconds;
    console.log(
      `broadcast ${kind}: ${recipients} recipients queued in ${(queuedMs / 1000).toFixed(2)} s; delivered ${delivered} in ${seconds.toFixed(1)} s = ` +
        `${rate.toFixed(2)} msg/s; rate ÷ limit ${(rate / limit).toFixed(3)} (target ≥ 0.9); duplicates ${duplicates} (target 0); ` +
        `429 answers ${refused429}; peak RSS ${(peakRss / 1024 / 1024).toFixed(0)} MB`,
    );
  } finally {
    clearInterval(sampler);
    await app.stop();
    await fake.stop();
    await database.drop();
  }
}
