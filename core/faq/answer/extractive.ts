import type { Chunk, PolicyDocument } from '../corpus/types.js';
import type { NormalisedQuery } from '../retrieval/normalise.js';
import { stem, tokenizeForIndex } from '../retrieval/search-index.js';
import { askedNumbers, coversNumber, notCoveredPattern, unitsOf, type Unit } from '../corpus/units.js';
import { cellKeys } from './passage.js';
import { asksValue, statesAskedValue, type QuestionIntent } from './question-intent.js';
import { answerLabels, type FaqLang } from './texts.js';

export interface FaqSource {
  docId: string;
  title: string;
  regulation: string;
  article: string | null;
}

/**
 * The 2–3 units of a chunk that best answer the question: the ones sharing most of its (stemmed) words or
 * covering a number it asks about ("bolos 5 hari" → the "4–6" row), the topic sentence first when it shares
 * any. A short list or table comes whole with the sentence that introduces it; of a long one, the matching
 * rows. Deterministic.
 */
export function keySentences(chunk: Chunk, query: NormalisedQuery, options: { max?: number; maxChars?: number; intent?: QuestionIntent } = {}): string[] {
  const max = options.max ?? 3;
  const maxChars = options.maxChars ?? 600;
  // "Dasar: PP 11/2017 …" lines repeat the sources shown under every answer, unless the legal basis is what
  // was asked ("jam kerja ramadan dasar hukumnya apa").
  const asksBasis = legalBasisAsked.test(query.plain);
  const units = unitsOf(chunk.text).filter((u) => asksBasis || !legalBasisLine.test(u.text));
  if (units.length === 0) return [];
  const wanted = new Set(
    query.terms.flatMap((t) => [t.word, ...t.expansion]).flatMap((w) => tokenizeForIndex(w)).concat(query.terms.map((t) => stem(t.word))),
  );
  const numbers = askedNumbers(query);
  const askedText = ` ${query.expanded} `;
  const asksNumber = /\b(berapa|kapan|tanggal|lama)\b/.test(query.plain);
  const scored = units.map((unit) => {
    const tokens = new Set(tokenizeForIndex(unit.text));
    let score = 0;
    for (const w of wanted) if (tokens.has(w)) score += 1;
    for (const n of numbers) if (coversNumber(unit.text, n.value, n.unit)) score += 2;
    if (asksNumber && /\d/.test(unit.text)) score += 0.5;
    // "berapa lama / sampai kapan / boleh tidak": the unit stating the limit or date is the answer itself.
    if (options.intent && asksValue(options.intent) && statesAskedValue(options.intent, unit.text)) score += 1.5;
    if (notCoveredPattern.test(unit.text)) score -= 1;
    if (unit.position === 0) score += 0.75;
    if (asksBasis && (legalBasisLine.test(unit.text) || regulationName.test(unit.text))) score += 2;
    // The row keyed by what the question names ("d3" → the "D-III" row): other rows share its letters.
    if (unit.kind === 'row' && rowKeyNamed(unit.text, askedText)) score += 2;
    return { unit, score };
  });
  const scoreOf = new Map(scored.map((s) => [s.unit.position, s.score]));
  const ranked = [...scored].sort((a, b) => b.score - a.score || a.unit.position - b.unit.position);
  const members = (group: number) => units.filter((u) => u.group === group);
  // A list asked for ("berkas apa saja") comes whole unless it is very long.
  const wholeList = options.intent?.list || options.intent?.requirement;
  const small = (list: readonly Unit[]) =>
    list.length <= (wholeList ? 10 : 7) && list.reduce((n, u) => n + u.text.length, 0) <= (wholeList ? 700 : 450);

  const chosen = new Map<number, Unit>();
  let chars = 0;
  let picked = 0;
  const add = (list: readonly Unit[]) => {
    for (const u of list) {
      if (chosen.has(u.position)) continue;
      chosen.set(u.position, u);
      chars += u.text.length;
    }
  };
  const topScore = ranked[0]?.score ?? 0;
  for (const { unit, score } of ranked) {
    if (picked >= max || (picked >= 2 && score < 1)) break;
    if (chosen.has(unit.position)) continue;
    // Rows of a long table that match less than the best one are noise ("3c" wants III/c, not every IV/c).
    if (picked > 0 && unit.group !== null && !small(members(unit.group)) && score < 0.75 * topScore) continue;
    // What comes with this unit: its list or table (whole when short), and the sentence introducing it.
    const groupId = unit.group ?? (unit.text.endsWith(':') ? units.find((u) => u.intro === unit.position)?.group ?? null : null);
    const group = groupId === null ? [] : members(groupId);
    const introUnit = group[0]?.intro !== undefined && group[0]?.intro !== null ? units.find((u) => u.position === group[0]!.intro) : undefined;
    let bundle: Unit[];
    if (group.length === 0) bundle = [unit];
    else if (small(group)) bundle = [...(introUnit ? [introUnit] : []), ...group];
    else {
      const best = [...group].sort((a, b) => (scoreOf.get(b.position) ?? 0) - (scoreOf.get(a.position) ?? 0) || a.position - b.position);
      const bestRow = scoreOf.get(best[0]!.position) ?? 0;
      const rows =
        unit.group === null
          ? best.filter((u) => (scoreOf.get(u.position) ?? 0) >= Math.max(0.75 * bestRow, 0.5)).slice(0, 3)
          : [unit, ...best.filter((u) => u !== unit && (scoreOf.get(u.position) ?? 0) >= score).slice(0, 2)];
      bundle = [...(introUnit ? [introUnit] : []), ...rows];
    }
    const extra = bundle.filter((u) => !chosen.has(u.position)).reduce((n, u) => n + u.text.length, 0);
    if (picked > 0 && chars + extra > maxChars) continue;
    add(bundle);
    picked++;
  }
  const ordered = [...chosen.values()].sort((a, b) => a.position - b.position);
  return ordered.map((u) => (u.kind === 'sentence' ? u.text : `• ${u.text}`));
}

