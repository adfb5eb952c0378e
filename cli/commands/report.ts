import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { cliActor } from '../../core/auth/actor.js';
import { lastCompleteMonth, reportMonthSchema } from '../../core/reports/report-month.js';
import { buildServiceReport, renderReportFiles } from '../../core/reports/report-service.js';
import { reportSummaryText } from '../../core/reports/report-summary.js';
import { action, withRuntime } from '../cli-runtime.js';

export function registerReport(program: Command): void {
  program
    .command('report')
    .description('Monthly service report: figures, charts, a printable A4 PDF (Bahasa Indonesia) and a CSV of the figures')
    .option('--month <YYYY-MM>', 'the month (default: last month)')
    .option('--agency <CODE>', 'an agency (default: the deployment\'s agency)')
    .option('--province', 'the province roll-up over every agency')
    .option('--pdf <FILE>', 'write the PDF here (the CSV is written beside it)')
    .option('--csv <FILE>', 'write the CSV here')
    .option('--charts <DIR>', 'write each chart as a PNG into this folder')
    .option('--json', 'print the figures as JSON')
    .action(
      action(async (options: { month?: string; agency?: string; province?: boolean; pdf?: string; csv?: string; charts?: string; json?: boolean }) => {
        const month = options.month === undefined ? lastCompleteMonth(new Date()) : reportMonthSchema.parse(options.month);
        await withRuntime(async (runtime) => {
          const ctx = runtime.contextFor(cliActor);
          const report = await buildServiceReport(ctx, { month, agencyCode: options.agency, province: options.province ?? false });
          if (options.json) console.log(JSON.stringify(report, null, 2));
          else console.log(reportSummaryText(report));
          if (!options.pdf && !options.csv && !options.charts) return;
          const files = await renderReportFiles(report);
          if (options.pdf) {
            writeFileSync(options.pdf, files.pdf);
            const csv = options.csv ?? options.pdf.replace(/\.pdf$/i, '') + '.csv';
            writeFileSync(csv, files.csv);
            console.error(`PDF: ${options.pdf} · CSV: ${csv}`);
          } else if (options.csv) {
            writeFileSync(options.csv, files.csv);
            console.error(`CSV: ${options.csv}`);
          }
          if (options.charts) {
            for (const chart of files.charts) writeFileSync(`${options.charts}/${files.baseName}-${chart.name}.png`, chart.png);
            console.error(`${files.charts.length} grafik PNG di ${options.charts}`);
          }
        });
      }),
    );
}
