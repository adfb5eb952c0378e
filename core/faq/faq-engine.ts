import { randomBytes } from 'node:crypto';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from '../logging/logger.js';
import type { TicketCategoryId } from '../tickets/categories.js';
import type { CoreContext } from '../trpc/context.js';
import { answerQuestion, defaultConfidenceThreshold, type FaqAnswer } from './answer/answer-question.js';
import { createOpenAiLlm, type FaqLlm, type LlmSettings } from './answer/llm.js';
import { createNameMasker, type NameMasker } from './answer/mask.js';
import type { FaqLang } from './answer/texts.js';
import { defaultCorpusDir, FaqKnowledge } from './knowledge.js';
import type { FaqOutcome, Metrics } from '../metrics/metrics.js';
import { countFaqRatings, recordFaqRating, type FaqRatingCount, type FaqRatingFilter } from './ratings.js';

export type FaqReply = FaqAnswer & { answerId: string };

export interface FaqEngineOptions {
  /** The corpus folder (default: the repository's corpus/). */
  corpusDir?: string;
  /** Reload when HR saves a file (default true). */
  watch?: boolean;
  /** A configured model, or settings to build one; null/undefined keeps answers extractive. */
  llm?: LlmSettings | FaqLlm | null;
  log?: Logger;
  threshold?: number;
  /** How long the list of employee names (for masking) is reused before it is read again (default 5 min). */
  namesTtlMs?: number;
  /** An already loaded corpus (tests). */
  knowledge?: FaqKnowledge;
  /** Counts answers by outcome and hand-overs for /metrics. */
  metrics?: Pick<Metrics, 'faqAnswers' | 'faqHandOvers'>;
}

const outcomeOf: Record<FaqAnswer['kind'], FaqOutcome> = { answer: 'answered', personal: 'personal', escalate: 'escalated', refuse: 'refused' };

/** 👍/👎 counts for one document (stored in the database, see ratings.ts). */
export type FeedbackTally = FaqRatingCount;

interface Remembered {
  actorRef: string;
  at: number;
  kind: FaqAnswer['kind'];
  documents: Array<{ documentId: string; title: string }>;
  category: TicketCategoryId;
  /** Kept only so "Hubungi petugas" can open a ticket carrying the question; forgotten after an hour. */
  question: string;
  rated: boolean;
}

const rememberMs = 60 * 60 * 1000;
const rememberMax = 5000;

function isFaqLlm(value: LlmSettings | FaqLlm): value is FaqLlm {
  return typeof (value as FaqLlm).complete === 'function';
}

/**
 * The FAQ answerer as the app runs it: the watched corpus, the optional LLM, employee names for masking, and a
 * short memory of recent answers for 👍/👎 and "Hubungi petugas". Ratings are kept as counts per document only.
 */
export class FaqEngine {
  readonly knowledge: FaqKnowledge;
  readonly llm: FaqLlm | null;
  private readonly threshold: number;
  private readonly namesTtlMs: number;
  private names: { masker: NameMasker; at: number } | null = null;
  private readonly recent = new Map<string, Remembered>();
  private readonly ownsKnowledge: boolean;
  /** Agencies' corpora (province plus corpus/<CODE>/), built on an agency's first question. */
  private readonly overlays = new Map<string, FaqKnowledge>();

  constructor(private readonly options: FaqEngineOptions = {}) {
    const log = options.log;
    this.ownsKnowledge = !options.knowledge;
    this.knowledge =
      options.knowledge ??
      FaqKnowledge.open(options.corpusDir, {
        watch: options.watch ?? true,
        onReload: (event) => {
          for (const problem of event.problems) {
            const entry = { file: problem.file, line: problem.line, reason: problem.reason };
            if (problem.severity === 'error') log?.error(entry, 'corpus file not loaded');
            else log?.warn(entry, 'corpus file loaded with a problem');
          }
          log?.info({ documents: event.documents, chunks: event.chunks, ms: Math.round(event.ms) }, 'faq corpus loaded');
        },
      });
    this.llm = options.llm ? (isFaqLlm(options.llm) ? options.llm : createOpenAiLlm(options.llm)) : null;
    this.threshold = options.threshold ?? defaultConfidenceThreshold;
    this.namesTtlMs = options.namesTtlMs ?? 5 * 60 * 1000;
  }

  /** Answers `question` for the actor of `ctx`; remembers the answer briefly for rating and hand-over. */
  async ask(ctx: CoreContext, question: string, lang: FaqLang = 'id'): Promise<FaqReply> {
    const answer = await answerQuestion(question, {
      asker: ctx,
      lang,
      llm: this.llm,
      knowledge: await this.knowledgeFor(ctx),
      names: await this.namesFor(ctx),
      threshold: this.threshold,
      log: this.options.log ?? ctx.log,
    });
    this.options.metrics?.faqAnswers.inc({ outcome: outcomeOf[answer.kind] });
    const answerId = randomBytes(9).toString('base64url');
    this.remember(answerId, {
      actorRef: ctx.actor.ref,
      at: Date.now(),
      kind: answer.kind,
      documents: answer.kind === 'answer' ? citedDocuments(answer.sources) : [],
      category: answer.kind === 'escalate' ? answer.category : 'lainnya',
      question: question.trim().slice(0, 1000),
      rated: false,
    });
    return { ...answer, answerId };
  }

