import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cliActor } from '../../core/auth/actor.js';
import { ensureAgency } from '../../core/records/agencies.js';
import { saveEmployees } from '../../core/records/save-employees.js';
import { FakeSiasn, siasnDataUtama } from '../fakes/fake-siasn.js';
import { employeeRecord } from '../support/employees.js';
import { createTestRuntime, type TestRuntime } from '../support/test-runtime.js';

const run = promisify(execFile);
const budi = employeeRecord({ nip: '198609262015051001' });
const rina = employeeRecord({ nip: '199203032020121004', name: 'Rina Putri', gender: 'P', birthDate: '1992-03-03' });

describe('npx layani siasn sync', () => {
  let runtime: TestRuntime;
  let siasn: FakeSiasn;

  beforeEach(async () => {
    siasn = new FakeSiasn();
    await siasn.start();
    runtime = await createTestRuntime('sqlite');
    const agency = await ensureAgency(runtime.db, 'DKP');
    await saveEmployees(runtime.db, cliActor, agency.id, [budi, rina]);
    siasn.mainRecords.set(budi.nip, siasnDataUtama(budi, { golRuangAkhir: 'III/c', tmtGolAkhir: '01-04-2025' }));
  });
  afterEach(async () => {
    await runtime.stop();
    await siasn.stop();
  });

  const cli = async (...args: string[]) => {
    const env = { ...process.env, ...siasn.env(), DATABASE_URL: runtime.database.url, LOG_LEVEL: 'silent' };
    try {
      const { stdout, stderr } = await run('npx', ['tsx', 'cli/main.ts', 'siasn', 'sync', ...args], { env, cwd: process.cwd() });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const e = error as { code: number; stdout: string; stderr: string };
      return { code: e.code, stdout: e.stdout, stderr: e.stderr };
    }
  };

  it('prints each difference as field: old → new, reports unknown NIPs, and with --dry-run changes nothing', async () => {
    const dry = await cli('--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('198609262015051001  golongan: III/b → III/c; tmt_golongan: 2021-04-01 → 2025-04-01');
    expect(dry.stdout).toMatch(/Tidak dikenal SIASN \(tetap disimpan, periksa NIP-nya\): 199203032020121004/);
    expect(dry.stdout).toMatch(/Uji coba \(--dry-run\): tidak ada yang diubah\./);
    expect((await runtime.db.employee.findUniqueOrThrow({ where: { nip: budi.nip } })).golongan).toBe('III/b');

    const applied = await cli('--nip', '19860926 201505 1 001');
    expect(applied.stdout).toMatch(/1 pegawai diperiksa di SIASN: 1 diperbarui/);
    expect((await runtime.db.employee.findUniqueOrThrow({ where: { nip: budi.nip } })).golongan).toBe('III/c');
    expect(applied.stdout + applied.stderr).not.toMatch(/cs-test-secret|rahasia-operator/);
  }, 60_000);

  it('says what to set when SIASN is not configured', async () => {
    const env = { ...process.env, DATABASE_URL: runtime.database.url, LOG_LEVEL: 'silent' };
    const result = await run('npx', ['tsx', 'cli/main.ts', 'siasn', 'sync'], { env }).catch((e: { code: number; stderr: string }) => e);
    expect((result as { code: number }).code).toBe(1);
    expect((result as { stderr: string }).stderr).toMatch(/SIASN belum diatur\. Isi SIASN_CONSUMER_KEY/);
  }, 60_000);
});
