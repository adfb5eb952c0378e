import { monthAlternation, timeUnits } from '../corpus/units.js';
import type { NormalisedQuery } from '../retrieval/normalise.js';

/**
 * What kind of fact a question asks for, read from its question words (after chat words are replaced: "brp" →
 * "berapa", "knp" → "mengapa", "ga" → "tidak"). A passage that states that kind of fact answers the question;
 * a neighbouring section of the same document that only names the topic does not.
 */
export interface QuestionIntent {
  /** A number or limit: "berapa", "berapa lama", "sampai kapan", "maksimal", "boleh tidak … 4 bulan". */
  limit: boolean;
  /** A date or deadline: "kapan", "tanggal berapa", "paling lambat". */
  when: boolean;
  /** A list: "apa saja", "syarat", "berkas", "dokumen". */
  list: boolean;
  /** A reason: "mengapa", "kenapa", "alasan". */
  why: boolean;
  /** A purpose: "buat apa", "untuk apa", "gunanya". */
  purpose: boolean;
  /** A yes/no rule: "boleh tidak", "bisa tidak", "apakah", "masih … tidak". */
  yesNo: boolean;
  /** A range: "dari berapa sampai berapa". */
  range: boolean;
  /** How long: "berapa lama", "sampai kapan", "paling lama". */
  duration: boolean;
  /** Conditions: "syarat", "syaratnya". */
  requirement: boolean;
  /** "cara …", "langkahnya": the steps of a procedure. */
  how: boolean;
  /** "pulang jam berapa", "sampai jam berapa": the end of a time span, which a range of hours gives ("07.30–16.30"). */
  closing: boolean;
  /** "lewat aplikasi apa", "pakai akun apa": the name of a system, account, command or form. */
  which: boolean;
  /** The kind of thing named for ("aplikasi" in "lapor pakai aplikasi apa"): the answer names one of that kind. */
  whichKind: string | null;
  /**
   * Whether the asker, who says how long they have served, may already have something ("baru 8 bulan jadi PNS,
   * sudah bisa cuti tahunan belum"): the answer is the minimum service the rule sets.
   */
  eligibility: boolean;
  /** A person or office: "siapa". */
  who: boolean;
  /** What something means: "arti", "maksud", "itu apa". */
  meaning: boolean;
  /** Words asked yes or no of ("rahasia gak" → rahasia): the answer says "bukan rahasia" or "tidak …". */
  predicates: string[];
  /**
   * What the asker checks their reading against ("22,5 jam itu artinya sk kp saya terbit dalam 22,5 jam?" → sk kp
   * saya terbit …): a sentence denying it ("…, bukan lama terbitnya SK") answers.
   */
  claim: string | null;
  /** Units the asked number comes in ("8 tahun", "berapa hari", "berapa persen"): the answer states one in it. */
  units: string[];
}

