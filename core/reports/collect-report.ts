import type { BusinessCalendar } from '../calendar/business-calendar.js';
import type { Db } from '../db/client.js';
import { directSql } from '../db/direct-sql.js';
import { feedbackKinds } from '../feedback/feedback-service.js';
import { faqOutcomes } from '../faq/outcome-counts.js';
import { reminderKindLabels, reminderKinds } from '../reminders/reminder-kinds.js';
import { computeSkm, type SkmScores } from '../survey/skm-index.js';
import { ticketCategories } from '../tickets/categories.js';
import { ticketChannelLabels } from '../tickets/ticket-channel.js';
import { unhelpfulFaqDocuments } from './faq-ratings-source.js';
import { monthWindow, previousMonth, type MonthWindow, type ReportMonth } from './report-month.js';
import type { ServiceReport, SlaFigures } from './report-schema.js';
import { byGroupName, otherGroup, reportingGroups, smallGroupThreshold } from './small-groups.js';

/** Whose figures: one agency, or the province roll-up over several. */
export interface ReportScope {
  kind: 'agency' | 'province';
  agencies: Array<{ id: string; code: string; name: string }>;
  title: string;
}

export interface ReportEnv {
  db: Db;
  calendar: BusinessCalendar;
  now: Date;
}

const feedbackLabels: Record<string, string> = { masukan: 'Masukan', keluhan: 'Keluhan', kritik: 'Kritik' };
const openStatuses = new Set(['baru', 'ditangani', 'menunggu_pegawai']);

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Nearest-rank percentile: the smallest value with at least `p` of the values at or below it. */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)]!;
}

const round1 = (value: number | null) => (value === null ? null : Math.round(value * 10) / 10);
const share = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 1000) / 10 : null);

/**
 * One SLA target over the month's tickets, measured at the cut-off: done before its due time = met; done after, or
 * not done while the due time has passed = breached; not done and not yet due = pending. As everywhere else
 * (core/tickets/sla-clock.ts), time spent waiting for the employee does not count: a paused clock is judged at the
 * moment it stopped, and durations leave the pauses out.
 */
function slaFigures(
  calendar: BusinessCalendar,
  tickets: ReadonlyArray<{ createdAt: Date; dueAt: Date; doneAt: Date | null; pausedAt?: Date | null; pausedMinutes?: number | null }>,
  asOf: Date,
): SlaFigures & { perTicket: Array<'met' | 'breached' | 'pending'> } {
  const durations: number[] = [];
  const perTicket: Array<'met' | 'breached' | 'pending'> = [];
  for (const t of tickets) {
    const done = t.doneAt && t.doneAt < asOf ? t.doneAt : null;
    if (done) durations.push(Math.max(0, calendar.businessMinutesBetween(t.createdAt, done) - (t.pausedMinutes ?? 0)));
    const countedUntil = t.pausedAt && t.pausedAt < asOf ? t.pausedAt : asOf;
    perTicket.push(done ? (done <= t.dueAt ? 'met' : 'breached') : t.dueAt < countedUntil ? 'breached' : 'pending');
  }
  return {
    measured: durations.length,
    median: round1(median(durations)),
    p90: round1(percentile(durations, 0.9)),
    met: perTicket.filter((s) => s === 'met').length,
    breached: perTicket.filter((s) => s === 'breached').length,
    pending: perTicket.filter((s) => s === 'pending').length,
    perTicket,
  };
}

