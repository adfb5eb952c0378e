import cron from 'node-cron';
import { z } from 'zod';
import { audienceSchema } from '../audience/audience.js';
import { isCalendarDate } from '../dates/calendar-date.js';
import { careerKindSchema, careerTopic, infoTopicSchema } from '../infodesk/topics.js';
import { attachmentSchema } from '../outbox/outbox-intent.js';

export const broadcastScheduleSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('now') }),
  z.object({ kind: z.literal('once'), at: z.coerce.date({ error: 'waktu kirim tidak valid (contoh: 2026-12-01T08:00:00+07:00)' }) }),
  z.object({
    kind: z.literal('cron'),
    expression: z
      .string()
      .trim()
      .refine((value) => value.split(/\s+/).length === 5 && cron.validate(value), 'ekspresi cron harus 5 bagian yang valid, misalnya "0 8 * * 1" (Senin 08.00 WIB)'),
  }),
]);
export type BroadcastSchedule = z.infer<typeof broadcastScheduleSchema>;

/** Telegram allows 4096 characters per message; the title and the confirmation line need room too. */
export const maxBroadcastText = 3500;

const calendarDate = z.string().trim().refine(isCalendarDate, 'tanggal ditulis YYYY-MM-DD, misalnya 2026-12-04');

export const newBroadcastSchema = z
  .object({
    title: z.string().trim().min(3, 'judul minimal 3 karakter').max(200, 'judul maksimal 200 karakter'),
    text: z.string().trim().min(1, 'isi siaran wajib diisi').max(maxBroadcastText, `isi siaran maksimal ${maxBroadcastText} karakter`),
    audience: audienceSchema,
    schedule: broadcastScheduleSchema.default({ kind: 'now' }),
    /** Goes out during quiet hours (21:00–06:00 WIB) too. */
    urgent: z.boolean().default(false),
    /** "Perlu konfirmasi": readers press "Saya sudah membaca dan memahami". */
    needsAck: z.boolean().default(false),
    /** Days before those who have not confirmed are reminded (at most twice); null = the configured default. */
    nudgeAfterDays: z.number().int().min(1).max(30).nullable().default(null),
    attachment: attachmentSchema.nullable().default(null),
    /** An information-desk topic: the broadcast is filed under it in the archive (/info). */
    topic: infoTopicSchema.nullable().default(null),
    /**
     * "Wajib": reaches the whole audience even those who unsubscribed from the topic. Left out, a broadcast with a
     * topic goes to the topic's subscribers only, and one without a topic to everyone in the audience.
     */
    mandatory: z.boolean().optional(),
    /** Who the information comes from (BKPSDMD, BKN, …); shown in the archive. */
    source: z.string().trim().max(100, 'sumber maksimal 100 karakter').nullable().default(null),
    /** Career opportunities only: diklat, seleksi or lowongan, and the last day to apply (WIB). */
    careerKind: careerKindSchema.nullable().default(null),
    closesOn: calendarDate.nullable().default(null),
    /** In force until then (null: until replaced); shown to people who link their account while it is in force. */
    validUntil: z.coerce.date({ error: 'tanggal berlaku tidak valid (contoh: 2027-06-30)' }).nullable().default(null),
    /** Admins may address another agency; everyone else posts to their own. */
    agencyId: z.string().optional(),
  })
  .superRefine((value, ctx) => {
    if (value.topic === careerTopic) {
      if (!value.careerKind) ctx.addIssue({ code: 'custom', path: ['careerKind'], message: 'peluang karier perlu jenisnya: diklat, seleksi atau lowongan' });
      if (!value.closesOn) ctx.addIssue({ code: 'custom', path: ['closesOn'], message: 'peluang karier perlu tanggal penutupan pendaftaran (YYYY-MM-DD)' });
    } else if (value.careerKind || value.closesOn) {
      ctx.addIssue({ code: 'custom', path: ['topic'], message: 'jenis dan tanggal penutupan hanya untuk topik peluang_karir' });
    }
  })
  .transform(({ mandatory, ...rest }) => ({ ...rest, mandatory: mandatory ?? rest.topic === null }));
export type NewBroadcast = z.output<typeof newBroadcastSchema>;
export type NewBroadcastInput = z.input<typeof newBroadcastSchema>;

export const broadcastStatuses = ['pending_approval', 'scheduled', 'sent', 'cancelled', 'rejected'] as const;
export type BroadcastStatus = (typeof broadcastStatuses)[number];

export const broadcastStatusLabels: Record<BroadcastStatus, string> = {
  pending_approval: 'menunggu persetujuan',
  scheduled: 'terjadwal',
  sent: 'terkirim',
  cancelled: 'dibatalkan',
  rejected: 'ditolak',
};
