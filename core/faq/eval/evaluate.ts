import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import type { CoreContext } from '../../trpc/context.js';
import { answerQuestion, type AnswerTrace, type FaqAnswer } from '../answer/answer-question.js';
import type { FaqLlm } from '../answer/llm.js';
import type { FaqLang } from '../answer/texts.js';
import type { FaqKnowledge } from '../knowledge.js';
import { looksEnglish } from '../retrieval/normalise.js';

/**
 * A key fact the answer must state: a phrase (case-insensitive), a `/regular expression/` (case-insensitive), or a
 * list of alternatives of which any one will do.
 */
const factSchema = z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]);
export type KeyFact = z.infer<typeof factSchema>;

/** A question set: `npx layani eval <file>` and the benchmark read this (YAML or JSON). */
const expectSchema = z.union([
  z.enum(['escalate', 'refuse', 'personal']),
  z
    .object({
      docs: z.array(z.string().min(1)).min(1).optional(),
      phrases: z.array(z.string().min(1)).min(1).optional(),
      /** Every fact must be stated in the answer text. */
      facts: z.array(factSchema).min(1).optional(),
      /** None of these may be stated (e.g. a decoded NIP that is not the asker's). */
      absent: z.array(factSchema).min(1).optional(),
    })
    .refine((e) => e.docs !== undefined || e.phrases !== undefined || e.facts !== undefined, 'expect needs docs, facts or phrases'),
]);
export const evalQuestionSchema = z.object({
  question: z.string().min(1),
  expect: expectSchema,
  lang: z.enum(['id', 'en']).optional(),
});
export type EvalQuestion = z.infer<typeof evalQuestionSchema>;
export type EvalExpect = EvalQuestion['expect'];

export class QuestionSetError extends Error {
  override name = 'QuestionSetError';
}

/** Parses a question set; `questions:` at the top level or a bare list. */
export function parseQuestionSet(text: string, fileName = 'questions'): EvalQuestion[] {
  let data: unknown;
  try {
    data = fileName.toLowerCase().endsWith('.json') ? JSON.parse(text) : parseYaml(text);
  } catch (error) {
    throw new QuestionSetError(`${fileName}: tidak dapat dibaca (${error instanceof Error ? error.message.split('\n')[0] : 'format salah'})`);
  }
  const list = Array.isArray(data) ? data : (data as { questions?: unknown } | null)?.questions;
  const parsed = z.array(evalQuestionSchema).min(1).safeParse(list);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.length > 0 ? ` (butir ${issue.path.map(String).join('.')})` : '';
    throw new QuestionSetError(`${fileName}: daftar pertanyaan tidak valid${where}: ${issue.message}`);
  }
  return parsed.data;
}

export function readQuestionSet(path: string): EvalQuestion[] {
  return parseQuestionSet(readFileSync(path, 'utf8'), path);
}

/** What kind of behaviour a question expects: an answer from the corpus, or one of the three other outcomes. */
export type EvalKind = 'answer' | 'personal' | 'escalate' | 'refuse';

export interface EvalResult {
  question: string;
  expect: EvalExpect;
  /** What was expected, as a kind. */
  expected: EvalKind;
  kind: FaqAnswer['kind'];
  reason: string | null;
  /** Documents in the order the answerer ranked them: the one answered from first. */
  docs: string[];
  /** Documents the answer cites (empty unless answered). */
  cited: string[];
  /** 1-based rank of the first expected document, or null. */
  rank: number | null;
  /** The answer cites an expected document (null when the question names no documents). */
  sourceOk: boolean | null;
  /** Every key fact stated (null when the question lists none). */
  factsOk: boolean | null;
  /** Key facts that were not stated, and forbidden ones that were. */
  missingFacts: string[];
  phrasesOk: boolean | null;
  correct: boolean;
  /** The answer's confidence (answers only). */
  confidence: number | null;
  /** What the answerer said, without the sources block, shortened: shown for misses. */
  said: string;
  ms: number;
}

