import { telegramChatsOf } from '../audience/resolve-audience.js';
import { databaseKindOf } from '../db/bulk-insert.js';
import type { Db } from '../db/client.js';
import type { Logger } from '../logging/logger.js';
import { enqueueMany, type QueuedIntent } from '../outbox/enqueue-many.js';
import { onceInTransaction } from '../scheduling/once-in-transaction.js';
import { describeSessionTime } from './session-time.js';
import type { StoredSession } from './session-service.js';

const hourMs = 3_600_000;

type ReminderKind = 'day' | 'hour';

/** When each reminder is due: 24 hours and one hour before the start. */
const leadTime: Record<ReminderKind, number> = { day: 24 * hourMs, hour: hourMs };

function reminderText(session: StoredSession, kind: ReminderKind, answer: string): string {
  const when = kind === 'day' ? 'Besok' : 'Satu jam lagi';
  const where = answer === 'online' && session.onlineLink ? `Tautan daring: ${session.onlineLink}` : session.place ? `Tempat: ${session.place}` : `Tautan daring: ${session.onlineLink}`;
  return [
    `Pengingat sosialisasi — ${when}: ${session.title}`,
    `Narasumber: ${session.speaker}`,
    `Waktu: ${describeSessionTime(session)}`,
    where,
    '',
    'Pertanyaan untuk narasumber dapat dikirim dengan /tanyasosialisasi. Di ruangan, kirim /hadir KODE dengan kode yang diumumkan.',
  ].join('\n');
}

/**
 * Reminds those who answered Hadir or Online the day before (24 hours ahead) and one hour before. Each reminder of
 * a session is queued in one transaction with its JobRun mark, so it goes out once whatever restarts or instances.
 * A reminder whose time came before the session was even created is skipped (the invitation is fresh), and so is
 * the day-before one once the hour-before one is due.
 */
export async function sendSessionReminders(db: Db, now: Date, log: Logger): Promise<number> {
  const sessions = await db.sosialisasiSession.findMany({
    where: { status: 'scheduled', startsAt: { gt: now, lte: new Date(now.getTime() + leadTime.day) } },
  });
  let queued = 0;
  for (const session of sessions) {
    for (const kind of ['day', 'hour'] as const) {
      const dueAt = new Date(session.startsAt.getTime() - leadTime[kind]);
      if (now < dueAt || session.createdAt >= dueAt) continue;
      if (kind === 'day' && now.getTime() >= session.startsAt.getTime() - leadTime.hour) continue;
      const runKey = `${session.id}:${kind}`;
      if (await db.jobRun.findUnique({ where: { job_runKey: { job: 'sosialisasi-reminder', runKey } } })) continue;
      const chats = await telegramChatsOf(db, session.agencyId);
      const count = await onceInTransaction(db, 'sosialisasi-reminder', runKey, async (tx) => {
        // Read inside the transaction: an answer changed up to this moment is the one reminded.
        const answers = await tx.sessionRsvp.findMany({ where: { sessionId: session.id, answer: { in: ['hadir', 'online'] } } });
        const intents: QueuedIntent[] = answers.flatMap((rsvp) => {
          const chat = chats.get(rsvp.employeeId);
          if (!chat || chat.blocked) return [];
          // The hour-before reminder is for now, whatever the hour; the day-before one waits out the night.
          return [{ intent: { channel: 'telegram', kind: 'telegram.text', chatId: chat.chatId, lang: 'id', text: reminderText(session, kind, rsvp.answer), holdInQuietHours: kind === 'day' } }];
        });
        await enqueueMany(tx, databaseKindOf(db), intents, now);
        return intents.length;
      });
      if (count !== null) {
        queued += count;
        log.info({ session: session.number, kind, reminders: count }, 'sosialisasi reminders queued');
      }
    }
  }
  return queued;
}
