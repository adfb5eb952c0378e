/**
 * Personal data out of text before it leaves for an LLM: NIP (18 digits, also printed in groups), NIK (16 digits),
 * phone numbers, e-mail addresses, any other long number, and names known from the employee records.
 */

export const maskTokens = {
  nip: '[NIP]',
  nik: '[NIK]',
  phone: '[TELEPON]',
  email: '[EMAIL]',
  number: '[ANGKA]',
  name: '[NAMA]',
} as const;

const sep = '[ \\t.\\-]?';
const patterns: ReadonlyArray<readonly [RegExp, string]> = [
  [/[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/g, maskTokens.email],
  // NIP: 8 + 6 + 1 + 3 digits, e.g. "19860926 201505 1 001", "19860926-201505-1-001", "198609262015051001".
  [new RegExp(`(?<![\\d])\\d{8}${sep}\\d{6}${sep}\\d${sep}\\d{3}(?![\\d])`, 'g'), maskTokens.nip],
  // NIK: 16 digits, also 6-6-4 or 4-4-4-4 groups.
  [new RegExp(`(?<![\\d])(?:\\d{6}${sep}\\d{6}${sep}\\d{4}|\\d{4}${sep}\\d{4}${sep}\\d{4}${sep}\\d{4})(?![\\d])`, 'g'), maskTokens.nik],
  // Mobile numbers: 08…, +62 8…, 62 8…, with spaces, dots or dashes between groups.
  [new RegExp(`(?<![\\d+])(?:\\+?62${sep}|0)8\\d{1,3}(?:${sep}\\d{2,5}){1,4}(?![\\d])`, 'g'), maskTokens.phone],
  // Landlines with an area code in brackets or a leading 0: "(0717) 439 123", "0717-439123".
  [new RegExp(`(?<![\\d])(?:\\(0\\d{2,3}\\)|0\\d{2,3})${sep}\\d{3,4}${sep}?\\d{2,4}(?![\\d])`, 'g'), maskTokens.phone],
  // Anything else that is ten digits or more is an identifier of some kind.
  [/(?<![\d])\d(?:[ .-]?\d){9,}(?![\d])/g, maskTokens.number],
];

/** Masks NIP, NIK, phone numbers, e-mail addresses and long numbers. */
export function maskIdentifiers(text: string): string {
  let out = text;
  for (const [pattern, token] of patterns) out = out.replace(pattern, token);
  return out;
}

export interface NameMasker {
  mask(text: string): string;
  /** Known names found in the text (lower case), full names first. */
  find(text: string): string[];
  readonly size: number;
}

export interface NameMaskerOptions {
  /** Words that are never masked on their own (policy vocabulary); full names are always masked. */
  isCommonWord?: (word: string) => boolean;
  /** Single name parts shorter than this stay (default 3). */
  minPartLength?: number;
}

/** Titles and particles that are part of how a name is written but never identify anyone. */
const nameNoise = new Set([
  'dr', 'drs', 'dra', 'ir', 'h', 'hj', 'st', 'se', 'sh', 'mh', 'mm', 'si', 'msi', 'mt', 'spd', 'mpd', 'skom', 'amd', 'ssos',
  'sp', 'ssi', 'sip', 'sh', 'sstp', 'mtr', 'phd', 'bin', 'binti', 'binte', 'al', 'el', 'van', 'de', 'muhammad', 'muhamad', 'moh', 'mohammad', 'm',
]);

const wordPattern = /[\p{L}\p{N}'’]+/gu;

function partsOf(name: string): string[] {
  return (name.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '').match(wordPattern) ?? []).map((p) => p.replace(/['’]/g, ''));
}

/**
 * Masks employee names: a whole name (two or more of its words in a row) always, and a single name part when it
 * is not an ordinary word of the policy corpus. Lookup is by hashing, so 10,000 names cost nothing per question.
 */
export function createNameMasker(names: Iterable<string>, options: NameMaskerOptions = {}): NameMasker {
  const minPart = options.minPartLength ?? 3;
  const isCommon = options.isCommonWord ?? (() => false);
  const sequences = new Set<string>();
  const singles = new Set<string>();
  let maxWords = 1;
  let size = 0;
  for (const name of names) {
    const parts = partsOf(name).filter((p) => !nameNoise.has(p));
    if (parts.length === 0) continue;
    size++;
    maxWords = Math.max(maxWords, parts.length);
    // Every run of two or more consecutive parts: "budi santoso", "santoso wijaya", …
    for (let i = 0; i < parts.length; i++) {
      for (let j = i + 2; j <= parts.length; j++) sequences.add(parts.slice(i, j).join(' '));
    }
    for (const part of parts) if (part.length >= minPart && !/^\d+$/.test(part)) singles.add(part);
  }

  const scan = (text: string): Array<{ start: number; end: number; name: string }> => {
    const words = [...text.matchAll(wordPattern)].map((m) => ({
      start: m.index,
      end: m.index + m[0].length,
      key: m[0].toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/['’]/g, ''),
    }));
    const found: Array<{ start: number; end: number; name: string }> = [];
    for (let i = 0; i < words.length; ) {
      let matched = 0;
      for (let n = Math.min(maxWords, words.length - i); n >= 2; n--) {
        const key = words.slice(i, i + n).map((w) => w.key).join(' ');
        if (sequences.has(key)) {
          matched = n;
          found.push({ start: words[i]!.start, end: words[i + n - 1]!.end, name: key });
          break;
        }
      }
      if (matched === 0) {
        const word = words[i]!;
        if (singles.has(word.key) && !isCommon(word.key)) {
          found.push({ start: word.start, end: word.end, name: word.key });
        }
        i++;
      } else i += matched;
    }
    return found;
  };

  return {
    size,
    find: (text) => scan(text).map((f) => f.name),
    mask: (text) => {
      const found = scan(text);
      if (found.length === 0) return text;
      let out = '';
      let at = 0;
      for (const f of found) {
        out += text.slice(at, f.start) + maskTokens.name;
        at = f.end;
      }
      return out + text.slice(at);
    },
  };
}

/** Everything personal out: identifiers first (so digits inside e-mails go with them), then names. */
export function maskPersonalData(text: string, names?: NameMasker | readonly string[]): string {
  const masker = names === undefined ? null : Array.isArray(names) ? createNameMasker(names) : (names as NameMasker);
  const masked = maskIdentifiers(text);
  return masker ? masker.mask(masked) : masked;
}
