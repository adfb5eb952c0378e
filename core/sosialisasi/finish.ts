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

export interface SessionMaterials {
  /** What the audience should keep: summary, slides' key points, links (Markdown). */
  text: string;
  attachment: Attachment | null;
}

const leftOutNote = (count: number) => `\n\n_${count} tanya jawab lain tidak muat di sini; setelah ditinjau, jawabannya tersedia lewat /tanya._`;

/** The materials, then as many answered questions as one message holds; how many were left out is said. */
export function materialsText(materials: string, answered: Array<{ number: number; text: string; answer: string }>): string {
  let text = materials.trim().slice(0, maxBroadcastText);
  if (answered.length === 0) return text;
  text += '\n\n**Tanya jawab**';
  const parts = answered.map((q) => `\n\n**${q.number}. ${q.text.replace(/\*/g, '')}**\n${q.answer}`);
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

/**
 * Closes a session after it took place: the materials and the answered questions go out as a broadcast to the
 * session's audience and topic (so they land in everyone's archive), and every answered question becomes a draft
 * FAQ entry for the HR leads to review. One transaction: the session closes once, with everything or nothing.
 */
export async function finishSession(deps: BroadcastDeps, actor: Actor, session: StoredSession, materials: SessionMaterials) {
  if (session.status !== 'scheduled') {
    throw new TRPCError({ code: 'CONFLICT', message: `Sesi #${session.number} sudah ${session.status === 'finished' ? 'ditutup' : 'dibatalkan'}. / The session is already closed.` });
  }
  const now = deps.clock.now();
  if (now < session.startsAt) throw new TRPCError({ code: 'BAD_REQUEST', message: `Sesi #${session.number} belum dimulai; tutup setelah sesi berlangsung. / The session has not started yet.` });
  if (!materials.text.trim()) throw new TRPCError({ code: 'BAD_REQUEST', message: 'Tulis materi atau ringkasan sesi. / Write the materials or a summary.' });
  const answered = (await deps.db.sessionQuestion.findMany({ where: { sessionId: session.id, answer: { not: null } }, orderBy: { number: 'asc' } })).map((q) => ({
    id: q.id,
    number: q.number,
    text: q.text,
    answer: q.answer!,
  }));
  for (let attempt = 0; ; attempt++) {
    try {
      return await deps.db.$transaction(async (tx) => {
        const closed = await tx.sosialisasiSession.updateMany({ where: { id: session.id, status: 'scheduled' }, data: { status: 'finished', finishedAt: now } });
        if (closed.count !== 1) throw new TRPCError({ code: 'CONFLICT', message: `Sesi #${session.number} sudah ditutup. / The session is already closed.` });
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
        await tx.sosialisasiSession.update({ where: { id: session.id }, data: { materialsBroadcastId: broadcast.id } });
        for (const q of answered) {
          await insertFaqDraft(tx, actor, now, { agencyId: session.agencyId, sessionId: session.id, questionId: q.id, question: q.text, answer: q.answer, title: draftTitle(q.text) });
        }
        await writeAudit(tx, actor, { action: 'sosialisasi.finish', entity: 'SosialisasiSession', entityId: session.id, agencyId: session.agencyId, after: { broadcast: broadcast.number, drafts: answered.length } });
        return { broadcastId: broadcast.id, broadcastNumber: broadcast.number, broadcastStatus: broadcast.status, faqDrafts: answered.length };
      });
    } catch (error) {
      if (isUniqueViolation(error) && attempt < 3) continue;
      throw error;
    }
  }
}
