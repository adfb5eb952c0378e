import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { TRPCError } from '@trpc/server';
import { writeAudit } from '../../audit/audit-log.js';
import { todayInJakarta } from '../../dates/calendar-date.js';
import type { Actor } from '../../auth/actor.js';
import type { Db, TransactionClient } from '../../db/client.js';
import { isInfoTopic, topicLabel } from '../../infodesk/topics.js';
import { enqueue } from '../../outbox/enqueue.js';
import { categoryOf } from '../../tickets/categories.js';
import { ticketForHr } from '../../tickets/ticket-access.js';
import type { CoreContext } from '../../trpc/context.js';
import { createNameMasker } from '../answer/mask.js';
import { maskForReaders } from '../answer/readable-mask.js';
import { faqEngineOf } from '../faq-router.js';
import { draftSource, oneLine, renderDraftDocument, sessionDraftSource, slugOf } from './draft-document.js';

export type FaqDraftStatus = 'draft' | 'approved' | 'rejected';

/** What the review message in the HR leads' channel shows. Text is already masked. */
export interface FaqDraftView {
  id: string;
  agencyId: string;
  ticketNumber: number | null;
  /** Set when the draft comes from a question answered in a sosialisasi session. */
  sessionNumber: number | null;
  title: string;
  question: string;
  answer: string;
  status: FaqDraftStatus;
  createdBy: string;
  decidedBy: string | null;
  docId: string | null;
  slackChannel: string | null;
  slackTs: string | null;
}

const draftOrderKey = (draftId: string) => `faq-draft:${draftId}`;
const maxTitle = 150;

export async function loadFaqDraftView(db: Db, draftId: string): Promise<FaqDraftView | null> {
  const draft = await db.faqDraft.findUnique({ where: { id: draftId } });
  if (!draft) return null;
  const ticket = draft.ticketId ? await db.ticket.findUnique({ where: { id: draft.ticketId }, select: { number: true } }) : null;
  const session = draft.sessionId ? await db.sosialisasiSession.findUnique({ where: { id: draft.sessionId }, select: { number: true } }) : null;
  return {
    id: draft.id,
    agencyId: draft.agencyId,
    ticketNumber: ticket?.number ?? null,
    sessionNumber: session?.number ?? null,
    title: draft.title,
    question: draft.question,
    answer: draft.answer,
    status: draft.status as FaqDraftStatus,
    createdBy: draft.createdBy,
    decidedBy: draft.decidedBy,
    docId: draft.docId,
    slackChannel: draft.slackChannel,
    slackTs: draft.slackTs,
  };
}

/** Remembers where the review message was posted, so the decision edits it in place. */
export async function recordFaqDraftReview(db: Db, draftId: string, slackChannel: string, slackTs: string): Promise<void> {
  await db.faqDraft.update({ where: { id: draftId }, data: { slackChannel, slackTs } });
}

/** The subject's first sentence when it is a real one ("Surat … ke mana?"), else the whole subject, on one line. */
export function draftTitle(subject: string): string {
  const line = oneLine(subject);
  const first = line.match(/^.{10,}?[?.!](?=\s|$)/)?.[0];
  return (first ?? line).slice(0, maxTitle).trim();
}

/**
 * "Jadikan FAQ": an HR officer proposes a resolved ticket's answer as a corpus entry. The question is the staff
 * member's first message, the answer HR's replies (never internal notes); NIP, NIK, phone numbers, e-mail
 * addresses and the requester's name are masked. The review goes to the HR leads' channel.
 */
