import { execFileSync } from 'node:child_process';
import type { DatabaseKind } from '../core/db/database-url.js';
import { createLogger } from '../core/logging/logger.js';
import { parseConfig } from '../core/config/load-config.js';
import { startRuntime } from '../core/runtime.js';
import { seedReportMonth } from '../test/support/report-seed.js';
import { createTestDatabase } from '../test/support/test-databases.js';

/**
 * The monthly service report of an agency of 2,000 staff with 3,000 tickets in the month (plus the month before for
 * the comparison, FAQ counts, survey responses, reminders and three broadcasts to everyone), made in its own
 * process: figures, seven charts (PNG), the PDF and the CSV. Targets: ≤ 3 s, peak RSS ≤ 300 MB.
 */
export async function benchReport(kind: DatabaseKind): Promise<void> {
  const staff = Number(process.env.BENCH_REPORT_STAFF ?? 2000);
  const tickets = Number(process.env.BENCH_REPORT_TICKETS ?? 3000);
  const database = await createTestDatabase(kind);
  try {
    const runtime = await startRuntime(parseConfig({ DATABASE_URL: database.url, LOG_LEVEL: 'silent' }), { log: createLogger('silent'), watchCorpus: false });
    const agencyId = (await runtime.db.agency.findFirstOrThrow()).id;
    const seeding = performance.now();
    await seedReportMonth(runtime.db, { agencyId, month: '2026-11', staff, tickets, calendar: runtime.settings.businessCalendar });
    const seeded = (performance.now() - seeding) / 1000;
    await runtime.close();
    const output = execFileSync('npx', ['tsx', 'bench/report-child.ts', database.url, '2026-11', '3'], { encoding: 'utf8' });
    const { results, peakRssMb, rssBeforeMb } = JSON.parse(output.trim().split('\n').at(-1)!) as {
      results: Array<{ collectMs: number; chartsMs: number; pdfMs: number; csvMs: number; totalMs: number; tickets: number; staff: number; pdfBytes: number; pngBytes: number }>;
      peakRssMb: number;
      rssBeforeMb: number;
    };
    const line = (r: (typeof results)[number]) =>
      `${(r.totalMs / 1000).toFixed(2)} s (figures ${r.collectMs.toFixed(0)} ms, 7 charts ${r.chartsMs.toFixed(0)} ms, PDF ${r.pdfMs.toFixed(0)} ms, CSV ${r.csvMs.toFixed(0)} ms)`;
    const first = results[0]!;
    const worst = Math.max(...results.map((r) => r.totalMs)) / 1000;
    console.log(`report [${kind}] agency of ${first.staff} staff, ${first.tickets} tickets in the month (seeded in ${seeded.toFixed(1)} s):`);
    console.log(`  first (cold) ${line(first)}`);
    for (const r of results.slice(1)) console.log(`  again        ${line(r)}`);
    console.log(
      `  slowest ${worst.toFixed(2)} s (target ≤ 3 s) · peak RSS ${peakRssMb.toFixed(0)} MB (target ≤ 300 MB; ${rssBeforeMb.toFixed(0)} MB with the database open, before the first report) · PDF ${(first.pdfBytes / 1024).toFixed(0)} KB, PNGs ${(first.pngBytes / 1024).toFixed(0)} KB`,
    );
  } finally {
    await database.drop();
  }
}