  /**
   * 👍/👎 on an answer the same actor received. Stores one row per cited document in the database (the answer's
   * random id, the document, the asker's agency; nothing about the person), once per answer.
   */
  async rate(ctx: CoreContext, answerId: string, helpful: boolean): Promise<{ ok: boolean; offerHuman: boolean }> {
    const entry = this.recall(answerId, ctx.actor.ref);
    if (!entry || entry.rated) return { ok: false, offerHuman: !helpful };
    entry.rated = true;
    const counted = await recordFaqRating(ctx.db, { answerId, documents: entry.documents, helpful, agencyId: ctx.actor.agencyId });
    return { ok: counted, offerHuman: !helpful };
  }

  /** The question behind a recent answer, for "Hubungi petugas" (same actor only). */
  handOver(actorRef: string, answerId: string): { question: string; category: TicketCategoryId } | null {
    const entry = this.recall(answerId, actorRef);
    if (!entry) return null;
    this.options.metrics?.faqHandOvers.inc();
    return { question: entry.question, category: entry.category };
  }

  /** 👍/👎 per document from the database, the most distrusted first; titles from the current corpus. */
  async feedbackSummary(ctx: CoreContext, filter: FaqRatingFilter = {}): Promise<FeedbackTally[]> {
    const counts = await countFaqRatings(ctx.db, filter);
    return counts.map((count) => ({ ...count, title: this.knowledge.document(count.documentId)?.title ?? count.title }));
  }

  close(): void {
    if (this.ownsKnowledge) this.knowledge.close();
    for (const overlay of this.overlays.values()) overlay.close();
    this.overlays.clear();
  }

  /**
   * The corpus that applies to the asker: their agency's overlay when corpus/<CODE>/ exists, else the province
   * corpus. HR asking from Slack gets the corpus of the agency whose channel they ask in.
   */
  async knowledgeFor(ctx: Pick<CoreContext, 'actor' | 'settings'>): Promise<FaqKnowledge> {
    if (!this.ownsKnowledge || !ctx.actor.agencyId) return this.knowledge;
    const code = (await ctx.settings.agencies.byId(ctx.actor.agencyId))?.code;
    if (!code) return this.knowledge;
    const cached = this.overlays.get(code);
    if (cached) return cached;
    const provinceDir = this.options.corpusDir ?? defaultCorpusDir;
    const agencyDir = join(provinceDir, code);
    if (!isFolder(agencyDir)) return this.knowledge;
    const log = this.options.log;
    const overlay = FaqKnowledge.openOverlay(provinceDir, agencyDir, code, {
      watch: this.options.watch ?? true,
      onReload: (event) => {
        for (const problem of event.problems) log?.warn({ agency: code, file: problem.file, line: problem.line, reason: problem.reason }, 'agency corpus file problem');
        log?.info({ agency: code, documents: event.documents, chunks: event.chunks, ms: Math.round(event.ms) }, 'agency faq corpus loaded');
      },
    });
    this.overlays.set(code, overlay);
    return overlay;
  }

  private async namesFor(ctx: CoreContext): Promise<NameMasker> {
    const now = Date.now();
    if (this.names && now - this.names.at < this.namesTtlMs) return this.names.masker;
    const rows = await ctx.db.employee.findMany({ select: { name: true } });
    const masker = createNameMasker(
      rows.map((r) => r.name),
      { isCommonWord: (word) => this.knowledge.isCorpusWord(word) },
    );
    this.names = { masker, at: now };
    return masker;
  }

  private remember(answerId: string, entry: Remembered): void {
    this.recent.set(answerId, entry);
    const cutoff = Date.now() - rememberMs;
    for (const [id, old] of this.recent) {
      if (this.recent.size <= rememberMax && old.at >= cutoff) break;
      this.recent.delete(id);
    }
  }

  private recall(answerId: string, actorRef: string): Remembered | null {
    const entry = this.recent.get(answerId);
    if (!entry || entry.actorRef !== actorRef || Date.now() - entry.at > rememberMs) return null;
    return entry;
  }
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** The documents an answer cited, each once, with the title shown to staff. */
function citedDocuments(sources: ReadonlyArray<{ docId: string; title: string }>): Array<{ documentId: string; title: string }> {
  const seen = new Map<string, string>();
  for (const source of sources) if (!seen.has(source.docId)) seen.set(source.docId, source.title);
  return [...seen].map(([documentId, title]) => ({ documentId, title }));
}

export function createFaqEngine(options: FaqEngineOptions = {}): FaqEngine {
  return new FaqEngine(options);
}
