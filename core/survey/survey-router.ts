import { z } from 'zod';
import { router, staffProcedure } from '../trpc/init.js';
import { skmScoresSchema } from './skm-index.js';
import { submitSurvey, surveyOpen } from './survey-service.js';

const ticketId = z.string().min(1).max(64);

export const surveyRouter = router({
  /** Before the questions: is this ticket's survey still open for the asker, and is it anonymous? */
  open: staffProcedure.input(z.object({ ticketId })).query(({ ctx, input }) => surveyOpen(ctx, input.ticketId)),
  /** The nine answers (1–4) at once, stored as one response. */
  submit: staffProcedure
    .input(z.object({ ticketId, scores: skmScoresSchema }))
    .mutation(({ ctx, input }) => submitSurvey(ctx, input)),
});
