import type { Actor } from '../auth/actor.js';
import { databaseKindOf } from '../db/bulk-insert.js';
import type { TransactionClient } from '../db/client.js';
import { enqueue } from '../outbox/enqueue.js';
import { callOffSession } from '../sosialisasi/session-lifecycle.js';
import type { CoreSettings } from '../trpc/context.js';
import type { BroadcastDeps, StoredBroadcast } from './broadcast-service.js';

/**
 * A broadcast's status as one state machine, with what each step shows:
 *
 * | status             | label                | reached by                                         |
 * |--------------------|----------------------|----------------------------------------------------|
 * | `pending_approval` | menunggu persetujuan | an HR officer composes it while approval is needed |
 * | `scheduled`        | terjadwal            | composed by a lead or without approval; approved   |
 * | `sent`             | terkirim             | its (one-off) run started                          |
 * | `rejected`         | ditolak              | a lead rejects it                                  |
 * | `cancelled`        | dibatalkan           | HR cancels it before it went out                   |
 *
 * The approval request in the leads' channel reads the decision (approved stays "disetujui" after it is sent),
 * and the officer who composed it is told in a Slack DM, or in the agency's triage channel when it was composed
 * outside Slack (CLI, API). A rejected sosialisasi invitation calls its session off.
 */
export type ApprovalOutcome = 'pending' | 'approved' | 'rejected' | 'withdrawn';

export function approvalOutcomeOf(status: string): ApprovalOutcome {
  if (status === 'pending_approval') return 'pending';
  if (status === 'rejected') return 'rejected';
  if (status === 'cancelled') return 'withdrawn';
  return 'approved';
}

export const approvalOutcomeLabels: Record<ApprovalOutcome, string> = {
  pending: 'menunggu persetujuan',
  approved: 'disetujui',
  rejected: 'ditolak',
  withdrawn: 'dibatalkan',
};

/**
 * Where the composer hears the decision: their Slack DM, else their agency's triage channel (null: nowhere
 * configured). Read before the decision's transaction: the agency directory reads the database on its own.
 */
export async function composerChannelOf(settings: CoreSettings, broadcast: Pick<StoredBroadcast, 'createdBy' | 'agencyId'>): Promise<string | null> {
  if (broadcast.createdBy.startsWith('slack:')) return broadcast.createdBy.slice('slack:'.length);
  return (await settings.agencies.channelsOf(broadcast.agencyId)).triage ?? null;
}

function decisionNotice(broadcast: StoredBroadcast, session: { number: number; told: number | null } | null): string {
  const approved = broadcast.status !== 'rejected';
  const quoted = `siaran #${broadcast.number} "${broadcast.title}"`;
  if (broadcast.kind === 'session_invitation' && session) {
    return approved
      ? `Undangan sosialisasi #${session.number} (${quoted}) disetujui pimpinan kepegawaian dan dikirim sesuai jadwal.`
      : `Undangan sosialisasi #${session.number} (${quoted}) ditolak pimpinan kepegawaian. Sesi itu kini berstatus ditolak: pertanyaan dan kehadiran tidak diterima lagi` +
          `${session.told ? `, dan ${session.told} pegawai yang sudah mengetahuinya diberi tahu` : ''}. Jadwalkan ulang dengan /layani sosialisasi bila perlu.`;
  }
  if (broadcast.kind === 'session_materials' && session) {
    return approved
      ? `Materi sosialisasi #${session.number} (${quoted}) disetujui pimpinan kepegawaian dan dikirim ke peserta.`
      : `Materi sosialisasi #${session.number} (${quoted}) ditolak pimpinan kepegawaian dan tidak dikirim. Perbaiki lalu kirim ulang dengan /layani sosialisasi selesai ${session.number}.`;
  }
  return approved
    ? `Siaran Anda, ${quoted}, disetujui pimpinan kepegawaian dan dikirim sesuai jadwal. Pantau dengan /layani siaran status ${broadcast.number}.`
    : `Siaran Anda, ${quoted}, ditolak pimpinan kepegawaian dan tidak dikirim. Perbaiki lalu susun ulang dengan /layani siaran.`;
}

/**
 * What follows a lead's decision, in the decision's transaction: the approval request redrawn, a rejected
 * invitation's session called off (and those who know of it told), and the composer told.
 */
export async function afterDecision(tx: TransactionClient, deps: BroadcastDeps, actor: Actor, broadcast: StoredBroadcast, now: Date, channel: string | null): Promise<void> {
  await enqueue(tx, { channel: 'slack', kind: 'slack.broadcastApproval', broadcastId: broadcast.id });
  const session = broadcast.sessionId ? await tx.sosialisasiSession.findUnique({ where: { id: broadcast.sessionId } }) : null;
  let told: number | null = null;
  if (session && broadcast.kind === 'session_invitation' && broadcast.status === 'rejected') {
    told = (await callOffSession(tx, databaseKindOf(deps.db), session, 'rejected', now))?.told ?? null;
  }
  if (!channel) return;
  const mention = actor.ref.startsWith('slack:') ? actor.ref.slice('slack:'.length) : null;
  await enqueue(tx, { channel: 'slack', kind: 'slack.channelMessage', slackChannel: channel, text: decisionNotice(broadcast, session ? { number: session.number, told } : null), mention });
}

/**
 * Withdraws a broadcast that has not gone out (a cancelled session's invitation) in the caller's transaction; an
 * approval request already posted is redrawn to say so.
 */
export async function withdrawBroadcastIn(tx: TransactionClient, broadcastId: string, actor: Actor, now: Date): Promise<void> {
  const pending = await tx.broadcast.findFirst({ where: { id: broadcastId, status: 'pending_approval' }, select: { id: true } });
  const { count } = await tx.broadcast.updateMany({ where: { id: broadcastId, status: { in: ['scheduled', 'pending_approval'] } }, data: { status: 'cancelled', decidedBy: actor.ref, decidedAt: now } });
  if (count === 1 && pending) await enqueue(tx, { channel: 'slack', kind: 'slack.broadcastApproval', broadcastId });
}
