import { TRPCError } from '@trpc/server';
import type { TransactionClient } from '../db/client.js';
import type { DatabaseKind } from '../db/database-url.js';
import { enqueueMany, type QueuedIntent } from '../outbox/enqueue-many.js';
import { chatLanguages } from '../reminders/chat-language.js';
import type { StoredSession } from './session-service.js';
import { describeSessionTime } from './session-time.js';

/**
 * A sosialisasi session's lifecycle, in one place. The stored status:
 *
 * | status      | label       | how it gets there                                   | staff may                         |
 * |-------------|-------------|-----------------------------------------------------|-----------------------------------|
 * | `scheduled` | terjadwal   | HR schedules it (its invitation may await approval) | answer, ask, check in on the day  |
 * | `finished`  | selesai     | HR closes it after it took place                    | read the materials once sent      |
 * | `cancelled` | dibatalkan  | HR calls it off                                     | nothing: told why                 |
 * | `rejected`  | ditolak     | an HR lead rejects its invitation                   | nothing: told why                 |
 *
 * A closed session's materials have a state of their own, read from their broadcast: none yet, waiting for
 * approval, sent, or rejected (or withdrawn), and then they may be submitted again. Cancelled and rejected sessions
 * are marked as such wherever they are seen: `/info` and the full copy of the invitation, `daftar` and `lihat`.
 */
export const sessionStatuses = ['scheduled', 'finished', 'cancelled', 'rejected'] as const;
export type SessionStatus = (typeof sessionStatuses)[number];

export const sessionStatusLabels: Record<SessionStatus, string> = { scheduled: 'terjadwal', finished: 'selesai', cancelled: 'dibatalkan', rejected: 'ditolak' };

/** Sessions that ended without taking place. */
export function isCalledOff(status: string): status is 'cancelled' | 'rejected' {
  return status === 'cancelled' || status === 'rejected';
}

export type MaterialsState = 'none' | 'pending_approval' | 'sent' | 'rejected' | 'cancelled';

/** The materials' state from their broadcast's status (null: none submitted yet). */
export function materialsStateOf(broadcastStatus: string | null): MaterialsState {
  if (broadcastStatus === null) return 'none';
  if (broadcastStatus === 'pending_approval') return 'pending_approval';
  if (broadcastStatus === 'rejected') return 'rejected';
  if (broadcastStatus === 'cancelled') return 'cancelled';
  return 'sent';
}

/** Materials may be (re)submitted when none went out and none are waiting for a lead. */
export function mayResubmitMaterials(state: MaterialsState): boolean {
  return state === 'none' || state === 'rejected' || state === 'cancelled';
}

const materialsLabels: Record<MaterialsState, string> = {
  none: 'materi belum dikirim',
  pending_approval: 'materi menunggu persetujuan',
  sent: 'materi terkirim',
  rejected: 'materi ditolak, dapat dikirim ulang',
  cancelled: 'materi dibatalkan, dapat dikirim ulang',
};

/** What HR reads in `daftar` and `lihat`: the status, with its invitation's or materials' approval where it matters. */
export function sessionStateText(status: string, invitationStatus: string | null, materialsStatus: string | null): string {
  const label = sessionStatusLabels[status as SessionStatus] ?? status;
  if (status === 'scheduled' && invitationStatus === 'pending_approval') return `${label} · undangan menunggu persetujuan`;
  if (status === 'rejected') return `${label} · undangan tidak disetujui`;
  if (status === 'finished') return `${label} · ${materialsLabels[materialsStateOf(materialsStatus)]}`;
  return label;
}

export type StaffAction = 'question' | 'checkin' | 'rsvp';

const refused: Record<StaffAction, { id: string; en: string }> = {
  question: { id: 'pertanyaan tidak dapat dikirim', en: 'questions are not accepted' },
  checkin: { id: 'kehadiran tidak dicatat', en: 'attendance is not recorded' },
  rsvp: { id: 'konfirmasi kehadiran tidak diperlukan lagi', en: 'no answer is needed any more' },
};

/**
 * Why a staff member may not do this with the session now, in Indonesian and English; null when they may.
 * Times (the session day, its end) are checked by the callers.
 */
export function staffRefusal(session: Pick<StoredSession, 'status' | 'title'>, action: StaffAction): TRPCError | null {
  const what = refused[action];
  if (session.status === 'cancelled') {
    return new TRPCError({ code: 'BAD_REQUEST', message: `Sosialisasi "${session.title}" dibatalkan; ${what.id}. / The session "${session.title}" was cancelled; ${what.en}.` });
  }
  if (session.status === 'rejected') {
    return new TRPCError({
      code: 'BAD_REQUEST',
      message: `Sosialisasi "${session.title}" tidak jadi dilaksanakan karena undangannya tidak disetujui; ${what.id}. / The session "${session.title}" will not take place: its invitation was not approved; ${what.en}.`,
    });
  }
  if (session.status === 'finished') {
    return new TRPCError({ code: 'BAD_REQUEST', message: `Sosialisasi "${session.title}" sudah selesai; ${what.id}. / The session "${session.title}" is over; ${what.en}.` });
  }
  return null;
}

