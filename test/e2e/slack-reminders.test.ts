/**
 * Reminders from the HR desk's side in Slack: `/layani pengingat` to schedule, list and cancel a custom reminder,
 * with usage help on bad input, and the morning digest in the triage channel. LAYANI runs with startApp against
 * FakeSlack; Telegram is not configured, so direct messages wait in the outbox, where they are checked.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wibInstant } from '../../core/scheduling/jakarta-time.js';
import { channels, staffChatId, startSlackDesk, users, type SlackDesk } from '../support/slack-desk.js';
import { testDatabaseKinds } from '../support/test-databases.js';

describe.each(testDatabaseKinds)('Slack reminders on %s', (kind) => {
  let desk: SlackDesk;

  beforeAll(async () => {
    desk = await startSlackDesk(kind);
  });
  afterAll(async () => desk?.stop());

  /** Runs `/layani <text>` as the HR officer and returns the ephemeral answer. */
  async function layani(text: string, user: string = users.officer): Promise<string> {
    const before = desk.fake.ephemerals.length;
    await desk.send(desk.fake.slashCommand({ user_id: user, channel_id: channels.triage, command: '/layani', text }));
    await desk.settle();
    const answers = desk.fake.ephemerals.slice(before);
    expect(answers).toHaveLength(1);
    return answers[0]!.text ?? '';
  }

  const telegramTexts = async () =>
    (await desk.app.runtime.db.outboxMessage.findMany({ where: { kind: 'telegram.text' } })).map((m) => {
      const { chatId, text } = JSON.parse(m.payload) as { chatId: string; text: string };
      return { chatId, text };
    });

  it('explains the syntax when asked, and when the input cannot be read says what was wrong', async () => {
    expect(await layani('pengingat')).toContain('*Cara menulis:* `/layani pengingat <tanggal> [jam] [ulang] [sampai <tanggal>] <sasaran> | <teks>`');
    const unreadable = await layani('pengingat kapan-kapan semua | Rapat');
    expect(unreadable).toMatch(/^Pengingat belum dibuat: "kapan-kapan" bukan tanggal/);
    expect(unreadable).toContain('Contoh:');
    expect(await layani('pengingat besok unit Bagian Umum | Rapat')).toMatch(/^Pengingat belum dibuat: Unit "Bagian Umum" tidak ada\. Unit yang ada: Sekretariat/);
    expect(await layani('')).toContain('/layani pengingat <tanggal> [jam] [ulang] <sasaran> | <teks>');
    expect(await desk.app.runtime.db.customReminder.count()).toBe(0);
  });

  it('schedules a reminder for a unit, lists it, sends it at its time to the linked staff member, and cancels', async () => {
    // The desk's clock: Tuesday 9 April 2030, 08.00 WIB.
    const created = await layani('pengingat besok 09.00 mingguan unit Sekretariat | Kumpulkan SKP triwulan I ke ruang kepegawaian.');
    expect(created).toContain('Pengingat dibuat: *Kumpulkan SKP triwulan I ke ruang kepegawaian.*');
    expect(created).toContain('Untuk: unit Sekretariat — 1 pegawai (1 lewat Telegram)');
    expect(created).toContain('Dikirim: Rabu, 10 Apr 2030 09.00 WIB, setiap minggu');
    const id = /`\/layani pengingat batal (\S+)`/.exec(created)?.[1];
    expect(id).toBeTruthy();
    const audit = await desk.app.runtime.db.auditLog.findFirstOrThrow({ where: { action: 'reminder.create', entityId: id! } });
    expect(audit.actor).toBe(`slack:${users.officer}`);

    const list = await layani('pengingat daftar');
    expect(list).toContain('*Pengingat yang masih akan dikirim (1)*');
    expect(list).toContain(`berikutnya Rabu, 10 Apr 2030 09.00 WIB (setiap minggu) — oleh <@${users.officer}> — \`${id}\``);

    await desk.app.tickScheduler(wibInstant('2030-04-10', 8, 59));
    expect((await telegramTexts()).filter((m) => m.text.includes('Kumpulkan SKP'))).toEqual([]);
    await desk.app.tickScheduler(wibInstant('2030-04-10', 9));
    await desk.app.tickScheduler(wibInstant('2030-04-10', 9, 1));
    const sent = (await telegramTexts()).filter((m) => m.text.includes('Kumpulkan SKP'));
    expect(sent).toEqual([{ chatId: staffChatId, text: expect.stringMatching(/^Pengingat dari petugas kepegawaian\n\nKumpulkan SKP triwulan I ke ruang kepegawaian\./) }]);

    expect(await layani(`pengingat batal ${id}`)).toBe('Pengingat *Kumpulkan SKP triwulan I ke ruang kepegawaian.* dibatalkan; tidak akan dikirim lagi.');
    await desk.app.tickScheduler(wibInstant('2030-04-17', 9));
    expect((await telegramTexts()).filter((m) => m.text.includes('Kumpulkan SKP'))).toHaveLength(1);
    expect(await layani('pengingat daftar')).toContain('Tidak ada pengingat yang masih akan dikirim.');
  });

  it('posts the morning digest in the triage channel once, with overdue items and the unlinked count', async () => {
    const digests = () => desk.fake.sent(channels.triage).filter((m) => (m.text ?? '').includes('Ringkasan'));
    await desk.settle();
    const before = digests().length;
    await desk.app.tickScheduler(wibInstant('2030-04-11', 7, 29));
    await desk.settle();
    expect(digests()).toHaveLength(before);
    await desk.app.tickScheduler(wibInstant('2030-04-11', 7, 30));
    await desk.app.tickScheduler(wibInstant('2030-04-11', 7, 31));
    await desk.settle();
    const posted = digests().slice(before);
    expect(posted).toHaveLength(1);
    const text = posted[0]!.text ?? '';
    expect(text).toContain('*Ringkasan harian kepegawaian — Kamis, 11 April 2030*');
    // The desk's employee: last KGB 1 May 2025, so the KGB of 1 May 2027 was never recorded.
    expect(text).toContain('KGB TMT 1 Mei 2027 belum tercatat — Budi Santoso (Sekretariat)');
    expect(text).toContain('*Belum menautkan Telegram: 0 dari 1 pegawai aktif.*');
  });
});
