import { z } from 'zod';
import { todayOf } from '../clock/clock.js';
import { calendarDateSchema } from '../records/employee.js';
import { ownEmployee } from '../records/employee-access.js';
import type { CoreContext } from '../trpc/context.js';
import { hrOfficerProcedure, router, staffProcedure } from '../trpc/init.js';
import { currentAndNextKpPeriods, kpProposalsOf } from './kp-proposals.js';
import { kpStageMeaning, kpStageOf, type KpStage } from './kp-status.js';

export interface KpProposalView {
  period: string;
  statusCode: string | null;
  /** SIASN's own words for the status. */
  statusName: string | null;
  stage: KpStage;
  meaning: { id: string; en: string };
  kpType: string | null;
  tmtKp: string | null;
  pertekNumber: string | null;
  skNumber: string | null;
  fetchedAt: Date;
}

type ProposalRow = Awaited<ReturnType<typeof kpProposalsOf>>[number];

function view(row: ProposalRow): KpProposalView {
  const stage = kpStageOf(row.statusCode, row.statusName);
  return {
    period: row.period,
    statusCode: row.statusCode,
    statusName: row.statusName,
    stage,
    meaning: kpStageMeaning[stage],
    kpType: row.kpType,
    tmtKp: row.tmtKp,
    pertekNumber: row.pertekNumber,
    skNumber: row.skNumber,
    fetchedAt: row.fetchedAt,
  };
}

/** When KP proposals were last read from SIASN (the latest finished applied sync), or null when never. */
async function lastReadAt(ctx: CoreContext): Promise<Date | null> {
  const run = await ctx.db.siasnSyncRun.findFirst({ where: { dryRun: false, status: 'done' }, orderBy: { finishedAt: 'desc' }, select: { finishedAt: true } });
  return run?.finishedAt ?? null;
}

export const siasnRouter = router({
  /** The caller's own KP proposals as SIASN last listed them (current and next period). Staff see only their own. */
  myKpProposals: staffProcedure.query(async ({ ctx }) => {
    const me = await ownEmployee(ctx);
    const periods = currentAndNextKpPeriods(todayOf(ctx.clock), ctx.settings.careerRules);
    if (!ctx.settings.siasn) return { configured: false as const, periods, readAt: null, proposals: [] };
    const rows = await kpProposalsOf(ctx.db, me.id);
    return { configured: true as const, periods, readAt: await lastReadAt(ctx), proposals: rows.map(view) };
  }),

  /** HR: the agency's KP proposals for one period, with each one's status. */
  kpProposals: hrOfficerProcedure.input(z.object({ period: calendarDateSchema })).query(async ({ ctx, input }) => {
    if (!ctx.settings.siasn) return { configured: false as const, period: input.period, readAt: null, proposals: [] };
    const rows = await ctx.db.siasnKpProposal.findMany({ where: { period: input.period }, orderBy: { nip: 'asc' } });
    const employees = await ctx.db.employee.findMany({
      where: { id: { in: rows.flatMap((r) => (r.employeeId ? [r.employeeId] : [])) } },
      select: { id: true, name: true, unit: true, agencyId: true },
    });
    const byId = new Map(employees.map((e) => [e.id, e]));
    // An HR officer bound to one agency sees that agency's people (and proposals for NIPs not in LAYANI, which the
    // agency's own SIASN account listed).
    const visible = rows.filter((r) => {
      const e = r.employeeId ? byId.get(r.employeeId) : undefined;
      return !e || ctx.actor.agencyId === null || e.agencyId === ctx.actor.agencyId;
    });
    return {
      configured: true as const,
      period: input.period,
      readAt: await lastReadAt(ctx),
      proposals: visible.map((r) => {
        const e = r.employeeId ? byId.get(r.employeeId) : undefined;
        return { nip: r.nip, name: e?.name ?? null, unit: e?.unit ?? null, ...view(r) };
      }),
    };
  }),
});
