import type { Chunk } from '../corpus/types.js';
import { coversNumber, notCoveredPattern, tableHeaders, unitsOf, type Unit } from '../corpus/units.js';
import type { FaqKnowledge } from '../knowledge.js';
import type { NormalisedQuery } from '../retrieval/normalise.js';
import { indexText, tokenizeForIndex, type SearchHit } from '../retrieval/search-index.js';
import { intentFit, type QuestionIntent } from './question-intent.js';

/**
 * The passage an answer is cut from: one section, or two adjacent sections of one document when the rule spans
 * them (the topic in one, the limit in the next).
 */
export interface Passage {
  docId: string;
  chunks: Chunk[];
  /** Share of the question the passage's own statements cover (0–1). */
  coverage: number;
  /** How well it states the kind of fact asked (0–1, see intentFit). */
  fit: number;
  score: number;
}

const monthNames = new Set(['januari', 'februari', 'maret', 'april', 'mei', 'juni', 'juli', 'agustus', 'september', 'oktober', 'november', 'desember']);

/** Documents within this much confidence of the first hit are weighed against it, section by section. */
const documentWindow = 0.08;
const maxDocuments = 3;

interface Candidate extends Passage {
  position: number;
}

/**
 * Scores every section of the top documents against the question: what its own sentences state of the asked
 * words (not its "… tidak tercantum di sini" sentences), whether it states the kind of fact asked (a number, a
 * date, a list, a reason), the numbers asked about, and how confident retrieval was in its document. Then, if
 * the best section lacks the kind of fact asked and its neighbour states it, the two are merged.
 */
export function choosePassage(knowledge: FaqKnowledge, query: NormalisedQuery, intent: QuestionIntent, primary: SearchHit, hits: readonly SearchHit[]): Passage {
  const docs = new Map<string, number>([[primary.chunk.docId, primary.confidence]]);
  for (const hit of hits) {
    if (docs.size >= maxDocuments) break;
    if (hit.chunk.status !== 'current' || docs.has(hit.chunk.docId)) continue;
    if (hit.confidence >= primary.confidence - documentWindow) docs.set(hit.chunk.docId, hit.confidence);
  }
  const numbers = query.terms.map((t) => t.word).filter((w) => /^\d{1,3}$/.test(w)).map(Number);
  // Months named in the question ("periode 1 jan") are as specific as numbers: the section naming them answers.
  const months = query.terms.map((t) => t.word).filter((w) => monthNames.has(w));
  const candidates: Candidate[] = [];
  for (const [docId, confidence] of docs) {
    const prior = primary.confidence > 0 ? Math.min(1, confidence / primary.confidence) : 1;
    for (const { chunk, coverage } of knowledge.groundInDocument(query, docId).sections) {
      const { stated, items, notCovered } = analyse(chunk);
      const numeric =
        (numbers.length > 0 || months.length > 0) &&
        numbers.every((n) => coversNumber(chunk.text, n)) &&
        months.every((m) => chunk.text.toLowerCase().includes(m))
          ? 1
          : 0;
      const fit = intentFit(intent, stated, items, numeric === 1);
      const retrieved = chunk.id === primary.chunk.id ? 1 : 0;
      // The document retrieval ranked first keeps an edge: another one must state the asked fact clearly better.
      const firstDocument = docId === primary.chunk.docId ? 1 : 0;
      const score = 0.5 * coverage + 0.2 * fit + 0.2 * numeric + 0.2 * prior + 0.2 * firstDocument + 0.04 * retrieved - 0.25 * notCovered;
      candidates.push({ docId, chunks: [chunk], coverage, fit, score, position: positionOf(chunk) });
    }
  }
  candidates.sort((a, b) => b.score - a.score || a.position - b.position);
  const best = candidates[0]!;
  // A rule that spans two sections: the best one names the topic, its neighbour states the asked limit.
  if (best.fit < 1) {
    const neighbour = candidates.find(
      (c) => c.docId === best.docId && Math.abs(c.position - best.position) === 1 && c.position > 0 && best.position > 0 && c.fit > best.fit && c.coverage >= 0.5 * best.coverage,
    );
    if (neighbour) {
      const chunks = [best.chunks[0]!, neighbour.chunks[0]!].sort((a, b) => positionOf(a) - positionOf(b));
      return { docId: best.docId, chunks, coverage: Math.max(best.coverage, neighbour.coverage), fit: neighbour.fit, score: best.score };
    }
  }
  return best;
}

/** Words that name the workplace or the asker, not what is asked about. */
const generic = new Set(tokenizeForIndex('dkp dinas kantor instansi pemprov provinsi saya kami pns asn pegawai'));

/**
 * The document's "… tidak tercantum di sini" sentences that concern something asked which the passage does not
 * state ("koefisien ahli madya" beside a table of cumulative credits): then the passage does not answer.
 */
export function unansweredStatements(query: NormalisedQuery, passage: Passage, statements: readonly string[]): string[] {
  const said = new Set(
    passage.chunks.flatMap((c) =>
      tokenizeForIndex(indexText(`${c.title} ${c.heading ?? ''} ${analyse(c).stated}`)),
    ),
  );
  const asked = new Set(tokenizeForIndex(query.expanded).filter((t) => !generic.has(t) && !said.has(t)));
  return statements.filter((statement) => tokenizeForIndex(indexText(statement)).some((t) => asked.has(t)));
}

/** A chunk's units, its stated units' text and how many are list items or rows: read once per chunk. */
const analysed = new WeakMap<Chunk, { units: Unit[]; stated: string; items: number; notCovered: number }>();
function analyse(chunk: Chunk) {
  let entry = analysed.get(chunk);
  if (!entry) {
    const units = unitsOf(chunk.text);
    const stated = units.filter((u) => !notCoveredPattern.test(u.text));
    entry = {
      units,
      stated: [...stated.map((u) => u.text), ...tableHeaders(chunk.text)].join(' '),
      items: stated.filter((u) => u.kind !== 'sentence').length,
      notCovered: units.length === 0 ? 0 : (units.length - stated.length) / units.length,
    };
    analysed.set(chunk, entry);
  }
  return entry;
}

function positionOf(chunk: Chunk): number {
  return Number(chunk.id.slice(chunk.id.lastIndexOf('#') + 1)) || 0;
}

/** The passage as one chunk (merged text when it spans two sections), for cutting the answer from. */
export function passageChunk(passage: Passage): Chunk {
  const [first, ...rest] = passage.chunks;
  if (rest.length === 0) return first!;
  return { ...first!, text: [first!.text, ...rest.map((c) => c.text)].join('\n\n') };
}