/** Everything but the month-on-month comparison, for one window. */
export async function collectMonth(env: ReportEnv, scope: ReportScope, window: MonthWindow): Promise<Omit<ServiceReport, 'change'>> {
  const { db, calendar } = env;
  // A month in progress is measured up to now, including what happened at this very instant ([from, asOf)).
  const asOf = env.now < window.to ? new Date(env.now.getTime() + 1) : window.to;
  const agencyIds = scope.agencies.map((a) => a.id);
  const inScope = { agencyId: { in: agencyIds } };
  const sql = directSql(db);
  const agencyList = agencyIds.map((_, i) => `$${i + 3}`).join(', ');

  const [tickets, faqRows, surveyRows, feedbackRows, staffRows, linkedRows, reminderRows, broadcastRows, unhelpful] = await Promise.all([
    // Direct SQL: a month is thousands of tickets, and the Prisma client's row mapping would cost more than the query.
    sql.query<{
      agencyId: string; category: string; channel: string | null; confidential: boolean; status: string; createdAt: Date;
      firstResponseAt: Date | null; firstResponseDueAt: Date; resolvedAt: Date | null; resolutionDueAt: Date; csatRating: number | null;
      slaPausedAt: Date | null; slaPausedMinutes: number | null;
    }>(
      `SELECT t."agencyId", t."category", t."channel", t."confidential", t."status", t."createdAt", t."firstResponseAt",
         t."firstResponseDueAt", t."resolvedAt", t."resolutionDueAt", t."csatRating", t."slaPausedAt", t."slaPausedMinutes"
       FROM "Ticket" t WHERE t."createdAt" >= $1 AND t."createdAt" < $2 AND t."agencyId" IN (${agencyList})`,
      [window.from, asOf, ...agencyIds],
    ),
    db.faqOutcomeCount.groupBy({
      by: ['agencyId', 'outcome'],
      where: { ...inScope, day: { gte: window.firstDay, lte: window.lastDay } },
      _sum: { count: true },
    }),
    db.surveyResponse.findMany({
      where: { ...inScope, submittedOn: { gte: window.firstDay, lte: window.lastDay } },
      select: { agencyId: true, u1: true, u2: true, u3: true, u4: true, u5: true, u6: true, u7: true, u8: true, u9: true },
    }),
    db.feedback.groupBy({ by: ['kind'], where: { ...inScope, createdAt: { gte: window.from, lt: asOf } }, _count: { _all: true } }),
    // Staff at the cut-off: active now, on record before it.
    sql.query<{ id: string; agencyId: string; unit: string }>(
      `SELECT e."id", e."agencyId", e."unit" FROM "Employee" e WHERE e."active" = $1 AND e."createdAt" < $2 AND e."agencyId" IN (${agencyList})`,
      [true, asOf, ...agencyIds],
    ),
    // Linked: their Telegram was linked before the cut-off. Read apart from the employees: in one query SQLite
    // would look identities up by platform instead of by employee, thousands of times slower.
    sql.query<{ employeeId: string }>(`SELECT i."employeeId" FROM "ChatIdentity" i WHERE i."platform" = $1 AND i."linkedAt" < $2`, ['telegram', asOf]),
    sql.query<{ agencyId: string; kind: string; route: string; status: string | null; n: number }>(
      `SELECT r."agencyId", r."kind", r."route", o."status", COUNT(*) AS "n"
       FROM "ReminderOccurrence" r LEFT JOIN "OutboxMessage" o ON o."id" = r."outboxId"
       WHERE r."createdAt" >= $1 AND r."createdAt" < $2 AND r."agencyId" IN (${agencyList})
       GROUP BY r."agencyId", r."kind", r."route", o."status"`,
      [window.from, asOf, ...agencyIds],
    ),
    // One row per broadcast, unit and delivery outcome over the runs scheduled in the month, with how many of those
    // recipients confirmed (looked up by the acknowledgement's primary key, so it stays one pass over the deliveries).
    sql.query<{ agencyId: string; broadcastId: string; number: number; title: string; needsAck: boolean | number; unit: string | null; person: boolean | number; skipped: string | null; status: string | null; n: number; acked: number }>(
      `SELECT b."agencyId", b."id" AS "broadcastId", b."number", b."title", b."needsAck", d."unit",
         (d."employeeId" IS NOT NULL) AS "person", d."skipped", o."status", COUNT(*) AS "n",
         SUM(CASE WHEN EXISTS (SELECT 1 FROM "BroadcastAck" a WHERE a."broadcastId" = d."broadcastId" AND a."employeeId" = d."employeeId") THEN 1 ELSE 0 END) AS "acked"
       FROM "BroadcastRun" r
       JOIN "Broadcast" b ON b."id" = r."broadcastId"
       JOIN "BroadcastDelivery" d ON d."runId" = r."id"
       LEFT JOIN "OutboxMessage" o ON o."id" = d."outboxId"
       WHERE r."scheduledFor" >= $1 AND r."scheduledFor" < $2 AND b."agencyId" IN (${agencyList})
       GROUP BY b."agencyId", b."id", b."number", b."title", b."needsAck", d."unit", (d."employeeId" IS NOT NULL), d."skipped", o."status"`,
      [window.from, asOf, ...agencyIds],
    ),
    unhelpfulFaqDocuments(db, { from: window.from, to: asOf, agencyIds }),
  ]);

  const linkedIds = new Set(linkedRows.map((r) => r.employeeId));
  const employees = staffRows.map((e) => ({ agencyId: e.agencyId, unit: e.unit, linked: linkedIds.has(e.id) }));

  // --- groups: units (one agency) or agencies (province) of fewer than five people become "lainnya" ---
  const agencyById = new Map(scope.agencies.map((a) => [a.id, a]));
  const groupKeyOf = (agencyId: string, unit: string | null | undefined) =>
    scope.kind === 'province' ? (agencyById.get(agencyId)?.code ?? otherGroup) : (unit ?? null);
  const people = new Map<string, number>();
  for (const e of employees) {
    const key = groupKeyOf(e.agencyId, e.unit)!;
    people.set(key, (people.get(key) ?? 0) + 1);
  }
  const groupOf = reportingGroups(people);

  // --- tickets and SLA ---
  const firstResponse = slaFigures(calendar, tickets.map((t) => ({ createdAt: t.createdAt, dueAt: t.firstResponseDueAt, doneAt: t.firstResponseAt })), asOf);
  const resolution = slaFigures(
    calendar,
    tickets.map((t) => ({ createdAt: t.createdAt, dueAt: t.resolutionDueAt, doneAt: t.resolvedAt, pausedAt: t.slaPausedAt, pausedMinutes: t.slaPausedMinutes })),
    asOf,
  );
  const byCategory = ticketCategories
    .map((category) => {
      const indexes = tickets.flatMap((t, i) => (t.category === category.id ? [i] : []));
      const countOf = (list: string[], state: string) => indexes.filter((i) => list[i] === state).length;
      return {
        key: category.id,
        label: category.id_label,
        tickets: indexes.length,
        firstResponseMet: countOf(firstResponse.perTicket, 'met'),
        firstResponseBreached: countOf(firstResponse.perTicket, 'breached'),
        resolutionMet: countOf(resolution.perTicket, 'met'),
        resolutionBreached: countOf(resolution.perTicket, 'breached'),
        firstResponseTarget: category.firstResponse,
        resolutionTarget: category.resolution,
      };
    })
    .filter((row) => row.tickets > 0);
  const channels = new Map<string, number>();
  for (const t of tickets) channels.set(t.channel ?? 'telegram', (channels.get(t.channel ?? 'telegram') ?? 0) + 1);
  const ratings = tickets.map((t) => t.csatRating).filter((r): r is number => r !== null && r >= 1 && r <= 5);

  // --- FAQ ---
  const faqCount = (outcome: string) => faqRows.filter((r) => r.outcome === outcome).reduce((sum, r) => sum + (r._sum.count ?? 0), 0);

  // --- broadcasts ---
  const broadcasts = new Map<string, { number: number; title: string; needsAck: boolean; recipients: number; delivered: number; acknowledged: number }>();
  const ackGroups = new Map<string, { recipients: number; acknowledged: number }>();
  const ackGroup = (key: string) => ackGroups.get(key) ?? ackGroups.set(key, { recipients: 0, acknowledged: 0 }).get(key)!;
  for (const row of broadcastRows) {
    const n = Number(row.n);
    const acked = Number(row.acked ?? 0);
    const entry = broadcasts.get(row.broadcastId) ?? { number: Number(row.number), title: row.title, needsAck: Boolean(row.needsAck), recipients: 0, delivered: 0, acknowledged: 0 };
    entry.recipients += n;
    if (!row.skipped && row.status === 'sent') entry.delivered += n;
    if (entry.needsAck) entry.acknowledged += acked;
    broadcasts.set(row.broadcastId, entry);
    if (entry.needsAck && Boolean(row.person)) {
      const group = ackGroup(groupOf(groupKeyOf(row.agencyId, row.unit)));
      group.recipients += n;
      group.acknowledged += acked;
    }
  }
  const ackByUnit = [...ackGroups.entries()]
    .map(([unit, c]) => ({ unit, recipients: c.recipients, acknowledged: c.acknowledged, rate: share(c.acknowledged, c.recipients) }))
    .sort(byGroupName);
  const ackRecipients = ackByUnit.reduce((sum, r) => sum + r.recipients, 0);
  const ackDone = ackByUnit.reduce((sum, r) => sum + r.acknowledged, 0);

  // --- reminders ---
  const reminderTotals = new Map<string, { sent: number; undeliverable: number }>();
  let remindersTotal = 0, remindersSent = 0, remindersDelivered = 0, remindersUndeliverable = 0, remindersMuted = 0;
  for (const row of reminderRows) {
    const n = Number(row.n);
    remindersTotal += n;
    const totals = reminderTotals.get(row.kind) ?? reminderTotals.set(row.kind, { sent: 0, undeliverable: 0 }).get(row.kind)!;
    if (row.route === 'telegram') {
      remindersSent += n;
      totals.sent += n;
      if (row.status === 'sent') remindersDelivered += n;
      // Refused for good by Telegram (blocked the bot, chat gone): it never arrived.
      if (row.status && row.status !== 'sent' && row.status !== 'pending') {
        remindersUndeliverable += n;
        totals.undeliverable += n;
      }
    } else if (row.route === 'digest') {
      remindersUndeliverable += n;
      totals.undeliverable += n;
    } else if (row.route === 'muted') remindersMuted += n;
  }

  // --- staff ---
  const staffGroups = new Map<string, { people: number; linked: number }>();
  for (const e of employees) {
    const key = groupOf(groupKeyOf(e.agencyId, e.unit));
    const g = staffGroups.get(key) ?? staffGroups.set(key, { people: 0, linked: 0 }).get(key)!;
    g.people++;
    if (Boolean(e.linked)) g.linked++;
  }
  const linked = employees.filter((e) => Boolean(e.linked)).length;

  // --- SKM ---
  const scoresOf = (r: (typeof surveyRows)[number]): SkmScores => [r.u1, r.u2, r.u3, r.u4, r.u5, r.u6, r.u7, r.u8, r.u9];
  const skm = computeSkm(surveyRows.map(scoresOf));

  // --- province: the agencies side by side ---
  const agencies =
    scope.kind === 'province'
      ? [...new Set([...people.keys()].map((k) => groupOf(k)))].map((unit) => {
          const ids = new Set(scope.agencies.filter((a) => groupOf(a.code) === unit).map((a) => a.id));
          const idx = tickets.flatMap((t, i) => (ids.has(t.agencyId) ? [i] : []));
          const fr = idx.map((i) => tickets[i]!).filter((t) => t.firstResponseAt && t.firstResponseAt < asOf).map((t) => calendar.businessMinutesBetween(t.createdAt, t.firstResponseAt!));
          const res = idx.map((i) => tickets[i]!).filter((t) => t.resolvedAt && t.resolvedAt < asOf).map((t) => calendar.businessMinutesBetween(t.createdAt, t.resolvedAt!));
          const rated = idx.map((i) => tickets[i]!.csatRating).filter((r): r is number => r !== null);
          const staffHere = employees.filter((e) => ids.has(e.agencyId));
          const ack = ackGroups.get(unit);
          return {
            unit,
            name: unit === otherGroup ? `Instansi dengan kurang dari ${smallGroupThreshold} pegawai` : (scope.agencies.find((a) => a.code === unit)?.name ?? unit),
            tickets: idx.length,
            firstResponseMedian: round1(median(fr)),
            resolutionMedian: round1(median(res)),
            breaches: idx.filter((i) => firstResponse.perTicket[i] === 'breached' || resolution.perTicket[i] === 'breached').length,
            csatAverage: rated.length ? Math.round((rated.reduce((a, b) => a + b, 0) / rated.length) * 100) / 100 : null,
            ikm: computeSkm(surveyRows.filter((r) => ids.has(r.agencyId)).map(scoresOf)).index,
            ackRate: ack ? share(ack.acknowledged, ack.recipients) : null,
            linkedShare: share(staffHere.filter((e) => Boolean(e.linked)).length, staffHere.length),
          };
        }).sort(byGroupName)
      : [];

  return {
    scope: {
      kind: scope.kind,
      agencyCode: scope.kind === 'agency' ? (scope.agencies[0]?.code ?? null) : null,
      title: scope.title,
      agencies: scope.agencies.length,
    },
    month: window.month,
    monthLabel: window.label,
    asOf: asOf.toISOString(),
    generatedAt: env.now.toISOString(),
    tickets: {
      total: tickets.length,
      confidential: tickets.filter((t) => t.confidential).length,
      stillOpen: tickets.filter((t) => openStatuses.has(t.status)).length,
      byCategory: byCategory.map((c) => ({ key: c.key, label: c.label, count: c.tickets })).sort((a, b) => b.count - a.count),
      byChannel: [...channels.entries()].map(([key, n]) => ({ key, label: ticketChannelLabels[key] ?? key, count: n })).sort((a, b) => b.count - a.count),
    },
    sla: {
      firstResponse: { measured: firstResponse.measured, median: firstResponse.median, p90: firstResponse.p90, met: firstResponse.met, breached: firstResponse.breached, pending: firstResponse.pending },
      resolution: { measured: resolution.measured, median: resolution.median, p90: resolution.p90, met: resolution.met, breached: resolution.breached, pending: resolution.pending },
      byCategory,
    },
    csat: {
      responses: ratings.length,
      average: ratings.length ? Math.round((ratings.reduce((a, b) => a + b, 0) / ratings.length) * 100) / 100 : null,
      distribution: [1, 2, 3, 4, 5].map((star) => ratings.filter((r) => r === star).length),
    },
    skm,
    faq: {
      answered: faqCount('answered'),
      personal: faqCount('personal'),
      escalated: faqCount('escalated'),
      refused: faqCount('refused'),
      total: faqOutcomes.reduce((sum, o) => sum + faqCount(o), 0),
      unhelpfulDocuments: unhelpful,
    },
    broadcasts: {
      sent: broadcasts.size,
      list: [...broadcasts.values()].sort((a, b) => a.number - b.number).map(({ number, title, recipients, delivered, needsAck, acknowledged }) => ({ number, title, recipients, delivered, needsAck, acknowledged })),
      ackByUnit,
      ackRate: share(ackDone, ackRecipients),
    },
    reminders: {
      total: remindersTotal,
      sent: remindersSent,
      delivered: remindersDelivered,
      undeliverable: remindersUndeliverable,
      muted: remindersMuted,
      byKind: reminderKinds
        .filter((k) => reminderTotals.has(k))
        .map((k) => ({ key: k, label: reminderKindLabels[k].id, ...reminderTotals.get(k)! })),
    },
    staff: {
      active: employees.length,
      linked,
      notLinked: employees.length - linked,
      byUnit: [...staffGroups.entries()].map(([unit, g]) => ({ unit, people: g.people, linked: g.linked, notLinked: g.people - g.linked })).sort(byGroupName),
    },
    feedback: {
      total: feedbackRows.reduce((sum, r) => sum + r._count._all, 0),
      byKind: feedbackKinds.map((kind) => ({ key: kind, label: feedbackLabels[kind]!, count: feedbackRows.find((r) => r.kind === kind)?._count._all ?? 0 })),
    },
    agencies,
  };
}

