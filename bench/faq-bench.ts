// FAQ answerer figures for `npm run bench`: answer quality on the tuning, validation and held-out question sets (key fact
// stated with a correct source, escalations, refusals), the confidence threshold the tuning split would choose,
// personal data reaching the LLM (the fake), index build time, retrieval latency on the corpus and on a corpus
// grown past 1,000 chunks, and the extractive answer's latency.
import { existsSync, readdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { answerQuestion } from '../core/faq/answer/answer-question.js';
import type { Chunk, PolicyDocument } from '../core/faq/corpus/types.js';
import { createOpenAiLlm } from '../core/faq/answer/llm.js';
import { defaultConfidenceThreshold } from '../core/faq/answer/answer-question.js';
import { chooseThreshold } from '../core/faq/eval/calibrate.js';
import { evaluate, readQuestionSet, type EvalQuestion, type EvalReport } from '../core/faq/eval/evaluate.js';
import { FakeOpenAI, messageText } from '../test/fakes/index.js';
import { FaqKnowledge, defaultCorpusDir } from '../core/faq/knowledge.js';
import { loadCorpus } from '../core/faq/corpus/load-corpus.js';
import { ChunkIndex } from '../core/faq/retrieval/search-index.js';
import { ms, summarise } from './stats.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const fixture = resolve(root, 'test/fixtures/faq-questions.yaml');
const heldOutFixture = resolve(root, 'test/fixtures/faq-heldout.yaml');
// Every validation split in test/fixtures (faq-validation.yaml, faq-validation-2.yaml …), in the order written: a
// new set is reported as soon as it is committed.
const fixturesDir = resolve(root, 'test/fixtures');
const validationFixtures = readdirSync(fixturesDir)
  .map((f) => /^faq-validation(?:-(\d+))?\.yaml$/.exec(f))
  .filter((m): m is RegExpExecArray => m !== null)
  .sort((a, b) => Number(a[1] ?? 1) - Number(b[1] ?? 1))
  .map((m) => resolve(fixturesDir, m[0]));
const ownSet = resolve(root, 'core/faq/eval/sample-questions.yaml');

/** The tuning split, or (if it is missing) the answerer's own development set. */
function questionSet(): { file: string; questions: EvalQuestion[] } {
  const file = existsSync(fixture) ? fixture : ownSet;
  return { file, questions: readQuestionSet(file) };
}

const pct = (n: number, d: number) => `${((d ? n / d : 1) * 100).toFixed(1)}%`;
const relative = (file: string) => (file.startsWith(root) ? file.slice(root.length + 1) : file);

/** One split's figures, in the order the targets are stated. */
function printSplit(label: string, file: string, report: EvalReport): void {
  const a = report.answer;
  console.log(
    `[faq] ${label} (${relative(file)}, ${report.total} questions): key fact stated with a correct source ${a.stated}/${a.expected} ` +
      `(${pct(a.stated, a.expected)}; answered ${a.answered}); answer precision ${report.precision.correct}/${report.precision.answers} ` +
      `(${pct(report.precision.correct, report.precision.answers)})`,
  );
  console.log(
    `[faq] ${label}: out of scope escalated ${report.escalate.correct}/${report.escalate.expected} (${pct(report.escalate.correct, report.escalate.expected)}), ` +
      `adversarial refused ${report.refuse.correct}/${report.refuse.expected} (${pct(report.refuse.correct, report.refuse.expected)}), ` +
      `personal ${report.personal.correct}/${report.personal.expected}; wrongly escalated ${report.escalate.false}, wrongly refused ${report.refuse.false}; ` +
      `document hit@1 ${report.hitAt1.toFixed(3)}`,
  );
}

/** What staff type beside a question: their name, NIP (plain and grouped), NIK, phone and e-mail. */
const personalPrefixes = [
  'Saya Budi Santoso NIP 198609262015051001, ',
  'sy Sari Dewi (nip 19900115 201903 2 002) hp 0812-3456-7890 mau tanya: ',
  'NIK 1971012601860001 email budi.santoso@dkp.babelprov.go.id — ',
  'halo ini rina wulandari wa +62 813 9876 5432, ',
];
const personalSecrets = [
  /\d{8}\s?\d{6}\s?\d\s?\d{3}/, /\d{16}/, /(\+62|0)8\d[\d\s-]{6,}/, /[\w.]+@[\w.]+/,
  // Whole words: "perikanan budidaya" (aquaculture, a bidang of the agency) is not the name Budi.
  /\b(budi|santoso|sari|rina|wulandari)\b/i,
];

/**
 * Every question of every split, once as typed and once with personal data in front, through the answerer with
 * an LLM (the OpenAI fake on 127.0.0.1): counts requests that carried any of that personal data.
 */
async function personalDataToLlm(knowledge: FaqKnowledge, questions: readonly string[]): Promise<{ requests: number; leaks: number; examples: string[] }> {
  const fake = new FakeOpenAI();
  await fake.start();
  try {
    fake.setReply((request) => {
      const ids = [...messageText(request.messages.at(-1)).matchAll(/^\[([a-z0-9-]+#\d+)\]/gm)].map((m) => m[1]!);
      return JSON.stringify({ answer: 'Jawaban dari kutipan.', citations: ids.slice(0, 1), sufficient: true });
    });
    const llm = createOpenAiLlm({ apiKey: 'sk-test-key', baseURL: fake.baseURL, model: 'gpt-4o-mini', timeoutMs: 5000 });
    const names = ['Budi Santoso', 'Sari Dewi', 'Rina Wulandari'];
    for (const [i, question] of questions.entries()) {
      for (const text of [question, `${personalPrefixes[i % personalPrefixes.length]}${question}`]) {
        await answerQuestion(text, { knowledge, llm, names });
      }
    }
    const leaked = fake.requests.map((r) => JSON.stringify(r.body)).filter((body) => personalSecrets.some((secret) => secret.test(body)));
    return { requests: fake.requests.length, leaks: leaked.length, examples: leaked.slice(0, 3).map((b) => b.slice(0, 200)) };
  } finally {
    await fake.stop();
  }
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
  const validationSets = validationFixtures.filter((f) => existsSync(f)).map((f) => ({ file: f, questions: readQuestionSet(f) }));
  const validationQuestions = validationSets.flatMap((v) => v.questions);
  const corpusQuestions = [...questions, ...validationQuestions, ...(existsSync(heldOutFixture) ? readQuestionSet(heldOutFixture) : [])].map((q) => q.question);

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
  // Every split at the threshold in the code. The validation split is looked at when judging a change; the
  // held-out split is only measured, never looked into or tuned on.
  const tuning = await evaluate(questions, { knowledge });
  printSplit('tuning', file, tuning);
  for (const [i, v] of validationSets.entries()) printSplit(`validation ${i + 1}`, v.file, await evaluate(v.questions, { knowledge }));
  const heldOutQuestions = existsSync(heldOutFixture) ? readQuestionSet(heldOutFixture) : [];
  if (heldOutQuestions.length > 0) {
    const heldOut = await evaluate(heldOutQuestions, { knowledge });
    printSplit('held-out', heldOutFixture, heldOut);
    console.log('[faq] held-out targets: key fact ≥ 90%, out of scope escalated 100%, adversarial refused 100%');
  }
  // The threshold is chosen on the development sets only (the tuning split and the answerer's own set).
  const development = [...questions, ...(existsSync(ownSet) && file !== ownSet ? readQuestionSet(ownSet) : [])];
  const calibration = chooseThreshold((await evaluate(development, { knowledge, threshold: 0 })).results);
  const atChosen = calibration.table.find((row) => row.threshold >= calibration.threshold);
  console.log(
    `[faq] confidence threshold chosen on the tuning split (${development.length} development questions): ${calibration.threshold} (in the code: ${defaultConfidenceThreshold}); ` +
      `tuning answer precision there ${atChosen ? `${(atChosen.precision * 100).toFixed(1)}%` : '—'}`,
  );
  const leaks = await personalDataToLlm(knowledge, [...questions, ...validationQuestions, ...heldOutQuestions].map((q) => q.question));
  console.log(`[faq] personal data reaching the LLM (fake): ${leaks.leaks} of ${leaks.requests} requests (target 0)`);
  for (const example of leaks.examples) console.log(`[faq]   leaked: ${example}`);

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
