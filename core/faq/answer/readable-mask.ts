import { maskPersonalData, type NameMasker } from './mask.js';

/**
 * Masked text for people to read. The tokens of mask.ts ("[NAMA], NIP [NIP]") are right for an LLM and for the
 * speaker's list, where it matters that something was there; in published materials and FAQ entries they read
 * as a form left unfilled. Here the details go and the sentence stays: an identifier with its label in brackets
 * disappears ("saya (NIP …)" → "saya"), a label keeps only itself ("NIP saya …" → "NIP saya"), contact details
 * become the way of contact ("hubungi saya di 0812…" → "hubungi saya lewat telepon"), and a name becomes
 * "seorang pegawai".
 */
const token = String.raw`\[(?:NIP|NIK|TELEPON|EMAIL|ANGKA|NAMA)\]`;
const label = String.raw`(?:NIP|NIK|no\.?\s*(?:HP|WA|telp\.?|telepon)|HP|WA|telp\.?|telepon|e-?mail|surel)`;

const rules: ReadonlyArray<readonly [RegExp, string]> = [
  // "(NIP [NIP])", "([TELEPON])", "(NIK: [NIK], HP [TELEPON])": the whole bracket goes.
  [new RegExp(String.raw`\s*\((?:\s*(?:${label}\s*(?:saya\s*)?[:.]?\s*)?${token}\s*[,;/]?)+\s*\)`, 'gi'), ''],
  // "nama saya [NAMA]," said to introduce oneself: nothing is lost without it.
  [new RegExp(String.raw`\bnama\s+saya\s+(?:adalah\s+)?\[NAMA\](?:\s*\[NAMA\])*\s*[,.]?\s*`, 'gi'), ''],
  // ", NIP [NIP]," or "email [EMAIL]" at the end: a clause that only gave the detail goes with it.
  [new RegExp(String.raw`(^|[,;]|(?<=[.?!]))[ \t]*${label}(?:\s+(?:saya|anda))?\s*[:.]?\s*${token}[ \t]*(?=[,.;?!]|$)`, 'gim'), '$1'],
  [new RegExp(String.raw`[ \t]+${label}(?:\s+(?:saya|anda))?\s*[:.]?\s*${token}[ \t]*(?=[,.;?!]|$)`, 'gim'), ''],
  // "Bu [NAMA]", "Pak [NAMA]": someone else named.
  [/\b(?:Bu|Ibu|Pak|Bapak|Sdr\.?|Sdri\.?)\s+\[NAMA\](?:\s*\[NAMA\])*/g, 'seorang pegawai'],
  // "NIP saya [NIP] sudah aktif?", "NIK: [NIK]": the label stays, the number goes.
  [new RegExp(String.raw`\b(${label})(\s+(?:saya|anda|nya|pegawai))?\s*[:.]?\s*${token}`, 'gi'), '$1$2'],
  [/\b(di|ke|lewat|via|melalui)\s+\[TELEPON\]/gi, 'lewat telepon'],
  [/\b(di|ke|lewat|via|melalui)\s+\[EMAIL\]/gi, 'lewat e-mail'],
  [/\[NAMA\](?:\s*\[NAMA\])*/g, 'seorang pegawai'],
  [/\[TELEPON\]/g, 'nomor telepon'],
  [/\[EMAIL\]/g, 'alamat e-mail'],
  [/\[NIP\]/g, 'NIP'],
  [/\[NIK\]/g, 'NIK'],
  [/\[ANGKA\]/g, 'nomor'],
];

/** Turns mask tokens in already-masked text into words; the rest of the text is left as it was. */
export function readableMasked(masked: string): string {
  let out = masked;
  for (const [pattern, replacement] of rules) out = out.replace(pattern, replacement);
  return out
    .replace(/[ \t]+([,.;:?!])/g, '$1')
    .replace(/([,;])(?=[,.;?!])/g, '')
    .replace(/^[,;]\s*/gm, '')
    .replace(/[ \t]*[,;]+[ \t]*$/gm, '')
    .replace(/[ \t]{2,}/g, ' ')
    .replace(/^[ \t]*[,.;:][ \t]*/gm, '')
    .replace(/(^|[.?!]\s+)(\p{Ll})/gu, (_, before: string, letter: string) => before + letter.toUpperCase())
    .trim();
}

/** Personal data out, for text others will read (materials, FAQ drafts): masked, then made readable. */
export function maskForReaders(text: string, names?: NameMasker | readonly string[]): string {
  return readableMasked(maskPersonalData(text, names));
}
