import type { Chunk } from '../corpus/types.js';
import { askedNumbers, coversNumber, monthAlternation, monthNames, notCoveredPattern, statesNothing, tableHeaders, unitsOf, type Unit } from '../corpus/units.js';
import type { FaqKnowledge } from '../knowledge.js';
import { cleanText, type NormalisedQuery } from '../retrieval/normalise.js';
import { indexText, tokenizeForIndex, type SearchHit } from '../retrieval/search-index.js';
import { intentFit, minimumServicePattern, type QuestionIntent } from './question-intent.js';

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
  /** A section of the same document that scored nearly as well: its best sentence goes with the answer. */
  alternative?: Passage;
  /** The part of a two-question message this passage answers (its best sentence is chosen for that part). */
  asked?: { query: NormalisedQuery; intent: QuestionIntent };
}

const monthSet = new Set(monthNames);

const dateInQuestion = new RegExp(`\\b(\\d{1,2}) (${monthAlternation})\\b`, 'g');

/** A table row answers by its key only in a section covering the question nearly as well as the best one. */
const rowCoverageSlack = 0.15;

/** A sentence sending the reader to another document. */
const pointerSentence = /\b(lihat|baca|dibahas dalam|diatur dalam|dijelaskan dalam) (juga )?dokumen\b/i;

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
export function choosePassage(
  knowledge: FaqKnowledge,
  query: NormalisedQuery,
  intent: QuestionIntent,
  primary: SearchHit,
  hits: readonly SearchHit[],
  /** Only sections passing this are weighed (the ones speaking of the group a question is about). */
  admits: (chunk: Chunk) => boolean = () => true,
): Passage {
  const docs = new Map<string, number>([[primary.chunk.docId, primary.confidence]]);
  for (const hit of hits) {
    if (docs.size >= maxDocuments) break;
    if (hit.chunk.status !== 'current' || docs.has(hit.chunk.docId)) continue;
    if (hit.confidence >= primary.confidence - documentWindow) docs.set(hit.chunk.docId, hit.confidence);
  }
  // A section that answers by pointing elsewhere ("Batas golongan menurut pendidikan … Lihat dokumen Kenaikan
  // Pangkat Reguler PNS") vouches for that document: its sections are weighed too, a little below the first.
  const referenced = referencedDocuments(knowledge, query, primary.chunk.docId);
  for (const docId of referenced) {
    if (!docs.has(docId)) docs.set(docId, primary.confidence * referenceTrust);
  }
  const asksValue = /\b(berapa|apa|mana)\b/.test(query.plain);
  // A date named in the question ("periode 1 des") is matched as a date: a table that has "1" somewhere and
  // "Desember" in another row does not state it.
  const dates = [...query.plain.matchAll(dateInQuestion)].map((m) => ({ day: Number(m[1]), month: m[2]!, pattern: new RegExp(`(?<!\\d)${Number(m[1])} ${m[2]}`) }));
  const numbers = askedNumbers(query).filter((n) => !dates.some((d) => d.day === n.value));
  // Months named in the question ("periode jan") are as specific as numbers: the section naming them answers.
  const months = query.terms.map((t) => t.word).filter((w) => monthSet.has(w) && !dates.some((d) => d.month === w));
  // "deadline lhkasn": a word naming the first document's own subject (a tag few documents carry) that another
  // document is not tagged with means that document answers about something else, however well it states a date
  // (unless the first document points to it for the answer).
  const subject = subjectWords(knowledge, query, primary.chunk.docId);
  // A worked example ("Contoh tenggat SKP tahun 2024") answers when the question asks for one or names the
  // year it works through; "deadline skp tahun ini" wants the rule, which the example only illustrates.
  const years = query.terms.map((t) => t.word).filter((w) => /^(19|20)\d\d$/.test(w));
  const asksExample = /\b(contoh|misal|misalnya|example|cara (menghitung|membaca|hitung|baca)|hitungnya|dihitung|menghitung)\b/.test(query.plain);
  // "tiket rahasia itu anonim kah": what comes before "itu" is what the question is about; a document whose title
  // names it keeps the first document's edge, though another ranked first on the word asked of it ("anonim").
  // It is weighed even when retrieval ranked it well below the first ("tiket rahasia tuh anonim kan": the
  // anonymous-suggestion document holds "anonim" many times over).
  const currentDocs = [...new Set(hits.filter((h) => h.chunk.status === 'current').map((h) => h.chunk.docId))];
  // "lahir tgl 1 agustus, tmt pensiunnya …": three words in a row of a document's title ("… Lahir Tanggal 1 atau 29
  // Februari") name it as plainly as "X itu" does.
  const subjectDocument = subjectNamedByTitle(knowledge, query, currentDocs, primary.chunk.docId) ?? titleQuoted(knowledge, query, currentDocs, primary.chunk.docId);
  const subjectHit = subjectDocument ? hits.find((h) => h.chunk.docId === subjectDocument) : undefined;
  if (subjectHit && !docs.has(subjectHit.chunk.docId)) docs.set(subjectHit.chunk.docId, subjectHit.confidence);
  const predicateStems = new Set(intent.predicates.flatMap((w) => tokenizeForIndex(w)));
  const claimStems = new Set(intent.claim ? tokenizeForIndex(intent.claim).filter((t) => !/^\d/.test(t)) : []);
  const quotable = quotableRuns(query.plain.split(' '));
  const askedStems = new Set(tokenizeForIndex(query.expanded));
  const candidates: Candidate[] = [];
  const sectionsOf = new Map([...docs.keys()].map((docId) => [docId, knowledge.groundInDocument(query, docId).sections]));
  const bestCoverage = Math.max(0, ...[...sectionsOf.values()].flat().map((s) => s.coverage));
  // The table keys the question names, per document ("ahli pertama" and "sangat baik" in the credit document).
  const namedKeys = new Map(
    [...sectionsOf].map(([docId, sections]) => [docId, [...new Set(sections.flatMap(({ chunk }) => rowKeysNamed(chunk, query)))]]),
  );
  for (const [docId, confidence] of docs) {
    const offSubject = docId !== primary.chunk.docId && docId !== subjectDocument && !referenced.includes(docId) && subject.some((w) => !tagWordsOf(knowledge, docId).has(w)) ? 1 : 0;
    const prior = primary.confidence > 0 ? Math.min(1, confidence / primary.confidence) : 1;
    for (const { chunk, coverage } of sectionsOf.get(docId)!) {
      if (!admits(chunk)) continue;
      const { stated, statedWords, items, notCovered, pointer } = analyse(chunk);
      const lower = chunk.text.toLowerCase();
      const numeric =
        (numbers.length > 0 || months.length > 0 || dates.length > 0) &&
        numbers.every((n) => coversNumber(chunk.text, n.value, n.unit)) &&
        months.every((m) => lower.includes(m)) &&
        dates.every((d) => d.pattern.test(lower))
          ? 1
          : 0;
      // "d3 naik sampai gol berapa", "pangkat 4b namanya apa": the table row keyed by what was named holds the
      // value, when the table is about what was asked ("koefisien ak ahli pertama" is not in the table of
      // cumulative credits keyed by "Ahli Pertama").
      const row = asksValue && coverage >= bestCoverage - rowCoverageSlack && statesNamedKeys(chunk, namedKeys.get(docId)!) ? 1 : 0;
      const fit = intentFit(intent, stated, items, numeric === 1 || row === 1);
      const example = /^contoh\b/i.test(chunk.heading ?? '') && !asksExample && !years.some((y) => chunk.text.includes(y)) ? 1 : 0;
      const retrieved = chunk.id === primary.chunk.id ? 1 : 0;
      // The document retrieval ranked first keeps an edge: another one must state the asked fact clearly better.
      const firstDocument = docId === (subjectDocument ?? primary.chunk.docId) ? 1 : 0;
      // "nip itu rahasia gak": a yes/no question is answered by the sentence saying "bukan rahasia", not by the
      // section explaining why, which never repeats the word.
      const polar = (predicateStems.size > 0 && statesPolarity(stated, predicateStems)) || (claimStems.size > 0 && deniesClaim(stated, claimStems)) ? 1 : 0;
      // "cpns baru 8 bulan, sudah boleh ambil cuti tahunan belum": the section stating the minimum service answers,
      // not the one sharing more of the asker's situation.
      const eligible = intent.eligibility && minimumServicePattern.test(stated) ? 1 : 0;
      // "ada tulisan catatan atas data anda, maksudnya apa": the section with the words the asker quotes explains them.
      const quoted = quotable.some((run) => statedWords.includes(run)) ? 1 : 0;
      // "Cuti sakit karena keguguran", "Cuti bersama bagi PPPK": a section for a case the question does not name
      // gives way to the general rule it ties with.
      const unnamedCase = caseNotAsked(chunk.heading, askedStems) ? 1 : 0;
      // A section that only points elsewhere ("… dibahas dalam dokumen …") states nothing itself (`pointer`).
      const score =
        0.5 * coverage + 0.2 * fit + 0.2 * Math.max(numeric, row) + 0.2 * prior + 0.2 * firstDocument + 0.04 * retrieved + 0.25 * polar + 0.25 * eligible + 0.15 * quoted - 0.25 * notCovered - 0.3 * offSubject - 0.15 * example - 0.2 * pointer - 0.05 * unnamedCase;
      candidates.push({ docId, chunks: [chunk], coverage, fit, score, position: positionOf(chunk) });
    }
  }
  // A document the first one points to for the answer shares its edge when the first one does not state the
  // kind of fact asked ("Suami PNS … dapat mengajukan cuti karena alasan penting. Lihat dokumen …" for "berapa lama").
  const firstBest = candidates.filter((c) => c.docId === primary.chunk.docId).sort((a, b) => b.score - a.score)[0];
  if (firstBest && firstBest.fit < 1) for (const c of candidates) if (referenced.includes(c.docId)) c.score += 0.2;
  if (candidates.length === 0) return { docId: primary.chunk.docId, chunks: [primary.chunk], coverage: 0, fit: 0, score: 0 };
  candidates.sort((a, b) => b.score - a.score || a.position - b.position);
  const best = withAlternative(candidates);
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

/** True when a heading names a case ("… karena keguguran", "… bagi PPPK") with no word the question says. */
function caseNotAsked(heading: string | null | undefined, asked: ReadonlySet<string>): boolean {
  const match = heading ? /\b(karena|bagi|akibat)\s+(.+)$/i.exec(heading) : null;
  if (!match) return false;
  return !tokenizeForIndex(match[2]!).some((t) => asked.has(t));
}

/**
 * Two sections of one document within this much of each other are a close call: the answer quotes the best one
 * and adds the runner-up's best sentence, so a near miss in choosing the section ("karpeg hilang": the virtual card
 * section, and the sentence that the physical card is no longer issued) still states the fact. Chosen on the
 * tuning split, where it fires on 1 answer in 25; wider margins lengthen a third of all answers.
 */
const closeCallMargin = 0.02;

function withAlternative(candidates: Candidate[]): Candidate {
  const best = candidates[0]!;
  const alternative = candidates.find((c) => c !== best && c.docId === best.docId && c.score >= best.score - closeCallMargin && c.coverage > 0);
  return alternative ? { ...best, alternative } : best;
}

/** The document among `docIds` whose title names the question's subject ("X itu …"), when the first one's does not. */
function subjectNamedByTitle(knowledge: FaqKnowledge, query: NormalisedQuery, docIds: readonly string[], firstDocId: string): string | null {
  const subject = /^((?:[a-z]+ ){1,3})itu\b/.exec(query.plain)?.[1];
  if (!subject) return null;
  const stems = tokenizeForIndex(subject);
  if (stems.length < 2) return null;
  // "kp pilihan itu": an abbreviation names the title by what it stands for ("Kenaikan Pangkat Pilihan").
  const expansionOf = new Map(query.terms.map((t) => [t.word, tokenizeForIndex(t.expansion.join(' '))]));
  const words = subject.trim().split(' ').map((w) => ({ own: tokenizeForIndex(w), expansion: expansionOf.get(w) ?? [] })).filter((w) => w.own.length > 0);
  const names = (docId: string) => {
    const title = new Set(tokenizeForIndex(knowledge.document(docId)?.title ?? ''));
    return words.every((w) => w.own.every((s) => title.has(s)) || (w.expansion.length > 0 && w.expansion.every((s) => title.has(s))));
  };
  if (names(firstDocId)) return null;
  return docIds.find((docId) => docId !== firstDocId && names(docId)) ?? null;
}

/** The document among `docIds` (not the first) three words of whose title in a row the question says, when the first's is not quoted so. */
function titleQuoted(knowledge: FaqKnowledge, query: NormalisedQuery, docIds: readonly string[], firstDocId: string): string | null {
  const said = ` ${query.plain} `;
  const quotes = (docId: string) => {
    const words = cleanText(knowledge.document(docId)?.title ?? '').split(' ');
    for (let i = 0; i + titleRun <= words.length; i++) {
      const run = words.slice(i, i + titleRun);
      if (tokenizeForIndex(run.join(' ')).length >= 2 && said.includes(` ${run.join(' ')} `)) return true;
    }
    return false;
  };
  if (quotes(firstDocId)) return null;
  return docIds.find((docId) => docId !== firstDocId && quotes(docId)) ?? null;
}
const titleRun = 3;

/**
 * The question's runs of four words in a row with two of them more than function words, padded with spaces: a
 * section whose cleaned text holds one quotes the asker. Read once per question, not once per section.
 */
function quotableRuns(words: readonly string[]): string[] {
  const runs: string[] = [];
  for (let i = 0; i + quotedRun <= words.length; i++) {
    const run = words.slice(i, i + quotedRun).join(' ');
    if (tokenizeForIndex(run).length >= 2) runs.push(` ${run} `);
  }
  return runs;
}
const quotedRun = 4;

/** True when a sentence with "bukan" or "tidak" holds two of the words of what the asker checks ("…, bukan lama terbitnya SK"). */
function deniesClaim(stated: string, claim: ReadonlySet<string>): boolean {
  return stated.split(/[.;!?\n]+/).some((sentence) => {
    const words = cleanText(sentence).split(' ');
    if (!words.some((w) => polarityWords.has(w))) return false;
    return new Set(tokenizeForIndex(sentence).filter((t) => claim.has(t))).size >= 2;
  });
}

/** Words that say yes or no of what follows them ("bukan rahasia", "tidak otomatis mengubah", "tetap berlaku"). */
const polarityWords = new Set(['bukan', 'tidak', 'tak', 'tetap']);

/** True when a polarity word stands right before (within two words) one of the words asked yes or no of. */
function statesPolarity(stated: string, asked: ReadonlySet<string>): boolean {
  for (const sentence of stated.split(/[.;:!?\n]+/)) {
    const words = cleanText(sentence).split(' ');
    for (let i = 0; i < words.length - 1; i++) {
      if (!polarityWords.has(words[i]!)) continue;
      if (words.slice(i + 1, i + 3).some((w) => tokenizeForIndex(w).some((t) => asked.has(t)))) return true;
    }
  }
  return false;
}

/**
 * The document the question is about by its own name when the first hit's document is another one: "lhkasn
 * batasnya 31 maret kan?" and "deadline lhkasn, sama kayak lhkpn 31 maret?" ask about LHKASN, however well the
 * LHKPN document matches the date the asker half-remembers. A name counts when the question opens with it (within
 * its first words) and before anything it is compared with. Null when the first document is so named, or when no
 * other document (or more than one) is.
 */
export function namedDocument(knowledge: FaqKnowledge, query: NormalisedQuery, firstDocId: string): string | null {
  const words = cleanText(query.original).split(' ');
  const opening = words.filter((w, i) => !(i < 3 && greeting.test(w)));
  const cut = opening.findIndex((w, i) => comparisonMarker.test(opening.slice(i, i + 2).join(' ')));
  const subjectPart = new Set(tokenizeForIndex((cut >= 0 ? opening.slice(0, cut) : opening).slice(0, openingWords).join(' ')));
  const names = documentNames(knowledge);
  if ([...(names.get(firstDocId) ?? [])].some((w) => subjectPart.has(w))) return null;
  const named = knowledge.documents.filter((d) => d.id !== firstDocId && d.status === 'current' && [...(names.get(d.id) ?? [])].some((w) => subjectPart.has(w)));
  return named.length === 1 ? named[0]!.id : null;
}
/** How many words the question opens with (its subject): "deadline lhkasn …", "batas waktu lhkasn …". */
const openingWords = 3;
/** Words a question opens with before its subject ("min, …", "pagi pak, …", "sy mau tanya …"). */
const greeting = /^(min|admin|pak|bu|kak|mas|mbak|halo|hai|pagi|siang|sore|malam|permisi|maaf|mau|tanya|nanya|sy|saya)$/;
/** "sama kayak lhkpn", "beda dengan pns": what follows is what the asker compares with, not what they ask about. */
const comparisonMarker = /^(sama (seperti|dengan|kayak|kaya|kyk|sm|ama)|seperti|kayak|kyk|beda (dengan|sama|dari|sm)|berbeda|dibanding|dibandingkan|vs|versus)\b/;

/**
 * Each document's own names: acronyms in its title that no other title has and that tag it alone ("LHKASN",
 * "SIHARKA", "LHKPN"), as the index sees them.
 */
const documentNameCache = new WeakMap<object, Map<string, Set<string>>>();
function documentNames(knowledge: FaqKnowledge): Map<string, Set<string>> {
  const documents = knowledge.documents;
  let names = documentNameCache.get(documents);
  if (!names) {
    const acronyms = new Map(documents.map((d) => [d.id, new Set(tokenizeForIndex((d.title.match(/\b[A-Z][A-Z]{2,}\b/g) ?? []).join(' ')))]));
    const titleCounts = new Map<string, number>();
    for (const d of documents) for (const w of new Set(tokenizeForIndex(indexText(d.title)))) titleCounts.set(w, (titleCounts.get(w) ?? 0) + 1);
    const tagCounts = tagDocumentCounts(knowledge);
    names = new Map(
      documents.map((d) => [d.id, new Set([...acronyms.get(d.id)!].filter((w) => titleCounts.get(w) === 1 && tagCounts.get(w) === 1 && tagWordsOf(knowledge, d.id).has(w) && !generic.has(w)))]),
    );
    documentNameCache.set(documents, names);
  }
  return names;
}

/** A tag word carried by at most this many documents names a subject of its own ("lhkasn", "siharka", "tapera"). */
const subjectTagDocuments = 2;

/**
 * The question's words that name what `docId` is about and `otherDocId` is not: tags of the first, not of the
 * second, and carried by a few documents only ("satam" for the SATAM-ASN guides; not "cuti").
 */
export function subjectWordsOnlyOf(knowledge: FaqKnowledge, query: NormalisedQuery, docId: string, otherDocId: string): string[] {
  const other = tagWordsOf(knowledge, otherDocId);
  return subjectWords(knowledge, query, docId, fewDocuments).filter((w) => !other.has(w));
}
/** Whether the question names what `docId` (or the family of a few documents it belongs to) is about: "satam". */
export function namesSubjectOf(knowledge: FaqKnowledge, query: NormalisedQuery, docId: string): boolean {
  return subjectWords(knowledge, query, docId, fewDocuments).length > 0;
}
/** A word tagging at most this many documents names a family of them (the five SATAM-ASN guides). */
const fewDocuments = 6;

/** The question's words that are tags of `docId` carried by at most `maxDocuments` documents. */
function subjectWords(knowledge: FaqKnowledge, query: NormalisedQuery, docId: string, maxDocuments = subjectTagDocuments): string[] {
  const own = tagWordsOf(knowledge, docId);
  const counts = tagDocumentCounts(knowledge);
  return [...new Set(tokenizeForIndex(query.expanded))].filter((w) => own.has(w) && !generic.has(w) && (counts.get(w) ?? 0) <= maxDocuments);
}

/** Words of a document's single-word tags, as the index sees them. */
const tagWordCache = new WeakMap<object, Map<string, Set<string>>>();
function tagWordsOf(knowledge: FaqKnowledge, docId: string): Set<string> {
  const documents = knowledge.documents;
  let byDoc = tagWordCache.get(documents);
  if (!byDoc) {
    byDoc = new Map();
    for (const d of documents) byDoc.set(d.id, new Set(d.tags.filter((t) => !/\s/.test(t.trim())).flatMap((t) => tokenizeForIndex(indexText(t)))));
    tagWordCache.set(documents, byDoc);
  }
  return byDoc.get(docId) ?? new Set();
}

/** How many documents carry each single-word tag. */
const tagCountCache = new WeakMap<object, Map<string, number>>();
function tagDocumentCounts(knowledge: FaqKnowledge): Map<string, number> {
  const documents = knowledge.documents;
  let counts = tagCountCache.get(documents);
  if (!counts) {
    counts = new Map();
    for (const d of documents) for (const w of tagWordsOf(knowledge, d.id)) counts.set(w, (counts.get(w) ?? 0) + 1);
    tagCountCache.set(documents, counts);
  }
  return counts;
}

/** How much of the first document's confidence a document it points to is given. */
const referenceTrust = 0.95;
/** A section must cover this share of the question before the documents it points to are followed. */
const referenceCoverage = 0.5;

/** Current documents named ("Lihat dokumen …") by the sections of `docId` that concern the question, by title. */
function referencedDocuments(knowledge: FaqKnowledge, query: NormalisedQuery, docId: string): string[] {
  // Only the sections covering the question best (sections are sorted by coverage): a pointer in a side section
  // says nothing about what was asked, and each document followed costs a pass over its sections.
  const all = knowledge.groundInDocument(query, docId).sections;
  const top = all[0]?.coverage ?? 0;
  const sections = all.filter((s) => s.coverage >= referenceCoverage && s.coverage === top);
  if (sections.length === 0) return [];
  const titles = currentTitles(knowledge).filter((t) => t.id !== docId);
  const found: string[] = [];
  for (const { chunk } of sections) {
    for (const match of chunk.text.matchAll(/\bdokumen\s+([^.;()\n]+)/gi)) {
      const named = match[1]!.toLowerCase().trim();
      // By its full title, or by the name before its gloss ("dokumen LHKASN" for "LHKASN (Laporan Harta …) …").
      const target = titles.find((t) => named.startsWith(t.title) || (t.short.length >= 4 && named === t.short));
      if (target && !found.includes(target.id)) found.push(target.id);
    }
  }
  return found;
}

/** Current documents' titles, longest first (one title may begin another), per loaded corpus. */
const titleCache = new WeakMap<object, Array<{ id: string; title: string; short: string }>>();
function currentTitles(knowledge: FaqKnowledge): Array<{ id: string; title: string; short: string }> {
  const documents = knowledge.documents;
  let titles = titleCache.get(documents);
  if (!titles) {
    titles = documents
      .filter((d) => d.status === 'current')
      .map((d) => ({ id: d.id, title: d.title.toLowerCase(), short: d.title.toLowerCase().split(' (')[0]!.trim() }))
      .sort((a, b) => b.title.length - a.title.length);
    titleCache.set(documents, titles);
  }
  return titles;
}

/**
 * The keys (first cells) of the chunk's table rows that the question names: an education level ("D-III",
 * "S1/D-IV", "SLTA dan D-I" → d iii, s1, d iv, slta, d i), a rank ("III/c" → iii c), a post or a rating.
 */
function rowKeysNamed(chunk: Chunk, query: NormalisedQuery): string[] {
  const asked = ` ${query.expanded} `;
  return analyse(chunk).rowKeys.filter((key) => asked.includes(` ${key} `));
}

/**
 * True when the section names every table key the question names in its document: the row keyed by the one named
 * ("d3" → the D-III row), or a sentence working through all of them ("Ahli Pertama … predikat Sangat Baik … 18,75
 * AK") rather than a table keyed by only one ("Ahli Pertama: 50" cumulative).
 */
function statesNamedKeys(chunk: Chunk, keys: readonly string[]): boolean {
  if (keys.length === 0) return false;
  const text = ` ${cleanText(chunk.text)} `;
  return keys.every((key) => text.includes(` ${key} `));
}

/** First cells of a chunk's table rows (not headers), split into alternatives and cleaned like a question. */
function rowKeysOf(text: string): string[] {
  const keys = new Set<string>();
  const lines = text.split('\n').map((l) => l.trim());
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (!line.startsWith('|') || /^\|[\s:|-]+\|?$/.test(line)) continue;
    if (i + 1 < lines.length && /^\|[\s:|-]+\|?$/.test(lines[i + 1]!)) continue; // a header row
    for (const key of cellKeys(line.replace(/^\|/, '').split('|')[0]!)) keys.add(key);
  }
  return [...keys];
}

