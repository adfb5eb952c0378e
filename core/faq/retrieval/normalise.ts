import { abbreviations, chatWords, phrases } from './synonyms.js';

/** One word the asker typed, and what it stands for when it is an abbreviation. */
export interface QueryTerm {
  word: string;
  expansion: string[];
}

export interface NormalisedQuery {
  original: string;
  /** Lower case, no punctuation, repeated letters folded, chat words replaced; abbreviations still short. */
  plain: string;
  /** `plain` with every abbreviation followed by what it stands for: the text the index is searched with. */
  expanded: string;
  terms: QueryTerm[];
  /**
   * Words the kind of question suggests ("kapan" → waktu, tanggal, batas …). They only help choose between
   * sections of the documents found; they neither find documents nor count towards confidence.
   */
  hints: string[];
}

const questionHints: ReadonlyArray<readonly [RegExp, string[]]> = [
  [/\b(kapan|tanggal|tgl|deadline|tenggat|batas waktu)\b/, ['waktu', 'tanggal', 'batas', 'jadwal', 'periode', 'paling lambat', 'tenggat']],
  [/\b(berapa lama|lamanya|berapa hari|berapa bulan|berapa tahun)\b/, ['lama', 'paling lama', 'hari', 'bulan', 'tahun']],
  [/\b(berapa persen|persen)\b/, ['persen', 'besaran', 'iuran']],
  [/\b(bagaimana|cara|caranya|langkah|prosedur)\b/, ['cara', 'langkah', 'ajukan', 'permohonan']],
  [/\b(syarat|syaratnya|persyaratan)\b/, ['syarat', 'paling singkat', 'memenuhi']],
  [/\b(siapa)\b/, ['pejabat', 'wajib', 'berwenang']],
  [/\b(mengapa|alasan)\b/, ['karena', 'bila', 'alasan']],
  [/\b(dokumen|berkas|lampiran)\b/, ['dokumen', 'berkas', 'fotokopi', 'salinan']],
  [/\b(apa saja|apa aja|jenis|macam)\b/, ['daftar', 'berikut', 'terdiri', 'jenis']],
];

const ordinals = ['', 'pertama', 'kedua', 'ketiga', 'keempat', 'kelima', 'keenam', 'ketujuh', 'kedelapan', 'kesembilan', 'kesepuluh'];

/** Nouns that take a possessive -ku/-mu/-nya in chat ("pensiunku", "kgbnya"). */
const possessable = new Set([
  'pensiun', 'cuti', 'gaji', 'nip', 'golongan', 'pangkat', 'jabatan', 'data', 'akun', 'skp', 'kinerja', 'berkas', 'sk', 'tmt',
  'kgb', 'kp', 'bup', 'nik', 'atasan', 'kantor', 'kartu', 'tiket', 'usul', 'usulan', 'jatah', 'sisa', 'hak',
]);

/** "cutinya" → "cuti", "pensiunku" → "pensiun saya"; other words are left to the stemmer. */
export function splitPossessive(token: string): string[] {
  for (const [suffix, owner] of [['nya', null], ['ku', 'saya'], ['mu', 'kamu']] as const) {
    if (token.length > suffix.length + 1 && token.endsWith(suffix)) {
      const base = token.slice(0, -suffix.length);
      if (possessable.has(base) || base in abbreviations) return owner ? [base, owner] : [base];
    }
  }
  return [token];
}

const roman = ['', 'i', 'ii', 'iii', 'iv'];

