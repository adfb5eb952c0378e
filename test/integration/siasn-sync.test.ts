import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cliActor } from '../../core/auth/actor.js';
import { fixedClock } from '../../core/clock/clock.js';
import { ensureAgency } from '../../core/records/agencies.js';
import { saveEmployees } from '../../core/records/save-employees.js';
import { runSiasnSync, SyncBusyError, type SyncChange } from '../../core/siasn/siasn-sync.js';
import type { SiasnSettings } from '../../core/siasn/siasn-settings.js';
import { FakeSiasn, siasnAngkaKredit, siasnDataUtama } from '../fakes/fake-siasn.js';
import { employeeRecord } from '../support/employees.js';
import { testDatabaseKinds } from '../support/test-databases.js';
import { createTestRuntime, type TestRuntime } from '../support/test-runtime.js';

// A Tuesday, 08.00 WIB: the reminder pass is open, so changed records get their reminders planned at once.
const tuesdayMorning = '2026-12-08T08:00:00+07:00';

const rank = employeeRecord({ nip: '198609262015051001', name: 'Budi Santoso' });
const partial = employeeRecord({ nip: '199001152019032002', name: 'Sari Dewi', gender: 'P', birthDate: '1990-01-15', unit: 'Bidang Perikanan Tangkap', positionName: 'Pengelola Data' });
const malformed = employeeRecord({ nip: '198801012010011003', name: 'Andi Wijaya', birthDate: '1988-01-01' });
const unknown = employeeRecord({ nip: '199203032020121004', name: 'Rina Putri', gender: 'P', birthDate: '1992-03-03' });
const functional = employeeRecord({ nip: '198505052009041005', name: 'Dedi Kurnia', birthDate: '1985-05-05', positionType: 'JF_AHLI_MUDA', positionName: 'Penyuluh Perikanan Ahli Muda', golongan: 'III/c', creditPoints: 120 });
const retiring = employeeRecord({ nip: '196911151990031006', name: 'Hasan Basri', birthDate: '1986-11-15', tmtCpns: '1990-03-01', golongan: 'III/d' });

