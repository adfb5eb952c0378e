/**
 * Half-finished chat flows expire (CHAT_STEP_TIMEOUT_MINUTES), even across a restart, and anonymous feedback
 * goes only after an explicit confirmation: through the real grammY against FakeTelegram.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keyboardOf, lastMessageWith, pressButton, startTelegramHarness, textOf, until, type TelegramHarness } from '../support/telegram-harness.js';
import { testDatabaseKinds } from '../support/test-databases.js';

describe.each(testDatabaseKinds)('Chat steps with a time limit on %s', (kind) => {
  let h: TelegramHarness;

  beforeAll(async () => {
    h = await startTelegramHarness(kind, { env: { SLACK_FEEDBACK_CHANNEL: 'CFEEDBACK', CHAT_STEP_TIMEOUT_MINUTES: '15' } });
  });
  afterAll(async () => h?.stop());

  const db = () => h.app.runtime.db;

  /** /saran → Keluhan → Anonim, up to the prompt to write. */
  async function startAnonymousComplaint(user: { id: number }) {
    h.fake.userSends(user, '/saran');
    const menu = await lastMessageWith(h, user.id, 'Apa yang ingin Anda sampaikan?');
    pressButton(h, user, menu, 'Keluhan');
    await until(() => textOf(h.fake.getMessage(user.id, menu.message_id))?.startsWith('Keluhan:'), 'the anonymity question');
    pressButton(h, user, menu, 'Anonim');
    await until(() => textOf(h.fake.getMessage(user.id, menu.message_id))?.includes('dikirim secara anonim'), 'the write prompt');
  }

  it('an anonymous-feedback step left for longer than the limit (and a restart) does not swallow a later request', async () => {
    const { user, employee } = await h.linkedUser();
    await startAnonymousComplaint(user);
    // The staff member walks away; LAYANI is restarted meanwhile; they come back 20 minutes later with a request.
    await h.restart();
    h.clock.advance(20 * 60_000);
    const request = 'SK KGB saya belum terbit, mohon dicek';
    h.fake.userSends(user, request);
    await h.waitForMessage(user.id, 'Langkah sebelumnya (pengiriman saran dengan /saran) dibatalkan karena tidak dilanjutkan dalam 15 menit');
    await h.waitForMessage(user.id, /Tiket #\d+ \(Lainnya\) sudah kami terima/);
    expect(await db().feedback.count({ where: { text: request } })).toBe(0);
    expect(await h.staffMessages(employee.id)).toEqual([{ text: request, attachments: [] }]);
  });

  it('within the limit the step carries on, and anonymous feedback waits for "Kirim anonim" showing the text', async () => {
    const { user, employee } = await h.linkedUser();
    await startAnonymousComplaint(user);
    h.clock.advance(10 * 60_000);
    const complaint = 'Antrean di loket layanan terlalu lama setiap Senin';
    h.fake.userSends(user, complaint);
    const confirm = await h.waitForMessage(user.id, 'Kirim keluhan berikut secara anonim?');
    expect(textOf(confirm)).toContain(complaint);
    expect(await db().feedback.count()).toBe(0);

    // Changing one's mind: a new text replaces the draft, shown again.
    const revised = 'Antrean di loket layanan terlalu lama setiap Senin pagi';
    h.fake.userSends(user, revised);
    const second = await until(() => {
      const all = h.fake.sent(user.id).filter((m) => textOf(m)?.startsWith('Kirim keluhan berikut secara anonim?'));
      return all.length === 2 ? all[1] : undefined;
    }, 'the revised draft');
    expect(textOf(second)).toContain(revised);
    expect(keyboardOf(second)!.flat().map((b) => b.text)).toEqual(['Kirim anonim', 'Batal']);
    expect(await db().feedback.count()).toBe(0);

    pressButton(h, user, second, 'Kirim anonim');
    await until(async () => (await db().feedback.count()) === 1, 'the feedback stored');
    expect(await db().feedback.findFirstOrThrow()).toMatchObject({ text: revised, anonymous: true, employeeId: null, kind: 'keluhan' });
    expect(await db().ticket.count({ where: { requesterId: employee.id } })).toBe(0);
  });

  it('a confirmation pressed after the limit sends nothing', async () => {
    const { user } = await h.linkedUser();
    await startAnonymousComplaint(user);
    h.fake.userSends(user, 'Ruang tunggu panas sekali');
    const confirm = await h.waitForMessage(user.id, 'Kirim keluhan berikut secara anonim?');
    const before = await db().feedback.count();
    h.clock.advance(16 * 60_000);
    pressButton(h, user, confirm, 'Kirim anonim');
    await h.waitForMessage(user.id, 'Langkah sebelumnya (pengiriman saran dengan /saran) dibatalkan');
    await until(() => h.fake.answeredCallbacks.some((c) => String((c as { text?: string }).text ?? '').includes('Draf ini sudah tidak berlaku')), 'the stale answer');
    expect(await db().feedback.count()).toBe(before);
  });

  it('a chosen ticket category expires too: the message after the limit is handled on its own', async () => {
    const { user, employee } = await h.linkedUser();
    h.fake.userSends(user, '/tiket');
    const menu = await lastMessageWith(h, user.id, 'Pilih kategori');
    pressButton(h, user, menu, 'Cuti');
    await until(() => !keyboardOf(h.fake.getMessage(user.id, menu.message_id)), 'the category chosen');
    h.clock.advance(16 * 60_000);
    h.fake.userSends(user, 'Saya mau lapor alamat rumah saya pindah');
    await h.waitForMessage(user.id, 'Langkah sebelumnya (pembuatan tiket dengan /tiket) dibatalkan');
    await until(async () => (await db().ticket.count({ where: { requesterId: employee.id } })) === 1, 'the ticket');
    expect((await db().ticket.findFirstOrThrow({ where: { requesterId: employee.id } })).category).toBe('lainnya');
  });
});
