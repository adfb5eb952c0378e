import { z } from 'zod';
import { describeAudience } from '../audience/audience.js';
import { hrLeadProcedure, hrOfficerProcedure, router, staffProcedure } from '../trpc/init.js';
import { acknowledgeBroadcast } from './acknowledge.js';
import { newBroadcastSchema } from './broadcast-input.js';
import { notifyBroadcastDue } from './broadcast-events.js';
import { audienceOf, cancelBroadcast, createBroadcast, decideBroadcast, findBroadcast } from './broadcast-service.js';
import { broadcastStatus } from './broadcast-status.js';

const byRef = z.union([z.object({ broadcastId: z.string() }), z.object({ number: z.number().int().positive() })]);

export const broadcastsRouter = router({
  create: hrOfficerProcedure.input(newBroadcastSchema).mutation(async ({ ctx, input }) => {
    const broadcast = await createBroadcast(ctx, ctx.actor, input);
    // "Now" means now, not at the next minute tick.
    if (broadcast.status === 'scheduled' && broadcast.scheduleKind === 'now') await notifyBroadcastDue(ctx.db, ctx.log);
    return { broadcastId: broadcast.id, number: broadcast.number, status: broadcast.status };
  }),

  approve: hrLeadProcedure.input(z.object({ broadcastId: z.string() })).mutation(async ({ ctx, input }) => {
    const broadcast = await decideBroadcast(ctx, ctx.actor, input.broadcastId, true);
    await notifyBroadcastDue(ctx.db, ctx.log);
    return { number: broadcast.number, status: broadcast.status };
  }),

  reject: hrLeadProcedure.input(z.object({ broadcastId: z.string() })).mutation(async ({ ctx, input }) => {
    const broadcast = await decideBroadcast(ctx, ctx.actor, input.broadcastId, false);
    return { number: broadcast.number, status: broadcast.status };
  }),

  cancel: hrOfficerProcedure.input(z.object({ broadcastId: z.string() })).mutation(async ({ ctx, input }) => {
    const broadcast = await cancelBroadcast(ctx, ctx.actor, input.broadcastId);
    return { number: broadcast.number, status: broadcast.status };
  }),

  list: hrOfficerProcedure.input(z.object({ limit: z.number().int().min(1).max(100).default(20) }).default({ limit: 20 })).query(async ({ ctx, input }) => {
    const rows = await ctx.db.broadcast.findMany({
      where: ctx.actor.role === 'admin' ? {} : { agencyId: ctx.actor.agencyId ?? '' },
      orderBy: { createdAt: 'desc' },
      take: input.limit,
    });
    return rows.map((b) => ({
      broadcastId: b.id,
      number: b.number,
      title: b.title,
      status: b.status,
      schedule: b.scheduleKind === 'cron' ? `cron ${b.cron}` : b.runAt?.toISOString() ?? null,
      audience: describeAudience(audienceOf(b)),
      needsAck: b.needsAck,
      urgent: b.urgent,
      createdAt: b.createdAt.toISOString(),
    }));
  }),

  get: hrOfficerProcedure.input(byRef).query(async ({ ctx, input }) => {
    const b = await findBroadcast(ctx.db, ctx.actor, input);
    return {
      broadcastId: b.id,
      number: b.number,
      title: b.title,
      text: b.text,
      status: b.status,
      scheduleKind: b.scheduleKind,
      runAt: b.runAt?.toISOString() ?? null,
      cron: b.cron,
      audience: audienceOf(b),
      audienceText: describeAudience(audienceOf(b)),
      urgent: b.urgent,
      needsAck: b.needsAck,
      nudgeAfterDays: b.nudgeAfterDays,
      createdBy: b.createdBy,
      decidedBy: b.decidedBy,
    };
  }),

  /** sent / delivered / failed / acknowledged, in total and per unit. */
  status: hrOfficerProcedure.input(byRef).query(async ({ ctx, input }) => broadcastStatus(ctx.db, await findBroadcast(ctx.db, ctx.actor, input))),

  acknowledge: staffProcedure
    .input(z.object({ broadcastId: z.string() }))
    .mutation(({ ctx, input }) => acknowledgeBroadcast(ctx.db, ctx.clock, ctx.actor, input.broadcastId, 'api')),
});
