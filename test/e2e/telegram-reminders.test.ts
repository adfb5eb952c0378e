/**
 * Reminders as a staff member meets them on Telegram: /pengingat to see what is coming and mute a type, a pension
 * reminder arriving with its "Buka tiket pensiun" button, and the ticket that button opens. Through startApp and
 * the real grammY against a FakeTelegram, on every test database. The harness's clock is Tuesday 24 November 2026,
 * 09:00 WIB, a business day after 07:30, so saving a record plans its reminders at once.
 */
import type { Message } from 'grammy/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliActor } from '../../core/auth/actor.js';
import type { EmployeeRecord } from '../../core/records/employee.js';
import { toEmployeeRecord } from '../../core/records/employee-row.js';
import { callbackData, keyboardOf, sleep, startTelegramHarness, textOf, until, type TelegramHarness } from '../support/telegram-harness.js';
import { testDatabaseKinds } from '../support/test-databases.js';

describe.each(testDatabaseKinds)('Telegram reminders on %s', (kind) => {
  let h: TelegramHarness;

  beforeAll(async () => {
    h = await startTelegramHarness(kind);
  });
  afterAll(async () => h?.stop());

  const db = () => h.app.runtime.db;
  /** HR saves a change to an employee's record (records.upsert, as the API and the admin tools do). */
  const hrSaves = async (employeeId: string, change: Partial<EmployeeRecord>) => {
    const record = toEmployeeRecord(await db().employee.findUniqueOrThrow({ where: { id: employeeId } }));
    await h.app.runtime.callerFor(cliActor).records.upsert({ record: { ...record, ...change } });
  };
  // Born 1985, last KGB 1 January 2025: the next KGB is 1 January 2027; KP and pension are years away.
  const quiet: Partial<EmployeeRecord> = { birthDate: '1985-03-10', positionType: 'PELAKSANA', lastKgbTmt: '2025-01-01', tmtGolongan: '2024-04-01', active: true };

  it('/pengingat lists the types with mute buttons and what is coming; muting KGB stops KGB reminders only', async () => {
    const { user, employee } = await h.linkedUser(quiet);
    h.fake.userSends(user, '/pengingat');
    const menu = await h.waitForMessage(user.id, 'Pengingat LAYANI');
    expect(textOf(menu)).toContain('Pengingat berikutnya:\n• 1 Desember 2026 — KGB TMT 1 Januari 2027 (1 bulan sebelumnya)');
    expect(keyboardOf(menu)!.map((row) => row[0]!.text)).toEqual([
      '🔔 Kenaikan gaji berkala (KGB)',
      '🔔 Kenaikan pangkat (KP)',
      '🔔 Pensiun',
      '🔔 Tenggat tahunan (SKP, LHKPN, LHKASN)',
      '🔔 Pengingat dari petugas kepegawaian',
    ]);

    h.fake.userPressesButton(user, menu.message_id, callbackData(keyboardOf(menu)![0]![0]!)!);
    const edited = await until(() => {
      const m = h.fake.getMessage(user.id, menu.message_id) as Message | undefined;
      return keyboardOf(m)?.[0]?.[0]?.text.startsWith('🔕') ? m : undefined;
    }, 'the menu showing KGB muted');
    expect(textOf(edited)).toContain('KGB TMT 1 Januari 2027 (1 bulan sebelumnya) 🔕');
    expect(h.fake.answeredCallbacks.at(-1)?.text).toBe('Pengingat Kenaikan gaji berkala (KGB) dimatikan');
    expect(await db().reminderMute.findMany({ where: { employeeId: employee.id } })).toMatchObject([{ kind: 'kgb' }]);

    // HR corrects the last KGB: a KGB reminder is due now, but muted; a pension reminder (not muted) still comes.
    await hrSaves(employee.id, { lastKgbTmt: '2025-02-01', birthDate: '1969-06-10' });
    const pension = await h.waitForMessage(user.id, 'Pengingat pensiun');
    expect(h.texts(user.id).some((t) => t.startsWith('Pengingat KGB'))).toBe(false);
    const kgb = await db().reminderOccurrence.findMany({ where: { employeeId: employee.id, kind: 'kgb' }, orderBy: { key: 'asc' } });
    // The one for the old date was recorded when HR first saved the record, before the account was linked.
    expect(kgb.map((o) => [o.key, o.route, o.outboxId])).toEqual([
      ['kgb:2027-01-01:3m', 'digest', null],
      ['kgb:2027-02-01:3m', 'muted', null],
    ]);
    expect(textOf(pension)).toContain('TMT pensiun Anda 1 Juli 2027');
  });

  it('"Buka tiket pensiun" under a pension reminder opens a retirement ticket once', async () => {
    const { user, employee } = await h.linkedUser(quiet);
    // 58 on 10 June 2027: TMT pensiun 1 July 2027, so the twelve-month reminder is due.
    await hrSaves(employee.id, { birthDate: '1969-06-10' });
    const reminder = await h.waitForMessage(user.id, 'Pengingat pensiun');
    expect(textOf(reminder)).toContain('TMT pensiun Anda 1 Juli 2027 (sekitar 7 bulan lagi)');
    expect(textOf(reminder)).toContain('DPCP');
    const button = keyboardOf(reminder)![0]![0]!;
    expect(button.text).toBe('Buka tiket pensiun');

    h.fake.userPressesButton(user, reminder.message_id, callbackData(button)!);
    await h.waitForMessage(user.id, /Tiket #\d+ \(Pensiun\) sudah kami terima/);
    const ticket = await db().ticket.findFirstOrThrow({ where: { requesterId: employee.id } });
    expect(ticket).toMatchObject({ category: 'pensiun', status: 'baru' });
    expect(await h.staffMessages(employee.id)).toEqual([
      { text: 'Saya ingin memulai usul pensiun (TMT pensiun menurut data: 1 Juli 2027). Mohon bantuan menyiapkan berkasnya.', attachments: [] },
    ]);
    await until(() => (keyboardOf(h.fake.getMessage(user.id, reminder.message_id)) ?? []).length === 0, 'the button removed');

    // Pressed again (a second tap, or an older copy of the reminder): no second ticket.
    h.fake.userPressesButton(user, reminder.message_id, callbackData(button)!);
    await until(() => h.fake.answeredCallbacks.at(-1)?.text?.includes(`#${ticket.number}`), 'the existing ticket named');
    await sleep(100);
    expect(await db().ticket.count({ where: { requesterId: employee.id } })).toBe(1);
  });

  it('someone who chose English gets /pengingat in English', async () => {
    const { user } = await h.linkedUser(quiet);
    h.fake.userSends(user, '/bahasa en');
    await h.waitForMessage(user.id, /English|Bahasa/);
    h.fake.userSends(user, '/pengingat');
    const menu = await h.waitForMessage(user.id, 'LAYANI reminders');
    expect(textOf(menu)).toContain('• 1 December 2026 — Salary step (KGB) on 1 January 2027 (1 month ahead)');
    expect(keyboardOf(menu)![0]![0]!.text).toBe('🔔 Salary step (KGB)');
  });
});