/**
 * The keys a table row's first cell stands for, cleaned like a question: "S1/D-IV" → s1, d iv; "SLTA dan D-I" →
 * slta, d i; "III/c" → iii c. Single letters and bare numbers would key too much ("a", "1").
 */
export function cellKeys(cell: string): string[] {
  return cell
    .split(/(?<![ivx])\/|\bdan\b|,/i)
    .map((part) => cleanText(part))
    .filter((key) => key.length >= 2 && !/^\d+( \d+)*$/.test(key));
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

/** A chunk's units, its stated units' text (raw and cleaned) and how many are list items or rows: read once per chunk. */
const analysed = new WeakMap<
  Chunk,
  { units: Unit[]; stated: string; statedWords: string; items: number; notCovered: number; pointer: number; rowKeys: string[] }
>();
function analyse(chunk: Chunk) {
  let entry = analysed.get(chunk);
  if (!entry) {
    const units = unitsOf(chunk.text);
    const stated = units.filter((u) => !statesNothing(u.text));
    // Only "… tidak tercantum di sini" makes a section weaker; a hand-over of a side matter ("Untuk formulir …:
    // Hubungi petugas") leaves the rule it states standing.
    const notCovered = units.filter((u) => notCoveredPattern.test(u.text)).length;
    const statedText = [...stated.map((u) => u.text), ...tableHeaders(chunk.text)].join(' ');
    entry = {
      units,
      stated: statedText,
      // Cleaned like a question and padded, for finding words the asker quotes.
      statedWords: ` ${cleanText(statedText)} `,
      items: stated.filter((u) => u.kind !== 'sentence').length,
      notCovered: units.length === 0 ? 0 : notCovered / units.length,
      pointer: stated.length > 0 && stated.every((u) => pointerSentence.test(u.text)) ? 1 : 0,
      rowKeys: rowKeysOf(chunk.text),
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
