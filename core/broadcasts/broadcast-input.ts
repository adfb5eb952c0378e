import cron from 'node-cron';
import { z } from 'zod';
import { audienceSchema } from '../audience/audience.js';
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

export const newBroadcastSchema = z.object({
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
  topic: z.string().trim().max(50).nullable().default(null),
  mandatory: z.boolean().default(true),
  /** Admins may address another agency; everyone else posts to their own. */
  agencyId: z.string().optional(),
});
export type NewBroadcast = z.infer<typeof newBroadcastSchema>;
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
