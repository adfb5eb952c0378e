import { audienceMatcher } from '../audience/audience-matcher.js';
import { audienceSchema } from '../audience/audience.js';
import { computeCareerDates } from '../career/index.js';
import { todayOf } from '../clock/clock.js';
import { addDays, todayInJakarta, type CalendarDate } from '../dates/calendar-date.js';
import { ownEmployee } from '../records/employee-access.js';
import type { CoreContext } from '../trpc/context.js';
import { occurrencesBetween, type RepeatKind } from './custom-occurrences.js';
import { upcomingStages } from './due-stages.js';
import type { Lang } from './format-date.js';
import { agencyForHr } from './hr-agency.js';
import { employeeStages, planDeadline } from './plan-reminders.js';
import { reminderKinds, type ReminderKind, type ReminderRoute } from './reminder-kinds.js';
import { stageLabel } from './reminder-labels.js';
import type { ReminderEnv } from './reminder-pass.js';
import { defaultReminderRules } from './reminder-rules.js';
import { loadRoster, routeFor, type RosterEntry } from './roster.js';
import { loadActiveDeadlines } from './yearly-deadlines.js';

export interface UpcomingReminder {
  kind: ReminderKind;
  /** The day it is planned to go out (custom reminders: their day in WIB). */
  on: CalendarDate;
  label: string;
}

export const reminderEnvOf = (ctx: CoreContext): ReminderEnv => ({ db: ctx.db, careerRules: ctx.settings.careerRules, log: ctx.log });

/** Career and deadline stages still to come for each roster entry, between tomorrow and `until`. */
async function upcomingFor(ctx: CoreContext, agencyId: string, roster: RosterEntry[], until: CalendarDate) {
  const today = todayOf(ctx.clock);
  const deadlines = (await loadActiveDeadlines(ctx.db, agencyId, ctx.log)).map((d) => planDeadline(d, audienceMatcher(d.audience), today));
  return roster.map((entry) => {
    const dates = computeCareerDates(entry.record, today, ctx.settings.careerRules);
    const stages = upcomingStages(employeeStages(entry.record, dates, deadlines, ctx.settings.careerRules, defaultReminderRules), today, until);
    return { entry, stages, retired: dates.pension.alreadyPast };
  });
}

/** A staff member's own reminders: the types they muted and what is coming in the next year. */
export async function myReminders(ctx: CoreContext, lang: Lang) {
  const employee = await ownEmployee(ctx);
  const now = ctx.clock.now();
  const until = addDays(todayOf(ctx.clock), 366);
  const roster = await loadRoster(ctx.db, employee.agencyId, [employee.id]);
  const [mine] = await upcomingFor(ctx, employee.agencyId, roster, until);
  const upcoming: UpcomingReminder[] = (mine?.stages ?? []).map((stage) => ({ kind: stage.kind, on: stage.firesOn, label: stageLabel(stage, lang) }));
  // Custom reminders skip whoever's TMT pensiun has come, as the sending pass does.
  if (mine && !mine.retired) {
    const customs = await ctx.db.customReminder.findMany({ where: { agencyId: employee.agencyId, active: true } });
    for (const reminder of customs) {
      if (!audienceMatcher(audienceSchema.parse(JSON.parse(reminder.audience)))(mine.entry.record)) continue;
      const schedule = { ...reminder, repeat: reminder.repeat as RepeatKind };
      for (const at of occurrencesBetween(schedule, now, new Date(now.getTime() + 366 * 86_400_000), 3)) {
        upcoming.push({ kind: 'khusus', on: todayInJakarta(at), label: reminder.title });
      }
    }
  }
  upcoming.sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
  const muted = reminderKinds.filter((kind) => roster[0]?.muted.has(kind));
  return { muted, upcoming };
}

export async function setReminderMuted(ctx: CoreContext, kind: ReminderKind, muted: boolean) {
  const employee = await ownEmployee(ctx);
  if (muted) {
    await ctx.db.reminderMute.upsert({
      where: { employeeId_kind: { employeeId: employee.id, kind } },
      create: { employeeId: employee.id, kind },
      update: {},
    });
  } else {
    await ctx.db.reminderMute.deleteMany({ where: { employeeId: employee.id, kind } });
  }
  return { kind, muted };
}

/** For HR: who gets which career or deadline reminder in the next `days` days, and where it will go. */
export async function upcomingForAgency(ctx: CoreContext, input: { days: number; limit: number; agencyCode?: string }) {
  const agency = await agencyForHr(ctx, input.agencyCode, 'read');
  const until = addDays(todayOf(ctx.clock), input.days);
  const roster = await loadRoster(ctx.db, agency.id);
  const items = (await upcomingFor(ctx, agency.id, roster, until)).flatMap(({ entry, stages }) =>
    stages.map((stage) => ({
      on: stage.firesOn,
      kind: stage.kind,
      label: stageLabel(stage, 'id'),
      employee: { name: entry.record.name, unit: entry.record.unit, nip: entry.record.nip },
      route: routeFor(entry, stage.kind, false) as Exclude<ReminderRoute, 'superseded'>,
    })),
  );
  items.sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : a.employee.name.localeCompare(b.employee.name, 'id')));
  return { total: items.length, items: items.slice(0, input.limit) };
}
