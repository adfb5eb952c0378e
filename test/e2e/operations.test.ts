import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type App } from '../../api/app.js';
import { cliActor } from '../../core/auth/actor.js';
import { fixedClock } from '../../core/clock/clock.js';
import { parseConfig } from '../../core/config/load-config.js';
import { createLogger } from '../../core/logging/logger.js';
import { FakeSlack } from '../fakes/fake-slack.js';
import { FakeTelegram } from '../fakes/fake-telegram.js';
import { employeeRecord } from '../support/employees.js';
import { sampleValue } from '../support/prometheus-text.js';
import { until } from '../support/telegram-harness.js';
import { createTestDatabase, type TestDatabase } from '../support/test-databases.js';

const signingSecret = 'operations-secret';
const triage = 'C0TRIAGE';
const officer = 'U0RINA';

// What the IT person sees of a day's traffic: /metrics, /readyz and the log, after a conversation through both fakes.
describe('operating LAYANI: metrics, readiness and logs after a conversation', () => {
  let telegram: FakeTelegram;
  let slack: FakeSlack;
  let database: TestDatabase;
  let app: App;
  let code = '';
  const logs: string[] = [];
  const staff = { id: 880_101, first_name: 'Budi' };
  const scrape = async () => (await fetch(`${app.url}/metrics`)).text();

  beforeAll(async () => {
    telegram = new FakeTelegram();
    slack = new FakeSlack({
      signingSecret,
      users: [{ id: officer, name: 'rina', real_name: 'Rina Lestari', display_name: 'Rina' }],
      channels: [{ id: triage, name: 'layani-triase', members: [officer] }],
    });
    await Promise.all([telegram.start(), slack.start()]);
    database = await createTestDatabase('sqlite');
    const config = parseConfig({
      DATABASE_URL: database.url,
      PORT: '0',
      HOST: '127.0.0.1',
      TELEGRAM_BOT_TOKEN: telegram.token,
      TELEGRAM_API_ROOT: telegram.url,
      SLACK_BOT_TOKEN: 'xoxb-test-token',
      SLACK_SIGNING_SECRET: signingSecret,
      SLACK_API_URL: slack.apiUrl,
      SLACK_TRIAGE_CHANNEL: triage,
    });
    // The production level: what is logged at info is what an operator's log holds.
    const log = createLogger('info', { write: (line: string) => void logs.push(line) });
    app = await startApp(config, {
      clock: fixedClock('2026-11-24T02:00:00Z'),
      schedule: false,
      outboxPollMs: 30,
      log,
      watchCorpus: false,
      readiness: { probeAfterMs: 200 },
    });
    const admin = app.runtime.callerFor(cliActor);
    await admin.records.upsert({ record: employeeRecord() });
    code = (await admin.identity.issueLinkCode({ nip: employeeRecord().nip })).code;

    // The conversation: link, ask the FAQ, open a ticket, HR answers from Slack, then the user blocks the bot.
    telegram.userSends(staff, `/start ${code}`);
    await until(() => telegram.sent(staff.id).some((m) => /Selamat datang/.test(m.text ?? '')), 'the greeting');
    telegram.userSends(staff, '/tanya berapa hari cuti tahunan pns');
    await until(() => telegram.sent(staff.id).some((m) => /cuti tahunan/i.test(m.text ?? '') && !/^\/tanya/.test(m.text ?? '')), 'the FAQ answer');
    telegram.userSendsPhoto(staff, { caption: 'Ini SK pangkat saya, golongannya salah' });
    const card = await until(() => slack.sent(triage).find((m) => !m.thread_ts || m.thread_ts === m.ts), 'the ticket card');
    await until(() => telegram.sent(staff.id).some((m) => /sudah kami terima/.test(m.text ?? '')), 'the acknowledgement');
    const reply = (text: string) => slack.signedRequest(`${app.url}/slack/events`, slack.messageEvent({ channel: triage, user: officer, text, thread_ts: card.ts! }), { signingSecret });
    expect((await reply('Sudah kami perbaiki, mohon dicek')).status).toBe(200);
    await until(() => telegram.sent(staff.id).some((m) => /mohon dicek/.test(m.text ?? '')), 'the HR reply on Telegram');
    telegram.setBlocked(staff.id);
    expect((await reply('Apakah sudah sesuai?')).status).toBe(200);
    await until(async () => (await app.runtime.db.outboxMessage.count({ where: { status: 'blocked' } })) === 1, 'the refused delivery');
  });
  afterAll(async () => {
    await app?.stop();
    await Promise.all([telegram?.stop(), slack?.stop()]);
    await database?.drop();
  });

  it('/metrics counts the traffic per platform, the FAQ outcome, the failure and the open ticket', async () => {
    const metrics = await scrape();
    expect(sampleValue(metrics, 'layani_messages_in_total', { platform: 'telegram' })).toBe(3);
    expect(sampleValue(metrics, 'layani_messages_in_total', { platform: 'slack' })).toBe(2);
    // Greeting, FAQ answer, acknowledgement, HR reply on Telegram; the card and the staff photo in Slack.
    expect(sampleValue(metrics, 'layani_messages_out_total', { platform: 'telegram' })).toBeGreaterThanOrEqual(4);
    expect(sampleValue(metrics, 'layani_messages_out_total', { platform: 'slack' })).toBeGreaterThanOrEqual(2);
    expect(sampleValue(metrics, 'layani_send_failures_total', { platform: 'telegram', reason: 'blocked' })).toBe(1);
    expect(sampleValue(metrics, 'layani_faq_answers_total', { outcome: 'answered' })).toBe(1);
    expect(sampleValue(metrics, 'layani_tickets_open')).toBe(1);
    expect(sampleValue(metrics, 'layani_tickets_overdue')).toBe(0);
    expect(sampleValue(metrics, 'layani_outbox_pending', { channel: 'telegram' })).toBe(0);
    expect(sampleValue(metrics, 'layani_outbox_oldest_pending_age_seconds')).toBe(0);
    expect(sampleValue(metrics, 'layani_sla_breaches', { target: 'resolution' })).toBe(0);
    expect(metrics).toMatch(/# TYPE layani_broadcast_deliveries_total counter/);
    expect(sampleValue(metrics, 'nodejs_eventloop_lag_seconds')).toBeGreaterThanOrEqual(0);
  });

  it('/metrics shows messages waiting while a platform is down', async () => {
    telegram.setBlocked(staff.id, false);
    telegram.setOutage(true);
    try {
      await reply503();
      const metrics = await scrape();
      expect(sampleValue(metrics, 'layani_outbox_pending', { channel: 'telegram' })).toBe(1);
      expect(sampleValue(metrics, 'layani_send_failures_total', { platform: 'telegram', reason: 'unavailable' })).toBeGreaterThanOrEqual(1);
    } finally {
      telegram.setOutage(false);
    }

    async function reply503() {
      const card = slack.sent(triage).find((m) => !m.thread_ts || m.thread_ts === m.ts)!;
      const event = slack.messageEvent({ channel: triage, user: officer, text: 'Pesan saat Telegram mati', thread_ts: card.ts! });
      await slack.signedRequest(`${app.url}/slack/events`, event, { signingSecret });
      await until(async () => (await app.runtime.db.outboxMessage.count({ where: { channel: 'telegram', status: 'pending', attempts: { gt: 0 } } })) === 1, 'a failed attempt');
    }
  });

  it('/readyz names the failing platform, and is ready again when it answers', async () => {
    await until(async () => (await fetch(`${app.url}/readyz`)).status === 200, 'readiness', 5000);
    telegram.setOutage(true);
    try {
      await new Promise((resolve) => setTimeout(resolve, 250));
      const down = await fetch(`${app.url}/readyz`);
      expect(down.status).toBe(503);
      const body = (await down.json()) as { checks: Record<string, { ok: boolean; detail: string }> };
      expect(body.checks.telegram!.ok).toBe(false);
      expect(body.checks.telegram!.detail).toMatch(/failing since/);
      expect(body.checks.slack!.ok).toBe(true);
    } finally {
      telegram.setOutage(false);
    }
    expect((await fetch(`${app.url}/readyz`)).status).toBe(200);
  });

  it('echoes X-Request-Id', async () => {
    const response = await fetch(`${app.url}/healthz`, { headers: { 'x-request-id': 'lb-1234' } });
    expect(response.headers.get('x-request-id')).toBe('lb-1234');
    const fresh = await fetch(`${app.url}/healthz`, { headers: { 'x-request-id': 'no spaces or <html> allowed' } });
    expect(fresh.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('logs no NIP, message text, link code or token at info, and ties lines to their update or request', () => {
    const all = logs.join('\n');
    expect(all.length).toBeGreaterThan(0);
    for (const secret of [employeeRecord().nip, 'golongannya salah', 'mohon dicek', 'cuti tahunan', code, telegram.token, 'xoxb-test-token', signingSecret]) {
      expect(all).not.toContain(secret);
    }
    const entries = logs.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(entries.some((e) => e.msg === 'telegram update' && typeof e.updateId === 'number')).toBe(true);
    const fromSlack = entries.find((e) => e.msg === 'HR reply from Slack');
    expect(fromSlack).toMatchObject({ requestId: expect.any(String), slackEventId: expect.any(String) });
    // The core's own lines, written while an update was handled, carry its id too.
    expect(entries.find((e) => e.msg === 'ticket opened')).toMatchObject({ updateId: expect.any(Number) });
  });
});