export function questionIntent(query: NormalisedQuery): QuestionIntent {
  const p = ` ${query.plain} `;
  const predicates = yesNoPredicates(p);
  const yesNo =
    /\b(boleh|bisa|dapat|masih|apakah|wajib|perlu|harus|berlaku)\b.*\btidak\b|\b(apakah|bolehkah|bisakah)\b|\bbenar tidak\b|\bkah\b/.test(p) || predicates.length > 0;
  const claim = claimOf(p);
  return {
    // "jam berapa" asks for a time of day (`when`), not a limit.
    // "ada berapa macam": how many kinds there are is a list, not a limit.
    limit: /\b(berapa|maksimal|maks|max|minimal|min|paling lama|paling banyak|paling lambat|paling singkat|sampai kapan|batas|batasnya|lama)\b/.test(
      p.replace(/\b(jam|pukul) berapa\b|\bberapa (macam|jenis)\b/g, ' '),
    ),
    when: /\b(kapan|tanggal berapa|paling lambat|deadline|tenggat|batas waktu|jam berapa)\b/.test(p),
    list: /\b(apa saja|apa aja|berkas|dokumen|jenis|macam|daftar|perintah)\b/.test(p),
    why: /\b(mengapa|kenapa|alasan|alasannya|sebab)\b/.test(p),
    purpose: /\b(buat apa|untuk apa|gunanya|guna|fungsinya|fungsi|kegunaan|tujuan|tujuannya|dipakai untuk)\b/.test(p),
    yesNo,
    range: /\bdari berapa\b.*\bsampai\b|\bberapa sampai berapa\b/.test(p),
    duration: /\b(berapa lama|lama|lamanya|sampai kapan|paling lama|maksimal)\b/.test(p),
    requirement: /\b(syarat|syaratnya|persyaratan)\b/.test(p),
    how: /\b(cara|caranya|langkah|langkahnya|prosedur|prosedurnya|tahapan|tahapannya)\b/.test(p),
    closing: /\b(pulang|selesai|tutup|sampai)( [a-z]+)? jam\b|\bjam (kerja )?(pulang|selesai|tutup)\b/.test(p),
    which: /(?<!\b(itu|tu) )\b(aplikasi|akun|sistem|situs|website|alamat|link|menu|perintah|kategori|formulir|form) apa\b|\b(lewat|melalui|pakai|pake|via|di) apa\b/.test(p),
    whichKind: /(?<!\b(?:itu|tu) )\b(aplikasi|kategori|perintah|formulir) apa\b/.exec(p)?.[1] ?? null,
    // Service stated ("baru 8 bulan jadi pns", "belum 5 tahun kerja", "cpns baru masuk februari"), then "bisa/boleh
    // … belum/tidak?" at the end.
    eligibility:
      /\b(baru|sudah|belum|masih|hanya|cuma) \d+ (hari|minggu|bulan|tahun)\b|\bbaru (masuk|diangkat|dilantik|jadi)\b|\b(cpns|pppk|pns) baru\b|\bbaru (cpns|pppk|pns)\b/.test(p) &&
      /\b(bisa|boleh|dapat|berhak)\b/.test(p) &&
      (/\b(belum|tidak|kah)( [a-z]+)? $/.test(p) || /\bsudah (bisa|boleh|dapat|berhak)\b/.test(p)),
    who: /\bsiapa\b/.test(p),
    // "satam asn itu aplikasi apa": what the thing is, not which application to use.
    meaning: /\b(arti|artinya|maksud|maksudnya|pengertian)\b|\b(itu|tu) ([a-z]+ )?apa\b/.test(p),
    // "pensiun 2 tahun lagi, berkas apa saja": a length told beside a list asked is the asker's situation.
    // "berarti sk pensiun keluar dalam 37,5 jam": a length inside the claim checked is not asked for either.
    units: claim && !/\bberapa\b/.test(p) ? [] : askedUnits(p, !/\b(apa saja|apa aja|berkas apa|dokumen apa|cara|caranya|siapa)\b/.test(p)),
    predicates,
    claim,
  };
}

/** The words after the last "artinya / maksudnya / berarti", up to a "kan/kah/ya", when they ask nothing themselves (at least three). */
function claimOf(p: string): string | null {
  const at = [...p.matchAll(/\b(artinya|maksudnya|berarti) /g)].pop();
  if (!at) return null;
  // "berarti otomatis naik jenjang kan, tidak perlu apa lagi": the claim ends at its question tag.
  const rest = p.slice(at.index! + at[0].length).replace(/\b(kan|kah|ya) .*$/, '$1').trim();
  if (rest.split(' ').length < 3 || /\b(apa|berapa|kapan|bagaimana|siapa|mana|mengapa)\b/.test(rest)) return null;
  return rest;
}

/** Words before a "gak" that are not what is asked: function words, and who it is about ("sama kayak pns gak"). */
const notPredicates = new Set([
  'saya', 'yang', 'kalau', 'juga', 'sudah', 'belum', 'apa', 'ada', 'itu', 'ini', 'atau', 'dan', 'sama', 'masih', 'lagi', 'benar', 'bisa',
  'boleh', 'pns', 'asn', 'pppk', 'cpns', 'pegawai', 'kamu', 'anda', 'dia', 'kita', 'kami',
]);