/** The invitation as it reads once the session was called off: who and when, then why nothing more is asked. */
export function calledOffInvitation(session: Pick<StoredSession, 'status' | 'title' | 'speaker' | 'startsAt' | 'endsAt'>): { title: string; text: string } {
  const why = session.status === 'rejected' ? 'tidak jadi dilaksanakan (undangannya tidak disetujui)' : 'dibatalkan';
  return {
    title: `DIBATALKAN — Undangan sosialisasi: ${session.title}`,
    text: [
      `**Sesi ini ${why}.** Tidak perlu konfirmasi kehadiran, pertanyaan atau kode kehadiran; jadwal pengganti akan diumumkan.`,
      '',
      `**Narasumber/penyelenggara:** ${session.speaker}`,
      `**Waktu semula:** ${describeSessionTime(session)}`,
    ].join('\n'),
  };
}

function calledOffNotice(session: StoredSession, status: 'cancelled' | 'rejected', lang: 'id' | 'en'): string {
  const when = describeSessionTime(session);
  if (lang === 'en') {
    return status === 'cancelled'
      ? `The sosialisasi session "${session.title}" (${when}) has been cancelled. We apologise; a new date will be announced.`
      : `The sosialisasi session "${session.title}" (${when}) will not take place: its invitation was not approved. We apologise; a new date will be announced.`;
  }
  return status === 'cancelled'
    ? `Sosialisasi "${session.title}" (${when}) dibatalkan. Mohon maaf; jadwal pengganti akan diumumkan.`
    : `Sosialisasi "${session.title}" (${when}) tidak jadi dilaksanakan karena undangannya tidak disetujui. Mohon maaf; jadwal pengganti akan diumumkan.`;
}

/**
 * Ends a scheduled session without it taking place (cancelled by HR, or its invitation rejected by a lead), in the
 * caller's transaction: the status changes once (a second attempt finds it no longer scheduled and returns null),
 * and everyone who was invited and knows of it is told once, in their language, through the outbox: whoever was
 * sent the invitation, answered it, asked a question or checked in. An invitation not sent yet stays unsent.
 */
export async function callOffSession(tx: TransactionClient, kind: DatabaseKind, session: StoredSession, status: 'cancelled' | 'rejected', now: Date): Promise<{ told: number } | null> {
  const { count } = await tx.sosialisasiSession.updateMany({ where: { id: session.id, status: 'scheduled' }, data: { status, finishedAt: now } });
  if (count !== 1) return null;
  const [delivered, answered, asked, attended] = await Promise.all([
    session.invitationBroadcastId
      ? tx.broadcastDelivery.findMany({ where: { broadcastId: session.invitationBroadcastId, employeeId: { not: null }, outboxId: { not: null } }, select: { employeeId: true } })
      : Promise.resolve([]),
    tx.sessionRsvp.findMany({ where: { sessionId: session.id }, select: { employeeId: true } }),
    tx.sessionQuestion.findMany({ where: { sessionId: session.id }, select: { employeeId: true } }),
    tx.sessionAttendance.findMany({ where: { sessionId: session.id }, select: { employeeId: true } }),
  ]);
  const employeeIds = [...new Set([...delivered, ...answered, ...asked, ...attended].map((row) => row.employeeId).filter((id): id is string => id !== null))];
  if (employeeIds.length === 0) return { told: 0 };
  const identities = await tx.chatIdentity.findMany({ where: { platform: 'telegram', employeeId: { in: employeeIds } }, select: { employeeId: true, externalId: true }, orderBy: { linkedAt: 'asc' } });
  // The newest link wins when someone linked twice.
  const chatOf = new Map(identities.map((identity) => [identity.employeeId, identity.externalId]));
  const blocked = new Set((await tx.blockedChat.findMany({ where: { platform: 'telegram', chatId: { in: [...chatOf.values()] } }, select: { chatId: true } })).map((row) => row.chatId));
  const chats = [...new Set(chatOf.values())].filter((chatId) => !blocked.has(chatId));
  const languages = await chatLanguages(tx, chats);
  const intents: QueuedIntent[] = chats.map((chatId) => {
    const lang = languages.get(chatId) ?? 'id';
    return { intent: { channel: 'telegram', kind: 'telegram.text', chatId, lang, text: calledOffNotice(session, status, lang) } };
  });
  await enqueueMany(tx, kind, intents, now);
  return { told: intents.length };
}
