/**
 * The SKM satisfaction survey on Telegram after a resolved ticket (SKM_SURVEY=after_ticket), through startApp and
 * the real grammY against FakeTelegram: nine questions, one tap each; anonymous answers are stored with nothing
 * that leads back to the person or the ticket, and the survey counts in the month's report.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliActor, type Actor } from '../../core/auth/actor.js';
import { callbackData, keyboardOf, startTelegramHarness, textOf, until, type TelegramHarness } from '../support/telegram-harness.js';
import { testDatabaseKinds } from '../support/test-databases.js';

describe.each(testDatabaseKinds)('SKM survey on Telegram on %s', (kind) => {
  let h: TelegramHarness;

  beforeAll(async () => {
    h = await startTelegramHarness(kind, { env: { SLACK_TRIAGE_CHANNEL: 'CTRIAGE', SKM_SURVEY: 'after_ticket' } });
  });
  afterAll(async () => h?.stop());

  const db = () => h.app.runtime.db;
  const caller = (actor: Actor) => h.app.runtime.callerFor(actor);

  async function resolvedTicket() {
    const linked = await h.linkedUser();
    const { ticketId, number } = await caller(linked.actor).tickets.open({ category: 'cuti', text: 'Cuti tahunan saya berapa hari?' });
    const officer: Actor = { ref: 'slack:UOFFICER', role: 'hr_officer', employeeId: null, agencyId: linked.employee.agencyId };
    await caller(officer).tickets.resolve({ ticketId });
    return { ...linked, ticketId, number };
  }

  /** Presses the answers in order on the survey message, waiting for each question to appear. */
  async function answer(user: { id: number }, messageId: number, scores: number[]) {
    for (const [i, score] of scores.entries()) {
      await until(() => textOf(h.fake.getMessage(user.id, messageId))?.includes(`pertanyaan ${i + 1} dari 9`), `question ${i + 1}`);
      h.fake.userPressesButton(user, messageId, `skm:a:${score}`);
    }
  }

  it('asks nine questions after the rating and stores the answers without the person, the ticket or the time', async () => {
    const { user, employee, ticketId, number } = await resolvedTicket();
    await h.waitForMessage(user.id, `Tiket #${number} telah diselesaikan`);
    const invitation = await h.waitForMessage(user.id, `survei kepuasan singkat tentang tiket #${number}`);
    expect(invitation.text).toContain('Jawaban Anda anonim');
    expect(keyboardOf(invitation)).toEqual([[{ text: 'Isi survei', callback_data: `skm:start:${ticketId}` }]]);

    h.fake.userPressesButton(user, invitation.message_id, `skm:start:${ticketId}`);
    await until(() => textOf(h.fake.getMessage(user.id, invitation.message_id))?.includes('pertanyaan 1 dari 9'), 'the first question');
    const first = h.fake.getMessage(user.id, invitation.message_id);
    expect(textOf(first)).toContain('Bagaimana kesesuaian persyaratan layanan dengan jenis layanannya?');
    expect(keyboardOf(first)!.flat().map((b) => [b.text, callbackData(b)])).toEqual([
      ['1 Tidak sesuai', 'skm:a:1'], ['2 Kurang sesuai', 'skm:a:2'], ['3 Sesuai', 'skm:a:3'], ['4 Sangat sesuai', 'skm:a:4'], ['Batalkan survei', 'skm:batal'],
    ]);

    await answer(user, invitation.message_id, [4, 3, 3, 4, 3, 4, 4, 2, 3]);
    await until(() => textOf(h.fake.getMessage(user.id, invitation.message_id))?.startsWith('Terima kasih! Jawaban Anda tersimpan tanpa nama'), 'the thanks');

    const responses = await db().surveyResponse.findMany();
    expect(responses).toHaveLength(1);
    const [response] = responses;
    expect(response).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      agencyId: employee.agencyId,
      anonymous: true,
      ticketId: null,
      employeeId: null,
      submittedOn: '2026-11-24',
      u1: 4, u2: 3, u3: 3, u4: 4, u5: 3, u6: 4, u7: 4, u8: 2, u9: 3,
    });
    // Nothing stored anywhere else names the response: not the invitation, the session, the audit log or the outbox.
    const invitationRow = await db().surveyInvitation.findUniqueOrThrow({ where: { ticketId } });
    expect(Object.keys(invitationRow).sort()).toEqual(['agencyId', 'answered', 'createdAt', 'ticketId']);
    expect(invitationRow.answered).toBe(true);
    const everywhere = JSON.stringify([
      await db().botSession.findMany(),
      await db().auditLog.findMany(),
      await db().outboxMessage.findMany(),
      await db().ticket.findMany(),
      await db().ticketMessage.findMany(),
    ]);
    expect(everywhere).not.toContain(response!.id);
    const session = await db().botSession.findUniqueOrThrow({ where: { key: `telegram:${user.id}` } });
    expect(JSON.parse(session.value)).not.toHaveProperty('pending');

    // The index of this one response in November's report: (4+3+3+4+3+4+4+2+3)/9 × 25 = 83.33 → B.
    const { report } = await caller(cliActor).reports.monthly({ month: '2026-11', charts: false });
    expect(report.skm).toMatchObject({ responses: 1, index: 83.33, letter: 'B' });
  });

  it('takes one survey per ticket: a second start or a replayed last answer is refused and stores nothing', async () => {
    const { user, ticketId, number } = await resolvedTicket();
    const invitation = await h.waitForMessage(user.id, `tentang tiket #${number}`);
    h.fake.userPressesButton(user, invitation.message_id, `skm:start:${ticketId}`);
    await answer(user, invitation.message_id, [3, 3, 3, 3, 3, 3, 3, 3, 3]);
    await until(() => textOf(h.fake.getMessage(user.id, invitation.message_id))?.startsWith('Terima kasih!'), 'the thanks');
    const before = await db().surveyResponse.count();

    const answered = h.fake.answeredCallbacks.length;
    h.fake.userPressesButton(user, invitation.message_id, `skm:start:${ticketId}`);
    await until(() => h.fake.answeredCallbacks.length > answered, 'the refusal');
    expect(JSON.stringify(h.fake.answeredCallbacks.at(-1))).toContain('sudah diisi');
    expect(await db().surveyResponse.count()).toBe(before);
  });

  it('does not let another staff member answer someone else\'s survey', async () => {
    const { user, ticketId, number } = await resolvedTicket();
    await h.waitForMessage(user.id, `tentang tiket #${number}`);
    const other = await h.linkedUser();
    await expect(caller(other.actor).survey.open({ ticketId })).rejects.toThrow(/tidak ada atau sudah diisi/);
    await expect(caller(other.actor).survey.submit({ ticketId, scores: [4, 4, 4, 4, 4, 4, 4, 4, 4] })).rejects.toThrow(/tidak ada atau sudah diisi/);
  });
});