/**
 * The words a chat question asks yes or no of, from the "gak" after them: "rahasia" in "nip itu rahasia gak sih",
 * "dapat" in "ct saya masih dapat gak", "hangus" in "waktunya hangus ga".
 */
function yesNoPredicates(p: string): string[] {
  const found: string[] = [];
  for (const m of p.matchAll(/\b([a-z]{3,}) tidak(?= (?:sih|ya|kah|dong|nih|kan|pak|bu|tuh) |(?= [a-z]+ tidak\b)| kalau\b| $)/g)) {
    if (!notPredicates.has(m[1]!)) found.push(m[1]!);
  }
  return found;
}

/**
 * "berapa hari" wants days. A length the asker states ("baru 8 bulan jadi PNS, sudah bisa …") is compared with a
 * limit the rule may give in another unit ("paling singkat 1 tahun", "kode … 4 hari" against "72 jam"): any unit
 * of time will do.
 */
function askedUnits(p: string, compareStated: boolean): string[] {
  const units = new Set<string>();
  for (const m of p.matchAll(/\b(\d+|berapa) (hari|minggu|bulan|tahun|jam|menit|persen)\b/g)) {
    const stated = m[1] !== 'berapa' && timeUnits.includes(m[2]!);
    if (stated && !compareStated) continue;
    for (const unit of stated ? [...timeUnits, 'jam'] : [m[2]!]) units.add(unit);
  }
  return [...units];
}

const limitPattern =
  /\b\d+(?:,\d+)?\s*(?:hari|bulan|tahun|jam|menit|persen|kali|angka|digit)\b|\d+(?:,\d+)?\s*%|\bpaling (?:lama|banyak|singkat|sedikit|lambat|rendah|tinggi|cepat)\b|\b(?:maksimal|minimal|sampai|setiap \d)\b|\b[IV]+\/[a-e]\b|\b[IVX]{2,5}\b/;
const whenPattern =
  new RegExp(`\\b\\d{1,2} (?:${monthAlternation})\\b|\\btanggal \\d|\\bpaling lambat\\b|\\bpukul \\d|\\b\\d{2}\\.\\d{2}\\b|\\bbulan [A-Z]?[−-]\\d\\b`, 'i');
const whyPattern = /\b(?:karena|sebab|sehingga|oleh karena itu|agar|supaya)\b/i;
const purposePattern = /\b(?:dipakai|digunakan|kegunaan|berguna|untuk mengukur|untuk memperbaiki|tujuan|bertujuan)\b/i;
const durationPattern = /\b\d+(?:,\d+)?\s*(?:hari|minggu|bulan|tahun|jam)\b|\bpaling lama\b|\bselama\b/i;
const meaningPattern = /\b(?:adalah|berarti|yaitu|artinya|ialah|merupakan)\b/i;
const whoPattern = /\b(?:oleh|pejabat|gubernur|presiden|ppk|kepala|petugas|pimpinan|atasan|bagian|operator)\b/i;
/** A minimum length of service stated ("paling singkat 1 tahun"): what an eligibility question is answered by. */
export const minimumServicePattern = /\b(?:paling singkat|minimal|sekurang-kurangnya|setidaknya)\b[^.]{0,40}\b(?:tahun|bulan)\b|\bbekerja\b[^.]{0,30}\bpaling singkat\b/i;
/** A system, command or address named: "SIHARKA", "ASN Digital", "/tiket", "asndigital.bkn.go.id". */
const namePattern = /\b[A-Z][A-Za-z]*[A-Z]{2,}\b|\b[A-Z]{3,}\b|(?:^|\s)\/[a-z]+\b|\b[a-z]+\.[a-z]+\.go\.id\b/;
const howPattern = /\b(?:langkah|caranya|dengan perintah|perintah)\b|(?:^|\s)\/[a-z]+\b/i;
const requirementPattern = /\b(?:syarat|memerlukan|paling singkat|paling rendah|bila|harus|wajib)\b/i;
const unitPattern = (units: readonly string[]) => new RegExp(`\\b\\d+(?:,\\d+)?\\s*(?:${units.map((u) => (u === 'persen' ? 'persen|%' : u)).join('|')})`, 'i');
const enumerationPattern = /\b(?:misalnya|antara lain|meliputi|yaitu|seperti)\b[^.]*,[^.]*\b(?:dan|atau)\b|\b(?:misalnya|antara lain|meliputi)\b[^.]*\b(?:atau|dan)\b[^.]*\b(?:dan|atau)\b/i;
/** A yes or no said, or the requirement that decides it ("mensyaratkan … paling rendah Baik"). */
const yesNoPattern = /\b(?:dapat|tidak|bukan|boleh|wajib|berlaku|tetap|sudah|mensyaratkan|memengaruhi|mempengaruhi|paling rendah)\b/i;

