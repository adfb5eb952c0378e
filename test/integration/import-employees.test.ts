import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importEmployeeFile } from '../../cli/commands/import-employees.js';
import { employeesCsv, generateEmployees } from '../support/generate-employees.js';
import { testDatabaseKinds } from '../support/test-databases.js';
import { createTestRuntime, type TestRuntime } from '../support/test-runtime.js';

const dir = mkdtempSync(join(tmpdir(), 'layani-import-'));
function file(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

describe.each(testDatabaseKinds)('employee import on %s', (kind) => {
  let rt: TestRuntime;
  const people = generateEmployees(30, 7);
  beforeAll(async () => {
    rt = await createTestRuntime(kind);
  });
  afterAll(async () => rt?.stop());

  it('checks a file in a dry run and changes nothing', async () => {
    const report = await importEmployeeFile(rt, file('ok.csv', employeesCsv(people)), { dryRun: true });
    expect(report.problems).toEqual([]);
    expect(report.newRecords).toBe(30);
    expect(report.imported).toBeNull();
    expect(await rt.db.employee.count()).toBe(0);
  });

  it('imports nothing from a file with bad rows, reporting each row, column and reason', async () => {
    const lines = employeesCsv(people.slice(0, 3)).trimEnd().split('\n');
    lines[2] = lines[2]!.replace(people[1]!.birthDate, '1990-02-30');
    lines[3] = lines[3]!.replace(',PNS,', ',ASN,');
    const report = await importEmployeeFile(rt, file('bad.csv', lines.join('\n')), {});
    expect(report.imported).toBeNull();
    expect(report.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ rowNumber: 3, column: 'tanggal_lahir' }),
        expect.objectContaining({ rowNumber: 4, column: 'jenis_pegawai' }),
      ]),
    );
    expect(report.problems.every((p) => p.reason.length > 0)).toBe(true);
    expect(await rt.db.employee.count()).toBe(0);

    const partial = await importEmployeeFile(rt, file('bad.csv', lines.join('\n')), { skipInvalid: true });
    expect(partial.imported).toEqual({ created: 1, updated: 0, unchanged: 0 });
    await rt.db.employee.deleteMany();
  });

  it('imports, then updates by NIP on re-import, auditing each change', async () => {
    const first = await importEmployeeFile(rt, file('all.csv', employeesCsv(people)), {});
    expect(first.imported).toEqual({ created: 30, updated: 0, unchanged: 0 });
    const promoted = people.map((p, i) => (i < 5 ? { ...p, unit: 'Bidang Baru' } : p));
    const second = await importEmployeeFile(rt, file('all2.csv', employeesCsv(promoted)), {});
    expect(second.imported).toEqual({ created: 0, updated: 5, unchanged: 25 });
    expect(await rt.db.employee.count({ where: { unit: 'Bidang Baru' } })).toBe(5);
    expect(await rt.db.auditLog.count({ where: { action: 'employee.update' } })).toBe(5);
  });

  it('rejects rows for an agency that is not registered', async () => {
    const csv = employeesCsv(people.slice(0, 1)).replace('aktif\n', 'aktif,instansi\n').trimEnd() + ',DINASX\n';
    const report = await importEmployeeFile(rt, file('agency.csv', csv), {});
    expect(report.problems).toEqual([expect.objectContaining({ rowNumber: 2, column: 'instansi' })]);
  });
});

describe('layani command', () => {
  it.each(['import', 'template', 'career', 'link-code', 'token', 'role', 'agency', 'migrate'])('%s has --help', (command) => {
    const out = execFileSync('node', ['bin/layani.js', command, '--help'], { encoding: 'utf8' });
    expect(out).toMatch(new RegExp(`Usage: layani ${command}`));
  });
});

describe.each(testDatabaseKinds)('re-import with fewer columns on %s', (kind) => {
  it('keeps stored values of columns the file does not have', async () => {
    const rt = await createTestRuntime(kind);
    try {
      const [person] = generateEmployees(1, 11);
      await importEmployeeFile(rt, file('full.csv', employeesCsv([person!])), {});
      const full = employeesCsv([{ ...person!, unit: 'Unit Baru' }]).trimEnd().split('\n').map((line) => line.split(','));
      const keep = full[0]!.map((header, i) => (header === 'telepon' ? -1 : i)).filter((i) => i >= 0);
      const withoutPhone = full.map((cells) => keep.map((i) => cells[i]).join(',')).join('\n');
      const report = await importEmployeeFile(rt, file('nophone.csv', withoutPhone), {});
      expect(report.imported).toEqual({ created: 0, updated: 1, unchanged: 0 });
      const stored = await rt.db.employee.findUniqueOrThrow({ where: { nip: person!.nip } });
      expect(stored.unit).toBe('Unit Baru');
      expect(stored.phone).not.toBeNull();
    } finally {
      await rt.stop();
    }
  });
});
