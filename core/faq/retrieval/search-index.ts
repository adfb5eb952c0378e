import { create, insertMultiple, search, type Orama } from '@orama/orama';
import { stemmer as indonesianStemmer } from '@orama/stemmers/indonesian';
import { stopwords as indonesianStopwords } from '@orama/stopwords/indonesian';
import type { Chunk } from '../corpus/types.js';
import { normaliseQuery, type NormalisedQuery } from './normalise.js';
import { colloquialVariants } from './colloquial.js';
import { isEverydayIndonesianWord } from './indonesian-words.js';
import { abbreviations, stemOverrides } from './synonyms.js';
import { askedNumbers, coversNumber, handoverPattern, statesNothing, tableHeaders, unitsOf } from '../corpus/units.js';

export interface SearchHit {
  chunk: Chunk;
  /** Orama's BM25 score (boosted), only comparable within one search. */
  score: number;
  /**
   * 0–1: how much of what the question asks about this chunk covers (each asked word weighted by how rare it is
   * in the corpus; an abbreviation counts as covered when its expansion is), scaled by the chunk's score relative
   * to the best one. Comparable between searches, so a fixed threshold can decide "ask a human".
   */
  confidence: number;
  /** The asked words (stems) this chunk covers. */
  matched: string[];
  /** How the rank came about: BM25 relative to the best hit, coverage of the question, coverage by the section. */
  parts?: { bm25: number; coverage: number; local: number; blend: number };
}

const schema = { title: 'string', heading: 'string', tags: 'string', body: 'string' } as const;
type ChunkDb = Orama<typeof schema>;

/** Fields that name the topic weigh more than the body. */
const boost = { title: 2.2, tags: 2, heading: 1.6, body: 1 };

/**
 * Orama's Indonesian stopwords, minus words that carry meaning in HR questions ("cuti bersama", "berapa lama",
 * "pensiun dini", "tanpa keterangan", "tiap bulan").
 */
const meaningful = new Set(['bersama', 'lama', 'lamanya', 'paling', 'tanpa', 'dini', 'tiap', 'setiap', 'sebelum', 'kecil', 'lebih']);
export const stopwordList: readonly string[] = indonesianStopwords.filter((word) => !meaningful.has(word));
const stopwordSet = new Set(stopwordList);

export function stem(word: string): string {
  // Roman numerals (golongan III, PPPK golongan XVII) and numbers are not words to stem.
  if (/^[ivx]+$/.test(word) || /^\d/.test(word)) return word;
  return stemOverrides[word] ?? indonesianStemmer(word);
}

/**
 * Corpus text as indexed: "150%" is searchable as "150 persen", and a pointer to another document ("Lihat
 * dokumen Arti Angka NI PPPK.") does not make a section look like that document.
 */
export function indexText(text: string): string {
  return text.replace(/%/g, ' persen ').replace(/\b[Ll]ihat (juga )?dokumen [^.;)]+/g, ' ');
}

/** The same tokens the index stores: lower case, split on non-alphanumerics, stopwords out, stemmed. */
export function tokenizeForIndex(text: string): string[] {
  const out: string[] = [];
  for (const raw of text.toLowerCase().split(/[^a-z0-9]+/)) {
    if (!raw || stopwordSet.has(raw)) continue;
    out.push(stem(raw));
  }
  return out;
}

interface ChunkStats {
  /** Title, tags, heading and text: what "the question is covered" is measured on. */
  tokens: Set<string>;
  /** Heading and text only: what tells one section of a document from another. */
  local: Set<string>;
  /** 0 for the summary, then the section number. */
  position: number;
  /** The title's stems (for preferring the document whose title the question matches best). */
  title: string[];
  /** Tokens of the sentences that state something (not of "… tidak tercantum di sini" sentences). */
  positive: Set<string>;
  /** The chunk's "not covered" and "hubungi petugas" sentences, with their tokens (`handover`: the latter). */
  statements: Array<{ text: string; tokens: Set<string>; handover: boolean }>;
}

