import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import type { CoreContext } from '../../trpc/context.js';
import { answerQuestion, type AnswerTrace, type FaqAnswer } from '../answer/answer-question.js';
import type { FaqLlm } from '../answer/llm.js';
import type { FaqLang } from '../answer/texts.js';
import type { FaqKnowledge } from '../knowledge.js';
import { looksEnglish } from '../retrieval/normalise.js';

/** A question set: `npx layani eval <file>` and the benchmark read this (YAML or JSON). */
const expectSchema = z.union([
  z.enum(['escalate', 'refuse', 'personal']),
  z
    .object({
      docs: z.array(z.string().min(1)).min(1).optional(),
      phrases: z.array(z.string().min(1)).min(1).optional(),
    })
    .refine((e) => e.docs !== undefined || e.phrases !== undefined, 'expect needs docs or phrases'),
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

export interface EvalResult {
  question: string;
  expect: EvalExpect;
  kind: FaqAnswer['kind'];
  reason: string | null;
  /** Documents in the order the answerer ranked them: the one answered from first. */
  docs: string[];
  /** 1-based rank of the first expected document, or null. */
  rank: number | null;
  phrasesOk: boolean | null;
  correct: boolean;
  ms: number;
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
  escalate: { expected: number; correct: number; false: number };
  refuse: { expected: number; correct: number; false: number };
  personal: { expected: number; correct: number; false: number };
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

  const docResults = results.filter((r) => typeof r.expect === 'object' && r.expect.docs);
  const phraseResults = results.filter((r) => r.phrasesOk !== null);
  const hits = (k: number) => docResults.filter((r) => r.rank !== null && r.rank <= k).length;
  const kindStats = (kind: 'escalate' | 'refuse' | 'personal') => ({
    expected: results.filter((r) => r.expect === kind).length,
    correct: results.filter((r) => r.expect === kind && r.kind === kind).length,
    false: results.filter((r) => r.expect !== kind && r.kind === kind).length,
  });
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

function score(q: EvalQuestion, answer: FaqAnswer, docs: string[], ms: number): EvalResult {
  const base = { question: q.question, expect: q.expect, kind: answer.kind, reason: 'reason' in answer ? answer.reason : null, docs, ms: round(ms, 2) };
  if (typeof q.expect === 'string') return { ...base, rank: null, phrasesOk: null, correct: answer.kind === q.expect };
  // A question that should be answered but was not counts as a miss, whatever was retrieved.
  const answered = answer.kind === 'answer';
  let rank: number | null = null;
  if (q.expect.docs && answered) {
    const index = docs.findIndex((d) => q.expect !== null && typeof q.expect === 'object' && q.expect.docs!.includes(d));
    rank = index >= 0 ? index + 1 : null;
  }
  const phrasesOk = q.expect.phrases ? answered && q.expect.phrases.every((p) => answer.text.toLowerCase().includes(p.toLowerCase())) : null;
  const correct = answered && (q.expect.docs ? rank === 1 : true) && phrasesOk !== false;
  return { ...base, rank, phrasesOk, correct };
}

/** Text lines for the CLI and the benchmark. */
export function formatReport(report: EvalReport, options: { misses?: boolean } = {}): string[] {
  const pct = (n: number) => `${(n * 100).toFixed(1)}%`;
  const lines = [
    `Pertanyaan: ${report.total} (${report.docQuestions} dengan dokumen, ${report.escalate.expected} escalate, ${report.refuse.expected} refuse, ${report.personal.expected} personal)`,
    `hit@1 ${report.hitAt1.toFixed(3)}  hit@3 ${report.hitAt3.toFixed(3)}  MRR ${report.mrr.toFixed(3)}  (dijawab ${report.answered}/${report.docQuestions})`,
  ];
  if (report.phraseQuestions > 0) lines.push(`frasa cocok: ${report.phraseHits}/${report.phraseQuestions}`);
  for (const kind of ['escalate', 'refuse', 'personal'] as const) {
    const s = report[kind];
    lines.push(`${kind}: benar ${s.correct}/${s.expected} (${pct(s.expected ? s.correct / s.expected : 1)}), keliru ${s.false}`);
  }
  lines.push(`latensi: p50 ${report.latency.p50.toFixed(2)} ms, p99 ${report.latency.p99.toFixed(2)} ms, maks ${report.latency.max.toFixed(2)} ms`);
  if (options.misses) {
    const misses = report.results.filter((r) => !r.correct);
    if (misses.length > 0) lines.push('', `Tidak sesuai harapan (${misses.length}):`);
    for (const r of misses) {
      const expected = typeof r.expect === 'string' ? r.expect : [r.expect.docs?.join('|'), r.expect.phrases?.map((p) => `"${p}"`).join(' ')].filter(Boolean).join(' ');
      const got = r.kind === 'answer' ? `answer ${r.docs.slice(0, 3).join(', ')}` : `${r.kind}${r.reason ? ` (${r.reason})` : ''}${r.docs.length ? ` [${r.docs.slice(0, 3).join(', ')}]` : ''}`;
      lines.push(`  - "${r.question}" → ${got}; harapan: ${expected}`);
    }
  }
  return lines;
}
