import { z } from 'zod';
import { audienceSchema } from '../audience/audience.js';
import { isCalendarDate } from '../dates/calendar-date.js';
import { infoTopicSchema } from '../infodesk/topics.js';

const time = z
  .string()
  .trim()
  .regex(/^([01]?\d|2[0-3])[:.][0-5]\d$/, 'jam ditulis JJ:MM, misalnya 09:00');

/** A new sosialisasi session as HR describes it: times are WIB wall-clock times on one day. */
export const newSessionSchema = z
  .object({
    title: z.string().trim().min(3, 'judul minimal 3 karakter').max(150, 'judul maksimal 150 karakter'),
    topic: infoTopicSchema.nullable().default(null),
    /** Speaker or organiser, e.g. "BKPSDMD Provinsi" or "Perwakilan Korpri". */
    speaker: z.string().trim().min(2, 'isi narasumber/penyelenggara, misalnya BKPSDMD').max(150, 'narasumber maksimal 150 karakter'),
    date: z.string().trim().refine(isCalendarDate, 'tanggal ditulis YYYY-MM-DD, misalnya 2026-12-01'),
    startTime: time,
    /** Two hours after the start when left out. */
    endTime: time.nullable().default(null),
    place: z.string().trim().max(200, 'tempat maksimal 200 karakter').nullable().default(null),
    onlineLink: z.url({ protocol: /^https?$/, error: 'tautan daring harus alamat https://…' }).max(500).nullable().default(null),
    audience: audienceSchema,
    /** Seats in the room; null = no limit. */
    capacity: z.number().int().min(1, 'kapasitas minimal 1').max(100_000).nullable().default(null),
    /** Admins may address another agency; everyone else their own. */
    agencyId: z.string().optional(),
  })
  .refine((value) => value.place || value.onlineLink, { path: ['place'], message: 'isi tempat atau tautan daring (atau keduanya)' });

export type NewSessionInput = z.input<typeof newSessionSchema>;
export type NewSession = z.output<typeof newSessionSchema>;

export const rsvpAnswers = ['hadir', 'tidak', 'online'] as const;
export type RsvpAnswer = (typeof rsvpAnswers)[number];
export const rsvpAnswerSchema = z.enum(rsvpAnswers);

export const rsvpLabels: Record<RsvpAnswer, string> = { hadir: 'Hadir', tidak: 'Tidak hadir', online: 'Online' };

/** The session's states and their labels live with its transitions. */
export { sessionStatuses, sessionStatusLabels, type SessionStatus } from './session-lifecycle.js';