export interface DocumentGrounding {
  /** The document's sections with the share of the question their own sentences cover (0–1), best first. */
  sections: Array<{ chunk: Chunk; coverage: number }>;
  /** The document's "not covered" sentences that concern the question. */
  statements: string[];
}

/**
 * Orama full-text index over corpus chunks with the Indonesian stemmer and stopwords, typo tolerance and boosted
 * title, tags and heading. Built in memory in a few milliseconds; searches are synchronous.
 */
export class ChunkIndex {
  private constructor(
    private readonly db: ChunkDb,
    readonly chunks: readonly Chunk[],
    private readonly byId: Map<string, Chunk>,
    private readonly stats: Map<string, ChunkStats>,
    private readonly documentFrequency: Map<string, number>,
    private readonly surfaceByLength: Map<number, Array<{ word: string; count: number }>>,
    private readonly surface: Map<string, number>,
  ) {}

  static build(chunks: readonly Chunk[]): ChunkIndex {
    const db = create({
      schema,
      components: {
        tokenizer: { language: 'indonesian', stemming: true, stemmer: stem, stopWords: [...stopwordList] },
      },
    }) as ChunkDb;
    const docs = chunks.map((chunk) => ({
      id: chunk.id,
      title: chunk.title,
      heading: chunk.heading ?? '',
      tags: chunk.tags.join(' , '),
      body: indexText(chunk.text),
    }));
    const inserted = insertMultiple(db, docs, 10_000);
    if (inserted instanceof Promise) throw new Error('Orama insert unexpectedly asynchronous');
    const stats = new Map<string, ChunkStats>();
    const documentFrequency = new Map<string, number>();
    for (const chunk of chunks) {
      const local = new Set(tokenizeForIndex(indexText(`${chunk.heading ?? ''} ${chunk.text}`)));
      const tokens = new Set([...local, ...tokenizeForIndex(`${chunk.title} ${chunk.tags.join(' ')}`)]);
      const units = unitsOf(chunk.text);
      const statements = units
        .filter((u) => statesNothing(u.text))
        .map((u) => ({ text: u.text, tokens: new Set(tokenizeForIndex(indexText(u.text))), handover: handoverPattern.test(u.text) && !/\b(tidak|belum) tercantum\b/i.test(u.text) }));
      // A table's header says what its rows state ("Tanggapan pertama"): part of what the section states.
      const positive = new Set(
        [...units.filter((u) => !statesNothing(u.text)).map((u) => u.text), ...tableHeaders(chunk.text)].flatMap((text) =>
          tokenizeForIndex(indexText(text)),
        ),
      );
      if (statements.length === 0) for (const t of tokenizeForIndex(chunk.heading ?? '')) positive.add(t);
      const title = [...new Set(tokenizeForIndex(chunk.title))];
      stats.set(chunk.id, { tokens, local, position: Number(chunk.id.slice(chunk.id.lastIndexOf('#') + 1)) || 0, title, positive, statements });
      for (const token of tokens) documentFrequency.set(token, (documentFrequency.get(token) ?? 0) + 1);
    }
    // Every word as written in the corpus, for correcting typos in questions.
    const surface = new Map<string, number>();
    for (const chunk of chunks) {
      for (const word of `${chunk.title} ${chunk.heading ?? ''} ${chunk.tags.join(' ')} ${chunk.text}`.toLowerCase().split(/[^a-z0-9]+/)) {
        if (word.length >= 3 && !/^\d+$/.test(word) && !stopwordSet.has(word)) surface.set(word, (surface.get(word) ?? 0) + 1);
      }
    }
    const surfaceByLength = new Map<number, Array<{ word: string; count: number }>>();
    for (const [word, count] of surface) {
      const list = surfaceByLength.get(word.length) ?? [];
      list.push({ word, count });
      surfaceByLength.set(word.length, list);
    }
    return new ChunkIndex(db, chunks, new Map(chunks.map((c) => [c.id, c])), stats, documentFrequency, surfaceByLength, surface);
  }

