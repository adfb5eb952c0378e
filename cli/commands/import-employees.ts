import type { Command } from 'commander';
import { cliActor } from '../../core/auth/actor.js';
import type { Runtime } from '../../core/runtime.js';
import type { EmployeeRecord } from '../../core/records/employee.js';
import { findColumn, readEmployeeFile, validateEmployeeRows, type RowProblem, type ValidRow } from '../../core/records/import/index.js';
import { findAgencyByCode } from '../../core/records/agencies.js';
import { saveEmployees, type SaveSummary } from '../../core/records/save-employees.js';
import { action, withRuntime } from '../cli-runtime.js';
import { progressBar } from '../progress.js';

interface ImportOptions {
  dryRun?: boolean;
  skipInvalid?: boolean;
  agency?: string;
}

export interface ImportReport {
  rows: number;
  problems: RowProblem[];
  imported: SaveSummary | null;
  newRecords: number;
  existingRecords: number;
}

/** Reads, validates and (unless dry-run or invalid) saves an employee file. Used by the CLI and the benchmark. */
export async function importEmployeeFile(runtime: Runtime, path: string, options: ImportOptions): Promise<ImportReport> {
  const { rowCount, headers, valid, problems } = await readAndValidate(path);
  const presentFields = new Set(
    headers.map((h) => findColumn(h)?.field).filter((f): f is keyof EmployeeRecord => f !== undefined && f !== 'agencyCode'),
  );
  const defaultAgency = options.agency ?? runtime.settings.defaultAgencyCode;

  // Rows naming an agency that is not registered are problems too: a typo must not create a new agency.
  const agencyIds = new Map<string, string>();
  const placed: Array<ValidRow & { agencyId: string }> = [];
  for (const row of valid) {
    const code = row.agencyCode ?? defaultAgency;
    if (!agencyIds.has(code)) {
      const agency = await findAgencyByCode(runtime.db, code);
      if (agency) agencyIds.set(code, agency.id);
    }
    const agencyId = agencyIds.get(code);
    if (agencyId) placed.push({ ...row, agencyId });
    else problems.push({ rowNumber: row.rowNumber, column: 'instansi', reason: `instansi ${code} belum terdaftar (npx layani agency add ${code} "<nama>")` });
  }
  problems.sort((a, b) => a.rowNumber - b.rowNumber);
  const badRows = new Set(problems.map((p) => p.rowNumber));
  const good = placed.filter((row) => !badRows.has(row.rowNumber));

  let existing = 0;
  // In chunks: databases cap the number of bound parameters in one query.
  for (let start = 0; start < good.length; start += 500) {
    const nips = good.slice(start, start + 500).map((r) => r.record.nip);
    existing += await runtime.db.employee.count({ where: { nip: { in: nips } } });
  }
  const report: ImportReport = { rows: rowCount, problems, imported: null, newRecords: good.length - existing, existingRecords: existing };
  if (options.dryRun || (problems.length > 0 && !options.skipInvalid)) return report;

  const byAgency = new Map<string, typeof good>();
  for (const row of good) byAgency.set(row.agencyId, [...(byAgency.get(row.agencyId) ?? []), row]);
  const bar = progressBar(good.length, 'Mengimpor');
  const total: SaveSummary = { created: 0, updated: 0, unchanged: 0 };
  let doneBefore = 0;
  for (const [agencyId, rows] of byAgency) {
    const summary = await saveEmployees(runtime.db, cliActor, agencyId, rows.map((r) => r.record), (done) => bar.update(doneBefore + done), presentFields);
    doneBefore += rows.length;
    total.created += summary.created;
    total.updated += summary.updated;
    total.unchanged += summary.unchanged;
  }
  bar.stop();
  report.imported = total;
  return report;
}

/** Kept apart so the raw cells can be garbage-collected before the records are saved. */
async function readAndValidate(path: string) {
  const sheet = await readEmployeeFile(path);
  return { rowCount: sheet.rows.length, headers: sheet.headers, ...validateEmployeeRows(sheet.rows) };
}

function printProblems(problems: RowProblem[]): void {
  for (const p of problems) console.log(`Baris ${p.rowNumber}, kolom ${p.column}: ${p.reason}`);
}

export function registerImport(program: Command): void {
  program
    .command('import')
    .description('Import or update employees from an .xlsx or .csv file in the template\'s columns (npx layani template)')
    .argument('<file>', 'pegawai.xlsx or pegawai.csv')
    .option('--dry-run', 'check every row and report problems; change nothing')
    .option('--skip-invalid', 'import the valid rows even when some rows are bad')
    .option('--agency <code>', 'agency for rows without an instansi column (default: DEFAULT_AGENCY_CODE)')
    .action(
      action(async (file: string, options: ImportOptions) => {
      await withRuntime(async (runtime) => {
        const report = await importEmployeeFile(runtime, file, options);
        const badRows = new Set(report.problems.map((p) => p.rowNumber)).size;
        printProblems(report.problems);
        if (report.problems.length > 0) console.log('');
        console.log(`${report.rows} baris dibaca: ${report.rows - badRows} valid, ${badRows} bermasalah.`);
        if (options.dryRun) {
          console.log(`Uji coba (--dry-run): ${report.newRecords} pegawai baru, ${report.existingRecords} sudah ada. Tidak ada yang diubah.`);
          if (badRows > 0) process.exitCode = 1;
          return;
        }
        if (!report.imported) {
          console.log('Tidak ada yang diimpor karena ada baris bermasalah. Perbaiki barisnya, atau jalankan lagi dengan --skip-invalid untuk mengimpor baris yang valid saja.');
          process.exitCode = 1;
          return;
        }
        const { created, updated, unchanged } = report.imported;
        console.log(`Selesai: ${created} ditambahkan, ${updated} diperbarui, ${unchanged} tidak berubah${badRows ? `, ${badRows} baris dilewati` : ''}.`);
      });
      }),
    );
}
