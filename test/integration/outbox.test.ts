import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../core/clock/clock.js';
import { openDatabase, type OpenDatabase } from '../../core/db/open-database.js';
import { createLogger } from '../../core/logging/logger.js';
import { DeliveryRefused, NotReadyYet, RetryLater } from '../../core/outbox/delivery-errors.js';
import { enqueue } from '../../core/outbox/enqueue.js';
import type { OutboxIntent } from '../../core/outbox/outbox-intent.js';
import { OutboxWorker, type DeliveryHandler } from '../../core/outbox/outbox-worker.js';
import { OutboxWorkers } from '../../core/outbox/outbox-workers.js';
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from '../support/test-databases.js';

const text = (chatId: string, body: string): OutboxIntent => ({ channel: 'telegram', kind: 'telegram.text', chatId, text: body, lang: 'id', attachments: [], buttons: [], holdInQuietHours: false, ticketId: null });
const bodyOf = (intent: OutboxIntent) => (intent.kind === 'telegram.text' ? intent.text : intent.kind);

describe.each(testDatabaseKinds)('outbox on %s', (kind) => {
  let database: TestDatabase;
  let opened: OpenDatabase;
  const clock = fixedClock('2026-11-24T02:00:00Z');
  const log = createLogger('silent');

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
    clock.set('2026-11-24T02:00:00Z');
  });

  const worker = (handler: DeliveryHandler, db = opened.db) => new OutboxWorker({ db, clock, log, handlers: { telegram: handler } });

  it('delivers in order within an order key', async () => {
    for (const body of ['satu', 'dua', 'tiga']) await enqueue(opened.db, text('1', body), { orderKey: 'telegram:1' });
    const delivered: string[] = [];
    const w = worker(async (intent) => {
      delivered.push(bodyOf(intent));
      return 'm';
    });
    while ((await w.runOnce()) > 0);
    expect(delivered).toEqual(['satu', 'dua', 'tiga']);
    expect(await opened.db.outboxMessage.count({ where: { status: 'sent' } })).toBe(3);
  });

  it('waits as long as the platform asks, then delivers once', async () => {
    await enqueue(opened.db, text('1', 'halo'));
    let calls = 0;
    const w = worker(async () => {
      calls += 1;
      if (calls === 1) throw new RetryLater(30);
    });
    await w.runOnce();
    expect(await w.runOnce()).toBe(0);
    clock.advance(31_000);
    await w.runOnce();
    expect(calls).toBe(2);
    const row = await opened.db.outboxMessage.findFirstOrThrow();
    expect(row.status).toBe('sent');
  });

  it('stops for good when the user blocked the bot, and keeps others going', async () => {
    await enqueue(opened.db, text('blocked', 'x'));
    await enqueue(opened.db, text('fine', 'y'));
    const w = worker(async (intent) => {
      if (intent.kind === 'telegram.text' && intent.chatId === 'blocked') throw new DeliveryRefused('blocked', 'Forbidden: bot was blocked by the user');
    });
    await w.runOnce();
    clock.advance(3_600_000);
    expect(await w.runOnce()).toBe(0);
    const rows = await opened.db.outboxMessage.findMany({ orderBy: { createdAt: 'asc' } });
    expect(rows.map((r) => r.status).sort()).toEqual(['blocked', 'sent']);
  });

  it('keeps retrying through an outage with backoff and loses nothing', async () => {
    for (let i = 0; i < 5; i++) await enqueue(opened.db, text(String(i), `pesan ${i}`));
    let down = true;
    const delivered: string[] = [];
    const w = worker(async (intent) => {
      if (down) throw new Error('connect ECONNREFUSED');
      delivered.push(bodyOf(intent));
    });
    for (let minute = 0; minute < 10; minute++) {
      await w.runOnce();
      clock.advance(60_000);
    }
    expect(delivered).toEqual([]);
    expect(await opened.db.outboxMessage.count({ where: { status: 'pending' } })).toBe(5);
    down = false;
    clock.advance(10 * 60_000);
    while ((await w.runOnce()) > 0);
    expect(delivered.sort()).toEqual(['pesan 0', 'pesan 1', 'pesan 2', 'pesan 3', 'pesan 4']);
  });

  it('holds a message that is not ready (no card yet) and sends it once it is', async () => {
    await enqueue(opened.db, text('1', 'x'));
    let ready = false;
    const w = worker(async () => {
      if (!ready) throw new NotReadyYet('card not posted');
    });
    await w.runOnce();
    ready = true;
    clock.advance(1500);
    await w.runOnce();
    expect(await opened.db.outboxMessage.findFirstOrThrow()).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it('records each delivered message with its own platform id', async () => {
    for (const chat of ['1', '2', '3']) await enqueue(opened.db, text(chat, `to ${chat}`));
    const w = worker(async (intent) => (intent.kind === 'telegram.text' ? `msg-${intent.chatId}` : undefined));
    expect(await w.runOnce()).toBe(3);
    const rows = await opened.db.outboxMessage.findMany({ orderBy: { resultRef: 'asc' } });
    expect(rows.map((r) => [r.resultRef, r.status, r.attempts, r.lockedBy])).toEqual([
      ['msg-1', 'sent', 1, null],
      ['msg-2', 'sent', 1, null],
      ['msg-3', 'sent', 1, null],
    ]);
    expect(rows.every((r) => r.sentAt?.getTime() === clock.now().getTime())).toBe(true);
  });

  it('keeps a key in order while its first message waits for a retry', async () => {
    await enqueue(opened.db, text('1', 'first'), { orderKey: 'telegram:1' });
    await enqueue(opened.db, text('1', 'second'), { orderKey: 'telegram:1' });
    const delivered: string[] = [];
    let limited = true;
    const w = worker(async (intent) => {
      if (limited && bodyOf(intent) === 'first') {
        limited = false;
        throw new RetryLater(30);
      }
      delivered.push(bodyOf(intent));
    });
    await w.runOnce();
    expect(await w.runOnce()).toBe(0);
    expect(delivered).toEqual([]);
    clock.advance(31_000);
    while ((await w.runOnce()) > 0);
    expect(delivered).toEqual(['first', 'second']);
  });

  it('does not hand out the next message of a key while another instance holds the first', async () => {
    await enqueue(opened.db, text('1', 'first'), { orderKey: 'telegram:1' });
    await enqueue(opened.db, text('1', 'second'), { orderKey: 'telegram:1' });
    await enqueue(opened.db, text('2', 'other'), { orderKey: 'telegram:2' });
    const head = await opened.db.outboxMessage.findFirstOrThrow({ where: { orderKey: 'telegram:1' }, orderBy: { createdAt: 'asc' } });
    await opened.db.outboxMessage.update({ where: { id: head.id }, data: { lockedBy: 'elsewhere', lockedUntil: new Date(clock.now().getTime() + 60_000) } });
    const delivered: string[] = [];
    const w = worker(async (intent) => void delivered.push(bodyOf(intent)));
    while ((await w.runOnce()) > 0);
    expect(delivered).toEqual(['other']);
  });

  it('is not held up by a long queue behind one key', async () => {
    const rows = Array.from({ length: 600 }, (_, i) => ({
      id: `q${String(i).padStart(4, '0')}`,
      channel: 'telegram',
      kind: 'telegram.text',
      payload: JSON.stringify(text('1', `queued ${i}`)),
      orderKey: 'telegram:1',
      nextAttemptAt: new Date(0),
      createdAt: new Date(Date.now() - 3_600_000 + i),
    }));
    await opened.db.outboxMessage.createMany({ data: rows });
    await enqueue(opened.db, text('2', 'other'), { orderKey: 'telegram:2' });
    const delivered: string[] = [];
    const w = worker(async (intent) => void delivered.push(bodyOf(intent)));
    expect(await w.runOnce()).toBe(2);
    expect(delivered.sort()).toEqual(['other', 'queued 0']);
  });

  it('sends a Slack message at once while a long Telegram backlog waits for its rate', async () => {
    const rows = Array.from({ length: 300 }, (_, i) => ({
      id: `b${String(i).padStart(4, '0')}`,
      channel: 'telegram',
      kind: 'telegram.text',
      payload: JSON.stringify(text(String(1000 + i), `broadcast ${i}`)),
      nextAttemptAt: new Date(0),
      createdAt: new Date(Date.now() - 3_600_000 + i),
    }));
    await opened.db.outboxMessage.createMany({ data: rows });
    await enqueue(opened.db, { channel: 'slack', kind: 'slack.channelMessage', slackChannel: 'C1', text: 'tiket baru' });
    const slack: string[] = [];
    const workers = new OutboxWorkers({
      db: opened.db,
      clock,
      log,
      handlers: { telegram: async () => undefined, slack: async (intent) => void slack.push(intent.kind === 'slack.channelMessage' ? intent.text : intent.kind) },
    });
    // The first pass claims the oldest 50 Telegram messages, and the Slack message on its own.
    await workers.runOnce();
    expect(slack).toEqual(['tiket baru']);
    expect(await opened.db.outboxMessage.count({ where: { channel: 'telegram', status: 'pending' } })).toBe(250);
  });

  // Several instances share a database only on PostgreSQL; SQLite deployments run one instance.
  it.skipIf(kind === 'sqlite')('delivers each message exactly once with two instances working the same database', async () => {
    const second = await openDatabase(database.url, { migrate: false });
    try {
      for (let i = 0; i < 60; i++) await enqueue(opened.db, text(String(i % 7), `m${i}`), { orderKey: `telegram:${i % 7}` });
      const delivered: string[] = [];
      const handler: DeliveryHandler = async (intent) => {
        delivered.push(bodyOf(intent));
        await new Promise((resolve) => setTimeout(resolve, 2));
      };
      const a = worker(handler);
      const b = worker(handler, second.db);
      for (let round = 0; round < 40; round++) await Promise.all([a.runOnce(), b.runOnce()]);
      expect(delivered).toHaveLength(60);
      expect(new Set(delivered).size).toBe(60);
      // Order is kept per chat even with two instances.
      for (let chat = 0; chat < 7; chat++) {
        const mine = delivered.filter((m) => Number(m.slice(1)) % 7 === chat).map((m) => Number(m.slice(1)));
        expect(mine).toEqual([...mine].sort((x, y) => x - y));
      }
    } finally {
      await second.close();
    }
  });

  it('picks up what a stopped instance left behind after its lease expires', async () => {
    await enqueue(opened.db, text('1', 'survivor'));
    // An instance claimed it and died mid-delivery.
    await opened.db.outboxMessage.updateMany({ data: { lockedBy: 'dead', lockedUntil: new Date(clock.now().getTime() + 60_000) } });
    const delivered: string[] = [];
    const w = worker(async (intent) => void delivered.push(bodyOf(intent)));
    expect(await w.runOnce()).toBe(0);
    clock.advance(61_000);
    await w.runOnce();
    expect(delivered).toEqual(['survivor']);
  });
});
