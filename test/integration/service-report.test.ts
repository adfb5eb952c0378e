/**
 * The monthly service report against a seeded month: every figure is counted again straight from the database
 * with plain queries, the PNG charts and the A4 PDF are real files of the expected size and page count, small
 * units are merged, and no personal data is in it.
 */
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliActor } from '../../core/auth/actor.js';
import { fixedClock } from '../../core/clock/clock.js';
import { chartSize } from '../../core/reports/report-charts.js';
import { monthWindow } from '../../core/reports/report-month.js';
import { renderReportFiles } from '../../core/reports/report-service.js';
import type { ServiceReport } from '../../core/reports/report-schema.js';
import { seedReportMonth, smallUnit } from '../support/report-seed.js';
import { testDatabaseKinds } from '../support/test-databases.js';
import { createTestRuntime, type TestRuntime } from '../support/test-runtime.js';

const month = '2026-11';
const window = monthWindow(month);

describe.each(testDatabaseKinds)('monthly service report on %s', (kind) => {
  let rt: TestRuntime;
  let agencyId: string;
  let report: ServiceReport;

  beforeAll(async () => {
    // 6 December 2026: the November report is complete.
    rt = await createTestRuntime(kind, { clock: fixedClock('2026-12-06T03:00:00Z') });
    agencyId = (await rt.db.agency.findFirstOrThrow()).id;
    await seedReportMonth(rt.db, { agencyId, month, staff: 63, tickets: 150, calendar: rt.settings.businessCalendar });
    report = (await rt.callerFor(cliActor).reports.monthly({ month, charts: false })).report;
  }, 60_000);
  afterAll(async () => rt?.stop());

  const inMonth = () => ({ agencyId, createdAt: { gte: window.from, lt: window.to } });

  it('counts the month\'s tickets by category and channel as the database does', async () => {
    expect(report.monthLabel).toBe('November 2026');
    expect(report.tickets.total).toBe(await rt.db.ticket.count({ where: inMonth() }));
    expect(report.tickets.total).toBe(150);
    const byCategory = await rt.db.ticket.groupBy({ by: ['category'], where: inMonth(), _count: { _all: true } });
    expect(Object.fromEntries(report.tickets.byCategory.map((c) => [c.key, c.count]))).toEqual(Object.fromEntries(byCategory.map((r) => [r.category, r._count._all])));
    const byChannel = await rt.db.ticket.groupBy({ by: ['channel'], where: inMonth(), _count: { _all: true } });
    expect(Object.fromEntries(report.tickets.byChannel.map((c) => [c.key, c.count]))).toEqual(Object.fromEntries(byChannel.map((r) => [r.channel, r._count._all])));
    expect(report.tickets.confidential).toBe(await rt.db.ticket.count({ where: { ...inMonth(), confidential: true } }));
  });

  it('counts first responses and resolutions met and breached against each ticket\'s due time', async () => {
    const tickets = await rt.db.ticket.findMany({ where: inMonth() });
    const cutOff = window.to;
    const met = (done: Date | null, due: Date) => done !== null && done < cutOff && done <= due;
    const breached = (done: Date | null, due: Date) => (done !== null && done < cutOff ? done > due : due < cutOff);
    expect(report.sla.firstResponse.met).toBe(tickets.filter((t) => met(t.firstResponseAt, t.firstResponseDueAt)).length);
    expect(report.sla.firstResponse.breached).toBe(tickets.filter((t) => breached(t.firstResponseAt, t.firstResponseDueAt)).length);
    expect(report.sla.resolution.met).toBe(tickets.filter((t) => met(t.resolvedAt, t.resolutionDueAt)).length);
    expect(report.sla.resolution.breached).toBe(tickets.filter((t) => breached(t.resolvedAt, t.resolutionDueAt)).length);
    expect(report.sla.firstResponse.breached).toBeGreaterThan(0);
    const perCategory = report.sla.byCategory.reduce((sum, c) => sum + c.firstResponseBreached, 0);
    expect(perCategory).toBe(report.sla.firstResponse.breached);
    // The median of business minutes over the answered tickets.
    const minutes = tickets
      .filter((t) => t.firstResponseAt && t.firstResponseAt < cutOff)
      .map((t) => rt.settings.businessCalendar.businessMinutesBetween(t.createdAt, t.firstResponseAt!))
      .sort((a, b) => a - b);
    const middle = minutes.length / 2;
    const median = minutes.length % 2 ? minutes[Math.floor(middle)]! : (minutes[middle - 1]! + minutes[middle]!) / 2;
    expect(report.sla.firstResponse.median).toBeCloseTo(median, 0);
    expect(report.sla.firstResponse.measured).toBe(minutes.length);
  });

  it('gives the rating distribution, FAQ outcomes, feedback by kind and the SKM index from the stored rows', async () => {
    const ratings = await rt.db.ticket.groupBy({ by: ['csatRating'], where: { ...inMonth(), csatRating: { not: null } }, _count: { _all: true } });
    expect(report.csat.distribution).toEqual([1, 2, 3, 4, 5].map((star) => ratings.find((r) => r.csatRating === star)?._count._all ?? 0));

    const faq = await rt.db.faqOutcomeCount.groupBy({ by: ['outcome'], where: { agencyId, day: { gte: '2026-11-01', lte: '2026-11-30' } }, _sum: { count: true } });
    const faqOf = (o: string) => faq.find((r) => r.outcome === o)?._sum.count ?? 0;
    expect(report.faq).toMatchObject({ answered: faqOf('answered'), escalated: faqOf('escalated'), refused: faqOf('refused'), personal: faqOf('personal') });

    const unhelpful = await rt.db.faqRating.groupBy({ by: ['documentId'], where: { ...inMonth(), helpful: false }, _count: { _all: true } });
    expect(report.faq.unhelpfulDocuments.map((d) => [d.documentId, d.unhelpful])).toEqual(
      unhelpful.map((r) => [r.documentId, r._count._all]).sort((a, b) => Number(b[1]) - Number(a[1])),
    );
    expect(report.faq.unhelpfulDocuments[0]).toEqual({ documentId: 'cuti-tahunan', title: 'Cuti tahunan PNS', helpful: 1, unhelpful: 4 });

    const feedback = await rt.db.feedback.groupBy({ by: ['kind'], where: inMonth(), _count: { _all: true } });
    expect(report.feedback.total).toBe(10);
    for (const row of feedback) expect(report.feedback.byKind.find((k) => k.key === row.kind)?.count).toBe(row._count._all);

    const responses = await rt.db.surveyResponse.findMany({ where: { agencyId, submittedOn: { gte: '2026-11-01', lte: '2026-11-30' } } });
    expect(report.skm.responses).toBe(responses.length);
    const keys = ['u1', 'u2', 'u3', 'u4', 'u5', 'u6', 'u7', 'u8', 'u9'] as const;
    const means = keys.map((k) => responses.reduce((s, r) => s + r[k], 0) / responses.length);
    const index = Math.round((means.reduce((a, b) => a + b, 0) / 9) * 25 * 100) / 100;
    expect(report.skm.index).toBe(index);
    expect(report.skm.elementMeans[3]).toBe(4);
  });

  it('counts reminders sent and undeliverable, staff linked by the month\'s end, and confirmations per unit', async () => {
    const occurrences = await rt.db.reminderOccurrence.findMany({ where: inMonth() });
    const outbox = new Map((await rt.db.outboxMessage.findMany({ select: { id: true, status: true } })).map((o) => [o.id, o.status]));
    expect(report.reminders.total).toBe(occurrences.length);
    expect(report.reminders.sent).toBe(occurrences.filter((o) => o.route === 'telegram').length);
    expect(report.reminders.undeliverable).toBe(
      occurrences.filter((o) => o.route === 'digest' || (o.route === 'telegram' && outbox.get(o.outboxId!) === 'failed')).length,
    );
    expect(report.reminders.muted).toBe(occurrences.filter((o) => o.route === 'muted').length);

    const linkedByEnd = await rt.db.employee.count({ where: { agencyId, active: true, identities: { some: { platform: 'telegram', linkedAt: { lt: window.to } } } } });
    expect(report.staff.active).toBe(63);
    expect(report.staff.linked).toBe(linkedByEnd);

    // Confirmations: the broadcast of November that asked for them, per unit of the people it was sent to.
    const broadcast = await rt.db.broadcast.findFirstOrThrow({ where: { number: 1 } });
    const deliveries = await rt.db.broadcastDelivery.findMany({ where: { broadcastId: broadcast.id } });
    const acked = new Set((await rt.db.broadcastAck.findMany({ where: { broadcastId: broadcast.id } })).map((a) => a.employeeId));
    const sekretariat = deliveries.filter((d) => d.unit === 'Sekretariat');
    expect(report.broadcasts.ackByUnit.find((u) => u.unit === 'Sekretariat')).toMatchObject({
      recipients: sekretariat.length,
      acknowledged: sekretariat.filter((d) => acked.has(d.employeeId!)).length,
    });
    expect(report.broadcasts.sent).toBe(2);
    expect(report.broadcasts.list.map((b) => b.title)).toEqual(['Batas unggah SKP', 'Apel pagi']);
  });

  it('reports a unit of fewer than five people only inside "lainnya"', async () => {
    expect(await rt.db.employee.count({ where: { unit: smallUnit } })).toBe(3);
    const units = [...report.staff.byUnit.map((u) => u.unit), ...report.broadcasts.ackByUnit.map((u) => u.unit)];
    expect(units).not.toContain(smallUnit);
    // Three people alone would still single them out: the smallest other unit (12, first by name) joins them.
    expect(report.staff.byUnit.at(-1)).toMatchObject({ unit: 'lainnya', people: 15 });
    expect(report.staff.byUnit.map((u) => u.unit)).toEqual(['Bidang Perikanan Budidaya', 'Bidang Perikanan Tangkap', 'Sekretariat', 'UPTD Pelabuhan Perikanan', 'lainnya']);
    expect(report.broadcasts.ackByUnit.at(-1)?.unit).toBe('lainnya');
    expect(report.staff.byUnit.every((u) => u.people >= 5)).toBe(true);
    expect(report.staff.byUnit.reduce((sum, u) => sum + u.people, 0)).toBe(63);
  });

  it('compares with the month before', () => {
    const tickets = report.change.find((c) => c.key === 'tickets');
    // The seed puts one ticket in ten, half of them, in October.
    expect(tickets).toMatchObject({ current: 150, previous: 15 });
  });

  it('renders PNG charts and a printable A4 PDF with page numbers, and a CSV, without personal data', async () => {
    const files = await renderReportFiles(report);
    expect(files.charts.map((c) => c.name)).toEqual(['tiket-per-kategori', 'ketepatan-waktu', 'kepuasan-tiket', 'skm', 'faq', 'konfirmasi-siaran', 'pegawai-tertaut']);
    for (const chart of files.charts) {
      expect(chart.png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
      // The IHDR chunk: width and height in pixels.
      expect([chart.png.readUInt32BE(16), chart.png.readUInt32BE(20)]).toEqual([chartSize.width * chartSize.scale, chartSize.height * chartSize.scale]);
      // A blank chart of this size compresses to about 3 KB: bars, labels and text make it several times larger.
      expect(chart.png.length).toBeGreaterThan(10_000);
    }
    expect(files.pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const pdf = await PDFDocument.load(files.pdf);
    expect(pdf.getPageCount()).toBe(5);
    for (const p of pdf.getPages()) {
      expect(p.getWidth()).toBeCloseTo(595.28, 1);
      expect(p.getHeight()).toBeCloseTo(841.89, 1);
    }
    const agency = await rt.db.agency.findUniqueOrThrow({ where: { id: agencyId } });
    expect(pdf.getTitle()).toBe(`Laporan Layanan Kepegawaian November 2026 — ${agency.name}`);
    expect(files.pdf.length).toBeGreaterThan(100_000);

    expect(files.csv.split('\n')[0]).toBe('bagian,butir,ukuran,nilai');
    expect(files.csv).toContain(`tiket,semua,jumlah,150`);
    const employees = await rt.db.employee.findMany({ select: { name: true, nip: true } });
    const everything = JSON.stringify(report) + files.csv;
    for (const e of employees) {
      expect(everything).not.toContain(e.nip);
      expect(everything).not.toContain(e.name);
    }
  }, 60_000);

  it('rolls up the province with agencies side by side, a small agency merged, on one more page', async () => {
    const small = await rt.db.agency.create({ data: { code: 'KECIL', name: 'Badan Kecil' } });
    await seedReportMonth(rt.db, { agencyId: small.id, month, staff: 4, tickets: 6, calendar: rt.settings.businessCalendar, seed: 99 });
    const roll = (await rt.callerFor(cliActor).reports.monthly({ month, province: true, charts: false })).report;
    expect(roll.scope).toMatchObject({ kind: 'province', agencies: 2 });
    expect(roll.tickets.total).toBe(156);
    expect(roll.agencies.map((a) => a.unit)).toEqual([(await rt.db.agency.findUniqueOrThrow({ where: { id: agencyId } })).code, 'lainnya']);
    expect(roll.agencies[1]).toMatchObject({ tickets: 6 });
    expect(roll.staff.byUnit.map((u) => u.unit)).not.toContain('KECIL');
    const pdf = await PDFDocument.load((await renderReportFiles(roll)).pdf);
    expect(pdf.getPageCount()).toBe(6);
    // An agency-bound lead cannot ask for the roll-up.
    await expect(
      rt.callerFor({ ref: 'test:lead', role: 'hr_lead', employeeId: null, agencyId }).reports.monthly({ month, province: true, charts: false }),
    ).rejects.toThrow(/Rekap provinsi hanya untuk admin provinsi/);
  }, 60_000);
});
