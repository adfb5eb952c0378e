// FAQ answerer figures for `npm run bench`: answer quality on the question set, index build time, retrieval
// latency on the corpus and on a corpus grown past 1,000 chunks, and the extractive answer's latency.
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { answerQuestion } from '../core/faq/answer/answer-question.js';
import type { Chunk, PolicyDocument } from '../core/faq/corpus/types.js';
import { evaluate, readQuestionSet, type EvalQuestion } from '../core/faq/eval/evaluate.js';
import { FaqKnowledge, defaultCorpusDir } from '../core/faq/knowledge.js';
import { loadCorpus } from '../core/faq/corpus/load-corpus.js';
import { ChunkIndex } from '../core/faq/retrieval/search-index.js';
import { ms, summarise } from './stats.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const fixture = resolve(root, 'test/fixtures/faq-questions.yaml');
const ownSet = resolve(root, 'core/faq/eval/sample-questions.yaml');

/** Questions of the set, or (if it is missing) the answerer's own development set. */
function questionSet(): { file: string; questions: EvalQuestion[] } {
  const file = existsSync(fixture) ? fixture : ownSet;
  return { file, questions: readQuestionSet(file) };
}

/**
 * A corpus grown to `target` chunks from the real one: each copy of a document gets a new id and title, its
 * sections in another order and their sentences rotated, so the index holds distinct but realistic text.
 */
export function growCorpus(documents: readonly PolicyDocument[], chunks: readonly Chunk[], target: number): { documents: PolicyDocument[]; chunks: Chunk[] } {
  const outDocs: PolicyDocument[] = [...documents];
  const outChunks: Chunk[] = [...chunks];
  const byDoc = new Map<string, Chunk[]>();
  for (const c of chunks) byDoc.set(c.docId, [...(byDoc.get(c.docId) ?? []), c]);
  for (let copy = 1; outChunks.length < target; copy++) {
    for (const doc of documents) {
      if (outChunks.length >= target) break;
      const id = `${doc.id}-salinan-${copy}`;
      const title = `${doc.title} (salinan ${copy})`;
      outDocs.push({ ...doc, id, title, file: `${id}.md` });
      const sections = byDoc.get(doc.id) ?? [];
      sections.forEach((chunk, index) => {
        const sentences = chunk.text.split(/(?<=\.)\s+/);
        const shift = copy % Math.max(1, sentences.length);
        const text = [...sentences.slice(shift), ...sentences.slice(0, shift)].join(' ');
        outChunks.push({ ...chunk, id: `${id}#${index}`, docId: id, title, text });
      });
    }
  }
  return { documents: outDocs, chunks: outChunks };
}

/**
 * Search latency with every question seen for the first time by the index it runs on (typo corrections are
 * memoised per index, so repeating questions on one index would flatter the figure): each round builds a fresh
 * index, untimed, after the code is warm.
 */
function timeSearches(makeIndex: () => { search(q: string, k: number): unknown }, questions: readonly string[], rounds: number): number[] {
  const warm = makeIndex();
  for (const q of questions) warm.search(q, 8);
  const samples: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const index = makeIndex();
    for (const q of questions) {
      const started = performance.now();
      index.search(q, 8);
      samples.push(performance.now() - started);
    }
  }
  return samples;
}

async function timeAnswers(knowledge: FaqKnowledge, questions: readonly string[], rounds: number): Promise<number[]> {
  for (const q of questions) await answerQuestion(q, { knowledge });
  const samples: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const q of questions) {
      const started = performance.now();
      await answerQuestion(q, { knowledge });
      samples.push(performance.now() - started);
    }
  }
  return samples;
}

export async function benchFaq(): Promise<void> {
  const { file, questions } = questionSet();
  const corpusQuestions = questions.map((q) => q.question);

  const buildTimes: number[] = [];
  let corpus = loadCorpus(defaultCorpusDir);
  for (let i = 0; i < 5; i++) {
    const started = performance.now();
    corpus = loadCorpus(defaultCorpusDir);
    ChunkIndex.build(corpus.chunks);
    buildTimes.push(performance.now() - started);
  }
  const build = summarise(buildTimes);
  console.log(
    `[faq] corpus ${corpus.documents.length} documents, ${corpus.chunks.length} chunks; load + index build: ` +
      `median ${ms(build.p50)} (5 runs)${corpus.problems.length ? `, ${corpus.problems.length} file problem(s)` : ''}`,
  );

  const knowledge = FaqKnowledge.open(defaultCorpusDir);
  const report = await evaluate(questions, { knowledge });
  const rel = file.startsWith(root) ? file.slice(root.length + 1) : file;
  console.log(
    `[faq] ${rel}: ${report.total} questions; hit@1 ${report.hitAt1.toFixed(3)}, hit@3 ${report.hitAt3.toFixed(3)}, ` +
      `MRR ${report.mrr.toFixed(3)} over ${report.docQuestions} with documents (target hit@3 ≥ 0.9)`,
  );
  console.log(
    `[faq] escalate ${report.escalate.correct}/${report.escalate.expected} (${report.escalate.false} false), ` +
      `refuse ${report.refuse.correct}/${report.refuse.expected} (${report.refuse.false} false), ` +
      `personal ${report.personal.correct}/${report.personal.expected} (${report.personal.false} false)`,
  );

  const small = summarise(timeSearches(() => ChunkIndex.build(corpus.chunks), corpusQuestions, 10));
  console.log(`[faq] retrieval, ${corpus.chunks.length} chunks (${small.count} searches): p50 ${ms(small.p50)}, p99 ${ms(small.p99)}`);

  const grown = growCorpus(corpus.documents, corpus.chunks, 1000);
  const grownStarted = performance.now();
  const grownKnowledge = FaqKnowledge.fromChunks(grown.documents, grown.chunks);
  const grownBuild = performance.now() - grownStarted;
  const large = summarise(timeSearches(() => ChunkIndex.build(grown.chunks), corpusQuestions, 10));
  console.log(
    `[faq] retrieval, ${grown.chunks.length} chunks (${large.count} searches): p50 ${ms(large.p50)}, p99 ${ms(large.p99)} ` +
      `(target p99 ≤ 5 ms); index build ${ms(grownBuild)}`,
  );

  const answers = summarise(await timeAnswers(knowledge, corpusQuestions, 10));
  console.log(`[faq] extractive answer, ${corpus.chunks.length} chunks (${answers.count} answers): p50 ${ms(answers.p50)}, p99 ${ms(answers.p99)} (target p99 ≤ 20 ms)`);
  const grownAnswers = summarise(await timeAnswers(grownKnowledge, corpusQuestions, 5));
  console.log(`[faq] extractive answer, ${grown.chunks.length} chunks (${grownAnswers.count} answers): p50 ${ms(grownAnswers.p50)}, p99 ${ms(grownAnswers.p99)}`);
}

// Run directly: `npx tsx bench/faq-bench.ts`.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await benchFaq();
