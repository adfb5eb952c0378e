/** A chunk's text as sentences, list items and table rows: what answers are cut from. */

export interface Unit {
  text: string;
  position: number;
  kind: 'sentence' | 'item' | 'row';
  /** The sentence that introduces a list or table ("… menurut jabatan:"). */
  intro: number | null;
  /** Items of one list, or rows of one table, share a group. */
  group: number | null;
}

/** Numbers asked about ("bolos 5 hari") and whether a unit's range covers them ("4–6: teguran tertulis"). */
export function coversNumber(text: string, n: number, unit: string | null = null): boolean {
  for (const m of text.matchAll(/(\d+)\s*(?:–|-|—|sampai|s\.d\.|hingga)\s*(\d+)/g)) {
    if (n >= Number(m[1]) && n <= Number(m[2])) return true;
  }
  for (const m of text.matchAll(/(\d+)\s*(?:\+|atau lebih|ke atas|lebih)/g)) if (n >= Number(m[1])) return true;
  // Not a degree ("S3", "D-3"), a regulation's number ("PP 11/2017") or part of a decimal; and "5 bulan" asked is
  // neither "5 tahun" nor "8 angka" written: a number asked with its unit is found with that unit, or bare (a row).
  for (const m of text.matchAll(new RegExp(`(?<![\\d,.\\p{L}-])${n}(?![\\d]|\\/\\d)(\\s+\\p{L}+)?`, 'gu'))) {
    const after = m[1]?.trim().toLowerCase() ?? '';
    if (unit && after !== '' && after !== unit) continue;
    // "4. Bila berhasil …": the number of a list item is no value.
    if (/(^|\n)\s*$/.test(text.slice(0, m.index)) && /^[.)]/.test(text.slice(m.index! + String(n).length))) continue;
    return true;
  }
  return false;
}

/** Indonesian month names, as questions and the corpus write them (lower case). */
export const monthNames: readonly string[] = ['januari', 'februari', 'maret', 'april', 'mei', 'juni', 'juli', 'agustus', 'september', 'oktober', 'november', 'desember'];
/** The month names as a regular-expression alternation. */
export const monthAlternation = monthNames.join('|');

/** Units a length of time is written in, in questions and in the corpus. */
export const timeUnits: readonly string[] = ['hari', 'minggu', 'bulan', 'tahun'];

/** The time unit written after a number in a question ("baru 5 bulan" → bulan), or null. */
export function unitAfter(question: string, n: number): string | null {
  return new RegExp(`\\b${n} (hari|minggu|bulan|tahun)\\b`).exec(question)?.[1] ?? null;
}

/** A small number a question names ("bolos 5 hari", "baru 8 bulan"), with the time unit written after it. */
export interface AskedNumber {
  value: number;
  unit: string | null;
}

/** The question's small numbers, read once per question rather than once per section or sentence compared. */
export function askedNumbers(query: { terms: ReadonlyArray<{ word: string }>; plain: string }): AskedNumber[] {
  return query.terms
    .map((t) => t.word)
    .filter((w) => /^\d{1,3}$/.test(w))
    .map((w) => ({ value: Number(w), unit: unitAfter(query.plain, Number(w)) }));
}

const abbreviationDots = /\b(No|Ps|Pasal|jo|dst|dll|dsb|a\.n|u\.p|Tn|Ny|Sdr|Dr|Drs|Ir|H|Hj|S\.\w+|M\.\w+|Kep|Per|Perka|SE|Ka|Kab|Prov|hlm|tgl|ttg|dkk|vs)\.$/;