export async function createDraftFromTicket(ctx: CoreContext, ticketId: string) {
  const ticket = await ticketForHr(ctx, ticketId);
  if (ticket.confidential) {
    throw new TRPCError({ code: 'BAD_REQUEST', message: 'Tiket rahasia tidak dapat dijadikan FAQ. / A confidential ticket cannot become a FAQ entry.' });
  }
  if (ticket.status !== 'selesai' && ticket.status !== 'ditutup') {
    throw new TRPCError({ code: 'BAD_REQUEST', message: 'Hanya tiket yang sudah selesai yang dapat dijadikan FAQ. / Only resolved tickets can become FAQ entries.' });
  }
  const pending = await ctx.db.faqDraft.findFirst({ where: { ticketId: ticket.id, status: 'draft' } });
  if (pending) {
    throw new TRPCError({ code: 'CONFLICT', message: 'Draf FAQ dari tiket ini sudah ada dan menunggu persetujuan. / A draft for this ticket is already waiting for approval.' });
  }
  const [firstStaff, replies, requester] = await Promise.all([
    ctx.db.ticketMessage.findFirst({ where: { ticketId: ticket.id, direction: 'staff' }, orderBy: { createdAt: 'asc' } }),
    ctx.db.ticketMessage.findMany({ where: { ticketId: ticket.id, direction: 'hr' }, orderBy: { createdAt: 'asc' } }),
    ctx.db.employee.findUnique({ where: { id: ticket.requesterId }, select: { name: true } }),
  ]);
  const answers = replies.map((r) => r.text.trim()).filter(Boolean);
  if (answers.length === 0) {
    throw new TRPCError({ code: 'BAD_REQUEST', message: 'Tiket ini belum memiliki jawaban petugas. / The ticket has no HR reply to draft from.' });
  }
  const knowledge = faqEngineOf(ctx).knowledge;
  const names = createNameMasker(requester ? [requester.name] : [], { isCommonWord: (word) => knowledge.isCorpusWord(word) });
  // Read by the leads and, once approved, by everyone: details out, sentences whole.
  const mask = (text: string) => maskForReaders(text, names);
  const title = draftTitle(mask(ticket.subject)) || `Pertanyaan tiket #${ticket.number}`;
  const question = mask(firstStaff?.text.trim() || ticket.subject);
  const answer = mask(answers.join('\n\n'));
  const draft = await ctx.db.$transaction((tx) =>
    insertFaqDraft(tx, ctx.actor, ctx.clock.now(), { agencyId: ticket.agencyId, ticketId: ticket.id, question, answer, title }),
  );
  ctx.log.info({ ticket: ticket.number, draftId: draft.id }, 'FAQ draft created');
  return { draftId: draft.id, ticketNumber: ticket.number, title: draft.title };
}

/** Where a draft's answer came from: a ticket, or a question answered in a sosialisasi session. */
export type DraftOrigin = { ticketId: string } | { sessionId: string; questionId: string };

/**
 * Stores a draft (text already masked) and queues its review message for the HR leads, inside the caller's
 * transaction: a ticket's "Jadikan FAQ", or a sosialisasi session being closed with its answered questions.
 */
export async function insertFaqDraft(
  tx: TransactionClient,
  actor: Actor,
  now: Date,
  data: DraftOrigin & { agencyId: string; question: string; answer: string; title: string },
) {
  const created = await tx.faqDraft.create({ data: { ...data, title: data.title.slice(0, maxTitle), status: 'draft', createdBy: actor.ref, createdAt: now } });
  const origin = 'ticketId' in data ? { ticketId: data.ticketId } : { sessionId: data.sessionId, questionId: data.questionId };
  await writeAudit(tx, actor, { action: 'faqDraft.create', entity: 'FaqDraft', entityId: created.id, agencyId: data.agencyId, after: origin });
  await enqueue(tx, { channel: 'slack', kind: 'slack.faqDraftReview', draftId: created.id }, { orderKey: draftOrderKey(created.id) });
  return created;
}

async function pendingDraft(ctx: CoreContext, draftId: string) {
  const draft = await ctx.db.faqDraft.findUnique({ where: { id: draftId } });
  if (!draft || (ctx.actor.agencyId !== null && ctx.actor.agencyId !== draft.agencyId)) {
    throw new TRPCError({ code: 'NOT_FOUND', message: 'Draf FAQ tidak ditemukan. / FAQ draft not found.' });
  }
  if (draft.status !== 'draft') {
    const decided = draft.status === 'approved' ? 'disetujui' : 'ditolak';
    throw new TRPCError({ code: 'CONFLICT', message: `Draf FAQ ini sudah ${decided}. / This FAQ draft was already decided.` });
  }
  return draft;
}

/** An id no file in the folder and no loaded document uses yet: the slug, then slug-2, slug-3, … */
function freeDocId(dir: string, base: string, taken: (id: string) => boolean): string {
  for (let n = 1; ; n++) {
    const id = n === 1 ? base : `${base}-${n}`;
    if (!taken(id) && !existsSync(join(dir, `${id}.md`))) return id;
  }
}

/**
 * An HR lead approves a draft (optionally with an edited title or answer): it is written to the corpus folder as
 * `<slug>.md` with `verify: true`, so HR still checks its legal basis, and the FAQ index is reloaded at once.
 */
