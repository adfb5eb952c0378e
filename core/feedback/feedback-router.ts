import { z } from 'zod';
import { router, staffProcedure } from '../trpc/init.js';
import { feedbackKindSchema, submitFeedback } from './feedback-service.js';

export const feedbackRouter = router({
  submit: staffProcedure
    .input(z.object({ kind: feedbackKindSchema, text: z.string().trim().min(1, 'tulis isi masukan').max(5000), anonymous: z.boolean() }))
    .mutation(({ ctx, input }) => submitFeedback(ctx, input)),
});
