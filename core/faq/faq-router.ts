import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { ticketCategorySchema } from '../tickets/categories.js';
import { openTicket } from '../tickets/ticket-service.js';
import type { CoreContext } from '../trpc/context.js';
import { hrOfficerProcedure, router, staffProcedure } from '../trpc/init.js';
import type { FaqEngine } from './faq-engine.js';
import { countFaqOutcome } from './outcome-counts.js';

/** The engine the runtime configured (corpus, LLM, threshold). */
export function faqEngineOf(ctx: CoreContext): FaqEngine {
  return ctx.settings.faq;
}

const langSchema = z.enum(['id', 'en']).default('id');

export const faqRouter = router({
  /** Answers a staff question: answer with sources, personal dates, a hand-over offer, or a polite refusal. */
  ask: staffProcedure
    .input(z.object({ question: z.string().trim().min(1, 'pertanyaan wajib diisi').max(1000, 'pertanyaan paling panjang 1000 karakter'), lang: langSchema }))
    .mutation(async ({ ctx, input }) => {
      const reply = await faqEngineOf(ctx).ask(ctx, input.question, input.lang);
      // Counted for the monthly service report: questions of staff members (HR trying answers in Slack are not).
      if (ctx.actor.employeeId && ctx.actor.agencyId) await countFaqOutcome(ctx.db, ctx.actor.agencyId, reply.kind, ctx.clock.now());
      return reply;
    }),

  /** 👍/👎 on an answer; 👎 comes back with `offerHuman` so the adapter shows "Hubungi petugas". */
  rate: staffProcedure
    .input(z.object({ answerId: z.string().min(1).max(64), helpful: z.boolean() }))
    .mutation(({ ctx, input }) => faqEngineOf(ctx).rate(ctx, input.answerId, input.helpful)),

  /**
   * "Hubungi petugas": opens a ticket carrying the question, either the one behind a recent answer (`answerId`,
   * same actor, within an hour) or the text given.
   */
  handOver: staffProcedure
    .input(
      z
        .object({
          answerId: z.string().min(1).max(64).optional(),
          question: z.string().trim().min(1).max(4000).optional(),
          category: ticketCategorySchema.optional(),
          lang: langSchema,
        })
        .refine((v) => v.answerId !== undefined || v.question !== undefined, 'answerId atau question wajib diisi'),
    )
    .mutation(async ({ ctx, input }) => {
      const remembered = input.answerId ? faqEngineOf(ctx).handOver(ctx.actor.ref, input.answerId) : null;
      const question = input.question ?? remembered?.question;
      if (!question) {
        throw new TRPCError({
          code: 'NOT_FOUND',
          message: 'Pertanyaan itu sudah tidak tersimpan; tulis ulang pertanyaan Anda. / That question has expired; please type it again.',
        });
      }
      const result = await openTicket(ctx, { category: input.category ?? remembered?.category ?? 'lainnya', text: question, lang: input.lang });
      return { ticketId: result.ticketId, number: result.number, outsideOfficeHours: result.outsideOfficeHours };
    }),

  /**
   * 👍/👎 counts per document (stored, so they survive restarts), the most distrusted first, for HR to see which
   * entries need work. HR bound to an agency sees its own staff's ratings; `from`/`to` narrow the period.
   */
  feedbackSummary: hrOfficerProcedure
    .input(z.object({ from: z.coerce.date().optional(), to: z.coerce.date().optional() }).optional())
    .query(({ ctx, input }) =>
      faqEngineOf(ctx).feedbackSummary(ctx, { from: input?.from, to: input?.to, agencyId: ctx.actor.agencyId ?? undefined }),
    ),

  /** Corpus files that could not be loaded (or loaded with a remark): file, line, reason. */
  corpusProblems: hrOfficerProcedure.query(({ ctx }) => {
    const knowledge = faqEngineOf(ctx).knowledge;
    return { documents: knowledge.documents.length, chunks: knowledge.chunks.length, problems: [...knowledge.problems] };
  }),
});
