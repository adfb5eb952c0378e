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
  const now = ctx.clock.now();
  if (!dailyPassOpen(ctx.settings.businessCalendar, now, defaultReminderRules)) return;
  try {
    const row = await ctx.db.employee.findUnique({ where: { id: employeeId }, select: { agencyId: true, active: true } });
    if (!row?.active) return;
    await runReminderPass({ db: ctx.db, careerRules: ctx.settings.careerRules, log: ctx.log }, row.agencyId, now, [employeeId]);
  } catch (error) {
    // First line only: a database error can quote the row it was writing.
    const reason = String((error as Error).message ?? error).split('\n')[0]!.slice(0, 200);
    ctx.log.error({ employeeId, reason }, 'reminders not recomputed after a record change; the next daily pass will');
  }
}