  get size(): number {
    return this.chunks.length;
  }

  chunk(id: string): Chunk | undefined {
    return this.byId.get(id);
  }

  /** True when the corpus knows the word's stem once a typo in it is corrected ("melahirkn" → melahirkan). */
  knows(word: string): boolean {
    return this.documentFrequency.has(stem(this.correct(word)));
  }

  /** Best `k` chunks for a question (raw text or already normalised). */
  search(question: string | NormalisedQuery, k = 5, filter?: (chunk: Chunk) => boolean): SearchHit[] {
    const query = typeof question === 'string' ? normaliseQuery(question) : question;
    if (!query.expanded) return [];
    const concepts = this.concepts(query);
    if (concepts.length === 0) return [];
    // Words as typed (typos corrected) count fully; what abbreviations stand for counts half, so "nip" finds
    // the NIP documents before those that merely share "nomor induk".
    const limit = filter ? Math.max(k * 4, 40) : Math.max(k * 3, 30);
    const scores = new Map<string, number>();
    const run = (term: string, weight: number) => {
      if (!term) return;
      const result = search(this.db, {
        term,
        properties: ['title', 'heading', 'tags', 'body'],
        boost,
        // Typos are corrected against the corpus vocabulary before searching (see `correct`); fuzzy matching
        // here would let short words match unrelated ones ("nip" → "ni").
        tolerance: 0,
        limit,
      });
      if (result instanceof Promise) throw new Error('Orama search unexpectedly asynchronous');
      for (const hit of result.hits) scores.set(hit.id, (scores.get(hit.id) ?? 0) + weight * hit.score);
    };
    // A single letter or digit ("III/b" → "b", "2 tahun") would match every indexed word it begins (Orama
    // matches prefixes), costing most of a search for nothing; coverage below still counts it.
    const searchable = (words: string[]) => words.filter((w) => w.length > 1).join(' ');
    run(searchable(concepts.flatMap((c) => c.searchWords)), 1);
    run(searchable(concepts.flatMap((c) => c.expansionWords)), 0.5);
    const raw = { hits: [...scores].map(([id, score]) => ({ id, score })) };
    const hints = query.hints.map(stem);
    const asked = new Set(concepts.flatMap((c) => c.stems));
    const numbers = askedNumbers(query);
    const scored: Array<{ chunk: Chunk; score: number; coverage: number; local: number; numeric: number; title: number; position: number; matched: string[] }> = [];
    for (const hit of raw.hits) {
      const chunk = this.byId.get(hit.id);
      if (!chunk || (filter && !filter(chunk))) continue;
      const { coverage, matched, local: sectionCoverage } = this.coverage(concepts, hints, chunk.id);
      // "bolos 5 hari": the section whose table has the "4–6" row.
      const numeric = numbers.length > 0 && numbers.every((n) => coversNumber(chunk.text, n.value, n.unit)) ? 1 : 0;
      scored.push({ chunk, score: hit.score, coverage, local: sectionCoverage, numeric, title: this.titleMatch(asked, chunk.id), position: this.stats.get(chunk.id)!.position, matched });
    }
    if (scored.length === 0) return [];
    // Rerank: BM25 relative to the best, how much of the question the chunk covers (whole document context and
    // the section itself), how much of the document's title the question names (so "arti nip" prefers "Arti
    // Angka NIP PNS" to "Arti Angka NI PPPK"), and a small preference for a document's summary and first
    // sections, which HR writes to answer the most common question. A section stating the numbers asked about
    // ("bolos 5 hari" → the "4–6" row) is preferred.
    const top = Math.max(...scored.map((s) => s.score));
    const ranked = scored
      .map((s) => {
        const blend = 0.5 * (s.score / top) + 0.25 * s.coverage + 0.25 * s.local + 0.2 * s.title + 0.08 * s.numeric + 0.04 / (1 + s.position);
        return { ...s, blend, confidence: confidenceOf(blend, s.coverage) };
      })
      .sort((a, b) => b.confidence - a.confidence || b.blend - a.blend || (a.chunk.id < b.chunk.id ? -1 : 1));
    return ranked.slice(0, k).map((s) => ({
      chunk: s.chunk,
      score: s.score,
      confidence: s.confidence,
      matched: s.matched,
      parts: { bm25: round(s.score / top), coverage: round(s.coverage), local: round(s.local), blend: round(s.blend) },
    }));
  }

