/**
 * A broadcast to 2,000 people through FakeTelegram enforcing flood limits (answering 429 with retry_after) and
 * refusing blocked chats (403): everyone gets it once; blocked chats are marked and not retried. On PostgreSQL,
 * two app instances share the work with no duplicate.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startApp, type App } from '../../api/app.js';
import { shiftedClock } from '../../core/clock/clock.js';
import { parseConfig } from '../../core/config/load-config.js';
import { createLogger } from '../../core/logging/logger.js';
import { FakeTelegram } from '../fakes/fake-telegram.js';
import { telegramAppEnv } from '../support/app-env.js';
import { seedLinkedOffice } from '../support/linked-office.js';
import { until } from '../support/telegram-harness.js';
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from '../support/test-databases.js';

/** Saturday 09:00 WIB: no daily reminder pass or nudges compete with the broadcast for Telegram's rate. */
const saturdayMorning = '2026-11-28T02:00:00Z';
const recipients = 2000;
const firstChat = 880_000_000;

describe.each(testDatabaseKinds)('a broadcast to %s recipients at scale', (kind) => {
  let fake: FakeTelegram;
  let database: TestDatabase;
  const apps: App[] = [];

  afterEach(async () => {
    for (const app of apps.splice(0)) await app.stop();
    await fake?.stop();
    await database?.drop();
  });

  /**
   * Telegram allows 30/s; by default here the fake allows 150/s and the app sends up to 200/s, so it meets 429s and
   * must wait as told, which keeps the test short while exercising the same paths.
   */
  async function start(instances: number, rates = { telegram: 150, app: 200 }) {
    fake = new FakeTelegram({ rateLimit: { globalPerSecond: rates.telegram } });
    await fake.start();
    database = await createTestDatabase(kind);
    const clock = shiftedClock(saturdayMorning);
    for (let i = 0; i < instances; i++) {
      const config = parseConfig(telegramAppEnv(database.url, fake, { TELEGRAM_MESSAGES_PER_SECOND: String(rates.app) }));
      apps.push(await startApp(config, { clock, schedule: false, outboxPollMs: 50, log: createLogger(process.env.LAYANI_TEST_LOG_LEVEL ?? 'silent') }));
    }
    const db = apps[0]!.runtime.db;
    const chats = await seedLinkedOffice(db, { count: recipients, unit: 'Sekretariat', firstChatId: firstChat });
    const blocked = chats.filter((_, index) => index % 50 === 7);
    for (const chat of blocked) fake.setBlocked(chat);
    const agency = await db.agency.findFirstOrThrow();
    const created = await apps[0]!.runtime
      .callerFor({ ref: 'test:hr', role: 'hr_lead', employeeId: null, agencyId: agency.id })
      .broadcasts.create({ title: 'Perubahan jam kerja Ramadan', text: 'Jam kerja selama Ramadan 08.00–15.00 WIB.', audience: { everyone: true }, needsAck: true });
    return { db, chats, blocked, broadcastId: created.broadcastId };
  }

  async function finished(db: App['runtime']['db']) {
    await until(async () => ((await db.outboxMessage.count({ where: { status: 'pending' } })) === 0 ? true : undefined), 'the outbox to drain', 120_000);
  }

  function deliveredCounts(chats: number[]) {
    return chats.map((chat) => fake.sent(chat).filter((m) => (m as { text?: string }).text?.includes('Perubahan jam kerja Ramadan')).length);
  }

  it('delivers to every reachable person exactly once, honouring 429 and marking 403', async () => {
    const { db, chats, blocked, broadcastId } = await start(1);
    // Whether the app outruns the fake's limit depends on the machine; these 429s come whatever its speed.
    fake.failNext('sendMessage', { error_code: 429, retry_after: 1 }, { times: 5 });
    await apps[0]!.tickScheduler();
    await finished(db);

    const counts = deliveredCounts(chats);
    const blockedSet = new Set(blocked);
    expect(counts.filter((n, i) => !blockedSet.has(chats[i]!) && n !== 1)).toEqual([]);
    expect(counts.filter((n, i) => blockedSet.has(chats[i]!) && n !== 0)).toEqual([]);
    expect(fake.callsTo('sendMessage').filter((call) => call.injected).length).toBeGreaterThanOrEqual(5);
    // Blocked chats were tried once each and are remembered.
    expect(await db.blockedChat.count()).toBe(blocked.length);
    const report = await apps[0]!.runtime.callerFor({ ref: 't', role: 'hr_officer', employeeId: null, agencyId: (await db.agency.findFirstOrThrow()).id }).broadcasts.status({ broadcastId });
    expect(report.total).toMatchObject({ recipients, sent: recipients, delivered: recipients - blocked.length, failed: blocked.length, pending: 0 });
  }, 180_000);

  it.runIf(kind === 'postgresql')('two instances on one database: the run starts once and nobody gets it twice', async () => {
    const { db, chats, blocked } = await start(2);
    // Both instances tick at the same moment, as their crons would.
    await Promise.all(apps.map((app) => app.tickScheduler()));
    await finished(db);
    expect(await db.broadcastRun.count()).toBe(1);
    const counts = deliveredCounts(chats);
    const blockedSet = new Set(blocked);
    expect(counts.filter((n, i) => !blockedSet.has(chats[i]!) && n !== 1)).toEqual([]);
    expect(await db.outboxMessage.count({ where: { status: 'sent' } })).toBe(recipients - blocked.length);
  }, 180_000);

  it.runIf(kind === 'postgresql')('two instances share one sending rate: the bot stays within its limit and Telegram answers (almost) no 429', async () => {
    // Both instances are set to the rate Telegram allows the bot; each alone would use all of it.
    const rate = 100;
    const { db, chats, blocked } = await start(2, { telegram: rate, app: rate });
    const started = Date.now();
    await Promise.all(apps.map((app) => app.tickScheduler()));
    await finished(db);
    const seconds = (Date.now() - started) / 1000;

    const sends = fake.callsTo('sendMessage').filter((call) => (call.params.chat_id as number) >= firstChat);
    const limited = sends.filter((call) => call.injected === 'rate-limited').length;
    // Throttled each on its own, the two sent at twice the rate: about a third of the requests drew a 429.
    expect(limited).toBeLessThanOrEqual(10);
    const counts = deliveredCounts(chats);
    const blockedSet = new Set(blocked);
    expect(counts.filter((n, i) => !blockedSet.has(chats[i]!) && n !== 1)).toEqual([]);
    expect(seconds).toBeGreaterThan((recipients / rate) * 0.9);
  }, 180_000);
});
