/**
 * How each lifecycle ends, through FakeTelegram (staff) and FakeSlack (HR) with a controllable clock:
 * 1. the SLA clock pauses while a ticket waits for the employee and starts again on their reply;
 * 2. a cancelled session is marked in /info and everyone who was invited is told, once;
 * 3. a session whose invitation an HR lead rejects is no longer scheduled: questions and check-ins are refused;
 * 4. a closed session's materials can be sent again after a lead rejected them;
 * 5. the officer who composed a broadcast is told the lead's decision, and the card reads it;
 * 6. published materials and FAQ drafts read as sentences, not mask tokens.
 */
import type { Message, User } from 'grammy/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { broadcastActions } from '../../bots/slack/broadcast-blocks.js';
import { finishModal, sessionModal } from '../../bots/slack/sosialisasi-blocks.js';
import { blockText, cardsOf, channels, users } from '../support/slack-desk.js';
import { callbackData, keyboardOf, lastMessageWith, startTelegramHarness, textOf, until, type SeededEmployee, type TelegramHarness } from '../support/telegram-harness.js';
import { testDatabaseKinds } from '../support/test-databases.js';

type Person = { user: User & { id: number }; employee: SeededEmployee };

describe.each(testDatabaseKinds)('Lifecycles that end cleanly (%s)', (kind) => {
  let h: TelegramHarness;

  beforeAll(async () => {
    h = await startTelegramHarness(kind, { slack: true });
  });
  afterAll(async () => h?.stop());

  const db = () => h.app.runtime.db;
  const slack = () => h.slack!;
  const layani = async (text: string, user: string = users.officer) => {
    const before = slack().ephemerals.length;
    await h.slackSend(slack().slashCommand({ user_id: user, channel_id: channels.triage, command: '/layani', text }));
    return (await until(() => slack().ephemerals[before], `the answer to /layani ${text}`)).text ?? '';
  };
  const threadTexts = (ts: string) => slack().thread(channels.triage, ts).map((m) => m.text ?? '');
  const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

  it('1. the SLA clock pauses while the ticket waits for the employee and resumes on their reply', async () => {
    // Tuesday 24 November 2026, 09:00 WIB. Presensi: first response in 120, resolution in 450 business minutes.
    h.clock.set('2026-11-24T02:00:00Z');
    const { user, employee } = await h.linkedUser();
    h.fake.userSends(user, '/tiket');
    const menu = await h.waitForMessage(user.id, 'Pilih kategori');
    h.fake.userPressesButton(user, menu.message_id, 'tiket:presensi');
    await until(() => (textOf(h.fake.getMessage(user.id, menu.message_id))?.startsWith('Kategori:') ? true : undefined), 'the category chosen');
    h.fake.userSends(user, 'Presensi saya tanggal 20 November tidak tercatat.');
    await h.waitForMessage(user.id, /Tiket #\d+ \(Presensi\) sudah kami terima/);
    const opened = await until(async () => {
      const t = await db().ticket.findFirst({ where: { requesterId: employee.id } });
      return t?.slackTs ? t : undefined;
    }, 'the ticket card in Slack');

    // 09:30: HR asks for a document; the ticket now waits for the employee (30 business minutes used).
    h.clock.set('2026-11-24T02:30:00Z');
    await h.slackSend(slack().messageEvent({ channel: channels.triage, user: users.officer, thread_ts: opened.slackTs!, text: 'Mohon kirim foto surat tugas tanggal 20 November.' }));
    await h.waitForMessage(user.id, 'Mohon kirim foto surat tugas');
    await until(async () => ((await db().ticket.findUniqueOrThrow({ where: { id: opened.id } })).status === 'menunggu_pegawai' ? true : undefined), 'menunggu pegawai');

    // Thursday 10:00 WIB, two days later: well past the original resolution target, but it was the employee's turn.
    h.clock.set('2026-11-26T03:00:00Z');
    await h.app.tickDeskClock();
    await settle();
    expect(threadTexts(opened.slackTs!).join('\n')).not.toMatch(/🔴|⚠️/);
    const card = () => blockText(cardsOf(slack(), channels.triage, opened.number)[0]);
    await until(() => (card().includes('⏸ dijeda — menunggu pegawai (sisa 7 jam kerja)') ? true : undefined), 'the paused clock on the card');
    expect(card()).toContain('Menunggu pegawai');
    expect(await layani('statistik')).toContain('lewat batas: 0');
    expect(await layani('tiket')).not.toContain('🔴');

    // The employee answers at 10:00: the clock runs again with 420 minutes left (Thu 10:00–16:00, Fri 07:30–08:30).
    h.fake.userSends(user, 'Ini surat tugasnya, terlampir.');
    const resumed = await until(async () => {
      const t = await db().ticket.findUniqueOrThrow({ where: { id: opened.id } });
      return t.status === 'ditangani' ? t : undefined;
    }, 'the ticket back with HR');
    expect(resumed.resolutionDueAt.toISOString()).toBe('2026-11-27T01:30:00.000Z');
    await until(() => (card().includes('Jumat, 27 Nov 2026 08.30 WIB') ? true : undefined), 'the moved due time on the card');

    // Friday 08:00: 80% used, warned; 08:31: breached, once.
    h.clock.set('2026-11-27T01:00:00Z');
    await h.app.tickDeskClock();
    await until(() => (threadTexts(opened.slackTs!).some((t) => t.includes('80% waktu penyelesaian')) ? true : undefined), 'the 80% warning');
    expect(threadTexts(opened.slackTs!).join('\n')).not.toContain('🔴');
    h.clock.set('2026-11-27T01:31:00Z');
    await h.app.tickDeskClock();
    await until(() => (threadTexts(opened.slackTs!).some((t) => t.includes('🔴 Batas waktu penyelesaian terlewati')) ? true : undefined), 'the breach');
    expect(await layani('statistik')).toContain('lewat batas: 1');
  });
});