  /**
   * How the sections of one document answer the question with what they actually state. A document that says
   * "… tidak tercantum di sini" about what is asked returns that statement, so the answerer can hand over
   * instead of quoting a neighbouring sentence.
   */
  groundInDocument(question: string | NormalisedQuery, docId: string): DocumentGrounding {
    const query = typeof question === 'string' ? normaliseQuery(question) : question;
    const concepts = this.concepts(query);
    const chunks = this.chunks.filter((c) => c.docId === docId);
    const total = concepts.reduce((sum, c) => sum + c.weight, 0) || 1;
    const sections = chunks
      .map((chunk) => {
        const { positive } = this.stats.get(chunk.id)!;
        const covered = concepts.filter((c) => c.stems.some((s) => positive.has(s))).reduce((sum, c) => sum + c.weight, 0);
        return { chunk, coverage: round(covered / total) };
      })
      .sort((a, b) => b.coverage - a.coverage);
    // A statement concerns the question when it shares an asked word (or what the kind of question implies,
    // "berapa hari" → lama) beyond the document's own title: "Lama … cuti PPPK tidak tercantum" concerns "cuti
    // tahunan pppk brp hari", while "Ketentuan cuti besar yang tidak tercantum di sini …" concerns no question
    // about cuti besar in particular.
    const titleTokens = new Set(chunks[0] ? tokenizeForIndex(chunks[0].title) : []);
    // An abbreviation of the title ("cltn" in "Cuti di Luar Tanggungan Negara") names the document's subject too:
    // "cltn tetap digaji" is not concerned by "Lama CLTN belum dicantumkan di sini".
    const subject = concepts.filter((c) => c.stems.length > 1 && c.stems.some((s) => titleTokens.has(s)));
    const asked = new Set(
      [...concepts.filter((c) => !subject.includes(c)).flatMap((c) => c.stems), ...query.hints.map(stem)].filter((s) => !titleTokens.has(s)),
    );
    // A hand-over ("Untuk formulir …: Hubungi petugas kepegawaian") concerns the question only through a word the
    // document states nowhere else: "formulir cuti sakit" is handed over, "potongan taspen berapa persen" is
    // answered although "Untuk rincian potongan di slip gaji, hubungi …" shares "potongan" with it.
    const statedInDocument = this.statedIn(docId, chunks);
    const askedOwn = new Set(concepts.flatMap((c) => c.stems).filter((s) => !titleTokens.has(s) && !statedInDocument.has(s) && !handoverGeneric.has(s)));
    const statements: string[] = [];
    for (const chunk of chunks) {
      for (const statement of this.stats.get(chunk.id)!.statements) {
        const concerns = statement.handover ? [...statement.tokens].some((t) => askedOwn.has(t)) : [...statement.tokens].some((t) => asked.has(t));
        if (concerns) statements.push(statement.text);
      }
    }
    return { sections, statements };
  }

