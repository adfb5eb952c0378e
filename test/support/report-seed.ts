/**
 * A month of desk activity written straight into the database, for the service report's tests and benchmark:
 * staff in several units (one of them smaller than five people), tickets around the month's edges, ratings, FAQ
 * counts, survey responses, feedback, reminders and broadcasts with confirmations.
 */
import { randomUUID } from 'node:crypto';
import type { BusinessCalendar } from '../../core/calendar/business-calendar.js';
import type { Db } from '../../core/db/client.js';
import { monthWindow, previousMonth, type ReportMonth } from '../../core/reports/report-month.js';
import { ticketCategories } from '../../core/tickets/categories.js';
import { generateEmployees, seededRandom } from './generate-employees.js';

export const seedUnits = ['Sekretariat', 'Bidang Perikanan Tangkap', 'Bidang Perikanan Budidaya', 'Bidang Pengawasan', 'UPTD Pelabuhan Perikanan'] as const;
/** Three people: below the reporting threshold, so reported as "lainnya". */
export const smallUnit = 'Subbagian Kecil';

export interface SeedOptions {
  agencyId: string;
  month: ReportMonth;
  staff: number;
  tickets: number;
  calendar: BusinessCalendar;
  seed?: number;
}

const chunk = <T>(list: T[], size: number): T[][] => Array.from({ length: Math.ceil(list.length / size) }, (_, i) => list.slice(i * size, (i + 1) * size));

