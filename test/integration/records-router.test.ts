import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../core/auth/actor.js';
import { cliActor } from '../../core/auth/actor.js';
import { fixedClock } from '../../core/clock/clock.js';
import { ensureAgency } from '../../core/records/agencies.js';
import { employeeRecord } from '../support/employees.js';
import { testDatabaseKinds } from '../support/test-databases.js';
import { createTestRuntime, type TestRuntime } from '../support/test-runtime.js';

const budi = employeeRecord();
const sari = employeeRecord({ nip: '199001152019032002', name: 'Sari Dewi', birthDate: '1990-01-15', gender: 'P', tmtCpns: '2019-03-01', golongan: 'III/a', tmtGolongan: '2019-03-01', lastKgbTmt: null });
const otherAgencyEmployee = employeeRecord({ nip: '198001012006041003', name: 'Andi', birthDate: '1980-01-01', tmtCpns: '2006-04-01' });

async function rejection(promise: Promise<unknown>): Promise<TRPCError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TRPCError);
  return error as TRPCError;
}

describe.each(testDatabaseKinds)('records router on %s', (kind) => {
  let rt: TestRuntime;
  let budiId: string;
  let sariId: string;
  let agencyId: string;
  let otherAgencyId: string;
  const clock = fixedClock('2026-11-23T03:00:00Z');

  beforeAll(async () => {
    rt = await createTestRuntime(kind, { clock });
    const admin = rt.callerFor(cliActor);
    budiId = (await admin.records.upsert({ record: budi })).employee.id;
    sariId = (await admin.records.upsert({ record: sari })).employee.id;
    agencyId = (await rt.db.employee.findUniqueOrThrow({ where: { id: budiId } })).agencyId;
    otherAgencyId = (await ensureAgency(rt.db, 'BKPSDMD', 'Badan Kepegawaian')).id;
    await admin.records.upsert({ record: otherAgencyEmployee, agencyCode: 'BKPSDMD' });
  });
  afterAll(async () => rt?.stop());

  const staff = (employeeId: string): Actor => ({ ref: `test:${employeeId}`, role: 'staff', employeeId, agencyId });

  it('shows staff their own record with rank name', async () => {
    const me = await rt.callerFor(staff(budiId)).records.me();
    expect(me.nip).toBe(budi.nip);
    expect(me.golongan).toBe('III/b');
    expect(me.pangkat).toBe('Penata Muda Tingkat I');
  });

  it('tells an unlinked account how to get linked', async () => {
    const error = await rejection(rt.callerFor({ ref: 'telegram:1', role: 'staff', employeeId: null, agencyId: null }).records.me());
    expect(error.code).toBe('PRECONDITION_FAILED');
    expect(error.message).toMatch(/kode tautan/);
  });

  it('refuses staff another employee and writes the attempt to the audit log', async () => {
    const error = await rejection(rt.callerFor(staff(budiId)).records.get({ nip: sari.nip }));
    expect(error.code).toBe('FORBIDDEN');
    const denied = await rt.db.auditLog.findMany({ where: { actor: `test:${budiId}`, outcome: 'denied' } });
    expect(denied).toHaveLength(1);
    expect(denied[0]!.entityId).toBe(sariId);
    expect(denied[0]!.action).toBe('employee.read');
  });

  it('refuses staff career dates of another NIP', async () => {
    const error = await rejection(rt.callerFor(staff(budiId)).records.careerDates({ nip: sari.nip }));
    expect(error.code).toBe('FORBIDDEN');
  });

  it('gives staff their own career dates with reasons', async () => {
    const dates = await rt.callerFor(staff(budiId)).records.careerDates();
    expect(dates.asOf).toBe('2026-11-23');
    // Last KGB 1 May 2025 + 2 years.
    expect(dates.kgb.nextDate).toBe('2027-05-01');
    expect(dates.kgb.reason).toMatch(/karena/);
    // Pelaksana: BUP 58; born 26 Sep 1986 → 58 on 26 Sep 2044 → TMT 1 Oct 2044.
    expect(dates.pension.tmtPension).toBe('2044-10-01');
  });

  it('lets HR officers read anyone in their agency but not in another agency', async () => {
    const officer: Actor = { ref: 'test:officer', role: 'hr_officer', employeeId: null, agencyId };
    const record = await rt.callerFor(officer).records.get({ nip: sari.nip });
    expect(record.name).toBe('Sari Dewi');
    const list = await rt.callerFor(officer).records.list({ limit: 10 });
    expect(list.items.map((e) => e.nip).sort()).toEqual([budi.nip, sari.nip].sort());
    const error = await rejection(rt.callerFor(officer).records.get({ nip: otherAgencyEmployee.nip }));
    expect(error.code).toBe('FORBIDDEN');
  });

  it('lets only admins write, and audits every change with before and after', async () => {
    const officer: Actor = { ref: 'test:officer', role: 'hr_officer', employeeId: null, agencyId };
    const refused = await rejection(rt.callerFor(officer).records.upsert({ record: { ...budi, unit: 'Bidang Perikanan' } }));
    expect(refused.code).toBe('FORBIDDEN');

    const admin: Actor = { ref: 'test:admin', role: 'admin', employeeId: null, agencyId };
    const result = await rt.callerFor(admin).records.upsert({ record: { ...budi, unit: 'Bidang Perikanan' } });
    expect(result.updated).toBe(1);
    const entries = await rt.db.auditLog.findMany({ where: { actor: 'test:admin', entityId: budiId } });
    expect(entries).toHaveLength(1);
    expect(JSON.parse(entries[0]!.before!)).toEqual({ unit: 'Sekretariat' });
    expect(JSON.parse(entries[0]!.after!)).toEqual({ unit: 'Bidang Perikanan' });

    const again = await rt.callerFor(admin).records.upsert({ record: { ...budi, unit: 'Bidang Perikanan' } });
    expect(again.unchanged).toBe(1);
  });

  it('rejects a malformed NIP with a readable message', async () => {
    const officer: Actor = { ref: 'test:officer', role: 'hr_officer', employeeId: null, agencyId };
    const error = await rejection(rt.callerFor(officer).records.get({ nip: '12345' }));
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toMatch(/NIP harus 18 digit/);
  });

  it('keeps agencies apart for admins bound to one agency', async () => {
    const otherAdmin: Actor = { ref: 'test:other-admin', role: 'admin', employeeId: null, agencyId: otherAgencyId };
    const error = await rejection(rt.callerFor(otherAdmin).records.setActive({ nip: budi.nip, active: false }));
    expect(error.code).toBe('NOT_FOUND');
    expect((await rt.db.employee.findUniqueOrThrow({ where: { id: budiId } })).active).toBe(true);
  });
});