  /** Share of the chunk's title (by word rarity) that the question names. */
  private titleMatch(asked: ReadonlySet<string>, chunkId: string): number {
    const n = Math.max(1, this.chunks.length);
    let total = 0;
    let hit = 0;
    for (const token of this.stats.get(chunkId)!.title) {
      const weight = Math.log(1 + n / (this.documentFrequency.get(token) ?? 1));
      total += weight;
      if (asked.has(token)) hit += weight;
    }
    return total === 0 ? 0 : hit / total;
  }

  /** Each meaningful word of the question with its weight and the stems that count as covering it. */
  private concepts(query: NormalisedQuery): Array<{ weight: number; stems: string[]; own: string | null; searchWords: string[]; expansionWords: string[] }> {
    const n = Math.max(1, this.chunks.length);
    const maxIdf = Math.log(1 + n);
    const seen = new Set<string>();
    const concepts: Array<{ weight: number; stems: string[]; own: string | null; searchWords: string[]; expansionWords: string[] }> = [];
    for (const term of query.terms) {
      const word = stopwordSet.has(term.word) ? null : this.correct(term.word);
      const own = word === null ? [] : [stem(word)];
      // A corrected typo may be an abbreviation itself ("brkas" → "berkas" → dokumen).
      const expansionWords = (term.expansion.length > 0 || word === null ? term.expansion : (abbreviations[word]?.split(' ') ?? [])).filter(
        (w) => !stopwordSet.has(w),
      );
      const expansion = expansionWords.map((w) => stem(w));
      const stems = [...new Set([...own, ...expansion])].filter(Boolean);
      if (stems.length === 0) continue;
      const key = stems.join(' ');
      if (seen.has(key)) continue;
      seen.add(key);
      // An abbreviation weighs like its rarest known stem. A word the corpus never uses (chat slang, a typo too far
      // gone, or an off-topic word) weighs half the rarest: a question made only of such words covers nothing.
      const known = stems.filter((s) => this.documentFrequency.has(s));
      const weight = known.length > 0 ? Math.max(...known.map((s) => Math.log(1 + n / this.documentFrequency.get(s)!))) : 0.5 * maxIdf;
      concepts.push({
        weight,
        stems,
        own: own[0] ?? null,
        searchWords: word === null ? [] : [word],
        expansionWords,
      });
    }
    return concepts;
  }

  private coverage(
    concepts: ReadonlyArray<{ weight: number; stems: string[]; own: string | null }>,
    hints: readonly string[],
    chunkId: string,
  ): { coverage: number; local: number; matched: string[] } {
    const { tokens, local: localTokens } = this.stats.get(chunkId)!;
    let total = 0;
    let covered = 0;
    let localCovered = 0;
    const matched: string[] = [];
    for (const concept of concepts) {
      total += concept.weight;
      const hit = concept.stems.filter((s) => tokens.has(s));
      if (hit.length > 0) {
        // The word as typed covers fully; an abbreviation found only through its expansion covers in proportion
        // to how much of the expansion appears.
        const ownHit = concept.own !== null && tokens.has(concept.own);
        const share = ownHit || concept.stems.length === 1 ? 1 : 0.5 + 0.4 * (hit.length / concept.stems.length);
        covered += concept.weight * share;
        if (hit.some((s) => localTokens.has(s))) localCovered += concept.weight * share;
        matched.push(...hit);
      }
    }
    const hintShare = hints.length === 0 ? 0 : hints.filter((h) => localTokens.has(h)).length / hints.length;
    // Not capped at 1: with the question fully covered, the hints still tell sections apart.
    const local = total === 0 ? 0 : localCovered / total + 0.3 * hintShare;
    return { coverage: total === 0 ? 0 : covered / total, local, matched };
  }

  /**
   * Typo tolerance: a word whose stem the corpus does not know becomes the corpus word closest to it (one edit,
   * two for words of 8+ letters, a swap of neighbours counting as one), the more frequent on a tie. Words under
   * 4 letters and numbers are left alone.
   */
  correct(word: string): string {
    const cached = this.corrections.get(word);
    if (cached !== undefined) return cached;
    const corrected = this.correctUncached(word);
    if (this.corrections.size > 5000) this.corrections.clear();
    this.corrections.set(word, corrected);
    return corrected;
  }