export async function seedReportMonth(db: Db, options: SeedOptions): Promise<{ employeeIds: string[] }> {
  const random = seededRandom(options.seed ?? 7);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const window = monthWindow(options.month);
  const before = monthWindow(previousMonth(options.month));
  const span = window.to.getTime() - window.from.getTime();
  const inMonth = () => new Date(window.from.getTime() + Math.floor(random() * span));
  const agencyId = options.agencyId;

  // --- staff: the last three in the small unit; about 70% linked, a few only after the month ---
  const records = generateEmployees(options.staff, options.seed ?? 7);
  const employees = records.map((record, i) => ({
    id: randomUUID(),
    agencyId,
    ...record,
    unit: i >= records.length - 3 ? smallUnit : seedUnits[i % seedUnits.length]!,
    createdAt: new Date(before.from.getTime() - 86_400_000),
  }));
  for (const part of chunk(employees, 500)) await db.employee.createMany({ data: part });
  const identities = employees.flatMap((e, i) => {
    const r = random();
    if (r < 0.65) return [{ employeeId: e.id, platform: 'telegram', externalId: `${options.seed ?? 7}${100_000 + i}`, linkedAt: before.from }];
    if (r < 0.7) return [{ employeeId: e.id, platform: 'telegram', externalId: `${options.seed ?? 7}${100_000 + i}`, linkedAt: new Date(window.to.getTime() + 3_600_000) }];
    return [];
  });
  for (const part of chunk(identities, 500)) await db.chatIdentity.createMany({ data: part });

  // --- tickets: most in the month, some the month before and after ---
  let number = 0;
  const tickets = Array.from({ length: options.tickets + Math.ceil(options.tickets / 10) * 2 }, (_, i) => {
    const where = i < options.tickets ? 'in' : i % 2 ? 'before' : 'after';
    const createdAt =
      where === 'in' ? inMonth() : where === 'before' ? new Date(before.from.getTime() + Math.floor(random() * (window.from.getTime() - before.from.getTime()))) : new Date(window.to.getTime() + Math.floor(random() * 5 * 86_400_000));
    const category = pick(ticketCategories);
    const firstResponseDueAt = options.calendar.addBusinessMinutes(createdAt, category.firstResponse);
    const resolutionDueAt = options.calendar.addBusinessMinutes(createdAt, category.resolution);
    const answered = random() < 0.9;
    const firstResponseAt = answered ? new Date(createdAt.getTime() + Math.floor(random() * 2 * category.firstResponse * 60_000 * 3)) : null;
    const resolved = answered && random() < 0.8;
    const resolvedAt = resolved ? new Date(firstResponseAt!.getTime() + Math.floor(random() * category.resolution * 60_000 * 3)) : null;
    const rating = resolved && random() < 0.6 ? 1 + Math.floor(random() * 5) : null;
    return {
      agencyId,
      number: ++number,
      requesterId: pick(employees).id,
      category: category.id,
      confidential: category.confidential,
      status: resolved ? 'selesai' : answered ? 'menunggu_pegawai' : 'baru',
      subject: 'Pertanyaan',
      channel: random() < 0.9 ? 'telegram' : 'api',
      createdAt,
      lastActivityAt: createdAt,
      firstResponseDueAt,
      firstResponseAt,
      resolutionDueAt,
      resolvedAt,
      csatRating: rating,
    };
  });
  for (const part of chunk(tickets, 500)) await db.ticket.createMany({ data: part });

  // --- FAQ outcomes per day, feedback, survey responses ---
  const faq = [] as Array<{ agencyId: string; day: string; outcome: string; count: number }>;
  for (const day of [window.firstDay, `${options.month}-15`, window.lastDay, before.lastDay]) {
    for (const outcome of ['answered', 'personal', 'escalated', 'refused']) faq.push({ agencyId, day, outcome, count: 1 + Math.floor(random() * 40) });
  }
  await db.faqOutcomeCount.createMany({ data: faq });
  const feedback = Array.from({ length: 12 }, (_, i) => ({
    agencyId,
    kind: pick(['masukan', 'keluhan', 'kritik']),
    text: 'Isi saran',
    anonymous: i % 2 === 0,
    employeeId: i % 2 === 0 ? null : pick(employees).id,
    createdAt: i < 10 ? inMonth() : before.from,
  }));
  await db.feedback.createMany({ data: feedback });
  const survey = Array.from({ length: 40 }, (_, i) => {
    const score = () => 2 + Math.floor(random() * 3);
    return {
      id: randomUUID(),
      agencyId,
      anonymous: true,
      submittedOn: i < 36 ? `${options.month}-${String(1 + (i % 28)).padStart(2, '0')}` : before.lastDay,
      u1: score(), u2: score(), u3: score(), u4: 4, u5: score(), u6: score(), u7: score(), u8: score(), u9: score(),
    };
  });
  await db.surveyResponse.createMany({ data: survey });
  // 👍/👎 on FAQ answers: cuti is distrusted, one rating of last month.
  const ratings = [
    ...Array.from({ length: 5 }, (_, i) => ({ documentId: 'cuti-tahunan', documentTitle: 'Cuti tahunan PNS', helpful: i === 0, createdAt: inMonth() })),
    ...Array.from({ length: 3 }, (_, i) => ({ documentId: 'kgb', documentTitle: 'Kenaikan gaji berkala', helpful: i !== 0, createdAt: inMonth() })),
    { documentId: 'pensiun', documentTitle: 'Pensiun', helpful: false, createdAt: before.from },
  ].map((r) => ({ ...r, answerId: randomUUID(), agencyId }));
  await db.faqRating.createMany({ data: ratings });

  // --- reminders: sent (delivered or refused), to the digest, muted ---
  const outbox: Array<{ id: string; channel: string; kind: string; payload: string; status: string; createdAt: Date }> = [];
  const occurrences = employees.slice(0, Math.min(employees.length, 400)).map((e, i) => {
    const route = i % 5 === 0 ? 'digest' : i % 7 === 0 ? 'muted' : 'telegram';
    const outboxId = route === 'telegram' ? randomUUID() : null;
    if (outboxId) outbox.push({ id: outboxId, channel: 'telegram', kind: 'telegram.text', payload: '{}', status: i % 11 === 0 ? 'failed' : 'sent', createdAt: window.from });
    return { id: randomUUID(), agencyId, employeeId: e.id, kind: pick(['kgb', 'kp', 'pensiun', 'tenggat']), key: `seed:${i}`, eventOn: window.lastDay, route, outboxId, createdAt: i % 13 === 0 ? before.from : inMonth() };
  });

  // --- broadcasts: one asking for confirmation to everyone, one plain; one of last month ---
  const broadcastRows: Array<Record<string, unknown>> = [];
  const runs: Array<Record<string, unknown>> = [];
  const deliveries: Array<Record<string, unknown>> = [];
  const acks: Array<{ broadcastId: string; employeeId: string; at: Date; via: string }> = [];
  const linked = new Set(identities.map((i) => i.employeeId));
  [
    { number: 1, needsAck: true, at: new Date(window.from.getTime() + 3 * 86_400_000), title: 'Batas unggah SKP' },
    { number: 2, needsAck: false, at: new Date(window.from.getTime() + 10 * 86_400_000), title: 'Apel pagi' },
    { number: 3, needsAck: true, at: new Date(before.from.getTime() + 3 * 86_400_000), title: 'Edaran bulan lalu' },
  ].forEach((b) => {
    const broadcastId = randomUUID();
    const runId = randomUUID();
    broadcastRows.push({ id: broadcastId, agencyId, number: b.number, title: b.title, text: 'Isi', audience: '{}', scheduleKind: 'now', needsAck: b.needsAck, status: 'sent', createdBy: 'cli', createdAt: b.at });
    runs.push({ id: runId, broadcastId, scheduledFor: b.at, status: 'done', recipients: employees.length, createdAt: b.at });
    for (const e of employees) {
      const reachable = linked.has(e.id);
      const outboxId = reachable ? randomUUID() : null;
      if (outboxId) outbox.push({ id: outboxId, channel: 'telegram', kind: 'telegram.broadcast', payload: '{}', status: random() < 0.95 ? 'sent' : 'failed', createdAt: b.at });
      deliveries.push({ id: randomUUID(), runId, broadcastId, employeeId: e.id, unit: e.unit, target: `employee:${e.id}`, outboxId, skipped: reachable ? null : 'unlinked', createdAt: b.at });
      if (b.needsAck && reachable && random() < 0.6) acks.push({ broadcastId, employeeId: e.id, at: new Date(b.at.getTime() + 3_600_000), via: 'telegram' });
    }
  });
  for (const part of chunk(outbox, 500)) await db.outboxMessage.createMany({ data: part });
  for (const part of chunk(occurrences, 500)) await db.reminderOccurrence.createMany({ data: part });
  await db.broadcast.createMany({ data: broadcastRows as never });
  await db.broadcastRun.createMany({ data: runs as never });
  for (const part of chunk(deliveries, 500)) await db.broadcastDelivery.createMany({ data: part as never });
  for (const part of chunk(acks, 500)) await db.broadcastAck.createMany({ data: part });
  return { employeeIds: employees.map((e) => e.id) };
}
