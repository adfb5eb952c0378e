import { z } from 'zod';

/** SKM_SURVEY: `off`, or `after_ticket` (offered on Telegram when a ticket is resolved). */
export const surveyModeSchema = z.enum(['off', 'after_ticket'], { error: 'expected off or after_ticket' });

export const surveySettingsSchema = z.object({
  mode: surveyModeSchema,
  /** Anonymous responses keep no ticket, no person and no time of day. */
  anonymous: z.boolean(),
});
export type SurveySettings = z.infer<typeof surveySettingsSchema>;