/**
 * True when a table row's key (its first cell: "D-III", "S1/D-IV", "SLTA dan D-I", "III/c") is named in the
 * question as a whole phrase, after cleaning both alike.
 */
function rowKeyNamed(row: string, askedText: string): boolean {
  return cellKeys(row.split(':')[0]!).some((key) => askedText.includes(` ${key} `));
}

const legalBasisLine = /^Dasar( hukum)?:/i;
const legalBasisAsked = /\b(dasar|dasarnya|dasar hukum|dasar hukumnya|landasan|regulasi|peraturannya|aturannya apa|peraturan apa|pasal berapa|pasal apa)\b/;
const regulationName = /\b(PP|UU|Perpres|Keppres|Peraturan|PermenPANRB|SE|Surat)\s+[A-Z]*\s*\d+\/\d{4}\b/;

export function sourcesOf(document: Pick<PolicyDocument, 'id' | 'title' | 'sources'>): FaqSource[] {
  return document.sources.map((s) => ({ docId: document.id, title: document.title, regulation: s.regulation, article: s.article }));
}

/** "Sumber: Cuti Tahunan PNS — PP 11/2017 jo PP 17/2020 Pasal 310–341; Peraturan BKN 24/2017 …" */
export function formatSources(sources: readonly FaqSource[], lang: FaqLang): string {
  const byDoc = new Map<string, { title: string; refs: string[] }>();
  for (const s of sources) {
    const entry = byDoc.get(s.docId) ?? { title: s.title, refs: [] };
    entry.refs.push(s.article ? `${s.regulation} ${s.article}` : s.regulation);
    byDoc.set(s.docId, entry);
  }
  const parts = [...byDoc.values()].map((e) => `${e.title} — ${e.refs.join('; ')}`);
  return `${answerLabels.sources[lang]}: ${parts.join(' | ')}`;
}

/** Joins sentences and list items: items on their own lines, sentences in one paragraph. */
export function joinUnits(units: readonly string[]): string {
  let out = '';
  for (const unit of units) {
    if (!out) out = unit;
    else if (unit.startsWith('• ') || out.endsWith(':')) out += `\n${unit}`;
    else if (out.split('\n').at(-1)!.startsWith('• ')) out += `\n${unit}`;
    else out += ` ${unit}`;
  }
  return out;
}

