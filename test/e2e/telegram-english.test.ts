/**
 * After /bahasa en, everything the staff member reads is English: /profil's date lines and the header of HR's
 * reply on a ticket opened in Indonesian. Real grammY against FakeTelegram.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../core/auth/actor.js';
import { startTelegramHarness, textOf, type TelegramHarness } from '../support/telegram-harness.js';
import { testDatabaseKinds } from '../support/test-databases.js';

describe.each(testDatabaseKinds)('English for staff on %s', (kind) => {
  let h: TelegramHarness;
  beforeAll(async () => {
    h = await startTelegramHarness(kind);
  });
  afterAll(async () => h?.stop());

  it('/profil date lines and the HR-reply header follow /bahasa en', async () => {
    const { user, employee } = await h.linkedUser({ golongan: 'III/b', tmtGolongan: '2023-04-01', lastKgbTmt: '2025-05-01' });
    h.fake.userSends(user, 'Saya mau tanya soal cuti tahunan saya');
    await h.waitForMessage(user.id, /Tiket #\d+ \(Lainnya\) sudah kami terima/);
    const ticket = await h.app.runtime.db.ticket.findFirstOrThrow({ where: { requesterId: employee.id } });

    h.fake.userSends(user, '/bahasa en');
    await h.waitForMessage(user.id, 'Language switched to English.');
    h.fake.userSends(user, '/profil');
    const profile = textOf(await h.waitForMessage(user.id, 'Employee record'))!;
    expect(profile).toMatch(/• Next KGB: \d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) \d{4} — /);
    expect(profile).toMatch(/• (Regular promotion|Promotion[^:\n]*): /);
    expect(profile).toMatch(/• Retirement \(BUP \d+\): TMT \d{1,2} [A-Z][a-z]+ \d{4}, start the proposal on /);
    expect(profile).not.toMatch(/KGB berikutnya|Kenaikan pangkat|Pensiun \(BUP/);

    const officer: Actor = { ref: 'slack:UOFFICER', role: 'hr_officer', employeeId: null, agencyId: employee.agencyId };
    await h.app.runtime.callerFor(officer).tickets.reply({ ticketId: ticket.id, text: 'Sisa cuti Anda 8 hari.' });
    const reply = await h.waitForMessage(user.id, 'Sisa cuti Anda 8 hari.');
    expect(textOf(reply)).toBe(`Reply from HR on ticket #${ticket.number}:\n\nSisa cuti Anda 8 hari.`);
  });
});