type Figures = Omit<ServiceReport, 'change'>;

/** The headline figures compared month on month. */
function headline(figures: Figures): Array<Omit<ServiceReport['change'][number], 'previous'>> {
  const sla = figures.sla;
  return [
    { key: 'tickets', label: 'Tiket masuk', current: figures.tickets.total, unit: 'jumlah', higherIsBetter: false },
    { key: 'firstResponseMedian', label: 'Median tanggapan pertama', current: sla.firstResponse.median, unit: 'menit', higherIsBetter: false },
    { key: 'resolutionMedian', label: 'Median penyelesaian', current: sla.resolution.median, unit: 'menit', higherIsBetter: false },
    { key: 'breaches', label: 'Tiket melewati batas waktu', current: sla.firstResponse.breached + sla.resolution.breached, unit: 'jumlah', higherIsBetter: false },
    { key: 'csat', label: 'Rata-rata kepuasan (1–5)', current: figures.csat.average, unit: 'skala5', higherIsBetter: true },
    { key: 'ikm', label: 'Indeks Kepuasan Masyarakat', current: figures.skm.index, unit: 'ikm', higherIsBetter: true },
    { key: 'faqAnswered', label: 'Pertanyaan dijawab otomatis', current: figures.faq.answered + figures.faq.personal, unit: 'jumlah', higherIsBetter: true },
    { key: 'ackRate', label: 'Konfirmasi siaran', current: figures.broadcasts.ackRate, unit: 'persen', higherIsBetter: true },
    { key: 'linkedShare', label: 'Pegawai tertaut Telegram', current: share(figures.staff.linked, figures.staff.active), unit: 'persen', higherIsBetter: true },
  ];
}

/** The report for `month`, with the month before for comparison. */
export async function collectServiceReport(env: ReportEnv, scope: ReportScope, month: ReportMonth): Promise<ServiceReport> {
  // One month after the other: on SQLite they would queue on one connection anyway, and memory holds one at a time.
  const current = await collectMonth(env, scope, monthWindow(month));
  const before = await collectMonth(env, scope, monthWindow(previousMonth(month)));
  const previous = new Map(headline(before).map((h) => [h.key, h.current]));
  return { ...current, change: headline(current).map((h) => ({ ...h, previous: previous.get(h.key) ?? null })) };
}
