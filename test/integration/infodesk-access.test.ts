/**
 * Who may see and do what in the information desk and sosialisasi: staff see only their own agency's archive and
 * the sessions they are invited to; RSVP lists, interested staff and the speaker's questions are for HR only.
 */
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliActor, type Actor } from '../../core/auth/actor.js';
import { startDueRuns } from '../../core/broadcasts/broadcast-runs.js';
import { fixedClock } from '../../core/clock/clock.js';
import { ensureAgency } from '../../core/records/agencies.js';
import { employeeRecord } from '../support/employees.js';
import { testDatabaseKinds } from '../support/test-databases.js';
import { createTestRuntime, type TestRuntime } from '../support/test-runtime.js';

type Employee = Awaited<ReturnType<TestRuntime['db']['employee']['findUniqueOrThrow']>>;

async function refusal(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TRPCError);
  return (error as TRPCError).code;
}

describe.each(testDatabaseKinds)('information desk access on %s', (kind) => {
  let rt: TestRuntime;
  let staff: Actor;
  let outsider: Actor;
  let foreigner: Actor;
  let hrOther: Actor;
  let sessionId: string;
  let checkInCode: string;
  let careerId: string;
  let foreignBroadcastId: string;
  const clock = fixedClock('2026-11-24T02:00:00Z');

  beforeAll(async () => {
    rt = await createTestRuntime(kind, { clock });
    const admin = rt.callerFor(cliActor);
    const ids = [];
    for (const [record, agencyCode] of [
      [employeeRecord({ unit: 'Sekretariat' }), undefined],
      [employeeRecord({ nip: '199001152019032002', name: 'Sari Dewi', birthDate: '1990-01-15', gender: 'P', tmtCpns: '2019-03-01', unit: 'Bidang Lain' }), undefined],
      [employeeRecord({ nip: '198001012006041003', name: 'Andi', birthDate: '1980-01-01', tmtCpns: '2006-04-01' }), 'LAIN'],
    ] as const) {
      if (agencyCode) await ensureAgency(rt.db, agencyCode, 'Instansi lain');
      ids.push((await admin.records.upsert({ record, ...(agencyCode ? { agencyCode } : {}) })).employee.id);
    }
    const [staffEmployee, outsiderEmployee, foreignEmployee] = (await Promise.all(ids.map((id) => rt.db.employee.findUniqueOrThrow({ where: { id } })))) as [Employee, Employee, Employee];
    const actor = (e: Employee): Actor => ({ ref: `test:${e.id}`, role: 'staff', employeeId: e.id, agencyId: e.agencyId });
    [staff, outsider, foreigner] = [actor(staffEmployee), actor(outsiderEmployee), actor(foreignEmployee)];
    hrOther = { ref: 'test:hr-lain', role: 'hr_officer', employeeId: null, agencyId: foreignEmployee.agencyId };
    const hr: Actor = { ref: 'test:hr', role: 'hr_officer', employeeId: null, agencyId: staffEmployee.agencyId };

    const session = await rt.callerFor(hr).sosialisasi.create({
      title: 'Sosialisasi cuti',
      speaker: 'BKPSDMD',
      date: '2026-11-26',
      startTime: '09:00',
      place: 'Aula',
      audience: { units: ['Sekretariat'] },
    });
    sessionId = session.sessionId;
    checkInCode = session.checkInCode;
    careerId = (await rt.callerFor(hr).broadcasts.create({ title: 'Diklat fungsional', text: 'Pendaftaran dibuka.', audience: { everyone: true }, topic: 'peluang_karir', careerKind: 'diklat', closesOn: '2026-12-10' })).broadcastId;
    foreignBroadcastId = (await rt.callerFor(hrOther).broadcasts.create({ title: 'Khusus instansi lain', text: 'Isi.', audience: { everyone: true } })).broadcastId;
    await startDueRuns(rt.db, clock.now());
  });
  afterAll(async () => rt?.stop());

  it('HR-only lists and actions are refused to staff', async () => {
    const caller = rt.callerFor(staff);
    expect(await refusal(caller.sosialisasi.rsvpReport({ sessionId }))).toBe('FORBIDDEN');
    expect(await refusal(caller.sosialisasi.questions({ sessionId }))).toBe('FORBIDDEN');
    expect(await refusal(caller.sosialisasi.get({ sessionId }))).toBe('FORBIDDEN');
    expect(await refusal(caller.infodesk.interested({ broadcastId: careerId }))).toBe('FORBIDDEN');
    expect(await refusal(caller.sosialisasi.create({ title: 'Sesi saya', speaker: 'Saya', date: '2026-12-01', startTime: '09:00', place: 'Aula', audience: { everyone: true } }))).toBe('FORBIDDEN');
  });

  it('staff act only on their own agency and on sessions they are invited to', async () => {
    expect((await rt.callerFor(staff).sosialisasi.rsvp({ sessionId, answer: 'hadir' })).result).toBe('saved');
    expect(await refusal(rt.callerFor(outsider).sosialisasi.rsvp({ sessionId, answer: 'hadir' }))).toBe('FORBIDDEN');
    expect(await refusal(rt.callerFor(outsider).sosialisasi.ask({ sessionId, text: 'Apakah boleh ikut?' }))).toBe('FORBIDDEN');
    expect(await rt.callerFor(outsider).sosialisasi.openForQuestions()).toEqual([]);
    expect(await refusal(rt.callerFor(foreigner).sosialisasi.rsvp({ sessionId, answer: 'hadir' }))).toBe('NOT_FOUND');
    clock.set('2026-11-26T02:30:00Z');
    expect(await refusal(rt.callerFor(foreigner).sosialisasi.checkIn({ code: checkInCode }))).toBe('NOT_FOUND');
    clock.set('2026-11-24T02:00:00Z');
    expect(await refusal(rt.callerFor(hrOther).sosialisasi.get({ sessionId }))).toBe('NOT_FOUND');

    expect(await refusal(rt.callerFor(foreigner).infodesk.registerInterest({ broadcastId: careerId }))).toBe('NOT_FOUND');
    expect(await refusal(rt.callerFor(staff).infodesk.sendToMe({ broadcastId: foreignBroadcastId }))).toBe('NOT_FOUND');
    const titles = (await rt.callerFor(staff).infodesk.archive({})).items.map((i) => i.title);
    expect(titles).toContain('Diklat fungsional');
    expect(titles).not.toContain('Khusus instansi lain');
  });
});
