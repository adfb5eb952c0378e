import { TRPCError } from '@trpc/server';
import { todayInJakarta } from '../dates/calendar-date.js';
import { enqueue, notifyEnqueued } from '../outbox/enqueue.js';
import { dailyPassOpen } from '../reminders/reminder-schedule.js';
import { defaultReminderRules } from '../reminders/reminder-rules.js';
import type { Runtime } from '../runtime.js';
import { onceInTransaction } from '../scheduling/once-in-transaction.js';
import type { ScheduledWork } from '../scheduling/scheduler.js';
import type { CoreContext } from '../trpc/context.js';
import { collectServiceReport } from './collect-report.js';
import { lastCompleteMonth, type ReportMonth } from './report-month.js';
import type { ServiceReport } from './report-schema.js';
import { reportEnvOf, reportScope } from './report-service.js';

export const monthlyReportJob = 'service-report';

/** The HR leads' (confidential) channel of an agency's desk, as the rest of LAYANI finds it. */
export function leadsChannelOf(ctx: Pick<CoreContext, 'settings'>, agencyId: string): Promise<string | null> {
  return ctx.settings.agencies.channelFor(agencyId, 'serviceReport');
}

/**
 * `/layani laporan [bulan]`: the agency's report for the month is collected now and queued for the HR leads'
 * channel, where it appears with its charts, PDF and CSV.
 */
export async function postServiceReport(ctx: CoreContext, input: { month: ReportMonth; agencyCode?: string }): Promise<{ report: ServiceReport; slackChannel: string }> {
  const scope = await reportScope(ctx, { agencyCode: input.agencyCode });
  const slackChannel = await leadsChannelOf(ctx, scope.agencies[0]!.id);
  if (!slackChannel) {
    throw new TRPCError({
      code: 'PRECONDITION_FAILED',
      message: 'Kanal pimpinan kepegawaian belum diatur: isi SLACK_CONFIDENTIAL_CHANNEL lalu coba lagi. / The HR leads\' channel is not configured (SLACK_CONFIDENTIAL_CHANNEL).',
    });
  }
  const report = await collectServiceReport(reportEnvOf(ctx), scope, input.month);
  await enqueue(ctx.db, { channel: 'slack', kind: 'slack.serviceReport', slackChannel, report });
  notifyEnqueued();
  ctx.log.info({ agencyId: scope.agencies[0]!.id, month: input.month }, 'service report queued on request');
  return { report, slackChannel };
}

/** Whether `date` is the first business day of its month (holidays and cuti bersama skipped). */
export function isFirstBusinessDayOfMonth(runtime: Pick<Runtime, 'settings'>, date: string): boolean {
  const calendar = runtime.settings.businessCalendar;
  if (!calendar.isBusinessDay(date)) return false;
  for (let day = 1; day < Number(date.slice(8, 10)); day++) {
    if (calendar.isBusinessDay(`${date.slice(0, 8)}${String(day).padStart(2, '0')}`)) return false;
  }
  return true;
}

/**
 * On the first business day of each month, from 07.30 WIB, last month's report goes to each agency's HR leads'
 * channel, once: the JobRun row and the outbox message commit together, whatever instances or restarts.
 */
export const monthlyReportWork: ScheduledWork = {
  name: 'reports.monthly',
  async run(runtime, now) {
    const calendar = runtime.settings.businessCalendar;
    if (!dailyPassOpen(calendar, now, defaultReminderRules) || !isFirstBusinessDayOfMonth(runtime, todayInJakarta(now))) return;
    const month = lastCompleteMonth(now);
    for (const agency of await runtime.db.agency.findMany({ select: { id: true, code: true, name: true } })) {
      const slackChannel = await leadsChannelOf(runtime, agency.id);
      if (!slackChannel) continue;
      const runKey = `${agency.id}:${month}`;
      if (await runtime.db.jobRun.findUnique({ where: { job_runKey: { job: monthlyReportJob, runKey } } })) continue;
      const report = await collectServiceReport({ db: runtime.db, calendar, now }, { kind: 'agency', agencies: [agency], title: agency.name }, month);
      const queued = await onceInTransaction(runtime.db, monthlyReportJob, runKey, (tx) =>
        enqueue(tx, { channel: 'slack', kind: 'slack.serviceReport', slackChannel, report }),
      );
      if (queued !== null) {
        notifyEnqueued();
        runtime.log.info({ agencyId: agency.id, month }, 'monthly service report queued');
      }
    }
  },
};
