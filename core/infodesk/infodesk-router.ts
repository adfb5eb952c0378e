import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import type { Actor } from '../auth/actor.js';
import { findBroadcast } from '../broadcasts/broadcast-service.js';
import { enqueue } from '../outbox/enqueue.js';
import { staffOrderKey } from '../tickets/staff-chat.js';
import { hrOfficerProcedure, router, staffProcedure } from '../trpc/init.js';
import { archivePage, isInArchiveOf } from './archive.js';
import { broadcastCopyFor } from './broadcast-copy.js';
import { interestedStaff, registerInterest } from './career-interest.js';
import { ownTelegramChat } from './own-chat.js';
import { sendStillInForce, stillInForceFor } from './still-in-force.js';
import { setSubscription, subscriptionsOf } from './subscriptions.js';
import { careerKinds, infoTopics, infoTopicSchema } from './topics.js';

function employeeIdOf(actor: Actor): string {
  if (!actor.employeeId) throw new TRPCError({ code: 'FORBIDDEN', message: 'Tautkan akun Anda dulu. / Link your account first.' });
  return actor.employeeId;
}

/** The information desk: the archive of announcements by topic, subscriptions, career interest. */
export const infodeskRouter = router({
  topics: staffProcedure.query(() => ({ topics: infoTopics, careerKinds })),

  /** The archive for the caller: announcements addressed to them, newest first, 5 per page; by topic or words. */
  archive: staffProcedure
    .input(z.object({ topic: infoTopicSchema.nullable().default(null), query: z.string().trim().max(100).nullable().default(null), page: z.number().int().min(0).default(0) }))
    .query(({ ctx, input }) => archivePage(ctx.db, employeeIdOf(ctx.actor), input)),

  /** Sends one archived announcement in full to the caller's own Telegram chat (text, attachment, buttons). */
  sendToMe: staffProcedure.input(z.object({ broadcastId: z.string().min(1).max(64) })).mutation(async ({ ctx, input }) => {
    const employeeId = employeeIdOf(ctx.actor);
    if (!(await isInArchiveOf(ctx.db, employeeId, input.broadcastId))) {
      throw new TRPCError({ code: 'NOT_FOUND', message: 'Pengumuman ini tidak ada di arsip Anda. / Not in your archive.' });
    }
    const chatId = await ownTelegramChat(ctx.db, employeeId);
    if (!chatId) throw new TRPCError({ code: 'PRECONDITION_FAILED', message: 'Akun Telegram Anda belum tertaut. / Your Telegram account is not linked.' });
    const broadcast = await ctx.db.broadcast.findUniqueOrThrow({ where: { id: input.broadcastId } });
    const acknowledged = (await ctx.db.broadcastAck.count({ where: { broadcastId: broadcast.id, employeeId } })) > 0;
    await enqueue(ctx.db, await broadcastCopyFor(ctx.db, broadcast, chatId, ctx.clock.now(), acknowledged), { orderKey: staffOrderKey(chatId) });
    return { title: broadcast.title };
  }),

  subscriptions: staffProcedure.query(({ ctx }) => subscriptionsOf(ctx.db, employeeIdOf(ctx.actor))),

  setSubscription: staffProcedure.input(z.object({ topic: infoTopicSchema, subscribed: z.boolean() })).mutation(async ({ ctx, input }) => {
    await setSubscription(ctx.db, employeeIdOf(ctx.actor), input.topic, input.subscribed, ctx.clock.now());
    return subscriptionsOf(ctx.db, employeeIdOf(ctx.actor));
  }),

  /** "Saya tertarik" on a career opportunity. */
  registerInterest: staffProcedure
    .input(z.object({ broadcastId: z.string().min(1).max(64) }))
    .mutation(({ ctx, input }) => registerInterest(ctx.db, ctx.clock.now(), ctx.actor, input.broadcastId)),

  /** For HR: who is interested in a career opportunity (name, unit, rank). */
  interested: hrOfficerProcedure
    .input(z.union([z.object({ broadcastId: z.string() }), z.object({ number: z.number().int().positive() })]))
    .query(async ({ ctx, input }) => {
      const broadcast = await findBroadcast(ctx.db, ctx.actor, input);
      return { number: broadcast.number, title: broadcast.title, closesOn: broadcast.closesOn, careerKind: broadcast.careerKind, people: await interestedStaff(ctx.db, broadcast.id) };
    }),

  /** Mandatory announcements still in force that the caller has not confirmed. */
  stillInForce: staffProcedure.query(async ({ ctx }) =>
    (await stillInForceFor(ctx.db, employeeIdOf(ctx.actor), ctx.clock.now())).map((b) => ({ broadcastId: b.id, number: b.number, title: b.title, publishedAt: b.publishedAt?.toISOString() ?? null })),
  ),

  /** Sends those to the caller's own chat (the Telegram bot calls this right after linking). */
  sendStillInForce: staffProcedure.mutation(({ ctx }) => sendStillInForce(ctx.db, ctx.clock.now(), employeeIdOf(ctx.actor))),
});
