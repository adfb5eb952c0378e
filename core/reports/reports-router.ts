import { z } from 'zod';
import { hrLeadProcedure, router } from '../trpc/init.js';
import { reportMonthSchema } from './report-month.js';
import { buildServiceReport, renderReportFiles } from './report-service.js';
import { postServiceReport } from './report-posting.js';

const reportInput = z.object({
  month: reportMonthSchema,
  /** Another agency's report (admins, or the province bureau); default the caller's own. */
  agencyCode: z.string().trim().min(2).max(32).optional(),
  /** The province roll-up over every agency (callers bound to no agency). */
  province: z.boolean().default(false),
});

export const reportsRouter = router({
  /** The month's figures and its charts as PNG (base64), for other tools. */
  monthly: hrLeadProcedure.input(reportInput.extend({ charts: z.boolean().default(true) })).query(async ({ ctx, input }) => {
    const report = await buildServiceReport(ctx, input);
    if (!input.charts) return { report, charts: [] };
    const files = await renderReportFiles(report);
    return {
      report,
      charts: files.charts.map((c) => ({ name: c.name, title: c.title, width: c.width, height: c.height, pngBase64: c.png.toString('base64') })),
    };
  }),
  /** Collects the month's report now and queues it (charts, PDF, CSV) for the agency's HR leads' channel in Slack. */
  post: hrLeadProcedure
    .input(z.object({ month: reportMonthSchema, agencyCode: z.string().trim().min(2).max(32).optional() }))
    .mutation(async ({ ctx, input }) => {
      const { report, slackChannel } = await postServiceReport(ctx, input);
      return { report, slackChannel };
    }),
  /** The printable PDF and the CSV of the figures (base64 / text). */
  documents: hrLeadProcedure.input(reportInput).query(async ({ ctx, input }) => {
    const files = await renderReportFiles(await buildServiceReport(ctx, input));
    return { fileName: files.baseName, pdfBase64: files.pdf.toString('base64'), csv: files.csv };
  }),
});
