import { TRPCError } from '@trpc/server';
import type { Actor } from '../auth/actor.js';
import { hasAtLeast } from '../auth/roles.js';
import type { BusinessCalendar } from '../calendar/business-calendar.js';
import type { Db } from '../db/client.js';
import { businessMinutesWorked, isOverdue, readSlaClock } from '../tickets/sla-clock.js';
import type { AgencyDirectory } from './agency-directory.js';

const openStatuses = new Set(['baru', 'ditangani', 'menunggu_pegawai']);

const median = (values: number[]): number | null => {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};
const average = (values: number[]): number | null => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : null);

/** One agency's line in the province view. Times in business minutes (what the SLA counts). */
export interface AgencyFigures {
  code: string;
  name: string;
  province: boolean;
  tickets: number;
  firstResponseMedian: number | null;
  resolutionMedian: number | null;
  csatAverage: number | null;
  csatResponses: number;
  open: number;
  overdue: number;
  /** Mandatory broadcasts asking for confirmation: copies delivered to this agency's staff and confirmed. */
  mandatoryDelivered: number;
  mandatoryAcknowledged: number;
  /** acknowledged ÷ delivered, null when nothing was delivered. */
  ackRate: number | null;
  remindersSent: number;
  remindersUndeliverable: number;
}

/** Who may see every agency side by side: the province role, and operators bound to no agency. */
export function assertMaySeeProvince(actor: Actor): void {
  if (actor.agencyId === null || actor.province) return;
  throw new TRPCError({ code: 'FORBIDDEN', message: 'Rekap seluruh instansi hanya untuk BKPSDMD (peran provinsi). / The province view is for the province HR bureau.' });
}

/**
 * Every active agency side by side for the last `days` days: tickets (first response, resolution, CSAT, open and
 * overdue), the acknowledgement rate of mandatory broadcasts, and reminders sent and undeliverable. Confidential
 * tickets are counted only for HR leads, as on each agency's own desk.
 */
export async function provinceOverview(deps: { db: Db; calendar: BusinessCalendar; agencies: AgencyDirectory; now: Date }, actor: Actor, days: number): Promise<AgencyFigures[]> {
  assertMaySeeProvince(actor);
  const { db, calendar, now } = deps;
  const since = new Date(now.getTime() - days * 86_400_000);
  const agencies = (await deps.agencies.all()).filter((agency) => agency.active);
  const rows = new Map<string, AgencyFigures>(
    agencies.map((agency) => [
      agency.id,
      { code: agency.code, name: agency.name, province: agency.province, tickets: 0, firstResponseMedian: null, resolutionMedian: null, csatAverage: null, csatResponses: 0, open: 0, overdue: 0, mandatoryDelivered: 0, mandatoryAcknowledged: 0, ackRate: null, remindersSent: 0, remindersUndeliverable: 0 },
    ]),
  );

  const tickets = await db.ticket.findMany({
    where: { createdAt: { gte: since }, ...(hasAtLeast(actor.role, 'hr_lead') ? {} : { confidential: false }) },
    select: {
      agencyId: true,
      status: true,
      createdAt: true,
      firstResponseAt: true,
      firstResponseDueAt: true,
      resolvedAt: true,
      resolutionDueAt: true,
      slaPausedAt: true,
      slaPausedMinutes: true,
      csatRating: true,
    },
  });
  const samples = new Map<string, { first: number[]; resolution: number[]; csat: number[] }>();
  for (const ticket of tickets) {
    const row = rows.get(ticket.agencyId);
    if (!row) continue;
    const sample = samples.get(ticket.agencyId) ?? { first: [], resolution: [], csat: [] };
    samples.set(ticket.agencyId, sample);
    row.tickets++;
    if (ticket.firstResponseAt) sample.first.push(calendar.businessMinutesBetween(ticket.createdAt, ticket.firstResponseAt));
    if (ticket.resolvedAt) sample.resolution.push(businessMinutesWorked(calendar, ticket, ticket.resolvedAt));
    if (ticket.csatRating !== null) sample.csat.push(ticket.csatRating);
    if (openStatuses.has(ticket.status)) {
      row.open++;
      // The desk's own rule (core/tickets/sla-clock.ts): waiting for the employee is not overdue.
      if (isOverdue(readSlaClock(calendar, ticket, now))) row.overdue++;
    }
  }
  for (const [agencyId, sample] of samples) {
    const row = rows.get(agencyId)!;
    row.firstResponseMedian = median(sample.first);
    row.resolutionMedian = median(sample.resolution);
    row.csatAverage = average(sample.csat);
    row.csatResponses = sample.csat.length;
  }

  // Mandatory broadcasts that ask for confirmation, sent in the window: per recipient's agency.
  const mandatory = await db.broadcast.findMany({ where: { needsAck: true, mandatory: true, publishedAt: { gte: since } }, select: { id: true } });
  if (mandatory.length > 0) {
    const ids = mandatory.map((b) => b.id);
    const employees = new Map((await db.employee.findMany({ select: { id: true, agencyId: true } })).map((e) => [e.id, e.agencyId]));
    const acks = new Set((await db.broadcastAck.findMany({ where: { broadcastId: { in: ids } }, select: { broadcastId: true, employeeId: true } })).map((a) => `${a.broadcastId}:${a.employeeId}`));
    const deliveries = await db.broadcastDelivery.findMany({ where: { broadcastId: { in: ids }, employeeId: { not: null }, skipped: null }, select: { broadcastId: true, employeeId: true } });
    const counted = new Set<string>();
    for (const delivery of deliveries) {
      const key = `${delivery.broadcastId}:${delivery.employeeId}`;
      if (counted.has(key)) continue;
      counted.add(key);
      const row = rows.get(employees.get(delivery.employeeId!) ?? '');
      if (!row) continue;
      row.mandatoryDelivered++;
      if (acks.has(key)) row.mandatoryAcknowledged++;
    }
  }

  const reminders = await db.reminderOccurrence.groupBy({ by: ['agencyId', 'route'], where: { createdAt: { gte: since }, route: { in: ['telegram', 'digest'] } }, _count: { _all: true } });
  for (const group of reminders) {
    const row = rows.get(group.agencyId);
    if (!row) continue;
    if (group.route === 'telegram') row.remindersSent += group._count._all;
    else row.remindersUndeliverable += group._count._all;
  }
  for (const row of rows.values()) row.ackRate = row.mandatoryDelivered > 0 ? row.mandatoryAcknowledged / row.mandatoryDelivered : null;
  return [...rows.values()].sort((a, b) => Number(b.province) - Number(a.province) || a.code.localeCompare(b.code));
}
