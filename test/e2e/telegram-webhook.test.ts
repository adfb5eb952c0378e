/**
 * Webhook mode (TELEGRAM_WEBHOOK_URL set): the app registers its webhook with the secret, FakeTelegram POSTs
 * updates to POST /telegram/webhook, and requests without the right secret change nothing.
 */
import type { Update } from 'grammy/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTelegramAdapter } from '../../bots/telegram/index.js';
import { parseConfig } from '../../core/config/load-config.js';
import { createLogger } from '../../core/logging/logger.js';
import type { Runtime } from '../../core/runtime.js';
import { sleep, startTelegramHarness, until, webhookSecret, type TelegramHarness } from '../support/telegram-harness.js';
import { testDatabaseKinds } from '../support/test-databases.js';

describe.each(testDatabaseKinds)('Telegram webhook mode on %s', (kind) => {
  let h: TelegramHarness;

  beforeAll(async () => {
    h = await startTelegramHarness(kind, { webhook: true });
  });
  afterAll(async () => h?.stop());

  const db = () => h.app.runtime.db;
  const post = (body: unknown, secret?: string) =>
    fetch(h.webhookUrl!, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(secret === undefined ? {} : { 'x-telegram-bot-api-secret-token': secret }) },
      body: JSON.stringify(body),
    });

  it('registers the webhook with its secret and serves updates Telegram posts to it', async () => {
    expect(h.fake.callsTo('setWebhook').at(-1)?.params).toMatchObject({
      url: h.webhookUrl,
      secret_token: webhookSecret,
      allowed_updates: ['message', 'edited_message', 'callback_query', 'my_chat_member'],
    });
    expect(h.fake.callsTo('getUpdates')).toEqual([]);
    const { user, employee } = await h.linkedUser();
    h.fake.userSends(user, 'Pertanyaan lewat webhook');
    await h.waitForMessage(user.id, /Tiket #\d+ \(Lainnya\) sudah kami terima/);
    await h.fake.webhookIdle();
    expect(h.fake.deliveries.at(-1)).toMatchObject({ status: 200, attempt: 1 });
    expect(await db().ticket.count({ where: { requesterId: employee.id } })).toBe(1);
  });

  it('refuses a wrong or missing secret with 401 and changes nothing', async () => {
    const { user, employee } = await h.linkedUser();
    h.fake.webhookTarget(h.webhookUrl, 'not-the-secret');
    try {
      const update = h.fake.userSends(user, 'Pesan dengan rahasia yang salah');
      await h.fake.webhookIdle();
      const attempts = h.fake.deliveries.filter((d) => d.update_id === update.update_id);
      expect(attempts.map((d) => d.status)).toEqual([401, 401, 401]);

      const forged: Update = { ...update, update_id: update.update_id + 1_000_000 };
      expect((await post(forged)).status).toBe(401);
      expect((await post(forged, '')).status).toBe(401);
      expect((await post(forged, `${webhookSecret}x`)).status).toBe(401);
      await sleep(100);
      const ids = [update.update_id, forged.update_id].map(String);
      expect(await db().inboundEvent.count({ where: { eventId: { in: ids } } })).toBe(0);
      expect(await db().ticket.count({ where: { requesterId: employee.id } })).toBe(0);
      expect(await db().botSession.count({ where: { key: `telegram:${user.id}` } })).toBe(0);
      expect(h.texts(user.id)).toEqual([]);
    } finally {
      h.fake.webhookTarget(h.webhookUrl, webhookSecret);
    }

    // the right secret works again
    h.fake.userSends(user, 'Sekarang dengan rahasia yang benar');
    await h.waitForMessage(user.id, /Tiket #\d+ \(Lainnya\) sudah kami terima/);
  });

  it('acts once when the same update is posted twice', async () => {
    const { user, employee } = await h.linkedUser();
    h.fake.webhookTarget(null); // hold the fake's own delivery: this test posts by hand
    try {
      const update = h.fake.userSends(user, 'Satu kali saja');
      const first = await post(update, webhookSecret);
      const second = await post(update, webhookSecret);
      expect([first.status, second.status]).toEqual([200, 200]);
      await until(async () => (await db().ticketMessage.count({ where: { ticket: { requesterId: employee.id } } })) === 1, 'the message');
      await sleep(100);
      expect(await db().ticketMessage.count({ where: { ticket: { requesterId: employee.id } } })).toBe(1);
    } finally {
      h.fake.webhookTarget(h.webhookUrl, webhookSecret);
    }
  });

  it('answers only POST', async () => {
    expect((await fetch(h.webhookUrl!)).status).toBe(405);
  });

  it('will not start a webhook without a secret', () => {
    const config = parseConfig({
      TELEGRAM_BOT_TOKEN: h.fake.token,
      TELEGRAM_API_ROOT: h.fake.url,
      TELEGRAM_WEBHOOK_URL: 'https://layani.example.go.id/telegram/webhook',
    });
    const runtime = { config, log: createLogger('silent'), db: h.app.runtime.db, clock: h.clock } as unknown as Runtime;
    expect(() => createTelegramAdapter(runtime, {})).toThrow(/TELEGRAM_WEBHOOK_SECRET must be set/);
    const bad = { ...runtime, config: { ...config, TELEGRAM_WEBHOOK_SECRET: 'has spaces!' } } as Runtime;
    expect(() => createTelegramAdapter(bad, {})).toThrow(/TELEGRAM_WEBHOOK_SECRET may only contain/);
  });
});

describe('Telegram polling mode', () => {
  it('mounts no webhook route', async () => {
    const h = await startTelegramHarness('sqlite');
    try {
      const response = await fetch(`${h.app.url}/telegram/webhook`, { method: 'POST', body: '{}' });
      expect(response.status).toBe(404);
      expect(h.fake.callsTo('deleteWebhook')).toHaveLength(1);
      expect(h.fake.callsTo('setWebhook')).toEqual([]);
    } finally {
      await h.stop();
    }
  });

  it('stop() lets updates already taken finish, releasing messages held by flood control', async () => {
    const h = await startTelegramHarness('sqlite');
    let stopped = false;
    try {
      const { user, employee } = await h.linkedUser();
      for (let i = 1; i <= 22; i++) h.fake.userSends(user, `pesan ${i}`);
      await h.waitForMessage(user.id, 'Pesan Anda banyak sekali');
      const db = h.app.runtime.db;
      await until(async () => (await db.ticketMessage.count({ where: { ticket: { requesterId: employee.id } } })) === 20, 'the first 20');
      // the clock stands still, so only stopping releases the last two
      await h.app.adapters.find((a) => a.name === 'telegram')!.stop();
      expect(await db.ticketMessage.count({ where: { ticket: { requesterId: employee.id } } })).toBe(22);
      await h.app.stop();
      stopped = true;
    } finally {
      if (!stopped) await h.app.stop();
      await h.fake.stop();
      await h.database.drop();
    }
  });
});
