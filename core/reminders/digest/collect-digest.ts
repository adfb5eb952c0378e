import { computeCareerDates, type PensionUrgency, type RecordProblemCode } from '../../career/index.js';
import { addDays, addMonths, firstOfMonth, isBefore, todayInJakarta, type CalendarDate } from '../../dates/calendar-date.js';
import { firstEligibleKpPeriod } from '../career-stages.js';
import type { ReminderKind } from '../reminder-kinds.js';
import type { ReminderEnv } from '../reminder-pass.js';
import { loadRoster, type RosterEntry } from '../roster.js';
import { latestSiasnSyncSince, type SiasnSyncDigest } from '../../siasn/sync-digest.js';
import { countFaqRatings, type FaqRatingCount } from '../../faq/ratings.js';

export interface DigestPerson {
  name: string;
  unit: string;
}

/** A reminder that reached the digest instead of a chat. */
export interface UndeliveredReminder extends DigestPerson {
  kind: ReminderKind;
  eventOn: CalendarDate;
  reason: 'unlinked' | 'blocked';
}

/** What the HR digest reports for one agency on one morning. */
export interface Digest {
  date: CalendarDate;
  weekly: boolean;
  /** KGB, KP windows and (daily) pensions up to this day. */
  horizonEnd: CalendarDate;
  pensionHorizonEnd: CalendarDate;
  kgbDue: Array<DigestPerson & { on: CalendarDate }>;
  kpWindows: Array<DigestPerson & { period: CalendarDate; opens: CalendarDate; closes: CalendarDate }>;
  /** Eligible for a regular KP since before their first period's window closed: can be proposed any month. */
  kpWaiting: number;
  /** PNS pensions and PPPK agreements ending (pppk), with how late the pension proposal is. */
  pensions: Array<DigestPerson & { tmt: CalendarDate; pppk: boolean; urgency: PensionUrgency }>;
  /** One row per missed KGB: a run of missed KGBs is several KGBs to process. */
  overdueKgb: Array<DigestPerson & { on: CalendarDate }>;
  pastPension: Array<DigestPerson & { tmt: CalendarDate; pppk: boolean }>;
  problems: Array<DigestPerson & { code: RecordProblemCode; message: string }>;
  undelivered: UndeliveredReminder[];
  /** Deadline and custom reminders that reached the digest, by title (these go to many people at once). */
  undeliveredGroups: Array<{ kind: 'tenggat' | 'khusus'; title: string; count: number }>;
  activeCount: number;
  unlinkedCount: number;
  /** The nightly SIASN sync since the previous digest; null when none ran (or SIASN is off). */
  siasnSync?: SiasnSyncDigest | null;
  /** 👍/👎 on FAQ answers since the previous digest, per document, the most distrusted first. */
  faqRatings: FaqRatingCount[];
}

/** Horizons: the daily edition looks at this month and next; the weekly one further, and a year ahead for pensions. */
export const digestHorizons = {
  daily: { months: 1, pensionMonths: 1 },
  weekly: { months: 3, pensionMonths: 12 },
} as const;

const endOfMonthAfter = (date: CalendarDate, months: number) => addDays(addMonths(firstOfMonth(date), months + 1), -1);
/** By date, then by name: the same order every morning. */
const byDate =
  <T extends DigestPerson>(pick: (item: T) => CalendarDate) =>
  (a: T, b: T) =>
    pick(a) < pick(b) ? -1 : pick(a) > pick(b) ? 1 : a.name.localeCompare(b.name, 'id');
/** Problems the digest already shows in its own sections. */
const overdueCodes = new Set<RecordProblemCode>(['kgb-overdue', 'active-after-pension', 'pension-proposal-late']);

/**
 * Everything the digest says, from the current records and the occurrences routed to the digest since `since`
 * (the previous digest). Reads the whole agency once.
 */