  private readonly corrections = new Map<string, string>();
  private readonly statedByDocument = new Map<string, Set<string>>();

  /** Every token a document's sections state: gathered once per document, as the index never changes once built. */
  private statedIn(docId: string, chunks: readonly Chunk[]): Set<string> {
    let stated = this.statedByDocument.get(docId);
    if (!stated) {
      stated = new Set(chunks.flatMap((c) => [...this.stats.get(c.id)!.positive]));
      this.statedByDocument.set(docId, stated);
    }
    return stated;
  }

  private correctUncached(word: string): string {
    if (word.length < 4 || /\d/.test(word) || this.surface.has(word) || this.documentFrequency.has(stem(word))) return word;
    // Jakarta-style words: "disiapin" → "disiapkan", "ngitungnya" → "menghitung", "malem" → "malam".
    for (const variant of colloquialVariants(word)) {
      if (this.surface.has(variant) || this.documentFrequency.has(stem(variant))) return variant;
    }
    // A real word is not a typo, even one letter away from a corpus word ("harga" is not "harta"), nor is a real
    // word with affixes ("dicairkan", from "cair", is not "dicarikan").
    if (isEverydayIndonesianWord(word) || isEverydayIndonesianWord(stem(word))) return word;
    const limit = word.length >= 8 ? 2 : 1;
    let best: { word: string; distance: number; count: number } | null = null;
    for (let length = word.length - limit; length <= word.length + limit; length++) {
      for (const candidate of this.surfaceByLength.get(length) ?? []) {
        const distance = boundedDamerau(word, candidate.word, limit);
        if (distance > limit) continue;
        if (!best || distance < best.distance || (distance === best.distance && candidate.count > best.count)) {
          best = { word: candidate.word, distance, count: candidate.count };
        }
      }
    }
    return best?.word ?? word;
  }
}

/**
 * Words of a hand-over sentence that name the desk, the workplace, the manner ("hubungi … secara langsung") or
 * its frame ("untuk …", "kepada …"), not the matter handed over: "bisa langsung dipecat" is not asking what "Untuk
 * hal itu, hubungi … secara langsung" hands over, nor "diambil untuk alasan apa" what "Hubungi … untuk lama CLTN" does.
 */
const handoverGeneric = new Set(tokenizeForIndex('hubungi petugas kepegawaian pegawai bagian keuangan tanyakan kepada untuk dkp dinas kantor instansi anda secara langsung segera'));

/**
 * The one confidence (0–1) that orders hits and decides answer or hand-over: how much of the question the chunk
 * covers (absolute, comparable between questions), scaled by how its BM25 compares with the best hit, how much
 * the section itself (not just its document) covers, and how much of the document's title the question names.
 */
export function confidenceOf(blend: number, coverage: number): number {
  return round(Math.min(1, blend / confidenceScale.blend) * Math.min(1, coverage / confidenceScale.coverage));
}

/** A hit whose blend reaches `blend` and covers `coverage` of the question is fully confident. */
export const confidenceScale = { blend: 1.1, coverage: 0.7 };

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

/** Optimal-string-alignment distance between a and b, or limit + 1 as soon as it must exceed `limit`. */
export function boundedDamerau(a: string, b: string, limit: number): number {
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > limit) return limit + 1;
  let prevPrev: number[] = [];
  let prev = Array.from({ length: lb + 1 }, (_, j) => j);
  for (let i = 1; i <= la; i++) {
    const row = [i];
    let rowMin = i;
    for (let j = 1; j <= lb; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, prevPrev[j - 2]! + 1);
      row.push(value);
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > limit) return limit + 1;
    prevPrev = prev;
    prev = row;
  }
  return prev[lb]!;
}