function stripMarkdown(text: string): string {
  return text
    .replace(/\[([^\]]+)\]\([^)]+\)/g, '$1')
    .replace(/`([^`]+)`/g, '$1')
    .replace(/\*\*([^*]+)\*\*/g, '$1')
    .replace(/(^|\s)\*([^*]+)\*(?=\s|$|[.,;:])/g, '$1$2')
    .replace(/^>\s?/, '')
    .trim();
}

/** Sentences of a paragraph; "Pasal 5.", "jo.", decimals and dates do not end one. */
export function splitSentences(paragraph: string): string[] {
  const out: string[] = [];
  let current = '';
  const parts = paragraph.split(/(?<=[.!?])\s+(?=["“(]?[A-Z0-9])/);
  for (const part of parts) {
    current = current ? `${current} ${part}` : part;
    if (abbreviationDots.test(current)) continue;
    out.push(current.trim());
    current = '';
  }
  if (current.trim()) out.push(current.trim());
  return out;
}

/** Sentences, list items and table rows of a chunk, in order. */
export function unitsOf(text: string): Unit[] {
  const units: Unit[] = [];
  // The sentence ending in ":" right before a list or table introduces it.
  let intro: number | null = null;
  let group = 0;
  for (const block of text.split(/\n\s*\n/)) {
    const lines = block.split('\n').map((l) => l.trim()).filter(Boolean);
    if (lines.length === 0) continue;
    if (lines.every((l) => l.startsWith('|'))) {
      group++;
      const rows = lines
        .filter((l) => !/^\|[\s:|-]+\|?$/.test(l))
        .map((l) => l.replace(/^\||\|$/g, '').split('|').map((c) => stripMarkdown(c.trim())));
      for (const cells of rows.slice(1)) {
        const [first, ...rest] = cells;
        if (!first) continue;
        units.push({ text: rest.length ? `${first}: ${rest.join(', ')}` : first, position: units.length, kind: 'row', intro, group });
      }
      intro = null;
      continue;
    }
    let paragraph: string[] = [];
    let inList = false;
    const flush = () => {
      if (paragraph.length === 0) return;
      intro = null;
      for (const sentence of splitSentences(stripMarkdown(paragraph.join(' ')))) {
        // Notes to the writer ("(Untuk petugas: isi dengan …)") and a placeholder's banner are not the document's word.
        if (/^\(Untuk petugas:/i.test(sentence) || placeholderBanner.test(sentence)) continue;
        units.push({ text: sentence, position: units.length, kind: 'sentence', intro: null, group: null });
        intro = sentence.endsWith(':') ? units.length - 1 : null;
      }
      paragraph = [];
    };
    for (const line of lines) {
      const item = /^(?:[-*+]|\d+[.)])\s+(.*)$/.exec(line);
      if (item) {
        flush();
        if (!inList) group++;
        inList = true;
        const text = stripMarkdown(item[1]!).replace(/\s+(dan|atau)$/, '').replace(/[;,.]$/, '');
        units.push({ text, position: units.length, kind: 'item', intro, group });
      } else {
        if (inList) intro = null;
        inList = false;
        paragraph.push(line);
      }
    }
    flush();
    if (inList) intro = null;
  }
  return units;
}


/** The header rows of a chunk's tables ("Kategori | Tanggapan pertama | Penyelesaian"): what its rows' cells are. */
export function tableHeaders(text: string): string[] {
  const headers: string[] = [];
  const lines = text.split('\n').map((l) => l.trim());
  for (let i = 0; i + 1 < lines.length; i++) {
    if (lines[i]!.startsWith('|') && /^\|[\s:|-]+\|?$/.test(lines[i + 1]!) && (i === 0 || !lines[i - 1]!.startsWith('|'))) {
      headers.push(lines[i]!.replace(/^\||\|$/g, '').split('|').map((c) => c.trim()).join(' '));
    }
  }
  return headers;
}

/** The line a placeholder document opens with (corpus/README.md): "BAGIAN INI MASIH KOSONG — untuk dilengkapi …". */
const placeholderBanner = /^BAGIAN INI MASIH KOSONG\b/;

/** A sentence in which the corpus says plainly that something is not covered ("… tidak tercantum di sini"). */
export const notCoveredPattern =
  /\b(tidak|belum) tercantum\b|\bbelum tersedia\b|\bbelum diisi\b|\btidak dapat dijawab\b|\b(tidak|belum) (dicantumkan|diatur|dimuat|dibahas|dijelaskan|ditetapkan|dapat dipastikan)( [a-z]+){0,2} (di sini|dalam dokumen ini|di dokumen ini)\b|\bdi luar cakupan (dokumen|bot|layanan)\b/i;

/**
 * A sentence that hands a named matter to the HR desk, the way corpus/README.md asks writers to when a fact is not
 * known: "Untuk formulir dan jalur pengajuan di DKP: Hubungi petugas kepegawaian.", "Angka untuk jenjang
 * keterampilan: hubungi petugas kepegawaian.", "Hubungi petugas kepegawaian untuk lama CLTN, kemungkinan perpanjangan …",
 * "Tanyakan … jadwal uji kompetensi kepada petugas kepegawaian.".
 * Softer than `notCoveredPattern`: the section around it still states its rule, and the sentence concerns a
 * question only when it names something the document states nowhere else.
 */
export const handoverPattern = /^[^.:]{3,}: hubungi petugas\b|^untuk sementara, tanyakan [^.;]{3,} kepada petugas\b|^hubungi petugas( kepegawaian)? untuk [^.]{3,}|^untuk [^.:]{3,}, hubungi (petugas|bagian)\b|^tanyakan [^.]{3,} kepada petugas\b/i;

/** The sentence states nothing the bot can answer with: not covered here, or handed to the HR desk. */
export function statesNothing(text: string): boolean {
  return notCoveredPattern.test(text) || handoverPattern.test(text);
}
