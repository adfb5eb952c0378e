import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type App } from '../../api/app.js';
import { cliActor } from '../../core/auth/actor.js';
import { fixedClock } from '../../core/clock/clock.js';
import { parseConfig } from '../../core/config/load-config.js';
import { createLogger } from '../../core/logging/logger.js';
import { FakeSlack } from '../fakes/fake-slack.js';
import { FakeTelegram, TINY_JPEG } from '../fakes/fake-telegram.js';
import { employeeRecord } from '../support/employees.js';
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from '../support/test-databases.js';
import { until } from '../support/telegram-harness.js';

const signingSecret = 'round-trip-secret';
const triage = 'C0TRIAGE';
const officer = 'U0RINA';

// The whole ChatCanal loop through both fakes at once: Telegram (grammY) ⇄ core ⇄ Slack (Bolt).
describe.each(testDatabaseKinds)('Telegram ⇄ Slack round trip on %s', (kind) => {
  let telegram: FakeTelegram;
  let slack: FakeSlack;
  let database: TestDatabase;
  let app: App;
  const staffUser = { id: 880_001, first_name: 'Budi' };

  beforeAll(async () => {
    telegram = new FakeTelegram();
    slack = new FakeSlack({
      signingSecret,
      users: [{ id: officer, name: 'rina', real_name: 'Rina Lestari', display_name: 'Rina' }],
      channels: [{ id: triage, name: 'layani-triase', members: [officer] }],
    });
    await Promise.all([telegram.start(), slack.start()]);
    database = await createTestDatabase(kind);
    const config = parseConfig({
      DATABASE_URL: database.url,
      LOG_LEVEL: 'silent',
      PORT: '0',
      HOST: '127.0.0.1',
      TELEGRAM_BOT_TOKEN: telegram.token,
      TELEGRAM_API_ROOT: telegram.url,
      SLACK_BOT_TOKEN: 'xoxb-test-token',
      SLACK_SIGNING_SECRET: signingSecret,
      SLACK_API_URL: slack.apiUrl,
      SLACK_TRIAGE_CHANNEL: triage,
    });
    // Tuesday 09:00 WIB: ConsDesk is open.
    app = await startApp(config, { clock: fixedClock('2026-11-24T02:00:00Z'), schedule: false, outboxPollMs: 30, log: createLogger('silent'), watchCorpus: false });
    const admin = app.runtime.callerFor(cliActor);
    await admin.records.upsert({ record: employeeRecord() });
    const { code } = await admin.identity.issueLinkCode({ nip: employeeRecord().nip });
    telegram.userSends(staffUser, `/start ${code}`);
    await until(() => telegram.sent(staffUser.id).some((m) => /Selamat datang, Budi Santoso/.test(m.text ?? '')), 'the greeting');
  });
  afterAll(async () => {
    await app?.stop();
    await Promise.all([telegram?.stop(), slack?.stop()]);
    await database?.drop();
  });

  it('carries a staff photo to the Slack thread and an HR reply with a file back to Telegram, never showing Slack ids', async () => {
    telegram.userSendsPhoto(staffUser, { caption: 'Ini SK pangkat saya, golongannya salah' });
    const card = await until(() => slack.sent(triage).find((m) => !m.thread_ts || m.thread_ts === m.ts), 'the ticket card');
    await until(() => [...slack.uploads.values()].find((u) => u.completed && u.thread_ts === card.ts), 'the photo uploaded in the thread');
    const upload = [...slack.uploads.values()].find((u) => u.thread_ts === card.ts)!;
    expect(upload.bytes?.equals(TINY_JPEG)).toBe(true);
    expect(JSON.stringify(slack.thread(triage, card.ts!))).toContain('golongannya salah');
    await until(() => telegram.sent(staffUser.id).some((m) => /sudah kami terima/.test(m.text ?? '')), 'the acknowledgement');

    const reply = slack.messageEvent({
      channel: triage,
      user: officer,
      text: '<@U0RINA> sudah kami cek, mohon kirim SK CPNS juga',
      thread_ts: card.ts!,
      files: [{ name: 'formulir.pdf', bytes: Buffer.from('%PDF-1.4 formulir\n%%EOF\n'), mimetype: 'application/pdf' }],
    });
    expect((await slack.signedRequest(`${app.url}/slack/events`, reply, { signingSecret })).status).toBe(200);
    const answer = await until(() => telegram.sent(staffUser.id).find((m) => /mohon kirim SK CPNS/.test(m.text ?? '')), 'the reply on Telegram');
    expect(answer.text).not.toContain('U0RINA');
    const document = await until(() => telegram.callsTo('sendDocument').find((c) => Number(c.params.chat_id) === staffUser.id), 'the file on Telegram');
    expect(JSON.stringify(document.params)).toContain('formulir.pdf');

    telegram.userSends(staffUser, 'Baik, SK CPNS saya kirim besok');
    await until(() => JSON.stringify(slack.thread(triage, card.ts!)).includes('SK CPNS saya kirim besok'), 'the staff reply in the thread');
  });
});
