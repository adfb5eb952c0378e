import { isCalendarDate, todayInJakarta } from '../dates/calendar-date.js';
import type { Runtime } from '../runtime.js';
import { claimJobRun } from '../scheduling/job-run.js';
import { runReminderPass, type PassSummary } from './reminder-pass.js';
import { reminderPassJob } from './reminder-works.js';

export interface OperatorPassOptions {
  /** The day to plan for (YYYY-MM-DD, WIB); today when not given. */
  asOf?: string;
  /** Count what would be sent; record and send nothing. */
  dryRun: boolean;
  /** One agency by code; every agency when not given. */
  agencyCode?: string;
}

export interface OperatorPassResult {
  asOf: string;
  agencies: Array<{ code: string; name: string; summary: PassSummary }>;
}

/**
 * The daily reminder pass run by an operator (`layani reminders run`), e.g. after importing a staff file, after a
 * day the server was down, or as a dry run to see what tomorrow sends. The same pass as the scheduler's: an
 * occurrence already sent is never sent again, so running it more than once is harmless. A real run for today
 * marks the day's pass done, so the HR digest follows it as it would the scheduled pass.
 */
export async function runRemindersAsOperator(runtime: Runtime, options: OperatorPassOptions): Promise<OperatorPassResult> {
  const today = todayInJakarta(runtime.clock.now());
  const asOf = options.asOf ?? today;
  if (!isCalendarDate(asOf)) throw new Error(`--as-of "${asOf}" bukan tanggal; tulis YYYY-MM-DD, misalnya 2027-01-04`);
  // Another day is planned as at the start of its reminder pass (07:30 WIB).
  const now = asOf === today ? runtime.clock.now() : new Date(`${asOf}T07:30:00+07:00`);
  const agencies = await runtime.db.agency.findMany({
    where: options.agencyCode ? { code: options.agencyCode } : {},
    select: { id: true, code: true, name: true },
    orderBy: { code: 'asc' },
  });
  if (options.agencyCode && agencies.length === 0) throw new Error(`instansi ${options.agencyCode} tidak ada; lihat daftar dengan: layani agency list`);
  const env = { db: runtime.db, careerRules: runtime.settings.careerRules, log: runtime.log };
  const results: OperatorPassResult['agencies'] = [];
  for (const agency of agencies) {
    const summary = await runReminderPass(env, agency.id, now, undefined, { dryRun: options.dryRun });
    if (!options.dryRun && asOf === today) await claimJobRun(runtime.db, reminderPassJob, `${agency.id}:${today}`, now);
    results.push({ code: agency.code, name: agency.name, summary });
  }
  return { asOf, agencies: results };
}