/** Outcome counts for one expected kind. */
export interface KindScore {
  expected: number;
  correct: number;
  /** Questions of another kind that got this outcome. */
  false: number;
}

export interface EvalReport {
  total: number;
  docQuestions: number;
  hitAt1: number;
  hitAt3: number;
  mrr: number;
  /** Questions expecting documents that were answered (not escalated, refused or taken as personal). */
  answered: number;
  phraseQuestions: number;
  phraseHits: number;
  /**
   * Answerable questions: how many were answered, and how many stated every key fact with a correct source
   * (`stated`, the headline figure). `factRate` is stated ÷ expected.
   */
  answer: KindScore & { answered: number; stated: number; factRate: number };
  /** Of all the answers given (whatever was expected), the share that stated the key facts with a correct source. */
  precision: { answers: number; correct: number; rate: number };
  escalate: KindScore;
  refuse: KindScore;
  personal: KindScore;
  latency: { p50: number; p99: number; max: number };
  results: EvalResult[];
}

export interface EvaluateOptions {
  knowledge: FaqKnowledge;
  /** Extractive unless given. */
  llm?: FaqLlm | null;
  asker?: CoreContext | null;
  lang?: FaqLang;
  threshold?: number;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

function round(value: number, digits = 3): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

export function expectedKind(expect: EvalExpect): EvalKind {
  return typeof expect === 'string' ? expect : 'answer';
}

/** Runs every question through answerQuestion and scores it. */
export async function evaluate(questions: readonly EvalQuestion[], options: EvaluateOptions): Promise<EvalReport> {
  const results: EvalResult[] = [];
  for (const q of questions) {
    let trace: AnswerTrace | null = null;
    const started = performance.now();
    const answer = await answerQuestion(q.question, {
      knowledge: options.knowledge,
      llm: options.llm ?? null,
      asker: options.asker ?? null,
      lang: q.lang ?? options.lang ?? (looksEnglish(q.question) ? 'en' : 'id'),
      threshold: options.threshold,
      onTrace: (t) => (trace = t),
    });
    const ms = performance.now() - started;
    const docs = rankedDocs(answer, trace);
    results.push(score(q, answer, docs, ms));
  }
  return summariseResults(results);
}

/** The report over scored results (also used to re-score at another threshold without answering again). */
export function summariseResults(results: EvalResult[]): EvalReport {
  const docResults = results.filter((r) => typeof r.expect === 'object' && r.expect.docs);
  const phraseResults = results.filter((r) => r.phrasesOk !== null);
  const hits = (k: number) => docResults.filter((r) => r.rank !== null && r.rank <= k).length;
  const kindStats = (kind: EvalKind): KindScore => ({
    expected: results.filter((r) => r.expected === kind).length,
    correct: results.filter((r) => r.expected === kind && r.correct).length,
    false: results.filter((r) => r.expected !== kind && r.kind === kind).length,
  });
  const answerable = results.filter((r) => r.expected === 'answer');
  const given = results.filter((r) => r.kind === 'answer');
  const answerStats = kindStats('answer');
  const latencies = results.map((r) => r.ms).sort((a, b) => a - b);
  const d = Math.max(1, docResults.length);
  return {
    total: results.length,
    docQuestions: docResults.length,
    hitAt1: round(hits(1) / d),
    hitAt3: round(hits(3) / d),
    mrr: round(docResults.reduce((sum, r) => sum + (r.rank ? 1 / r.rank : 0), 0) / d),
    answered: docResults.filter((r) => r.kind === 'answer').length,
    phraseQuestions: phraseResults.length,
    phraseHits: phraseResults.filter((r) => r.phrasesOk).length,
    answer: {
      ...answerStats,
      answered: answerable.filter((r) => r.kind === 'answer').length,
      stated: answerStats.correct,
      factRate: round(answerStats.correct / Math.max(1, answerStats.expected)),
    },
    precision: {
      answers: given.length,
      correct: given.filter((r) => r.expected === 'answer' && r.correct).length,
      rate: round(given.filter((r) => r.expected === 'answer' && r.correct).length / Math.max(1, given.length)),
    },
    escalate: kindStats('escalate'),
    refuse: kindStats('refuse'),
    personal: kindStats('personal'),
    latency: { p50: round(percentile(latencies, 50), 2), p99: round(percentile(latencies, 99), 2), max: round(latencies.at(-1) ?? 0, 2) },
    results,
  };
}

/** The document answered from first, then the other documents retrieved, without repeats. */
function rankedDocs(answer: FaqAnswer, trace: AnswerTrace | null): string[] {
  const docs: string[] = [];
  const add = (id: string | undefined) => {
    if (id && !docs.includes(id)) docs.push(id);
  };
  if (answer.kind === 'answer') add(answer.sources[0]?.docId);
  const t = trace as AnswerTrace | null;
  if (t) {
    add(t.primaryChunk?.split('#')[0]);
    for (const hit of t.hits) if (hit.status === 'current') add(hit.chunkId.split('#')[0]);
  }
  return docs;
}

/** `/…/` (with optional flags) is a regular expression; anything else a phrase. Both ignore case. */
function factPattern(fact: string): RegExp {
  const regex = /^\/(.+)\/([a-z]*)$/s.exec(fact);
  if (regex) return new RegExp(regex[1]!, regex[2]!.includes('i') ? regex[2] : `${regex[2]}i`);
  return new RegExp(fact.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'i');
}

/** True when the text states the fact (any of its alternatives). */
export function statesFact(text: string, fact: KeyFact): boolean {
  const alternatives = Array.isArray(fact) ? fact : [fact];
  return alternatives.some((alternative) => factPattern(alternative).test(text));
}

const describeFact = (fact: KeyFact) => (Array.isArray(fact) ? fact.join(' | ') : fact);

/** The answer's own words: the sources block and the English-note line are not what was said. */
function spokenPart(text: string): string {
  return text.split(/\n\n(?=(Sumber|Sources?)\b)/)[0]!.trim();
}

function score(q: EvalQuestion, answer: FaqAnswer, docs: string[], ms: number): EvalResult {
  const said = spokenPart(answer.text).replace(/\s+/g, ' ').slice(0, 400);
  const cited = answer.kind === 'answer' ? [...new Set(answer.sources.map((s) => s.docId))] : [];
  const base = {
    question: q.question,
    expect: q.expect,
    expected: expectedKind(q.expect),
    kind: answer.kind,
    reason: 'reason' in answer ? answer.reason : null,
    docs,
    cited,
    confidence: answer.kind === 'answer' ? round(answer.confidence) : null,
    said,
    ms: round(ms, 2),
  };
  if (typeof q.expect === 'string') {
    return { ...base, rank: null, sourceOk: null, factsOk: null, missingFacts: [], phrasesOk: null, correct: answer.kind === q.expect };
  }
  const expect = q.expect;
  // A question that should be answered but was not counts as a miss, whatever was retrieved.
  const answered = answer.kind === 'answer';
  let rank: number | null = null;
  if (expect.docs && answered) {
    const index = docs.findIndex((d) => expect.docs!.includes(d));
    rank = index >= 0 ? index + 1 : null;
  }
  const spoken = answered ? spokenPart(answer.text) : '';
  const sourceOk = expect.docs ? answered && cited.some((d) => expect.docs!.includes(d)) : null;
  const missingFacts = answered
    ? [
        ...(expect.facts ?? []).filter((f) => !statesFact(spoken, f)).map(describeFact),
        ...(expect.absent ?? []).filter((f) => statesFact(spoken, f)).map((f) => `tidak boleh: ${describeFact(f)}`),
      ]
    : [];
  const factsOk = expect.facts || expect.absent ? answered && missingFacts.length === 0 : null;
  const phrasesOk = expect.phrases ? answered && expect.phrases.every((p) => answer.text.toLowerCase().includes(p.toLowerCase())) : null;
  // With key facts, the measure is "fact stated with a correct source"; without, the old one (document first).
  const correct = answered && (expect.facts ? sourceOk !== false : expect.docs ? rank === 1 : true) && factsOk !== false && phrasesOk !== false;
  return { ...base, rank, sourceOk, factsOk, missingFacts, phrasesOk, correct };
}

/** Text lines for the CLI and the benchmark. */
export function formatReport(report: EvalReport, options: { misses?: boolean } = {}): string[] {
  const pct = (n: number, d: number) => `${((d ? n / d : 1) * 100).toFixed(1)}%`;
  const a = report.answer;
  const lines = [
    `Pertanyaan: ${report.total} (${a.expected} dijawab dari korpus, ${report.escalate.expected} escalate, ${report.refuse.expected} refuse, ${report.personal.expected} personal)`,
    `answer: fakta kunci + sumber benar ${a.stated}/${a.expected} (${pct(a.stated, a.expected)}); dijawab ${a.answered}/${a.expected}; ` +
      `presisi jawaban ${report.precision.correct}/${report.precision.answers} (${pct(report.precision.correct, report.precision.answers)})`,
    `hit@1 ${report.hitAt1.toFixed(3)}  hit@3 ${report.hitAt3.toFixed(3)}  MRR ${report.mrr.toFixed(3)}  (dokumen, ${report.docQuestions} pertanyaan)`,
  ];
  if (report.phraseQuestions > 0) lines.push(`frasa cocok: ${report.phraseHits}/${report.phraseQuestions}`);
  for (const kind of ['escalate', 'refuse', 'personal'] as const) {
    const s = report[kind];
    lines.push(`${kind}: benar ${s.correct}/${s.expected} (${pct(s.correct, s.expected)}), keliru ${s.false}`);
  }
  lines.push(`latensi: p50 ${report.latency.p50.toFixed(2)} ms, p99 ${report.latency.p99.toFixed(2)} ms, maks ${report.latency.max.toFixed(2)} ms`);
  if (options.misses) lines.push(...formatMisses(report));
  return lines;
}

/** Every miss with what was expected and what was said, grouped by the kind expected. */
export function formatMisses(report: EvalReport): string[] {
  const lines: string[] = [];
  for (const kind of ['answer', 'escalate', 'refuse', 'personal'] as const) {
    const misses = report.results.filter((r) => r.expected === kind && !r.correct);
    if (misses.length === 0) continue;
    lines.push('', `Meleset — ${kind} (${misses.length}):`);
    for (const r of misses) lines.push(...describeMiss(r));
  }
  return lines;
}

function describeMiss(r: EvalResult): string[] {
  const got =
    r.kind === 'answer'
      ? `answer dari ${r.cited.join(', ') || '?'} (keyakinan ${r.confidence?.toFixed(2)})`
      : `${r.kind}${r.reason ? ` (${r.reason})` : ''}${r.docs.length ? ` [${r.docs.slice(0, 3).join(', ')}]` : ''}`;
  if (typeof r.expect === 'string') return [`  - "${r.question}" → ${got}; harapan: ${r.expect}`, `      dijawab: ${r.said}`];
  const why: string[] = [];
  if (r.kind === 'answer' && r.sourceOk === false) why.push(`sumber bukan ${r.expect.docs?.join('|')}`);
  if (r.missingFacts.length > 0) why.push(`fakta tidak disebut: ${r.missingFacts.join('; ')}`);
  if (r.phrasesOk === false) why.push(`frasa: ${r.expect.phrases?.map((p) => `"${p}"`).join(' ')}`);
  if (r.kind === 'answer' && !r.expect.facts && r.expect.docs && r.rank !== 1) why.push(`dokumen pertama bukan ${r.expect.docs.join('|')}`);
  const expected = [r.expect.docs?.join('|'), r.expect.facts?.map((f) => `«${describeFact(f)}»`).join(' ')].filter(Boolean).join(' ');
  return [`  - "${r.question}" → ${got}; harapan: ${expected}${why.length ? `; ${why.join('; ')}` : ''}`, `      dijawab: ${r.said}`];
}
