/**
 * "Jadikan FAQ" end to end: an HR officer turns a resolved ticket's answer into a draft corpus entry from the
 * ticket card, the review goes to the HR leads' channel, and a lead approves it into a temp copy of the corpus
 * (FAQ_CORPUS_DIR), where `faq.ask` finds it. Real Bolt and WebClient, FakeSlack as Slack, signed requests.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { faqDraftActions } from '../../bots/slack/faq-draft-review.js';
import { leadsOnlyText } from '../../bots/slack/inbound.js';
import { cardActions } from '../../bots/slack/ticket-card.js';
import { parseFrontMatter } from '../../core/faq/corpus/front-matter.js';
import { faqDraftsRouter } from '../../core/faq/drafts/index.js';
import { defaultCorpusDir } from '../../core/faq/knowledge.js';
import { createCallerFactory } from '../../core/trpc/init.js';
import type { SlackMessage } from '../fakes/fake-slack.js';
import { testDatabaseKinds } from '../support/test-databases.js';
import { actionIdsOf, blockText, cardsOf, channels, startSlackDesk, users, waitFor, type SlackDesk } from '../support/slack-desk.js';

const nip = '19860926 201505 1 001';
const staffQuestion = `Surat keterangan aktif bekerja mintanya ke mana ya? Saya Budi Santoso NIP ${nip}, hp 0812-3456-7890.`;
const hrAnswer =
  'Surat keterangan aktif bekerja diminta ke Subbagian Kepegawaian dengan membawa fotokopi SK terakhir. ' +
  'Surat keterangan aktif bekerja selesai dalam 2 hari kerja dan dapat diambil di loket kepegawaian.';
const hrAnswer2 = 'Bila perlu cepat, kirim permintaan ke kepegawaian@contoh.go.id dan sebutkan keperluan surat keterangan aktif bekerja, Pak Budi.';
const internalNote = 'Pegawai ini sebelumnya pernah minta surat yang sama, cek arsip lemari B.';

describe.each(testDatabaseKinds)('Slack FAQ drafts on %s', (kind) => {
  let desk: SlackDesk;
  let corpusDir: string;

  beforeAll(async () => {
    corpusDir = mkdtempSync(join(tmpdir(), 'layani-corpus-'));
    cpSync(defaultCorpusDir, corpusDir, { recursive: true });
    desk = await startSlackDesk(kind, { config: { FAQ_CORPUS_DIR: corpusDir } });
  });
  afterAll(async () => {
    await desk?.stop();
    if (corpusDir) rmSync(corpusDir, { recursive: true, force: true });
  });

  const db = () => desk.app.runtime.db;
  const newFiles = () => readdirSync(corpusDir).filter((f) => !existsSync(join(defaultCorpusDir, f)));

  /** Opens a ticket, answers it in the thread (plus an internal note) and, unless told otherwise, resolves it. */
  async function answeredTicket(options: { category?: Parameters<SlackDesk['openTicket']>[0]; resolve?: boolean } = {}) {
    const opened = await desk.openTicket(options.category ?? 'lainnya', staffQuestion);
    await desk.settle();
    const ticket = await db().ticket.findUniqueOrThrow({ where: { id: opened.ticketId } });
    const channel = ticket.slackChannel!;
    const ts = ticket.slackTs!;
    const officer = channel === channels.triage ? users.officer : users.lead;
    for (const text of [hrAnswer, `catatan: ${internalNote}`, hrAnswer2]) {
      await desk.send(desk.fake.messageEvent({ channel, user: officer, thread_ts: ts, text }));
      await desk.settle();
    }
    if (options.resolve !== false) {
      await desk.send(desk.fake.blockAction({ user: officer, channel, message_ts: ts, action_id: cardActions.resolve, value: opened.ticketId }));
      await desk.settle();
    }
    return { ...opened, channel, ts, officer };
  }

  const card = (channel: string, number: number) => {
    const cards = cardsOf(desk.fake, channel, number);
    expect(cards).toHaveLength(1);
    return cards[0]!;
  };

  /** Review messages (top level, in the leads' channel) for ticket `number`. */
  const reviewsOf = (number: number): SlackMessage[] =>
    desk.fake
      .sent(channels.confidential)
      .filter((m) => !m.thread_ts || m.thread_ts === m.ts)
      .filter((m) => blockText(m).startsWith('Draf FAQ') && new RegExp(`tiket #${number}\\b`).test(blockText(m)));

  async function draftFromCard(ticket: { ticketId: string; number: number; ts: string }) {
    const before = desk.fake.ephemerals.length;
    await desk.send(desk.fake.blockAction({ user: users.officer, channel: channels.triage, message_ts: ticket.ts, action_id: cardActions.faqDraft, value: ticket.ticketId }));
    await desk.settle();
    const confirmation = desk.fake.ephemerals.slice(before);
    const draft = await db().faqDraft.findFirstOrThrow({ where: { ticketId: ticket.ticketId }, orderBy: { createdAt: 'desc' } });
    const review = await waitFor(() => reviewsOf(ticket.number).at(-1), 'the review message');
    return { draft, review, confirmation };
  }

  it('an officer drafts a FAQ entry from a resolved ticket; the leads get a review without notes or personal data', async () => {
    const ticket = await answeredTicket();
    expect(actionIdsOf(card(channels.triage, ticket.number))).toEqual([cardActions.reopen, cardActions.faqDraft]);

    const { draft, review, confirmation } = await draftFromCard(ticket);
    expect(confirmation).toMatchObject([{ user: users.officer, text: expect.stringContaining(`Draf FAQ dari tiket #${ticket.number} dibuat`) }]);
    expect(draft).toMatchObject({ status: 'draft', createdBy: `slack:${users.officer}`, decidedBy: null, docId: null, slackChannel: channels.confidential });
    expect(draft.question).toContain('Surat keterangan aktif bekerja mintanya ke mana ya?');
    expect(draft.answer).toContain('Subbagian Kepegawaian');
    // Readable, not a form left unfilled: the address goes, the way to reach HR stays.
    expect(draft.answer).toContain('kirim permintaan lewat e-mail dan sebutkan');
    expect(`${draft.title}\n${draft.question}\n${draft.answer}`).not.toMatch(/\[(NIP|NAMA|EMAIL|TELEPON)\]/);

    const text = blockText(review);
    expect(actionIdsOf(review)).toEqual([faqDraftActions.approve, faqDraftActions.reject]);
    for (const expected of ['Judul', 'Pertanyaan', 'Jawaban', 'Surat keterangan aktif bekerja', 'Subbagian Kepegawaian', '2 hari kerja', 'Setujui', 'Tolak']) {
      expect(text).toContain(expected);
    }
    // No internal note, no personal data: NIP, phone, e-mail, the requester's name.
    for (const leaked of ['arsip lemari', 'catatan', nip, '198609262015051001', '0812', 'kepegawaian@contoh.go.id', 'Budi', 'Santoso']) {
      expect(text).not.toContain(leaked);
      expect(`${draft.title}\n${draft.question}\n${draft.answer}`).not.toContain(leaked);
    }
    expect(desk.fake.sent(channels.triage).some((m) => blockText(m).startsWith('Draf FAQ'))).toBe(false);

    // One pending draft per ticket.
    const before = desk.fake.ephemerals.length;
    await desk.send(desk.fake.blockAction({ user: users.officer2, channel: channels.triage, message_ts: ticket.ts, action_id: cardActions.faqDraft, value: ticket.ticketId }));
    await desk.settle();
    expect(desk.fake.ephemerals.slice(before).map((e) => e.text)).toEqual(['Draf FAQ dari tiket ini sudah ada dan menunggu persetujuan.']);
    expect(await db().faqDraft.count({ where: { ticketId: ticket.ticketId } })).toBe(1);

    // An officer cannot approve (neither from Slack nor through the core); nothing is written.
    const beforeRefusal = desk.fake.ephemerals.length;
    await desk.send(desk.fake.blockAction({ user: users.officer, channel: channels.confidential, message_ts: review.ts, action_id: faqDraftActions.approve, value: draft.id }));
    await desk.settle();
    expect(desk.fake.ephemerals.slice(beforeRefusal)).toMatchObject([{ user: users.officer, text: leadsOnlyText }]);
    const officerActor = { ref: `slack:${users.officer}`, role: 'hr_officer' as const, employeeId: null, agencyId: desk.agencyId };
    await expect(createCallerFactory(faqDraftsRouter)(desk.app.runtime.contextFor(officerActor)).approve({ draftId: draft.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect((await db().faqDraft.findUniqueOrThrow({ where: { id: draft.id } })).status).toBe('draft');
    expect(newFiles()).toEqual([]);

    // A lead approves: the file is in the temp corpus with valid front matter, and the FAQ answers from it.
    await desk.send(desk.fake.blockAction({ user: users.lead, channel: channels.confidential, message_ts: review.ts, action_id: faqDraftActions.approve, value: draft.id }));
    await desk.settle();
    const approved = await db().faqDraft.findUniqueOrThrow({ where: { id: draft.id } });
    expect(approved).toMatchObject({ status: 'approved', decidedBy: `slack:${users.lead}` });
    expect(approved.docId).toMatch(/^surat-keterangan-aktif-bekerja/);
    const file = `${approved.docId}.md`;
    expect(newFiles()).toEqual([file]);
    expect(existsSync(join(defaultCorpusDir, file))).toBe(false);

    const source = readFileSync(join(corpusDir, file), 'utf8');
    const parsed = parseFrontMatter(source);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.frontMatter).toMatchObject({
      id: approved.docId,
      title: approved.title,
      sources: [{ regulation: `Jawaban petugas kepegawaian (tiket #${ticket.number})` }],
      effective: '2030-04-09',
      lastReviewed: '2030-04-09',
      status: 'current',
      verify: true,
    });
    expect(parsed.frontMatter.tags).toContain('Lainnya');
    expect(parsed.body).toContain(`# ${approved.title}`);
    expect(parsed.body).toContain('## Jawaban');
    expect(parsed.body).toContain('Catatan: ketentuan ini masih perlu dipastikan oleh petugas kepegawaian.');
    expect(source).not.toContain('arsip lemari');
    expect(source).not.toContain('Budi');
    const knowledge = desk.app.runtime.settings.faq.knowledge;
    expect(knowledge.problems.filter((p) => p.file === file)).toEqual([]);
    expect(knowledge.document(approved.docId!)?.verify).toBe(true);

    const reply = await desk.app.runtime.callerFor(desk.staff).faq.ask({ question: 'surat keterangan aktif bekerja mintanya kemana', lang: 'id' });
    expect(reply.kind).toBe('answer');
    if (reply.kind === 'answer') expect(reply.sources.map((s) => s.docId)).toContain(approved.docId);

    // The review message now shows the decision, without buttons.
    const decided = desk.fake.sent(channels.confidential).find((m) => m.ts === review.ts)!;
    expect(blockText(decided)).toContain(`Disetujui oleh <@${users.lead}> → corpus/${file}`);
    expect(actionIdsOf(decided)).toEqual([]);

    // Deciding twice is refused.
    const beforeTwice = desk.fake.ephemerals.length;
    await desk.send(desk.fake.blockAction({ user: users.lead, channel: channels.confidential, message_ts: review.ts, action_id: faqDraftActions.reject, value: draft.id }));
    await desk.settle();
    expect(desk.fake.ephemerals.slice(beforeTwice).map((e) => e.text)).toEqual(['Draf FAQ ini sudah disetujui.']);
  });

  it('a lead rejects a draft: nothing is written and the review says so', async () => {
    const ticket = await answeredTicket({ category: 'cuti' });
    const filesBefore = newFiles();
    const { draft, review } = await draftFromCard(ticket);
    await desk.send(desk.fake.blockAction({ user: users.lead, channel: channels.confidential, message_ts: review.ts, action_id: faqDraftActions.reject, value: draft.id }));
    await desk.settle();
    expect(await db().faqDraft.findUniqueOrThrow({ where: { id: draft.id } })).toMatchObject({ status: 'rejected', decidedBy: `slack:${users.lead}`, docId: null });
    expect(newFiles()).toEqual(filesBefore);
    const decided = desk.fake.sent(channels.confidential).find((m) => m.ts === review.ts)!;
    expect(blockText(decided)).toContain(`Ditolak oleh <@${users.lead}>`);
    expect(actionIdsOf(decided)).toEqual([]);
  });

  it('a still-open ticket has no button and a forged click is refused', async () => {
    const ticket = await answeredTicket({ resolve: false });
    expect(actionIdsOf(card(channels.triage, ticket.number))).not.toContain(cardActions.faqDraft);
    const before = desk.fake.ephemerals.length;
    await desk.send(desk.fake.blockAction({ user: users.officer, channel: channels.triage, message_ts: ticket.ts, action_id: cardActions.faqDraft, value: ticket.ticketId }));
    await desk.settle();
    expect(desk.fake.ephemerals.slice(before).map((e) => e.text)).toEqual(['Hanya tiket yang sudah selesai yang dapat dijadikan FAQ.']);
    expect(await db().faqDraft.count({ where: { ticketId: ticket.ticketId } })).toBe(0);
  });

  it('a confidential ticket has no button, even resolved, and a forged click is refused', async () => {
    const ticket = await answeredTicket({ category: 'masalah_atasan_rekan' });
    expect(ticket.channel).toBe(channels.confidential);
    expect((await db().ticket.findUniqueOrThrow({ where: { id: ticket.ticketId } })).status).toBe('selesai');
    expect(actionIdsOf(card(channels.confidential, ticket.number))).toEqual([cardActions.reopen]);
    const before = desk.fake.ephemerals.length;
    await desk.send(desk.fake.blockAction({ user: users.lead, channel: channels.confidential, message_ts: ticket.ts, action_id: cardActions.faqDraft, value: ticket.ticketId }));
    await desk.settle();
    expect(desk.fake.ephemerals.slice(before).map((e) => e.text)).toEqual(['Tiket rahasia tidak dapat dijadikan FAQ.']);
    expect(await db().faqDraft.count({ where: { ticketId: ticket.ticketId } })).toBe(0);
  });
});
