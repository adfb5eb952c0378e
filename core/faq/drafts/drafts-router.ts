import { z } from 'zod';
import { hrLeadProcedure, hrOfficerProcedure, router } from '../../trpc/init.js';
import { approveDraft, createDraftFromTicket, rejectDraft } from './draft-service.js';

const draftId = z.string().min(1).max(64);

/** "Jadikan FAQ": HR officers draft corpus entries from resolved tickets; HR leads approve or reject them. */
export const faqDraftsRouter = router({
  createFromTicket: hrOfficerProcedure
    .input(z.object({ ticketId: z.string().min(1) }))
    .mutation(({ ctx, input }) => createDraftFromTicket(ctx, input.ticketId)),
  approve: hrLeadProcedure
    .input(
      z.object({
        draftId,
        title: z.string().trim().min(1, 'judul tidak boleh kosong').max(150, 'judul paling panjang 150 karakter').optional(),
        answer: z.string().trim().min(1, 'jawaban tidak boleh kosong').max(20_000, 'jawaban terlalu panjang (maks. 20.000 karakter)').optional(),
      }),
    )
    .mutation(({ ctx, input }) => approveDraft(ctx, input)),
  reject: hrLeadProcedure.input(z.object({ draftId })).mutation(({ ctx, input }) => rejectDraft(ctx, input.draftId)),
});
