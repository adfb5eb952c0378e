import { TRPCError } from '@trpc/server';
import { audienceSchema, isEmptyAudience, type Audience } from '../audience/audience.js';
import type { Actor } from '../auth/actor.js';
import { hasAtLeast } from '../auth/roles.js';
import { writeAudit } from '../audit/audit-log.js';
import type { Clock } from '../clock/clock.js';
import type { Db, TransactionClient } from '../db/client.js';
import { isUniqueViolation } from '../db/unique-violation.js';
import { enqueue } from '../outbox/enqueue.js';
import { todayInJakarta } from '../dates/calendar-date.js';
import type { CoreSettings } from '../trpc/context.js';
import { assertMayAddressAgencies } from './broadcast-reach.js';
import { newBroadcastSchema, type BroadcastStatus, type NewBroadcastInput } from './broadcast-input.js';
import { afterDecision, composerChannelOf } from './broadcast-decision.js';

export interface BroadcastDeps {
  db: Db;
  clock: Clock;
  settings: CoreSettings;
}

export type StoredBroadcast = Awaited<ReturnType<Db['broadcast']['findUniqueOrThrow']>>;

export function audienceOf(broadcast: { audience: string }): Audience {
  return audienceSchema.parse(JSON.parse(broadcast.audience));
}

export function agencyFor(actor: Actor, requested: string | undefined): string {
  if (requested && requested !== actor.agencyId) {
    if (actor.role !== 'admin') throw new TRPCError({ code: 'FORBIDDEN', message: 'Anda hanya dapat menyiarkan ke instansi Anda sendiri. / You can only broadcast to your own agency.' });
    return requested;
  }
  if (actor.agencyId) return actor.agencyId;
  throw new TRPCError({ code: 'BAD_REQUEST', message: 'Sebutkan instansi (agencyId) siaran ini. / Say which agency (agencyId) this broadcast is for.' });
}

async function nextBroadcastNumber(tx: TransactionClient, agencyId: string): Promise<number> {
  const last = await tx.broadcast.findFirst({ where: { agencyId }, orderBy: { number: 'desc' }, select: { number: true } });
  return (last?.number ?? 0) + 1;
}

/** What a broadcast is for: an announcement of its own, or a sosialisasi session's invitation or materials. */
export interface BroadcastOrigin {
  kind: 'announcement' | 'session_invitation' | 'session_materials';
  sessionId: string | null;
}

const announcement: BroadcastOrigin = { kind: 'announcement', sessionId: null };

/**
 * Stores a broadcast. It goes out on the scheduler's next tick (now, at its time, or on its cron schedule) unless
 * approval is required and the author is not an HR lead: then it waits, and the HR leads are asked in Slack.
 */
export async function createBroadcast(deps: BroadcastDeps, actor: Actor, input: NewBroadcastInput): Promise<StoredBroadcast> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await deps.db.$transaction((tx) => insertBroadcast(tx, deps, actor, input));
    } catch (error) {
      // Two broadcasts created at once took the same number: take the next one.
      if (isUniqueViolation(error) && attempt < 3) continue;
      throw error;
    }
  }
}

/**
 * The part of createBroadcast that runs inside a transaction, for callers that store something else with the
 * broadcast (a sosialisasi session and its invitation). A number clash throws P2002: the caller retries.
 */
export async function insertBroadcast(tx: TransactionClient, deps: BroadcastDeps, actor: Actor, input: NewBroadcastInput, origin: BroadcastOrigin = announcement): Promise<StoredBroadcast> {
  const data = newBroadcastSchema.parse(input);
  if (isEmptyAudience(data.audience)) {
    throw new TRPCError({ code: 'BAD_REQUEST', message: 'Pilih penerima siaran (semua pegawai, unit, golongan, jenis jabatan, NIP, grup atau kanal). / Choose who receives the broadcast.' });
  }
  const agencyId = agencyFor(actor, data.agencyId);
  await assertMayAddressAgencies(deps.settings.agencies, agencyId, data.audience);
  const now = deps.clock.now();
  if (data.schedule.kind === 'once' && data.schedule.at.getTime() < now.getTime() - 60_000) {
    throw new TRPCError({ code: 'BAD_REQUEST', message: 'Waktu kirim sudah lewat; pilih waktu yang akan datang atau "sekarang". / The send time has passed.' });
  }
  if (data.closesOn && data.closesOn < todayInJakarta(now)) {
    throw new TRPCError({ code: 'BAD_REQUEST', message: 'Tanggal penutupan sudah lewat; periksa tanggalnya. / The closing date has passed.' });
  }
  const needsApproval = deps.settings.broadcasts.approval === 'required' && !hasAtLeast(actor.role, 'hr_lead');
  const status: BroadcastStatus = needsApproval ? 'pending_approval' : 'scheduled';
  const broadcast = await tx.broadcast.create({
    data: {
      agencyId,
      number: await nextBroadcastNumber(tx, agencyId),
      title: data.title,
      text: data.text,
      attachment: data.attachment ? JSON.stringify(data.attachment) : null,
      audience: JSON.stringify(data.audience),
      scheduleKind: data.schedule.kind,
      runAt: data.schedule.kind === 'once' ? data.schedule.at : data.schedule.kind === 'now' ? now : null,
      cron: data.schedule.kind === 'cron' ? data.schedule.expression : null,
      cronCheckedAt: data.schedule.kind === 'cron' ? now : null,
      urgent: data.urgent,
      needsAck: data.needsAck,
      nudgeAfterDays: data.needsAck ? (data.nudgeAfterDays ?? deps.settings.broadcasts.nudgeAfterDays) : null,
      topic: data.topic,
      mandatory: data.mandatory,
      source: data.source,
      careerKind: data.careerKind,
      closesOn: data.closesOn,
      validUntil: data.validUntil,
      kind: origin.kind,
      sessionId: origin.sessionId,
      status,
      createdBy: actor.ref,
    },
  });
  await writeAudit(tx, actor, { action: 'broadcast.create', entity: 'Broadcast', entityId: broadcast.id, agencyId, after: { number: broadcast.number, title: broadcast.title, status } });
  if (needsApproval) await enqueue(tx, { channel: 'slack', kind: 'slack.broadcastApproval', broadcastId: broadcast.id });
  return broadcast;
}