export async function collectDigest(env: ReminderEnv, agencyId: string, now: Date, options: { weekly: boolean; since: Date }): Promise<Digest> {
  const date = todayInJakarta(now);
  const horizon = options.weekly ? digestHorizons.weekly : digestHorizons.daily;
  const horizonEnd = endOfMonthAfter(date, horizon.months);
  const pensionHorizonEnd = endOfMonthAfter(date, horizon.pensionMonths);
  const roster = await loadRoster(env.db, agencyId);
  const digest: Digest = {
    date, weekly: options.weekly, horizonEnd, pensionHorizonEnd,
    kgbDue: [], kpWindows: [], kpWaiting: 0, pensions: [], overdueKgb: [], pastPension: [], problems: [],
    undelivered: [], undeliveredGroups: [], faqRatings: [],
    activeCount: roster.length,
    unlinkedCount: roster.filter((e) => !e.chat).length,
  };
  for (const entry of roster) {
    const person = personOf(entry);
    const { kgb, promotion, pension, problems } = computeCareerDates(entry.record, date, env.careerRules);
    const pppk = pension.kind === 'akhir-perjanjian';
    if (pension.alreadyPast) digest.pastPension.push({ ...person, tmt: pension.tmtPension, pppk });
    // An urgent or critical proposal (under 6 months, under 1 month to TMT) is listed whatever the horizon, every
    // day: it is the alarm the pension section is for. The weekly edition's year-long horizon covers the rest.
    else if (pension.tmtPension <= pensionHorizonEnd || pension.urgency === 'urgent' || pension.urgency === 'critical') {
      digest.pensions.push({ ...person, tmt: pension.tmtPension, pppk, urgency: pension.urgency });
    }
    if (kgb.overdue) for (const on of kgb.missed) digest.overdueKgb.push({ ...person, on });
    else if (kgb.nextDate && kgb.nextDate <= horizonEnd) digest.kgbDue.push({ ...person, on: kgb.nextDate });
    if (promotion.eligible && promotion.eligibleFrom && !pension.alreadyPast) {
      const first = firstEligibleKpPeriod(promotion.eligibleFrom, env.careerRules);
      if (first && isBefore(first.closes, date)) digest.kpWaiting += 1;
      else if (first && first.opens <= horizonEnd) digest.kpWindows.push({ ...person, ...first });
    }
    for (const problem of problems) {
      if (!overdueCodes.has(problem.code)) digest.problems.push({ ...person, code: problem.code, message: problem.message });
    }
  }
  digest.kgbDue.sort(byDate((x) => x.on));
  digest.kpWindows.sort(byDate((x) => x.opens));
  digest.pensions.sort(byDate((x) => x.tmt));
  digest.overdueKgb.sort(byDate((x) => x.on));
  digest.pastPension.sort(byDate((x) => x.tmt));
  await addUndelivered(env, agencyId, options.since, roster, digest);
  digest.siasnSync = await latestSiasnSyncSince(env.db, options.since);
  digest.faqRatings = await countFaqRatings(env.db, { agencyId, from: options.since, to: now });
  return digest;
}

function personOf(entry: RosterEntry): DigestPerson {
  return { name: entry.record.name, unit: entry.record.unit };
}

async function addUndelivered(env: ReminderEnv, agencyId: string, since: Date, roster: RosterEntry[], digest: Digest): Promise<void> {
  const occurrences = await env.db.reminderOccurrence.findMany({
    where: { agencyId, route: 'digest', createdAt: { gt: since } },
    orderBy: [{ eventOn: 'asc' }, { createdAt: 'asc' }],
  });
  if (occurrences.length === 0) return;
  const byId = new Map(roster.map((entry) => [entry.id, entry]));
  const groups = new Map<string, { kind: 'tenggat' | 'khusus'; sourceId: string; count: number }>();
  for (const occurrence of occurrences) {
    const kind = occurrence.kind as ReminderKind;
    // Someone deactivated since is not HR's to chase any more.
    const entry = byId.get(occurrence.employeeId);
    if (!entry) continue;
    if (kind === 'tenggat' || kind === 'khusus') {
      const sourceId = occurrence.key.split(':')[1] ?? '';
      const group = groups.get(`${kind}:${sourceId}`) ?? { kind, sourceId, count: 0 };
      group.count += 1;
      groups.set(`${kind}:${sourceId}`, group);
      continue;
    }
    digest.undelivered.push({ ...personOf(entry), kind, eventOn: occurrence.eventOn, reason: entry.chat?.blocked ? 'blocked' : 'unlinked' });
  }
  const ids = (kind: string) => [...groups.values()].filter((g) => g.kind === kind).map((g) => g.sourceId);
  const [deadlines, customs] = await Promise.all([
    env.db.yearlyDeadline.findMany({ where: { id: { in: ids('tenggat') } }, select: { id: true, title: true } }),
    env.db.customReminder.findMany({ where: { id: { in: ids('khusus') } }, select: { id: true, title: true } }),
  ]);
  const titles = new Map([...deadlines, ...customs].map((row) => [row.id, row.title]));
  digest.undeliveredGroups = [...groups.values()].map((g) => ({ kind: g.kind, title: titles.get(g.sourceId) ?? '(dihapus)', count: g.count }));
}
