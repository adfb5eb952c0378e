/**
 * Reminders through the core on every test database: instances racing on the same pass, the HR procedures for
 * custom reminders and yearly deadlines (validation, audit), a staff member's own reminders and mutes, the
 * language of a direct message, and the digest preview.
 */
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliActor, type Actor } from '../../core/auth/actor.js';
import { fixedClock } from '../../core/clock/clock.js';
import type { DatabaseKind } from '../../core/db/database-url.js';
import { recordFaqRating } from '../../core/faq/ratings.js';
import { runCustomReminders } from '../../core/reminders/custom-reminder-pass.js';
import { runReminderPass, type ReminderEnv } from '../../core/reminders/reminder-pass.js';
import { wibInstant } from '../../core/scheduling/jakarta-time.js';
import { employeeRecord } from '../support/employees.js';
import { createTestRuntime, type TestRuntime } from '../support/test-runtime.js';
import { testDatabaseKinds } from '../support/test-databases.js';

/** Tuesday 2 February 2027, 08:00 WIB. */
const tuesday = wibInstant('2027-02-02', 8);

describe.each(testDatabaseKinds)('reminders through the core on %s', (kind: DatabaseKind) => {
  let rt: TestRuntime;
  let env: ReminderEnv;
  let agencyId: string;
  // Records are saved before 07:30, so saving them plans nothing yet (they are not linked at that point).
  const clock = fixedClock(wibInstant('2027-02-02', 6));
  const hr: Actor = { ref: 'slack:U0RINA', role: 'hr_officer', employeeId: null, agencyId: '' };
  // KGB 1 May 2027 (three-month reminder from 1 February); linked to chat 7001.
  const budi = employeeRecord({ nip: '198609262015051001', lastKgbTmt: '2025-05-01', tmtGolongan: '2021-04-01' });
  // The same KGB date, unlinked.
  const sari = employeeRecord({ nip: '199001012015052001', name: 'Sari Wijaya', birthDate: '1990-01-01', gender: 'P', unit: 'Bidang Kelautan', lastKgbTmt: '2025-05-01', tmtGolongan: '2021-04-01' });
  let budiId = '';
  let staff: Actor;

  beforeAll(async () => {
    rt = await createTestRuntime(kind, { clock });
    env = { db: rt.db, careerRules: rt.settings.careerRules, log: rt.log };
    const admin = rt.callerFor(cliActor);
    budiId = (await admin.records.upsert({ record: budi })).employee.id;
    await admin.records.upsert({ record: sari });
    agencyId = (await rt.db.agency.findFirstOrThrow()).id;
    hr.agencyId = agencyId;
    staff = { ref: 'telegram:7001', role: 'staff', employeeId: budiId, agencyId };
    await rt.db.chatIdentity.create({ data: { employeeId: budiId, platform: 'telegram', externalId: '7001' } });
  });
  afterAll(async () => rt?.stop());

  const telegramTexts = async () =>
    (await rt.db.outboxMessage.findMany({ where: { kind: 'telegram.text' }, orderBy: { createdAt: 'asc' } })).map(
      (m) => JSON.parse(m.payload) as { chatId: string; text: string; lang: string; holdInQuietHours: boolean },
    );

  it('two instances running the same pass at once record each reminder once and queue one message', async () => {
    clock.set(tuesday);
    const results = await Promise.all([runReminderPass(env, agencyId, tuesday), runReminderPass(env, agencyId, tuesday), runReminderPass(env, agencyId, tuesday)]);
    expect(results.reduce((n, r) => n + r.telegram, 0)).toBe(1);
    expect(results.reduce((n, r) => n + r.digest, 0)).toBe(1);
    const rows = await rt.db.reminderOccurrence.findMany({ orderBy: { route: 'asc' } });
    expect(rows.map((r) => [r.key, r.route])).toEqual([
      ['kgb:2027-05-01:3m', 'digest'],
      ['kgb:2027-05-01:3m', 'telegram'],
    ]);
    const texts = await telegramTexts();
    expect(texts).toHaveLength(1);
    expect(texts[0]).toMatchObject({ chatId: '7001', lang: 'id', holdInQuietHours: true });
    expect(texts[0]!.text).toContain('KGB) Anda berikutnya TMT 1 Mei 2027');
  });

  it('writes the message in English for someone who chose English with /bahasa', async () => {
    await rt.db.botSession.create({ data: { key: 'telegram:7001', value: JSON.stringify({ lang: 'en' }) } });
    await runReminderPass(env, agencyId, wibInstant('2027-04-01', 8));
    const last = (await telegramTexts()).find((t) => t.lang === 'en')!;
    expect(last.text).toContain('Your next periodic salary increase (KGB) takes effect on 1 May 2027 (in 30 days)');
    await rt.db.botSession.delete({ where: { key: 'telegram:7001' } });
  });

  it('HR creates a custom reminder; it goes at its time to the people it is for, once, and the creation is audited', async () => {
    const created = await rt.callerFor(hr).reminders.createCustom({
      title: 'Rapat kepegawaian',
      text: 'Rapat pukul 10.00 di aula.',
      audience: { units: ['sekretariat'] },
      startsAt: wibInstant('2027-02-03', 9),
    });
    expect(created).toMatchObject({ recipients: 1, linked: 1, repeat: 'none', nextAt: wibInstant('2027-02-03', 9), audience: 'unit sekretariat' });
    expect(await runCustomReminders(env, wibInstant('2027-02-03', 8, 59))).toBe(0);
    expect(await runCustomReminders(env, wibInstant('2027-02-03', 9))).toBe(1);
    expect(await runCustomReminders(env, wibInstant('2027-02-03', 9, 1))).toBe(0);
    const custom = (await telegramTexts()).filter((t) => t.text.startsWith('Pengingat dari petugas kepegawaian'));
    expect(custom.map((t) => [t.chatId, t.text.split('\n\n')[1]])).toEqual([['7001', 'Rapat pukul 10.00 di aula.']]);
    const audit = await rt.db.auditLog.findFirstOrThrow({ where: { action: 'reminder.create', entityId: created.id } });
    expect(audit.actor).toBe('slack:U0RINA');
    expect(audit.after).not.toContain(budi.nip);
  });

  it('refuses custom reminders that cannot work, saying what to fix', async () => {
    const create = (input: Partial<Parameters<ReturnType<TestRuntime['callerFor']>['reminders']['createCustom']>[0]>) =>
      rt.callerFor(hr).reminders.createCustom({ title: 'X', audience: { everyone: true }, startsAt: wibInstant('2027-03-01', 9), ...input });
    await expect(create({ startsAt: wibInstant('2027-02-01', 9) })).rejects.toThrow(/sudah lewat/);
    await expect(create({ audience: { units: ['Bidang Tidak Ada'] } })).rejects.toThrow(/Unit yang ada: Bidang Kelautan, Sekretariat/);
    await expect(create({ audience: { nips: ['199912312020121001'] } })).rejects.toThrow(/Tidak ada pegawai aktif dengan NIP 199912312020121001/);
    await expect(create({ audience: { telegramGroups: ['-100123'] } })).rejects.toThrow(/hanya untuk siaran/);
    await expect(create({ audience: {} })).rejects.toThrow(/Tentukan penerimanya/);
    await expect(create({ repeat: 'weekly', until: wibInstant('2027-02-20', 9) })).rejects.toThrow(/sesudah waktu mulai/);
    await expect(rt.callerFor(staff).reminders.createCustom({ title: 'X', audience: { everyone: true }, startsAt: wibInstant('2027-03-01', 9) })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    } satisfies Partial<TRPCError>);
  });

  it('a cancelled reminder goes no more, and the list shows only reminders still to go', async () => {
    const weekly = await rt.callerFor(hr).reminders.createCustom({ title: 'Apel', audience: { everyone: true }, startsAt: wibInstant('2027-02-08', 7), repeat: 'weekly' });
    expect((await rt.callerFor(hr).reminders.listCustom()).map((r) => r.title)).toEqual(['Rapat kepegawaian', 'Apel']);
    await rt.callerFor(hr).reminders.cancelCustom({ id: weekly.id });
    expect(await runCustomReminders(env, wibInstant('2027-02-08', 7))).toBe(0);
    expect((await rt.callerFor(hr).reminders.listCustom()).map((r) => r.title)).toEqual(['Rapat kepegawaian']);
    expect((await rt.callerFor(hr).reminders.listCustom({ includeFinished: true })).map((r) => [r.title, r.active])).toEqual(
      expect.arrayContaining([['Apel', false], ['Rapat kepegawaian', true]]),
    );
    expect(await rt.db.auditLog.count({ where: { action: 'reminder.cancel', entityId: weekly.id } })).toBe(1);
  });

  it('HR adds a yearly deadline written as people write dates, lists it and removes it, audited', async () => {
    const lhkpn = await rt.callerFor(hr).reminders.createDeadline({ title: 'LHKPN', monthDay: '31 Maret', daysBefore: [7, 30, 1], note: 'elhkpn.kpk.go.id' });
    expect(lhkpn).toMatchObject({ monthDay: '03-31', nextDueOn: '2027-03-31', daysBefore: [30, 7, 1], audience: 'semua pegawai', recipients: 2 });
    await expect(rt.callerFor(hr).reminders.createDeadline({ title: 'X', monthDay: '31-03' })).rejects.toThrow(/31 Maret = 03-31/);
    await expect(rt.callerFor(hr).reminders.createDeadline({ title: 'X', monthDay: '31 Februari' })).rejects.toThrow(/31 Maret = 03-31/);
    expect((await rt.callerFor(hr).reminders.listDeadlines()).map((d) => d.title)).toEqual(['LHKPN']);
    const summary = await runReminderPass(env, agencyId, wibInstant('2027-03-01', 8));
    expect(summary).toMatchObject({ telegram: 1, digest: 1 });
    const deadline = (await telegramTexts()).filter((t) => t.text.startsWith('Pengingat: LHKPN'));
    expect(deadline).toHaveLength(1);
    expect(deadline[0]!.text).toContain('Batas waktunya 31 Maret 2027 (30 hari lagi).\n\nelhkpn.kpk.go.id');
    await rt.callerFor(hr).reminders.removeDeadline({ id: lhkpn.id });
    expect(await rt.callerFor(hr).reminders.listDeadlines()).toEqual([]);
    expect(await runReminderPass(env, agencyId, wibInstant('2027-03-24', 8))).toMatchObject({ telegram: 0, digest: 0 });
    expect((await rt.db.auditLog.findMany({ where: { entity: 'YearlyDeadline' } })).map((a) => a.action).sort()).toEqual(['deadline.create', 'deadline.remove']);
  });

  it('staff see their own upcoming reminders and mute and unmute a type', async () => {
    clock.set(wibInstant('2027-02-10', 9));
    const mine = await rt.callerFor(staff).reminders.mine({ lang: 'id' });
    expect(mine.muted).toEqual([]);
    expect(mine.upcoming[0]).toEqual({ kind: 'kgb', on: '2027-04-01', label: 'KGB TMT 1 Mei 2027 (1 bulan sebelumnya)' });
    await rt.callerFor(staff).reminders.mute({ kind: 'kgb' });
    await rt.callerFor(staff).reminders.mute({ kind: 'kgb' });
    expect((await rt.callerFor(staff).reminders.mine()).muted).toEqual(['kgb']);
    await rt.callerFor(staff).reminders.unmute({ kind: 'kgb' });
    expect((await rt.callerFor(staff).reminders.mine()).muted).toEqual([]);
    await expect(rt.callerFor(staff).reminders.upcoming()).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('HR sees who gets what in the coming days and where it would go, and a digest preview', async () => {
    clock.set(wibInstant('2027-03-30', 9));
    const upcoming = await rt.callerFor(hr).reminders.upcoming({ days: 10 });
    expect(upcoming.items.map((i) => [i.on, i.employee.name, i.route])).toEqual([
      ['2027-04-01', 'Budi Santoso', 'telegram'],
      ['2027-04-01', 'Sari Wijaya', 'digest'],
    ]);
    clock.set(wibInstant('2027-04-05', 9));
    const preview = await rt.callerFor(hr).reminders.digestPreview({ weekly: false });
    expect(preview.text).toContain('*Ringkasan harian kepegawaian — Senin, 5 April 2027*');
    expect(preview.text).toContain('*KGB jatuh tempo (2)*\n• 1 Mei 2027 — Budi Santoso (Sekretariat)\n• 1 Mei 2027 — Sari Wijaya (Bidang Kelautan)');
    expect(preview.text).toContain('Belum menautkan Telegram: 1 dari 2 pegawai aktif.');
    expect(preview.text).not.toContain('Penilaian jawaban FAQ');
  });

  it("the digest shows 👍/👎 per FAQ document since the previous digest, this agency's only", async () => {
    clock.set(wibInstant('2027-04-06', 9));
    const rated = (answerId: string, documentId: string, title: string, helpful: boolean, agency: string | null = agencyId) =>
      recordFaqRating(rt.db, { answerId, documents: [{ documentId, title }], helpful, agencyId: agency, at: wibInstant('2027-04-06', 8) });
    await rated('a1', 'cuti-sakit', 'Cuti Sakit', false);
    await rated('a2', 'cuti-sakit', 'Cuti Sakit', false);
    await rated('a3', 'cuti-sakit', 'Cuti Sakit', true);
    await rated('a4', 'kgb', 'Kenaikan Gaji Berkala', true);
    await rated('a5', 'kgb', 'Kenaikan Gaji Berkala', false, 'another-agency');
    const preview = await rt.callerFor(hr).reminders.digestPreview({ weekly: false });
    expect(preview.text).toContain(
      '*Penilaian jawaban FAQ sejak ringkasan sebelumnya (👍 2 / 👎 2)*\n• Cuti Sakit (`cuti-sakit`) — 👍 1 / 👎 2\n• Kenaikan Gaji Berkala (`kgb`) — 👍 1 / 👎 0',
    );
  });
});