export async function findBroadcast(db: Db, actor: Actor, ref: { broadcastId?: string; number?: number }): Promise<StoredBroadcast> {
  const broadcast = ref.broadcastId
    ? await db.broadcast.findUnique({ where: { id: ref.broadcastId } })
    : ref.number !== undefined && actor.agencyId
      ? await db.broadcast.findUnique({ where: { agencyId_number: { agencyId: actor.agencyId, number: ref.number } } })
      : null;
  if (!broadcast || (actor.role !== 'admin' && broadcast.agencyId !== actor.agencyId)) {
    throw new TRPCError({ code: 'NOT_FOUND', message: 'Siaran tidak ditemukan. Lihat daftar dengan /layani siaran daftar. / Broadcast not found.' });
  }
  return broadcast;
}

/** An HR lead's decision on a broadcast waiting for approval. */
export async function decideBroadcast(deps: BroadcastDeps, actor: Actor, broadcastId: string, approve: boolean): Promise<StoredBroadcast> {
  const broadcast = await findBroadcast(deps.db, actor, { broadcastId });
  if (broadcast.status !== 'pending_approval') {
    throw new TRPCError({ code: 'CONFLICT', message: `Siaran #${broadcast.number} tidak menunggu persetujuan (status: ${broadcast.status}). / Not waiting for approval.` });
  }
  const now = deps.clock.now();
  const composer = await composerChannelOf(deps.settings, broadcast);
  return deps.db.$transaction(async (tx) => {
    const status: BroadcastStatus = approve ? 'scheduled' : 'rejected';
    // An approval that comes after the planned time sends at once rather than never.
    const runAt = approve && broadcast.scheduleKind !== 'cron' && broadcast.runAt && broadcast.runAt < now ? now : broadcast.runAt;
    const cronCheckedAt = broadcast.scheduleKind === 'cron' ? now : null;
    const updated = await tx.broadcast.update({
      where: { id: broadcast.id, status: 'pending_approval' },
      data: { status, decidedBy: actor.ref, decidedAt: now, runAt, cronCheckedAt },
    });
    await writeAudit(tx, actor, { action: approve ? 'broadcast.approve' : 'broadcast.reject', entity: 'Broadcast', entityId: broadcast.id, agencyId: broadcast.agencyId });
    await afterDecision(tx, deps, actor, updated, now, composer);
    return updated;
  });
}

/** Stops a broadcast that has not gone out yet, or a repeating one from repeating. What was sent stays sent. */
export async function cancelBroadcast(deps: BroadcastDeps, actor: Actor, broadcastId: string): Promise<StoredBroadcast> {
  const broadcast = await findBroadcast(deps.db, actor, { broadcastId });
  if (broadcast.status !== 'pending_approval' && broadcast.status !== 'scheduled') {
    throw new TRPCError({ code: 'CONFLICT', message: `Siaran #${broadcast.number} sudah ${broadcast.status}; tidak ada yang dapat dibatalkan. / Nothing left to cancel.` });
  }
  return deps.db.$transaction(async (tx) => {
    const updated = await tx.broadcast.update({ where: { id: broadcast.id }, data: { status: 'cancelled', decidedBy: actor.ref, decidedAt: deps.clock.now() } });
    await writeAudit(tx, actor, { action: 'broadcast.cancel', entity: 'Broadcast', entityId: broadcast.id, agencyId: broadcast.agencyId });
    // The leads' approval request must not keep offering buttons for a broadcast that is gone.
    if (broadcast.status === 'pending_approval') await enqueue(tx, { channel: 'slack', kind: 'slack.broadcastApproval', broadcastId: broadcast.id });
    return updated;
  });
}