/**
 * 0–1: how well a passage's own statements (not its "not covered" sentences) fit the kind of fact asked. A
 * passage that fits none of the asked kinds scores 0; one that fits all of them 1.
 */
export function intentFit(intent: QuestionIntent, statedText: string, listItems: number, coversAskedNumber = false): number {
  const wanted: boolean[] = [];
  // "bolos 5 hari": the "4–6" row of a table headed "Hari tidak masuk" states it without repeating "hari".
  if (intent.units.length > 0) wanted.push(coversAskedNumber || unitPattern(intent.units).test(statedText));
  else if (intent.duration) wanted.push(durationPattern.test(statedText));
  else if (intent.limit || intent.range) wanted.push(limitPattern.test(statedText));
  if (intent.when) wanted.push(whenPattern.test(statedText));
  // A list, or a sentence that names examples ("misalnya akta atau surat nikah … dan ijazah").
  if (intent.list) wanted.push(listItems >= 2 || enumerationPattern.test(statedText));
  if (intent.requirement) wanted.push(requirementPattern.test(statedText));
  // Steps listed, or the command or action that does it ("Kirim /start KODE").
  if (intent.how) wanted.push(listItems >= 2 || howPattern.test(statedText));
  if (intent.closing) wanted.push(/\b\d{2}\.\d{2}\s*[–-]\s*\d{2}\.\d{2}\b/.test(statedText));
  // "pakai aplikasi apa": a name given as an application ("melalui aplikasi SIHARKA"), not any acronym ("LHKPN").
  if (intent.which) wanted.push(namePattern.test(statedText) && (!intent.whichKind || new RegExp(`\\b${intent.whichKind}\\b`, 'i').test(statedText)));
  if (intent.eligibility) wanted.push(minimumServicePattern.test(statedText));
  if (intent.who) wanted.push(whoPattern.test(statedText));
  // A definition, or a table of what each part means.
  if (intent.meaning) wanted.push(listItems >= 2 || meaningPattern.test(statedText));
  if (intent.why) wanted.push(whyPattern.test(statedText));
  if (intent.purpose) wanted.push(purposePattern.test(statedText));
  if (wanted.length === 0 && intent.yesNo) wanted.push(yesNoPattern.test(statedText));
  if (wanted.length === 0) return 0;
  return wanted.filter(Boolean).length / wanted.length;
}

/** A unit that states the limit/number/date asked for: the answer must contain one when the passage has one. */
export function statesAskedValue(intent: QuestionIntent, text: string): boolean {
  if (intent.units.length > 0) return unitPattern(intent.units).test(text);
  if (intent.duration) return durationPattern.test(text);
  if (intent.when && whenPattern.test(text)) return true;
  if ((intent.limit || intent.range) && limitPattern.test(text)) return true;
  return false;
}

export function asksValue(intent: QuestionIntent): boolean {
  return intent.limit || intent.when || intent.range || intent.duration || intent.units.length > 0;
}
