// Makes one agency's monthly report in its own process, so that its peak RSS is measured alone: the database and
// the report code only (a running LAYANI holds these beside everything else). Prints one JSON line.
import { defaultBusinessCalendar } from '../core/calendar/index.js';
import { openDatabase } from '../core/db/open-database.js';
import { collectServiceReport } from '../core/reports/collect-report.js';
import { renderReportCharts } from '../core/reports/report-charts.js';
import { renderReportCsv } from '../core/reports/report-csv.js';
import { renderReportPdf } from '../core/reports/report-pdf.js';

const [url, month, runs] = process.argv.slice(2);
const database = await openDatabase(url!);
const calendar = defaultBusinessCalendar().calendar;
const agency = await database.db.agency.findFirstOrThrow();
const scope = { kind: 'agency' as const, agencies: [{ id: agency.id, code: agency.code, name: agency.name }], title: agency.name };
const rssBefore = process.memoryUsage().rss / 1048576;
const results = [];
for (let run = 0; run < Number(runs ?? 3); run++) {
  const t0 = performance.now();
  const report = await collectServiceReport({ db: database.db, calendar, now: new Date('2026-12-06T03:00:00Z') }, scope, month!);
  const t1 = performance.now();
  const charts = await renderReportCharts(report);
  const t2 = performance.now();
  const pdf = await renderReportPdf(report, charts);
  const t3 = performance.now();
  const csv = renderReportCsv(report);
  const t4 = performance.now();
  results.push({
    collectMs: t1 - t0, chartsMs: t2 - t1, pdfMs: t3 - t2, csvMs: t4 - t3, totalMs: t4 - t0,
    tickets: report.tickets.total, staff: report.staff.active, pdfBytes: pdf.length, csvBytes: csv.length,
    pngBytes: charts.reduce((sum, c) => sum + c.png.length, 0),
  });
}
await database.close();
console.log(JSON.stringify({ results, rssBeforeMb: rssBefore, peakRssMb: process.resourceUsage().maxRSS / 1024 }));
