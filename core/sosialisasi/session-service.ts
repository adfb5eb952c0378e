import { TRPCError } from '@trpc/server';
import { audienceSchema, isEmptyAudience, type Audience } from '../audience/audience.js';
import type { Actor } from '../auth/actor.js';
import { writeAudit } from '../audit/audit-log.js';
import { agencyFor, insertBroadcast, type BroadcastDeps } from '../broadcasts/broadcast-service.js';
import type { Db, TransactionClient } from '../db/client.js';
import { wibInstant } from '../scheduling/jakarta-time.js';
import { newCheckInCode } from './check-in-code.js';
import { invitationText, invitationTitle } from './invitation.js';
import { newSessionSchema, type NewSessionInput } from './session-input.js';
import { isUniqueViolation } from '../db/unique-violation.js';
import { staffRefusal, type StaffAction } from './session-lifecycle.js';

export type StoredSession = Awaited<ReturnType<Db['sosialisasiSession']['findUniqueOrThrow']>>;

const hourMs = 3_600_000;

export function sessionAudienceOf(session: { audience: string }): Audience {
  return audienceSchema.parse(JSON.parse(session.audience));
}

function instantOf(date: string, time: string): Date {
  const [hour, minute] = time.split(/[:.]/).map(Number);
  return wibInstant(date, hour!, minute!);
}

async function nextSessionNumber(tx: TransactionClient, agencyId: string): Promise<number> {
  const last = await tx.sosialisasiSession.findFirst({ where: { agencyId }, orderBy: { number: 'desc' }, select: { number: true } });
  return (last?.number ?? 0) + 1;
}

/**
 * HR creates a session: stored with a check-in code, and its invitation is a broadcast to the session's audience
 * (so it reuses the fan-out, quiet hours, approval and the archive) carrying the RSVP and question buttons.
 */
export async function createSession(deps: BroadcastDeps, actor: Actor, input: NewSessionInput): Promise<{ session: StoredSession; invitationStatus: string; invitationNumber: number }> {
  const data = newSessionSchema.parse(input);
  if (isEmptyAudience(data.audience)) {
    throw new TRPCError({ code: 'BAD_REQUEST', message: 'Pilih peserta yang diundang (semua pegawai, unit, golongan, jenis jabatan atau NIP). / Choose who is invited.' });
  }
  const agencyId = agencyFor(actor, data.agencyId);
  const startsAt = instantOf(data.date, data.startTime);
  const endsAt = data.endTime ? instantOf(data.date, data.endTime) : new Date(startsAt.getTime() + 2 * hourMs);
  if (endsAt <= startsAt) throw new TRPCError({ code: 'BAD_REQUEST', message: 'Jam selesai harus setelah jam mulai. / The session must end after it starts.' });
  if (startsAt <= deps.clock.now()) throw new TRPCError({ code: 'BAD_REQUEST', message: 'Waktu sesi sudah lewat; pilih tanggal dan jam yang akan datang. / The session time has passed.' });
  for (let attempt = 0; ; attempt++) {
    try {
      return await deps.db.$transaction(async (tx) => {
        const session = await tx.sosialisasiSession.create({
          data: {
            agencyId,
            number: await nextSessionNumber(tx, agencyId),
            title: data.title,
            topic: data.topic,
            speaker: data.speaker,
            startsAt,
            endsAt,
            place: data.place,
            onlineLink: data.onlineLink,
            audience: JSON.stringify(data.audience),
            capacity: data.capacity,
            checkInCode: newCheckInCode(),
            createdBy: actor.ref,
            createdAt: deps.clock.now(),
          },
        });
        const invitation = await insertBroadcast(
          tx,
          deps,
          actor,
          {
            title: invitationTitle(session),
            text: invitationText(session),
            audience: data.audience,
            topic: data.topic,
            // HR chose who is invited: topic subscriptions do not thin the invitation out.
            mandatory: true,
            source: data.speaker,
            validUntil: endsAt,
            agencyId,
          },
          { kind: 'session_invitation', sessionId: session.id },
        );
        const stored = await tx.sosialisasiSession.update({ where: { id: session.id }, data: { invitationBroadcastId: invitation.id } });
        await writeAudit(tx, actor, { action: 'sosialisasi.create', entity: 'SosialisasiSession', entityId: session.id, agencyId, after: { number: session.number, title: session.title } });
        return { session: stored, invitationStatus: invitation.status, invitationNumber: invitation.number };
      });
    } catch (error) {
      // Two sessions (or broadcasts) created at once took the same number, or a check-in code repeated: try again.
      if (isUniqueViolation(error) && attempt < 3) continue;
      throw error;
    }
  }
}

/** A session of the actor's agency, by id or number; NOT_FOUND otherwise (other agencies' sessions do not exist). */
export async function findSession(db: Db, actor: Actor, ref: { sessionId?: string; number?: number }): Promise<StoredSession> {
  const session = ref.sessionId
    ? await db.sosialisasiSession.findUnique({ where: { id: ref.sessionId } })
    : ref.number !== undefined && actor.agencyId
      ? await db.sosialisasiSession.findUnique({ where: { agencyId_number: { agencyId: actor.agencyId, number: ref.number } } })
      : null;
  if (!session || (actor.agencyId !== null && session.agencyId !== actor.agencyId)) {
    throw new TRPCError({ code: 'NOT_FOUND', message: 'Sesi sosialisasi tidak ditemukan. Lihat daftar dengan /layani sosialisasi daftar. / Session not found.' });
  }
  return session;
}

/** Refuses a staff member's action on a session that is not scheduled any more, saying why (core/sosialisasi/session-lifecycle.ts). */
export function assertOpenTo(session: StoredSession, action: StaffAction): void {
  const refusal = staffRefusal(session, action);
  if (refusal) throw refusal;
}
