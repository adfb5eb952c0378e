import { TRPCError } from '@trpc/server';
import { canSeeAgency } from '../auth/actor.js';
import { findAgencyByCode } from '../records/agencies.js';
import type { CoreContext } from '../trpc/context.js';
import { collectServiceReport, type ReportEnv, type ReportScope } from './collect-report.js';
import type { ReportChart } from './report-charts.js';
import { renderReportCsv } from './report-csv.js';
import type { ReportMonth } from './report-month.js';
import type { ServiceReport } from './report-schema.js';

/** The province roll-up's title. */
export const provinceTitle = 'Seluruh instansi (rekap provinsi)';

/**
 * Whose report: the agency named (if the actor may see it), the whole province (only for actors bound to no
 * agency), or else the actor's own agency / the deployment's default one.
 */
export async function reportScope(ctx: CoreContext, input: { agencyCode?: string; province?: boolean }): Promise<ReportScope> {
  if (input.province) {
    if (ctx.actor.agencyId !== null) {
      throw new TRPCError({ code: 'FORBIDDEN', message: 'Rekap provinsi hanya untuk admin provinsi. / The province roll-up is for province admins only.' });
    }
    const agencies = await ctx.db.agency.findMany({ select: { id: true, code: true, name: true }, orderBy: { code: 'asc' } });
    return { kind: 'province', agencies, title: provinceTitle };
  }
  const agency = input.agencyCode
    ? await findAgencyByCode(ctx.db, input.agencyCode.toUpperCase())
    : ctx.actor.agencyId
      ? await ctx.db.agency.findUnique({ where: { id: ctx.actor.agencyId } })
      : await findAgencyByCode(ctx.db, ctx.settings.defaultAgencyCode);
  if (!agency || !canSeeAgency(ctx.actor, agency.id)) {
    throw new TRPCError({ code: 'NOT_FOUND', message: `Instansi ${input.agencyCode ?? ''} tidak ada; lihat \`layani agency list\`. / No such agency.` });
  }
  return { kind: 'agency', agencies: [{ id: agency.id, code: agency.code, name: agency.name }], title: agency.name };
}

export const reportEnvOf = (ctx: CoreContext): ReportEnv => ({ db: ctx.db, calendar: ctx.settings.businessCalendar, now: ctx.clock.now() });

export interface ReportFiles {
  report: ServiceReport;
  charts: ReportChart[];
  pdf: Buffer;
  csv: string;
  /** "laporan-layanan-DKP-2026-11" (without extension). */
  baseName: string;
}

export function reportBaseName(report: ServiceReport): string {
  return `laporan-layanan-${report.scope.agencyCode ?? 'provinsi'}-${report.month}`;
}

/**
 * Charts, PDF and CSV of a report already collected. The chart and PDF libraries are loaded here, on the first
 * report, not at start-up: they weigh about 70 MB of memory that a server posting one report a month should not
 * carry all month.
 */
export async function renderReportFiles(report: ServiceReport): Promise<ReportFiles> {
  const [{ renderReportCharts }, { renderReportPdf }] = await Promise.all([import('./report-charts.js'), import('./report-pdf.js')]);
  const charts = await renderReportCharts(report);
  const pdf = await renderReportPdf(report, charts);
  return { report, charts, pdf, csv: renderReportCsv(report), baseName: reportBaseName(report) };
}

export async function buildServiceReport(ctx: CoreContext, input: { month: ReportMonth; agencyCode?: string; province?: boolean }): Promise<ServiceReport> {
  return collectServiceReport(reportEnvOf(ctx), await reportScope(ctx, input), input.month);
}
