import { z } from 'zod';
import { hrOfficerProcedure, router, staffProcedure } from '../trpc/init.js';
import { cancelCustomReminder, createCustomReminder, customReminderInputSchema, listCustomReminders } from './custom-reminder-service.js';
import { createDeadline, deadlineInputSchema, listDeadlines, removeDeadline } from './deadline-service.js';
import { composeDigest } from './digest/send-digest.js';
import { agencyForHr } from './hr-agency.js';
import { isFirstBusinessDayOfWeek } from './reminder-schedule.js';
import { reminderKindSchema } from './reminder-kinds.js';
import { myReminders, reminderEnvOf, setReminderMuted, upcomingForAgency } from './reminder-queries.js';
import { todayOf } from '../clock/clock.js';

const lang = z.enum(['id', 'en']).default('id');
const id = z.object({ id: z.string().trim().min(1, 'id wajib diisi') });
const agencyCode = z.string().optional();

export const remindersRouter = router({
  // --- staff (Telegram /pengingat) ---
  mine: staffProcedure.input(z.object({ lang }).optional()).query(({ ctx, input }) => myReminders(ctx, input?.lang ?? 'id')),
  mute: staffProcedure.input(z.object({ kind: reminderKindSchema })).mutation(({ ctx, input }) => setReminderMuted(ctx, input.kind, true)),
  unmute: staffProcedure.input(z.object({ kind: reminderKindSchema })).mutation(({ ctx, input }) => setReminderMuted(ctx, input.kind, false)),

  // --- HR: custom reminders ---
  createCustom: hrOfficerProcedure.input(customReminderInputSchema).mutation(({ ctx, input }) => createCustomReminder(ctx, input)),
  listCustom: hrOfficerProcedure
    .input(z.object({ includeFinished: z.boolean().default(false), agencyCode }).optional())
    .query(({ ctx, input }) => listCustomReminders(ctx, input ?? {})),
  cancelCustom: hrOfficerProcedure.input(id).mutation(({ ctx, input }) => cancelCustomReminder(ctx, input.id)),

  // --- HR: yearly deadlines ---
  createDeadline: hrOfficerProcedure.input(deadlineInputSchema).mutation(({ ctx, input }) => createDeadline(ctx, input)),
  listDeadlines: hrOfficerProcedure.input(z.object({ agencyCode }).optional()).query(({ ctx, input }) => listDeadlines(ctx, input ?? {})),
  removeDeadline: hrOfficerProcedure.input(id).mutation(({ ctx, input }) => removeDeadline(ctx, input.id)),

  // --- HR: what is coming, and the digest as it would be posted now ---
  upcoming: hrOfficerProcedure
    .input(z.object({ days: z.number().int().min(1).max(366).default(30), limit: z.number().int().min(1).max(5000).default(200), agencyCode }).optional())
    .query(({ ctx, input }) => upcomingForAgency(ctx, { days: input?.days ?? 30, limit: input?.limit ?? 200, agencyCode: input?.agencyCode })),
  digestPreview: hrOfficerProcedure
    .input(z.object({ weekly: z.boolean().optional(), agencyCode }).optional())
    .query(async ({ ctx, input }) => {
      const agency = await agencyForHr(ctx, input?.agencyCode, 'read');
      const weekly = input?.weekly ?? isFirstBusinessDayOfWeek(ctx.settings.businessCalendar, todayOf(ctx.clock));
      return composeDigest(reminderEnvOf(ctx), agency.id, ctx.clock.now(), weekly);
    }),
});
