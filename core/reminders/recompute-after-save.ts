import type { CoreContext } from '../trpc/context.js';
import { runReminderPass } from './reminder-pass.js';
import { defaultReminderRules } from './reminder-rules.js';
import { dailyPassOpen } from './reminder-schedule.js';

/**
 * After HR saves a record, plans that employee's reminders again at once, so a corrected date (a new TMT) brings
 * its reminder today rather than at tomorrow's pass. Outside the pass's hours it leaves the work to the next pass.
 * A failure here is logged and never undoes the save.
 */
export async function recomputeRemindersAfterSave(ctx: CoreContext, employeeId: string): Promise<void> {
  await recomputeRemindersForEmployees(ctx, [employeeId]);
}

/** The same for several employees at once (a SIASN sync's changed records), one pass per agency. */
export async function recomputeRemindersForEmployees(ctx: CoreContext, employeeIds: readonly string[]): Promise<void> {
  const now = ctx.clock.now();
  if (employeeIds.length === 0 || !dailyPassOpen(ctx.settings.businessCalendar, now, defaultReminderRules)) return;
  try {
    const rows = await ctx.db.employee.findMany({ where: { id: { in: [...employeeIds] }, active: true }, select: { id: true, agencyId: true } });
    const byAgency = new Map<string, string[]>();
    for (const row of rows) byAgency.set(row.agencyId, [...(byAgency.get(row.agencyId) ?? []), row.id]);
    for (const [agencyId, ids] of byAgency) {
      await runReminderPass({ db: ctx.db, careerRules: ctx.settings.careerRules, log: ctx.log }, agencyId, now, ids);
    }
  } catch (error) {
    // First line only: a database error can quote the row it was writing.
    const reason = String((error as Error).message ?? error).split('\n')[0]!.slice(0, 200);
    ctx.log.error({ employees: employeeIds.length, reason }, 'reminders not recomputed after a record change; the next daily pass will');
  }
}
