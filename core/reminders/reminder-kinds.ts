import { z } from 'zod';

/** The reminder types a staff member can mute one by one with /pengingat. */
export const reminderKinds = ['kgb', 'kp', 'pensiun', 'tenggat', 'khusus'] as const;
export type ReminderKind = (typeof reminderKinds)[number];

export const reminderKindSchema = z.enum(reminderKinds, { error: 'jenis pengingat harus kgb, kp, pensiun, tenggat atau khusus' });

export const reminderKindLabels: Record<ReminderKind, { id: string; en: string }> = {
  kgb: { id: 'Kenaikan gaji berkala (KGB)', en: 'Salary step (KGB)' },
  kp: { id: 'Kenaikan pangkat (KP)', en: 'Promotion (KP)' },
  pensiun: { id: 'Pensiun', en: 'Retirement' },
  tenggat: { id: 'Tenggat tahunan (SKP, LHKPN, LHKASN)', en: 'Yearly deadlines (SKP, LHKPN, LHKASN)' },
  khusus: { id: 'Pengingat dari petugas kepegawaian', en: 'Reminders from HR' },
};

/**
 * What became of one occurrence: sent to the person's Telegram, listed in the HR digest instead (no linked chat,
 * or the chat blocked the bot), not sent because the person muted the type, or skipped because a later stage of
 * the same event was already due (catch-up after a first run or downtime).
 */
export const reminderRoutes = ['telegram', 'digest', 'muted', 'superseded'] as const;
export type ReminderRoute = (typeof reminderRoutes)[number];