describe.each(testDatabaseKinds)('SIASN sync on %s', (kind) => {
  let runtime: TestRuntime;
  let siasn: FakeSiasn;
  let settings: SiasnSettings;
  let logLines: string[];

  beforeEach(async () => {
    siasn = new FakeSiasn();
    await siasn.start();
    runtime = await createTestRuntime(kind, { clock: fixedClock(tuesdayMorning), env: siasn.env() });
    settings = { ...runtime.settings.siasn!, backoffBaseMs: 10, requestsPerSecond: 200 };
    logLines = [];
    runtime.log = (await import('../../core/logging/logger.js')).createLogger('debug', { write: (line: string) => void logLines.push(line) });
    const agency = await ensureAgency(runtime.db, 'DKP');
    await saveEmployees(runtime.db, cliActor, agency.id, [rank, partial, malformed, unknown, functional, retiring]);

    // SIASN knows a newer rank for Budi.
    siasn.mainRecords.set(rank.nip, siasnDataUtama(rank, { golRuangAkhir: 'III/c', tmtGolAkhir: '01-04-2025' }));
    // Sari's record in SIASN lacks unit, position and education: what is stored stays.
    siasn.mainRecords.set(partial.nip, siasnDataUtama(partial, { unorNama: '', jabatanNama: null, jabatanFungsionalNama: '', jenisJabatan: '', pendidikanTerakhirNama: '', tmtGolAkhir: '' }));
    siasn.histories.set(`rw-golongan/${partial.nip}`, [{ golongan: 'III/a', tmtGolongan: '01-03-2019' }, { golongan: 'III/b', tmtGolongan: '01-04-2021' }]);
    // Andi's answer is not JSON at all.
    siasn.mainRecords.set(malformed.nip, { raw: '<html>Service Unavailable</html>' });
    // Dedi has new credit points.
    siasn.mainRecords.set(functional.nip, siasnDataUtama(functional));
    siasn.histories.set(`rw-angkakredit/${functional.nip}`, [siasnAngkaKredit(95.5, 2024, 12), siasnAngkaKredit(137.25, 2025, 12)]);
    // SIASN has Hasan's real birth date: he retires on 1 December 2027, so the 12-month reminder is due now.
    siasn.mainRecords.set(retiring.nip, siasnDataUtama(retiring, { tglLahir: '15-11-1969' }));
    // Rina's NIP is not in SIASN.
    siasn.kpLists.set('2027-01-01', [{ id: 'usul-1', nipBaru: rank.nip, nama: 'Budi Santoso', statusUsulan: '22', statusUsulanNama: 'Sdh di TTD - Pertek', tmtKp: '01-01-2027', no_pertek: 'PT-1' }]);
  });
  afterEach(async () => {
    await runtime.stop();
    await siasn.stop();
  });

  const employee = (nip: string) => runtime.db.employee.findUniqueOrThrow({ where: { nip } });

  it('a dry run reports every difference and changes nothing', async () => {
    const changes: SyncChange[] = [];
    const report = await runSiasnSync(runtime, settings, { trigger: 'cli', dryRun: true, onChange: (c) => changes.push(c) });

    expect(report).toMatchObject({ dryRun: true, checked: 6, changed: 3, unchanged: 1, unknown: [unknown.nip], stoppedBecause: null, kpProposals: 1 });
    expect(report.failed).toEqual([{ nip: malformed.nip, reason: expect.stringMatching(/bukan JSON/) }]);
    const byNip = new Map(changes.map((c) => [c.nip, c]));
    expect(byNip.get(rank.nip)).toEqual({ nip: rank.nip, before: { golongan: 'III/b', tmtGolongan: '2021-04-01' }, after: { golongan: 'III/c', tmtGolongan: '2025-04-01' } });
    expect(byNip.get(functional.nip)).toEqual({ nip: functional.nip, before: { creditPoints: 120 }, after: { creditPoints: 137.25 } });
    expect(byNip.get(retiring.nip)).toEqual({ nip: retiring.nip, before: { birthDate: '1986-11-15' }, after: { birthDate: '1969-11-15' } });

    expect((await employee(rank.nip)).golongan).toBe('III/b');
    expect(await runtime.db.auditLog.count({ where: { actor: 'siasn' } })).toBe(0);
    expect(await runtime.db.reminderOccurrence.count()).toBe(0);
    expect(await runtime.db.siasnKpProposal.count()).toBe(0);
    expect(await runtime.db.siasnSyncRun.findFirstOrThrow()).toMatchObject({ dryRun: true, status: 'done', changed: 3, unknown: 1, failed: 1 });
  });

  it('an applied run saves and audits every change, keeps what SIASN leaves empty, deletes nobody, replans reminders', async () => {
    const report = await runSiasnSync(runtime, settings, { trigger: 'cli', dryRun: false });
    expect(report).toMatchObject({ checked: 6, changed: 3, unknown: [unknown.nip] });

    expect(await employee(rank.nip)).toMatchObject({ golongan: 'III/c', tmtGolongan: '2025-04-01' });
    expect((await employee(functional.nip)).creditPoints).toBe(137.25);
    // Partial record: SIASN's empty unit/position/education left the stored values; the rank TMT came from rw-golongan.
    expect(await employee(partial.nip)).toMatchObject({ unit: 'Bidang Perikanan Tangkap', positionName: 'Pengelola Data', education: 'S1', tmtGolongan: '2021-04-01' });
    expect(siasn.requests.map((r) => r.path)).toEqual(expect.arrayContaining([`pns/rw-golongan/${partial.nip}`, `pns/rw-jabatan/${partial.nip}`]));
    // Unknown and unreadable NIPs are still there, untouched.
    expect(await employee(unknown.nip)).toMatchObject({ active: true, name: 'Rina Putri' });
    expect(await employee(malformed.nip)).toMatchObject({ active: true, golongan: 'III/b' });

    const audits = await runtime.db.auditLog.findMany({ where: { actor: 'siasn' } });
    expect(audits).toHaveLength(3);
    expect(new Set(audits.map((a) => a.action))).toEqual(new Set(['employee.update']));
    const budi = await employee(rank.nip);
    const budiAudit = audits.find((a) => a.entityId === budi.id)!;
    expect(JSON.parse(budiAudit.before!)).toEqual({ golongan: 'III/b', tmtGolongan: '2021-04-01' });
    expect(JSON.parse(budiAudit.after!)).toEqual({ golongan: 'III/c', tmtGolongan: '2025-04-01' });

    const hasan = await employee(retiring.nip);
    const occurrences = await runtime.db.reminderOccurrence.findMany({ where: { employeeId: hasan.id } });
    expect(occurrences.map((o) => o.key)).toContain('pensiun:2027-12-01:12m');

    const proposals = await runtime.db.siasnKpProposal.findMany();
    expect(proposals).toEqual([expect.objectContaining({ period: '2027-01-01', nip: rank.nip, employeeId: budi.id, statusCode: '22', tmtKp: '2027-01-01' })]);
    expect(proposals[0]).not.toHaveProperty('nama');

    // A second run finds nothing more to change.
    const again = await runSiasnSync(runtime, settings, { trigger: 'cli', dryRun: false });
    expect(again).toMatchObject({ changed: 0, unchanged: 4 });
  });

  it('refreshes only the NIPs given and reports those LAYANI does not have', async () => {
    const report = await runSiasnSync(runtime, settings, { trigger: 'cli', dryRun: false, nips: [rank.nip, '200001012022011099'] });
    expect(report).toMatchObject({ checked: 1, changed: 1, notInLayani: ['200001012022011099'] });
    expect((await employee(functional.nip)).creditPoints).toBe(120);
  });

  it('stops at once when SIASN refuses the credentials, saving what was done', async () => {
    siasn.refuseAllApiCalls = true;
    const report = await runSiasnSync(runtime, settings, { trigger: 'nightly', dryRun: false });
    expect(report.stoppedBecause).toMatch(/HTTP 401/);
    expect(report.checked).toBe(0);
    expect(siasn.counts.api).toBeLessThanOrEqual(2 * settings.requestsPerSecond);
    expect(await runtime.db.siasnSyncRun.findFirstOrThrow()).toMatchObject({ status: 'stopped', error: expect.stringMatching(/401/) });
  });

  it('runs one sync at a time: a second one is refused, saying since when the first has run', async () => {
    const results = await Promise.allSettled([
      runSiasnSync(runtime, settings, { trigger: 'cli', dryRun: true }),
      runSiasnSync(runtime, settings, { trigger: 'nightly', dryRun: true }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(refused.reason).toBeInstanceOf(SyncBusyError);
    expect((refused.reason as Error).message).toMatch(/^Sinkronisasi SIASN lain sedang berjalan sejak .*Tunggu sampai selesai/);
    // The lease is released: the next run goes ahead.
    expect((await runSiasnSync(runtime, settings, { trigger: 'cli', dryRun: true })).checked).toBe(6);
  });

  it('keeps personal data out of the logs', async () => {
    await runSiasnSync(runtime, settings, { trigger: 'cli', dryRun: false });
    const logged = logLines.join('\n');
    expect(logged).toMatch(/SIASN sync finished/);
    for (const person of [rank, partial, malformed, unknown, functional, retiring]) {
      expect(logged).not.toContain(person.nip);
      expect(logged).not.toContain(person.name);
    }
    expect(logged).not.toMatch(/1971000000000001|081234567890|gw-\d|sso-\d/);
  });
});