export async function approveDraft(ctx: CoreContext, input: { draftId: string; title?: string; answer?: string }) {
  const draft = await pendingDraft(ctx, input.draftId);
  const provenance = await draftProvenance(ctx.db, draft);
  const knowledge = faqEngineOf(ctx).knowledge;
  const dir = knowledge.dir;
  if (!dir) {
    throw new TRPCError({ code: 'PRECONDITION_FAILED', message: 'Kumpulan aturan tidak dibaca dari folder; draf tidak dapat disimpan. / The corpus is not folder-backed.' });
  }
  // Edits by the lead are masked too: the corpus never carries personal data.
  const title = input.title !== undefined ? oneLine(maskForReaders(input.title)).slice(0, maxTitle) : draft.title;
  const answer = input.answer !== undefined ? maskForReaders(input.answer).trim() : draft.answer;
  if (!title || !answer) throw new TRPCError({ code: 'BAD_REQUEST', message: 'Judul dan jawaban tidak boleh kosong. / Title and answer are required.' });
  const docId = freeDocId(dir, slugOf(title), (id) => knowledge.document(id) !== undefined);
  const file = join(dir, `${docId}.md`);
  const source = renderDraftDocument({
    id: docId,
    title,
    answer,
    source: provenance.source,
    today: todayInJakarta(ctx.clock.now()),
    tags: provenance.tags,
  });
  // `wx`: never overwrite a file HR wrote in the meantime.
  writeFileSync(file, source, { encoding: 'utf8', flag: 'wx' });
  const now = ctx.clock.now();
  try {
    knowledge.reload();
    if (!knowledge.document(docId)) {
      const problem = knowledge.problems.find((p) => p.file === basename(file) && p.severity === 'error');
      throw new TRPCError({
        code: 'BAD_REQUEST',
        message: `Dokumen FAQ tidak dapat dimuat${problem ? ` (baris ${problem.line}: ${problem.reason})` : ''}. / The FAQ document could not be loaded.`,
      });
    }
    await ctx.db.$transaction(async (tx) => {
      const decided = await tx.faqDraft.updateMany({
        where: { id: draft.id, status: 'draft' },
        data: { status: 'approved', title, answer, docId, decidedBy: ctx.actor.ref, decidedAt: now },
      });
      if (decided.count !== 1) throw new TRPCError({ code: 'CONFLICT', message: 'Draf FAQ ini sudah diputuskan. / This FAQ draft was already decided.' });
      await writeAudit(tx, ctx.actor, { action: 'faqDraft.approve', entity: 'FaqDraft', entityId: draft.id, agencyId: draft.agencyId, after: { docId } });
      await enqueue(tx, { channel: 'slack', kind: 'slack.faqDraftReview', draftId: draft.id }, { orderKey: draftOrderKey(draft.id) });
    });
  } catch (error) {
    rmSync(file, { force: true });
    knowledge.reload();
    throw error;
  }
  ctx.log.info({ draftId: draft.id, docId }, 'FAQ draft approved into the corpus');
  return { draftId: draft.id, docId, file: `corpus/${docId}.md` };
}

/** The source line and tags of a draft's corpus file: from its ticket's category, or its session's topic. */
async function draftProvenance(db: Db, draft: { ticketId: string | null; sessionId: string | null }): Promise<{ source: string; tags: string[] }> {
  if (draft.ticketId) {
    const ticket = await db.ticket.findUnique({ where: { id: draft.ticketId } });
    if (!ticket) throw new TRPCError({ code: 'NOT_FOUND', message: 'Tiket draf ini tidak ditemukan. / The draft\'s ticket is gone.' });
    const category = categoryOf(ticket.category);
    return { source: draftSource(ticket.number), tags: [category.id_label, category.id.replace(/_/g, ' '), 'FAQ'] };
  }
  const session = draft.sessionId ? await db.sosialisasiSession.findUnique({ where: { id: draft.sessionId } }) : null;
  if (!session) throw new TRPCError({ code: 'NOT_FOUND', message: 'Sesi sosialisasi draf ini tidak ditemukan. / The draft\'s session is gone.' });
  const topic = isInfoTopic(session.topic) ? [topicLabel(session.topic)] : [];
  return { source: sessionDraftSource(session), tags: [...topic, 'sosialisasi', 'FAQ'] };
}

/** An HR lead rejects a draft: nothing is written to the corpus. */
export async function rejectDraft(ctx: CoreContext, draftId: string) {
  const draft = await pendingDraft(ctx, draftId);
  await ctx.db.$transaction(async (tx) => {
    const decided = await tx.faqDraft.updateMany({
      where: { id: draft.id, status: 'draft' },
      data: { status: 'rejected', decidedBy: ctx.actor.ref, decidedAt: ctx.clock.now() },
    });
    if (decided.count !== 1) throw new TRPCError({ code: 'CONFLICT', message: 'Draf FAQ ini sudah diputuskan. / This FAQ draft was already decided.' });
    await writeAudit(tx, ctx.actor, { action: 'faqDraft.reject', entity: 'FaqDraft', entityId: draft.id, agencyId: draft.agencyId });
    await enqueue(tx, { channel: 'slack', kind: 'slack.faqDraftReview', draftId: draft.id }, { orderKey: draftOrderKey(draft.id) });
  });
  ctx.log.info({ draftId: draft.id }, 'FAQ draft rejected');
  return { draftId: draft.id };
}