/** Lower case, accents and punctuation away, "bangeeet" → "banget", "kata2" → "kata", "12hr" → "12 hr". */
export function cleanText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/(\d+)(hari|hr|thn|th|tahun|bulan|bln|jam|x|mgg|minggu)\b/g, '$1 $2')
    // Ranks as staff type them: "3c", "gol 4a", "3/b" → "iii c" (the corpus writes III/c).
    .replace(/\b([1-4])\s?\/?\s?([a-e])\b/g, (_all, g: string, r: string) => `${roman[Number(g)]} ${r}`)
    .replace(/\b(gol|golongan)\s+([1-4])\b/g, (_all, word: string, g: string) => `${word} ${roman[Number(g)]}`)
    .replace(/[^a-z0-9]+/g, ' ')
    .replace(bknAsBukan, 'bukan')
    .split(' ')
    .map(foldRepeats)
    .join(' ')
    .replace(/\b([a-z]{3,})2\b/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * "bkn" is both BKN (Badan Kepegawaian Negara) and chat for "bukan" ("nip bkn data rahasia"). It names the
 * agency after a word that points to an institution ("di bkn", "peraturan bkn", "pertek bkn") or before one
 * ("bkn pusat", a regulation number); between two ordinary words it is "bukan".
 */
const bknAsBukan =
  /(?<=\b(?!(?:di|ke|dari|oleh|peraturan|perka|perkaban|kepala|pertek|teknis|kantor|sistem|aplikasi|layanan|milik|situs|website|web|sama|akun|data|lewat|melalui|via|regional|kanreg|pihak|verifikasi|operator|ke|dengan|dgn|sm|dr|ama|sedangkan)\b)[a-z0-9]+ )bkn(?= (?!(?:pusat|regional|go|id|ri|kanreg|kantor|wilayah|nomor|no|tentang|ttg|itu|apa|nya)\b)[a-z]+\b)/g;

/** "kapannn" → "kapan", "bangeeet" → "banget"; "pppk" and other known abbreviations stay as they are. */
function foldRepeats(token: string): string {
  if (!/([a-z])\1{2}/.test(token) || token in abbreviations || token in chatWords || /^[ivx]+$/.test(token)) return token;
  return token.replace(/([a-z])\1{2,}/g, '$1');
}

const englishMarkers =
  /\b(what|how|when|where|who|which|is|are|do|does|did|can|will|my|the|for|of|leave|retire|retirement|salary|annual|days|account|should|i|about|from|until|someone|anyone|at|to|in|on|and|it|you|your|was|with|this|that|last|after|before|still|have|has|a|an|am|get|every|like|just|if|or|not|been|employee|officer|entitled|much|many|long)\b/g;

/** A question mostly in English (so "i" is the asker, not golongan I, and the answer can be in English). */
export function looksEnglish(question: string): boolean {
  const words = question.toLowerCase().split(/\s+/).filter(Boolean);
  const english = question.toLowerCase().match(englishMarkers)?.length ?? 0;
  return words.length > 0 && english / words.length >= 0.3;
}

/**
 * English words that carry no meaning for search and that Indonesian chat uses otherwise ("gol III a" ends in a
 * rank letter): dropped only from a question in English, where as unknown words they would weigh like rare ones.
 */
const englishOnly = new Set(['a', 'an', 'am', 'as', 'm', 's', 't', 'd', 'so', 'any', 'some', 'hi', 'hello', 'up', 'into', 'than', 'then', 'these', 'those', 'we', 'us']);

/**
 * Read before words are replaced one by one: names written apart that must be joined before "my" reads as English
 * "my", and English phrases whose words mean something else alone ("how long", "in a row", "carry over").
 */
const joinedNames: ReadonlyArray<readonly [RegExp, string]> = [
  [/\bmy asn\b/g, 'myasn'],
  [/\bsi asn\b/g, 'siasn'],
  [/\bp 3 k\b/g, 'pppk'],
  [/\bhow (many|much)\b/g, 'berapa'],
  [/\bhow long\b/g, 'berapa lama'],
  [/\bhow old\b/g, 'umur berapa'],
  [/\bin a row\b|\bconsecutive(ly)?\b|\bback to back\b/g, 'berturut turut'],
  [/\b(carry|carried|carries|roll|rolled) (it )?(over|forward)\b|\bcarry ?over\b/g, 'dibawa'],
  // "lulusan smp": a school level, not chat for "sampai"; the corpus writes SLTP.
  [/\b(lulusan|ijazah|pendidikan|tamatan|tamat|lulus|sekolah) smp\b/g, '$1 sltp'],
];

/** Chat words replaced and possessives split, without expanding abbreviations. */
export function plainWords(text: string): string[] {
  const words: string[] = [];
  const english = looksEnglish(text);
  let cleaned = cleanText(text);
  for (const [pattern, replacement] of joinedNames) cleaned = cleaned.replace(pattern, replacement);
  for (const raw of cleaned.split(' ')) {
    if (!raw) continue;
    for (const token of splitPossessive(raw)) {
      if (english && token === 'i') {
        words.push('saya');
        continue;
      }
      if (english && englishOnly.has(token)) continue;
      const replaced = chatWords[token];
      if (replaced === undefined) words.push(token);
      else if (replaced !== '') words.push(...replaced.split(' '));
    }
  }
  let joined = words.join(' ');
  // "anak ke 4" → "anak keempat": the corpus writes ordinals as words.
  joined = joined.replace(/\bke ?([1-9]|10)\b/g, (_all, n: string) => ordinals[Number(n)]!);
  for (const [pattern, replacement] of phrases) joined = joined.replace(pattern, replacement);
  return joined.split(' ').filter(Boolean);
}

/** How a Telegram question is read before it meets the index. Pure and cheap (a few µs). */
export function normaliseQuery(question: string): NormalisedQuery {
  const words = plainWords(question);
  const terms: QueryTerm[] = words.map((word) => ({ word, expansion: abbreviations[word]?.split(' ') ?? [] }));
  const expanded = terms.flatMap((term) => [term.word, ...term.expansion]).join(' ');
  const plain = words.join(' ');
  // "tiap brp thn" asks how often, not how long.
  const often = /\b(tiap|setiap) berapa\b|\bberapa (hari|bulan|tahun) sekali\b/.test(plain);
  const hints = often
    ? ['tiap', 'setiap', 'sekali']
    : [...new Set(questionHints.flatMap(([pattern, add]) => (pattern.test(plain) ? add.join(' ').split(' ') : [])))];
  return { original: question, plain, expanded, terms, hints };
}
