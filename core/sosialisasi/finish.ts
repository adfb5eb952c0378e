import { TRPCError } from '@trpc/server';
import type { Actor } from '../auth/actor.js';
import { writeAudit } from '../audit/audit-log.js';
import { maxBroadcastText } from '../broadcasts/broadcast-input.js';
import { insertBroadcast, type BroadcastDeps } from '../broadcasts/broadcast-service.js';
import { draftTitle, insertFaqDraft } from '../faq/drafts/index.js';
import { isInfoTopic } from '../infodesk/topics.js';
import type { Attachment } from '../outbox/outbox-intent.js';
import { sessionAudienceOf, type StoredSession } from './session-service.js';
import { isUniqueViolation } from '../db/unique-violation.js';
import { readableMasked } from '../faq/answer/readable-mask.js';
import { isCalledOff, materialsStateOf, mayResubmitMaterials, sessionStatusLabels } from './session-lifecycle.js';

export interface SessionMaterials {
  /** What the audience should keep: summary, slides' key points, links (Markdown). */
  text: string;
  attachment: Attachment | null;
}

const leftOutNote = (count: number) => `\n\n_${count} tanya jawab lain tidak muat di sini; setelah ditinjau, jawabannya tersedia lewat /tanya._`;

/**
 * The materials, then as many answered questions as one message holds; how many were left out is said. The
 * questions and answers were stored masked; here they are made readable, since the whole audience reads them.
 */
export function materialsText(materials: string, answered: Array<{ number: number; text: string; answer: string }>): string {
  let text = materials.trim().slice(0, maxBroadcastText);
  if (answered.length === 0) return text;
  text += '\n\n**Tanya jawab**';
  const parts = answered.map((q) => `\n\n**${q.number}. ${readableMasked(q.text).replace(/\*/g, '')}**\n${readableMasked(q.answer)}`);
  let included = 0;
  for (const part of parts) {
    const rest = parts.length - included - 1;
    if (text.length + part.length + (rest > 0 ? leftOutNote(rest).length : 0) > maxBroadcastText) break;
    text += part;
    included++;
  }
  if (included < parts.length) text += leftOutNote(parts.length - included);
  return text;
}

/** Why the materials cannot be sent now; null when they can (first time, or again after a rejection). */
export async function materialsRefusal(deps: BroadcastDeps, session: StoredSession, now: Date): Promise<TRPCError | null> {
  if (isCalledOff(session.status)) {
    return new TRPCError({ code: 'CONFLICT', message: `Sesi #${session.number} ${sessionStatusLabels[session.status]}; tidak ada materi untuk dikirim. / The session was called off.` });
  }
  if (session.status === 'scheduled') {
    return now < session.startsAt ? new TRPCError({ code: 'BAD_REQUEST', message: `Sesi #${session.number} belum dimulai; tutup setelah sesi berlangsung. / The session has not started yet.` }) : null;
  }
  const previous = session.materialsBroadcastId ? await deps.db.broadcast.findUnique({ where: { id: session.materialsBroadcastId } }) : null;
  const state = materialsStateOf(previous?.status ?? null);
  if (mayResubmitMaterials(state)) return null;
  return new TRPCError({
    code: 'CONFLICT',
    message:
      state === 'pending_approval'
        ? `Sesi #${session.number} sudah ditutup; materinya (siaran #${previous!.number}) menunggu persetujuan pimpinan kepegawaian. / The materials are awaiting approval.`
        : `Sesi #${session.number} sudah ditutup dan materinya terkirim (siaran #${previous!.number}). / The session is closed and its materials were sent.`,
  });
}

/**
 * Closes a session after it took place and sends its materials: they and the answered questions go out as a
 * broadcast to the session's audience and topic (so they land in everyone's archive), and every answered question
 * without a draft yet becomes a draft FAQ entry for the HR leads. Closing and sending are two steps of the
 * lifecycle: when a lead rejects the materials the session stays closed and `selesai` sends new materials, in one
 * transaction each time, with everything or nothing.
 */
export async function finishSession(deps: BroadcastDeps, actor: Actor, session: StoredSession, materials: SessionMaterials) {
  const now = deps.clock.now();
  const refusal = await materialsRefusal(deps, session, now);
  if (refusal) throw refusal;
  if (!materials.text.trim()) throw new TRPCError({ code: 'BAD_REQUEST', message: 'Tulis materi atau ringkasan sesi. / Write the materials or a summary.' });
  const closing = session.status === 'scheduled';
  const [questions, drafted] = await Promise.all([
    deps.db.sessionQuestion.findMany({ where: { sessionId: session.id, answer: { not: null } }, orderBy: { number: 'asc' } }),
    deps.db.faqDraft.findMany({ where: { sessionId: session.id }, select: { questionId: true } }),
  ]);
  const answered = questions.map((q) => ({ id: q.id, number: q.number, text: q.text, answer: q.answer! }));
  const hasDraft = new Set(drafted.map((d) => d.questionId));
  const changed = () => new TRPCError({ code: 'CONFLICT', message: `Sesi #${session.number} baru saja diubah orang lain; lihat lagi dengan /layani sosialisasi lihat ${session.number}. / The session just changed.` });
  for (let attempt = 0; ; attempt++) {
    try {
      return await deps.db.$transaction(async (tx) => {
        if (closing) {
          const closed = await tx.sosialisasiSession.updateMany({ where: { id: session.id, status: 'scheduled' }, data: { status: 'finished', finishedAt: now } });
          if (closed.count !== 1) throw changed();
        }
        const broadcast = await insertBroadcast(
          tx,
          deps,
          actor,
          {
            title: `Materi sosialisasi: ${session.title}`,
            text: materialsText(materials.text, answered),
            audience: sessionAudienceOf(session),
            topic: isInfoTopic(session.topic) ? session.topic : null,
            mandatory: true,
            source: session.speaker,
            attachment: materials.attachment,
            agencyId: session.agencyId,
          },
          { kind: 'session_materials', sessionId: session.id },
        );
        // Conditional on the materials it replaces: two submissions at once send one.
        const replaced = await tx.sosialisasiSession.updateMany({
          where: { id: session.id, status: 'finished', materialsBroadcastId: closing ? null : session.materialsBroadcastId },
          data: { materialsBroadcastId: broadcast.id },
        });
        if (replaced.count !== 1) throw changed();
        const newDrafts = answered.filter((q) => !hasDraft.has(q.id));
        for (const q of newDrafts) {
          const question = readableMasked(q.text);
          await insertFaqDraft(tx, actor, now, { agencyId: session.agencyId, sessionId: session.id, questionId: q.id, question, answer: readableMasked(q.answer), title: draftTitle(question) });
        }
        await writeAudit(tx, actor, {
          action: closing ? 'sosialisasi.finish' : 'sosialisasi.materials',
          entity: 'SosialisasiSession',
          entityId: session.id,
          agencyId: session.agencyId,
          after: { broadcast: broadcast.number, drafts: newDrafts.length },
        });
        return { broadcastId: broadcast.id, broadcastNumber: broadcast.number, broadcastStatus: broadcast.status, faqDrafts: newDrafts.length, resubmitted: !closing };
      });
    } catch (error) {
      if (isUniqueViolation(error) && attempt < 3) continue;
      throw error;
    }
  }
}
