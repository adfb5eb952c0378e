import type { Command } from 'commander';
import { careerRulesFrom, careerSettingsOf, computeCareerDates, type CareerDates } from '../../core/career/index.js';
import { loadConfig } from '../../core/config/load-config.js';
import { isCalendarDate, todayInJakarta } from '../../core/dates/calendar-date.js';
import type { EmployeeRecord } from '../../core/records/employee.js';
import { toEmployeeRecord } from '../../core/records/employee-row.js';
import { careerSummaryLines } from '../../core/records/career-summary.js';
import { readEmployeeFile, validateEmployeeRows, type RowProblem } from '../../core/records/import/index.js';
import { pangkatName } from '../../core/records/pangkat.js';
import { action, withRuntime } from '../cli-runtime.js';

interface CareerOptions {
  json?: boolean;
  asOf?: string;
}

interface CareerEntry {
  rowNumber: number | null;
  record: EmployeeRecord;
  dates: CareerDates;
}

async function recordsFromFile(file: string): Promise<{ entries: Array<{ rowNumber: number | null; record: EmployeeRecord }>; problems: RowProblem[] }> {
  const sheet = await readEmployeeFile(file);
  // Record problems (a NIP that disagrees with the birth date, …) are part of the audit's output, not a reason to skip.
  const { valid, problems } = validateEmployeeRows(sheet.rows, { checkNipConsistency: false });
  return { entries: valid.map((row) => ({ rowNumber: row.rowNumber, record: row.record })), problems };
}

async function recordsFromDatabase(): Promise<Array<{ rowNumber: null; record: EmployeeRecord }>> {
  return withRuntime(async ({ db }) => {
    const rows = await db.employee.findMany({ where: { active: true }, orderBy: { nip: 'asc' } });
    return rows.map((row) => ({ rowNumber: null, record: toEmployeeRecord(row) }));
  });
}

function printEntry(entry: CareerEntry): void {
  const { record, dates } = entry;
  const where = entry.rowNumber === null ? '' : ` (baris ${entry.rowNumber})`;
  const rank = pangkatName(record.golongan);
  console.log(`${record.name} — NIP ${record.nip}${where}`);
  console.log(`  ${record.golongan}${rank ? ` ${rank}` : ''}, ${record.positionName}, ${record.unit}`);
  for (const line of careerSummaryLines(dates)) console.log(`  ${line}`);
  for (const problem of dates.problems) console.log(`  ⚠ ${problem.message}`);
  console.log('');
}

export function registerCareer(program: Command): void {
  program
    .command('career')
    .description('Audit career dates (next KGB, KP period and window, pension) and record problems for each employee')
    .argument('[file]', '.xlsx or .csv in the import template\'s columns; without it, every active employee in the database')
    .option('--json', 'print JSON instead of text')
    .option('--as-of <date>', 'compute as of this date (YYYY-MM-DD, default today in WIB)')
    .action(
      action(async (file: string | undefined, options: CareerOptions) => {
      const asOf = options.asOf ?? todayInJakarta(new Date());
      if (!isCalendarDate(asOf)) throw new Error(`--as-of "${asOf}" bukan tanggal YYYY-MM-DD yang valid`);
      const source = file ? await recordsFromFile(file) : { entries: await recordsFromDatabase(), problems: [] as RowProblem[] };
      // The same rules the running app uses: the CAREER_* settings of .env on top of the defaults.
      const rules = careerRulesFrom(careerSettingsOf(loadConfig()));
      const entries: CareerEntry[] = source.entries.map((e) => ({ ...e, dates: computeCareerDates(e.record, asOf, rules) }));
      if (options.json) {
        const output = entries.map((e) => ({ rowNumber: e.rowNumber, nip: e.record.nip, name: e.record.name, ...e.dates }));
        console.log(JSON.stringify({ asOf, employees: output, unreadableRows: source.problems }, null, 2));
        return;
      }
      console.log(`Audit tanggal karier per ${asOf} — ${entries.length} pegawai\n`);
      for (const entry of entries) printEntry(entry);
      if (source.problems.length > 0) {
        console.log('Baris yang tidak dapat dihitung:');
        for (const p of source.problems) console.log(`  Baris ${p.rowNumber}, kolom ${p.column}: ${p.reason}`);
      }
      const withProblems = entries.filter((e) => e.dates.problems.length > 0).length;
      console.log(`Ringkasan: ${entries.length} pegawai, ${withProblems} dengan masalah data, ${source.problems.length} masalah baris.`);
      }),
    );
}
