/**
 * The desk keeps working when one platform does not: with Telegram unreachable at start the outbox, the SLA clock
 * and Slack carry on, /readyz names Telegram, and what waits for Telegram goes once it is back. And what a step
 * says (the link welcome, the announcements still in force) is stored with the step, so a 429 cannot lose it.
 * Real grammY and Bolt against FakeTelegram and FakeSlack.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cardActions } from '../../bots/slack/ticket-card.js';
import type { Actor } from '../../core/auth/actor.js';
import { channels, users } from '../support/slack-desk.js';
import { keyboardOf, startTelegramHarness, textOf, until, type TelegramHarness } from '../support/telegram-harness.js';
import { testDatabaseKinds } from '../support/test-databases.js';

describe.each(testDatabaseKinds)('A desk that never stalls on %s', (kind) => {
  let h: TelegramHarness | undefined;
  afterEach(async () => {
    await h?.stop();
    h = undefined;
  });

  it('with Telegram unreachable at start, a Slack claim still redraws the card, and the reply waiting for the staff member goes once Telegram is back', async () => {
    h = await startTelegramHarness(kind, { slack: true, telegramDownAtStart: true });
    const desk = h;
    const readiness = async () => (await (await fetch(`${desk.app.url}/readyz`)).json()) as { status: string; checks: Record<string, { ok: boolean; detail: string }> };
    const ready = await readiness();
    expect(ready.status).toBe('not ready');
    expect(ready.checks.telegram).toMatchObject({ ok: false, detail: expect.stringMatching(/^not receiving: starting since .*; retrying in the background$/) });
    expect(ready.checks.slack).toMatchObject({ ok: true });

    const { user, actor } = await desk.linkedUser();
    const { ticketId, number } = await desk.app.runtime.callerFor(actor).tickets.open({ category: 'cuti', text: 'Sisa cuti saya berapa?' });
    // The card is the thread's parent: Slack gives it a thread_ts equal to its own ts once the first reply is in.
    const card = await until(
      () => desk.slack!.sent(channels.triage).find((m) => JSON.stringify(m).includes(`#${number}`) && (!m.thread_ts || m.thread_ts === m.ts)),
      'the card in triage',
    );
    await desk.slackSend(desk.slack!.blockAction({ user: users.officer, channel: channels.triage, message_ts: card.ts, action_id: cardActions.claim, value: ticketId }));
    await until(() => desk.slack!.callsTo('chat.update').some((c) => c.params.ts === card.ts && JSON.stringify(c.params).includes(users.officer)), 'the card redrawn with the assignee');

    await desk.slackSend(desk.slack!.messageEvent({ channel: channels.triage, user: users.officer, thread_ts: card.ts, text: 'Sisa cuti Anda 8 hari.' }));
    const reply = await until(
      async () => (await desk.app.runtime.db.outboxMessage.findMany({ where: { channel: 'telegram' } })).find((m) => m.payload.includes('Sisa cuti Anda 8 hari.')),
      'the reply queued for Telegram',
    );
    expect(reply.status).toBe('pending');
    expect(desk.fake.sent(user.id).some((m) => textOf(m)?.includes('Sisa cuti Anda 8 hari.'))).toBe(false);

    // Telegram answers again: the adapter starts by itself, and the reply goes (its retry time is by LAYANI's clock).
    desk.fake.setOutage(false);
    await until(async () => (await readiness()).checks.telegram?.ok === true, 'Telegram ready again', 8000);
    desk.clock.advance(10 * 60_000);
    await desk.waitForMessage(user.id, 'Sisa cuti Anda 8 hari.', 8000);
    // And it receives again: a staff message reaches the ticket's thread.
    desk.fake.userSends(user, 'Terima kasih, jelas sekali. Satu lagi: cuti besar bisa diambil kapan?');
    await until(() => JSON.stringify(desk.slack!.sent(channels.triage)).includes('cuti besar bisa diambil kapan'), 'the staff message in the thread', 8000);
  });

  it('the link welcome and the announcements still in force survive Telegram refusing the moment of linking', async () => {
    h = await startTelegramHarness(kind);
    const desk = h;
    const agency = await desk.app.runtime.db.agency.findFirstOrThrow();
    const hr: Actor = { ref: 'test:hr', role: 'hr_officer', employeeId: null, agencyId: agency.id };
    const unit = `Bidang Tautan ${kind}`;
    await desk.app.runtime.callerFor(hr).broadcasts.create({ title: 'Kode etik ASN berlaku', text: 'Isi kode etik.', audience: { units: [unit] }, needsAck: true });
    await desk.app.tickScheduler();

    const { employee, code } = await desk.newEmployee({ unit });
    const newcomer = desk.newUser();
    // Telegram answers every message with 429 for a while: more than the short retries of a reply can wait out.
    desk.fake.failNext('sendMessage', { error_code: 429, retry_after: 1 }, { times: 4 });
    desk.fake.userSends(newcomer, `/start ${code}`);
    await until(async () => (await desk.app.runtime.db.chatIdentity.count({ where: { employeeId: employee.id } })) === 1, 'the account linked');
    for (let i = 0; i < 150 && !desk.fake.sent(newcomer.id).some((m) => textOf(m)?.includes('Kode etik ASN berlaku')); i++) {
      desk.clock.advance(2000);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const texts = desk.fake.sent(newcomer.id).map((m) => textOf(m) ?? '');
    const welcome = texts.findIndex((t) => t.startsWith('Akun Anda sudah tertaut.'));
    const intro = texts.findIndex((t) => t.startsWith('Ada 1 pengumuman wajib yang masih berlaku'));
    const announcement = texts.findIndex((t) => t.includes('Kode etik ASN berlaku'));
    expect([welcome, intro, announcement].every((i) => i >= 0), JSON.stringify(texts)).toBe(true);
    expect(welcome).toBeLessThan(intro);
    expect(intro).toBeLessThan(announcement);
    expect(texts.filter((t) => t.startsWith('Akun Anda sudah tertaut.'))).toHaveLength(1);
    expect(keyboardOf(desk.fake.sent(newcomer.id)[announcement])!.flat().map((b) => b.text)).toContain('Saya sudah membaca dan memahami');
    expect(texts.some((t) => /kesalahan|error/i.test(t))).toBe(false);
  });

  it('warns at start for every desk channel left unset, saying what goes missing', async () => {
    h = await startTelegramHarness(kind, { slack: true, env: { SLACK_FEEDBACK_CHANNEL: '', SLACK_CONFIDENTIAL_CHANNEL: '' } });
    const warnings = h.logs.map((line) => JSON.parse(line) as { level: number; setting?: string; msg: string }).filter((l) => l.level === 40 && l.setting);
    expect(warnings.map((w) => w.setting).sort()).toEqual(['SLACK_CONFIDENTIAL_CHANNEL', 'SLACK_FEEDBACK_CHANNEL']);
    expect(warnings.find((w) => w.setting === 'SLACK_FEEDBACK_CHANNEL')!.msg).toMatch(/stored but never posted/);
  });
});
