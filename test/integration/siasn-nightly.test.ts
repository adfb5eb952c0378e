import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cliActor } from '../../core/auth/actor.js';
import { fixedClock } from '../../core/clock/clock.js';
import { ensureAgency } from '../../core/records/agencies.js';
import { saveEmployees } from '../../core/records/save-employees.js';
import { collectDigest } from '../../core/reminders/digest/collect-digest.js';
import { renderDigest } from '../../core/reminders/digest/render-digest.js';
import { runNightlySiasnSync } from '../../core/siasn/nightly-sync.js';
import { FakeSiasn, siasnDataUtama } from '../fakes/fake-siasn.js';
import { employeeRecord } from '../support/employees.js';
import { testDatabaseKinds } from '../support/test-databases.js';
import { createTestRuntime, type TestRuntime } from '../support/test-runtime.js';

const night = '2026-12-08T01:30:00+07:00';
const morning = new Date('2026-12-08T08:00:00+07:00');
const budi = employeeRecord({ nip: '198609262015051001' });
const rina = employeeRecord({ nip: '199203032020121004', name: 'Rina Putri', gender: 'P', birthDate: '1992-03-03' });

describe.each(testDatabaseKinds)('nightly SIASN sync on %s', (kind) => {
  let runtime: TestRuntime;
  let siasn: FakeSiasn;

  beforeEach(async () => {
    siasn = new FakeSiasn();
    await siasn.start();
    runtime = await createTestRuntime(kind, { clock: fixedClock(night), env: siasn.env() });
    const agency = await ensureAgency(runtime.db, 'DKP');
    await saveEmployees(runtime.db, cliActor, agency.id, [budi, rina]);
    siasn.mainRecords.set(budi.nip, siasnDataUtama(budi, { golRuangAkhir: 'III/c', tmtGolAkhir: '01-10-2026', kedudukanPnsNama: 'CLTN' }));
  });
  afterEach(async () => {
    await runtime.stop();
    await siasn.stop();
  });

  it('runs once a night however many instances fire, and the morning digest reports it', async () => {
    const [first, second] = await Promise.all([runNightlySiasnSync(runtime, runtime.clock.now()), runNightlySiasnSync(runtime, runtime.clock.now())]);
    const reports = [first, second].filter((r) => r !== null);
    expect(reports).toHaveLength(1);
    expect(reports[0]).toMatchObject({ checked: 2, changed: 1, unknown: [rina.nip], notActiveInSiasn: [{ nip: budi.nip, kedudukan: 'CLTN' }] });
    expect(await runtime.db.siasnSyncRun.count()).toBe(1);
    expect((await runtime.db.employee.findUniqueOrThrow({ where: { nip: budi.nip } })).active).toBe(true);

    const agency = await runtime.db.agency.findFirstOrThrow();
    const env = { db: runtime.db, careerRules: runtime.settings.careerRules, log: runtime.log };
    const digest = renderDigest(await collectDigest(env, agency.id, morning, { weekly: false, since: new Date(morning.getTime() - 24 * 3600_000) }));
    expect(digest).toContain('*Sinkronisasi SIASN semalam*');
    expect(digest).toContain('• 2 pegawai diperiksa: 1 diperbarui dari SIASN (tiap perubahan tercatat di log audit), 1 tidak dikenal SIASN, 0 tidak dapat dibaca; 0 usulan KP tersimpan.');
    expect(digest).toContain(`• NIP yang tidak dikenal SIASN (tidak dihapus; periksa NIP-nya): ${rina.nip}`);
    expect(digest).toContain(`• Menurut SIASN tidak aktif, di LAYANI masih aktif: ${budi.nip} (CLTN)`);

    // The next morning's digest does not repeat it.
    const tomorrow = new Date(morning.getTime() + 24 * 3600_000);
    const next = renderDigest(await collectDigest(env, agency.id, tomorrow, { weekly: false, since: morning }));
    expect(next).not.toContain('Sinkronisasi SIASN');
  });

  it('does nothing when SIASN is not configured', async () => {
    const plain = await createTestRuntime(kind, { clock: fixedClock(night) });
    try {
      expect(await runNightlySiasnSync(plain, plain.clock.now())).toBeNull();
      expect(await plain.db.siasnSyncRun.count()).toBe(0);
    } finally {
      await plain.stop();
    }
  });
});
