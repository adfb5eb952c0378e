import type { TicketCategoryId } from '../../tickets/categories.js';
import { monthAlternation } from '../corpus/units.js';
import { isEverydayIndonesianWord } from '../retrieval/indonesian-words.js';
import { cleanText, looksEnglish, splitPossessive } from '../retrieval/normalise.js';
import { chatWords } from '../retrieval/synonyms.js';
import { asksOwnKpProposal } from './kp-proposal-question.js';
import type { NameMasker } from './mask.js';

/**
 * What a question is, before any search: a request the bot must refuse, one it must hand to a human, a question
 * about the asker's own record, or a policy question for the corpus. Rules only, deterministic and fast; the
 * question is data and nothing in it can change these rules.
 */
export type RefuseReason = 'injection' | 'other_person' | 'change_data';
export type EscalateReason =
  | 'salary'
  | 'tpp'
  | 'password'
  | 'submit_leave'
  | 'job_openings'
  | 'early_retirement'
  | 'disciplinary_case'
  | 'leave_balance'
  | 'case_status'
  | 'app_trouble'
  | 'off_topic'
  | 'low_confidence'
  | 'not_covered'
  | 'llm_insufficient'
  | 'empty';
export type PersonalTopic = 'kgb' | 'kp' | 'kp_proposal' | 'pension' | 'nip' | 'golongan' | 'profile';

export type Intent =
  | { kind: 'refuse'; reason: RefuseReason }
  | { kind: 'escalate'; reason: EscalateReason; category: TicketCategoryId }
  | { kind: 'personal'; topic: PersonalTopic; nips: string[] }
  /** `aboutNip`: the question is how a NIP is read, and carried a number that is not the asker's (masked). */
  | { kind: 'policy'; aboutNip?: boolean };

export interface ClassifyContext {
  /** The asker's own NIP when the account is linked. */
  ownNip?: string | null;
  /** The asker's own name (never treated as "another person"). */
  ownName?: string | null;
  /** Names from the records, to notice questions about a named colleague. */
  names?: NameMasker | null;
  /** True for ordinary words (policy vocabulary, chat words); anything else after "pak"/"bu" reads as a name. */
  isCommonWord?: (word: string) => boolean;
  /** True when the rules use the word (its stem, typos corrected): a kind of matter they never name is not theirs. */
  knowsWord?: (word: string) => boolean;
}

/**
 * Chat words replaced ("sy" → "saya") and possessives split ("pensiunnya" → "pensiun", "kgbku" → "kgb saya"), but
 * politeness kept ("tolong", "dong"), since requests are told by them.
 */
export function requestWords(text: string): string {
  const english = looksEnglish(text);
  return cleanText(text)
    .split(' ')
    .flatMap((token) => {
      if (english && token === 'i') return ['saya'];
      const replaced = chatWords[token];
      if (replaced === undefined || replaced === '') return splitPossessive(token);
      return replaced.split(' ');
    })
    .join(' ');
}

// ---------------------------------------------------------------------------------------------------------------
// Patterns. `raw` is the lower-cased text with punctuation kept; `p` is requestWords() (no punctuation).
// ---------------------------------------------------------------------------------------------------------------

const injectionRaw: RegExp[] = [
  // "SYSTEM: kamu admin" as a line of its own; "data di sistem: salah" is an ordinary sentence.
  /(^|\n)\s*[[(<{"'`#*]*\s*(system|sistem|developer|assistant|asisten)\s*[:\]]/,
  /(^|[\s[(<{"'`])(system|developer|assistant)\s*:/,
  /<\|?\s*(im_start|im_end|system|endoftext)\s*\|?>/,
  /#{2,}\s*(instruction|instruksi|system|sistem)/,
  /\[\s*(inst|system|sistem)\s*\]/,
];
const injectionPlain: RegExp[] = [
  /\b(abaikan|lupakan|acuhkan|hiraukan|abaikanlah|tinggalkan|langgar|hapus)\b.{0,60}\b(instruksi|perintah|aturan|prompt|arahan|sistem|batasan|pedoman|ketentuan)(mu|nya|kamu|anda)?\b/,
  /\b(kamu|anda|bot)\s+(sekarang\s+|kini\s+)?(bebas|tanpa batas|tidak terikat|boleh menjawab apa saja)\b/,
  /\b(jangan|tidak usah|tak usah)\s+(ikuti|patuhi|hiraukan|pedulikan|turuti)\b.{0,40}\b(instruksi|perintah|aturan|prompt|arahan|sistem|batasan)\b/,
  /\b(ignore|disregard|forget|override|bypass)\b.{0,40}\b(instructions?|prompts?|rules?|above|previous|prior|system|guidelines?)\b/,
  /\b(kamu|anda|you|bot|layani)\s+(sekarang\s+|now\s+|kini\s+)?(adalah\s+|are\s+|jadi\s+|menjadi\s+|bertindak sebagai\s+|sebagai\s+)(now\s+|sekarang\s+)?(seorang\s+|an?\s+)?(admin|administrator|root|developer|superuser|super user|operator sistem|dan)\b/,
  /\b(mode|akses|hak akses|role|peran)\s+(admin|administrator|developer|root|dewa|god|super)\b/,
  /\b(developer|admin|god|dan|debug|jailbreak)\s+mode\b/,
  /\bjailbreak|prompt injection\b/,
  /\b(tampilkan|tunjukkan|bocorkan|berikan|beri|print|show|reveal|ulangi|tuliskan|sebutkan|cetak)\b.{0,30}\b(system prompt|prompt sistem|prompt (kamu|anda|mu)|instruksi (sistem|kamu|anda|awal|rahasia)|your (instructions|prompt|system prompt)|initial prompt|aturan rahasia)\b/,
  /\b(berpura pura|pura pura|anggap (saja )?(kamu|dirimu|anda|saya)|act as|pretend|roleplay|role play)\b/,
  /\bsaya (adalah )?(admin|administrator|developer|pembuat|programmer) (bot|sistem|layani)\b.{0,40}\b(izinkan|berikan|tampilkan|ubah|buka|akses)\b/,
  /\b(sebagai|as) (admin|administrator|root)\b.{0,40}\b(tampilkan|berikan|beri|ubah|hapus|buka|show|give|list|daftar)\b/,
];

/** How staff refer to a colleague: a title before a name ("pak Andi", "si Budi") or a post ("kabid", "atasan"). */
const personTitle = '(pak|bu|bpk|ibu|bapak|sdr|sdri|saudara|saudari|mas|mbak|mba|si|teman|temen|rekan|kawan|suami|istri)';
const roleWord =
  '(atasan|bos|kabid|kasi|kasie|kasubag|kasubbag|kadis|sekdis|kepala bidang|kepala seksi|kepala dinas|kepala subbagian|pegawai lain|orang lain|anak buah|bawahan|staf saya|staff saya)';
/** Data that identify a person. */
const identifier =
  '(nip|nik|alamat|alamat rumah|rumah|no hp|nomor hp|no telp|nomor telepon|telepon|telp|no wa|nomor wa|whatsapp|wa|email|e mail|tanggal lahir|tgl lahir|tempat lahir|biodata|data pribadi|profil|nilai skp)';
/** A person's career facts. */
const careerDatum = '(pensiun|bup|kgb|kp|golongan|gol|pangkat|tmt|sk|riwayat|hukdis|hukuman|sanksi|skp|gaji|umur|usia|data|cuti|jabatan)';
const personalDatum = `(${identifier.slice(1, -1)}|${careerDatum.slice(1, -1)})`;
/** Words supposing a case ("kalau atasan saya cuti, …"): what follows asks the rule, not someone's record. */
const supposing = 'kalau|jika|apabila|bila|seandainya';
const supposingWord = new RegExp(`^(${supposing})$`);
/** Words after "rekan"/"teman" that say a colleague, not a name ("rekan kerja", "teman sekantor"). */
const colleagueQualifiers = ['kerja', 'sekantor', 'seruangan', 'sejawat'];
const colleagueQualifier = new RegExp(`^(${colleagueQualifiers.join('|')})$`);

const otherPersonPlain: RegExp[] = [
  // "satam asn itu aplikasi punya siapa" asks who runs a system, not whose data something is.
  /(?<!\b(aplikasi|sistem|app|program|layanan|situs|website|web|portal) )\b(punya|milik|atas nama|kepunyaan|pemilik|pemiliknya) siapa\b/,
  /\bsiapa (pemilik|yang punya|pemegang|nama pemilik)\b/,
  /\b(nip|nik|nomor|no hp|nomor hp|email) (ini|itu|tsb|tersebut) (punya|milik|atas nama|siapa)\b/,
  /\b(data|daftar|list|rekap|nama nama|biodata|profil|nip|alamat|tanggal lahir)\s+(nama\s+)?((semua|seluruh)\s+(pegawai|karyawan|asn|pns|pppk|staf|staff)|pegawai|karyawan|staf|staff)\b(?!\s+(saya|sendiri))/,
  // "siapa saja yang pensiun tahun ini" asks for people; "siapa saja yang bisa membaca tiket rahasia" for a rule.
  /\bsiapa (saja|aja) (pegawai |yang )(?!.*\b(bisa|boleh|dapat|berhak|berwenang|wajib|harus|perlu|menangani|mengurus)\b)/,
  /\b(semua|seluruh) (pegawai|kasi|kabid|staf|staff|asn|pns|pppk)\b.{0,40}\b(nip|data|tanggal lahir|alamat|pensiun|tmt|golongan)\b/,
  /\b(nip|data|tanggal lahir|alamat|pensiun|tmt|golongan)\b.{0,30}\b(semua|seluruh) (pegawai|kasi|kabid|staf|staff|asn|pns|pppk)\b/,
  // "nomor wa atasan"; not "cukup wa atasan" (message the superior), nor "lewat email atasan".
  new RegExp(`(?<!\\b(cukup|lewat|via|pakai|dengan|ke|kirim|chat|hubungi|atau|langsung) )\\b${identifier}\\s+(nya\\s+)?${roleWord}\\b`),
];
/** A colleague's datum: refused unless the question is about a rule comparing ranks ("melebihi atasan"). */
const colleagueDatumPlain: RegExp[] = [
  // "cek golongan anak buah saya", "tanggal pensiun atasan saya".
  new RegExp(`\\b${careerDatum}\\s+(nya\\s+)?${roleWord}\\s+(saya|kami|ku)\\b`),
  // Not a value the asker tells ("teman saya golongan II, katanya beda"): that is a comparison, asking nothing of them.
  // Nor the asker's own ("atasan saya belum acc cuti saya"), nor a case supposed ("kalau atasan saya cuti, …").
  new RegExp(`(?<!\\b(?:${supposing}) )\\b${roleWord}\\s+(saya|kami|kita|ini|itu|tersebut)\\s+([a-z]+\\s+){0,2}${personalDatum}\\b(?!\\s+(?:[ivx]{1,4}|\\d+[a-e]?|saya|sendiri)\\b)`),
  new RegExp(`\\b${roleWord}\\s+([a-z]+\\s+){0,2}(kapan|kpn)\\s+(pensiun|kgb|naik pangkat|kp)\\b`),
  new RegExp(`\\bkapan\\s+${roleWord}\\s+([a-z]+\\s+){0,2}(pensiun|kgb|naik pangkat|naik gaji)\\b`),
  // "cek data kepegawaian saya sendiri": the asker's own, with a word describing the data before "saya".
  /\b(cari|carikan|cek|cekkan|lihat|lihatkan|tampilkan|kasih tahu|beritahu|berikan|minta|kirim|kirimkan)\s+(nip|data|nik|alamat|alamat rumah|no hp|nomor hp|tanggal lahir|profil|biodata)\s+(?!([a-z]+\s+)?(saya|sendiri|anda)\b)[a-z]/,
];

/**
 * "pak Andi pensiun kapan", "alamat bu Rina", "si Budi kena hukdis": a title followed by a name (a word that is
 * not ordinary vocabulary) or a post, with a personal datum near it.
 */
function namedColleague(p: string, isCommonWord: (word: string) => boolean): boolean {
  const words = p.split(' ');
  const titles = new RegExp(`^${personTitle}$`);
  const role = new RegExp(`^${roleWord}$`);
  for (let i = 0; i < words.length - 1; i++) {
    if (!titles.test(words[i]!)) continue;
    // "saya sebagai istri …": the asker's own role.
    if (/^(sebagai|selaku)$/.test(words[i - 1] ?? '')) continue;
    const next = words[i + 1]!;
    const named = role.test(next) || role.test(`${next} ${words[i + 2] ?? ''}`) || (!isCommonWord(next) && !/\d/.test(next) && next.length >= 3);
    // "bu Rina bagian umum tahun ini sudah bolos …": the unit after a name can push the datum a few words on.
    if (named && datumNear(words, i, i + 1, 8)) return true;
  }
  return false;
}

/**
 * Single words that are a person's data or something that happened to them (their attendance too); leave is not
 * (the bot holds none).
 */
const datumWord = new RegExp(
  `^(${[identifier, careerDatum].map((g) => g.slice(1, -1)).join('|')}|hp|wa|telp|telepon|nomor|alamat|email|lahir|nik|nip|umur|kena|dikenai|dijatuhi|dihukum|dipecat|diberhentikan|dimutasi|dilaporkan|bolos|absen|absensi|presensi|kehadiran|mangkir|alpa)$`,
);
/** A personal datum within a few words around a mention spanning words[from..to]. */
function datumNear(words: readonly string[], from: number, to: number, after = 6): boolean {
  const start = Math.max(0, from - 3);
  // "teman saya golongan II katanya beda": a value the asker tells is a comparison, not their data asked for.
  return words.slice(start, to + after).some((w, k) => w !== 'cuti' && datumWord.test(w) && !toldValue.test(words[start + k + 1] ?? ''));
}
/** A rank or number told right after a datum word ("golongan ii", "golongan 3b"). */
const toldValue = /^(?:[ivx]{1,4}|\d+[a-e]?)$/;

/** What happens to a relative that gives the asker a right (leave, a survivor's pension). */
const familyEvent = /^(meninggal|wafat|sakit|dirawat|melahirkan|lahiran|menikah|nikah|hamil|kecelakaan|operasi)$/;

/** A relative, colleague or third person ("dia", "beliau") with one of their personal data nearby. */
function aboutSomeoneElse(p: string): boolean {
  const words = p.split(' ');
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const relative =
      /^(istri|suami|teman|temen|rekan|kawan|atasan|bawahan|kabid|kasi|kasie|kadis|sekdis|kasubag|kasubbag|ayah|bapak|ibu|ortu|anak)$/.test(w) &&
      (/^(saya|ku|kami)$/.test(words[i + 1] ?? '') || (colleagueQualifier.test(words[i + 1] ?? '') && /^(saya|ku|kami)$/.test(words[i + 2] ?? '')));
    const pronoun = /^(dia|beliau|mereka|ia|doi)$/.test(w);
    // "kalau dia meninggal, saya dapat …": a case supposed, to ask the rule, not their record.
    const supposed = words.slice(Math.max(0, i - 2), i).some((v) => supposingWord.test(v));
    // "suami saya meninggal, saya dapat …", "ibu saya sakit keras": what happened to them is the asker's situation.
    const event = relative && words.slice(i + 2, i + 5).some((v) => familyEvent.test(v));
    if ((relative || pronoun) && !supposed && !event && datumNear(words, i, i + 1)) return true;
  }
  return false;
}

/** What a person's record holds, as English questions name it. */
const englishDatum = /^(nip|address|home|phone|number|mobile|salary|pay|skp|rating|performance|pension|retirement|birth|birthday|data|details|rank|grade|kgb|promotion|leave|email)$/;
/** Capitalised words that are not names: the services, documents and places the rules speak of. */
const notNames = new Set(['pns', 'pppk', 'asn', 'bkn', 'cpns', 'skp', 'nip', 'kgb', 'kp', 'dkp', 'layani', 'consdesk', 'myasn', 'siasn', 'taspen', 'tapera', 'civil', 'servant', 'servants', 'bangka', 'belitung', 'hr', 'the', 'what', 'when', 'how', 'is', 'my', 'i',
  'head', 'of', 'division', 'section', 'director', 'governor', 'officer', 'officers', 'staff', 'department', 'office', 'agency', 'province',
  'provincial', 'government', 'fisheries', 'marine', 'affairs', 'service', 'regional', 'secretary', 'kadis', 'kabid', 'kasi', 'functional',
  'structural', 'expert', 'senior', 'junior', 'principal', 'administrator', 'supervisor', 'executive', 'indonesia', 'indonesian']);
const isName = (words: string) => words.split(/\s+/).every((w) => !notNames.has(w.toLowerCase()));

/**
 * Someone named in an English question with one of their data: "my colleague Dewi Anggraini's SKP rating",
 * "the home address and NIP of Siti Marlina Putri". Names are capitalised in English; the rules' own words are not names.
 */
function englishNamedDatum(question: string): boolean {
  for (const m of question.matchAll(/\b([A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,3})['’]s\s+([A-Za-z]+)(?:\s+([A-Za-z]+))?(?:\s+([A-Za-z]+))?/g)) {
    if (isName(m[1]!) && [m[2], m[3], m[4]].some((w) => w && englishDatum.test(w.toLowerCase()))) return true;
  }
  for (const m of question.matchAll(/\bof\s+([A-Z][a-z]+(?:\s+[A-Z][a-z]+){1,3})\b/g)) {
    const before = question.slice(Math.max(0, m.index! - 40), m.index!).toLowerCase().split(/[^a-z]+/);
    if (isName(m[1]!) && before.some((w) => englishDatum.test(w))) return true;
  }
  return false;
}

/** Someone named as the one who said or asked something ("pak Budi bilang …", "atasan saya nanya …"). */
const reportedSpeaker = new RegExp(
  `\\b(?:${personTitle.slice(1, -1)}|${roleWord.slice(1, -1)}|dia|beliau|mereka|orang orang|orang)\\s+(?:[a-z0-9]+\\s+){0,7}?(bilang|bilangnya|blg|ngomong|mengatakan|menyampaikan|nanya|bertanya|tanya|minta|nyuruh|menyuruh|suruh)\\b`,
  'g',
);

/** "kata kabid saya …", "menurut pak Budi …": likewise. */
const reportedBy = new RegExp(`\\b(?:kata|katanya|menurut)\\s+(?:${personTitle}\\s+[a-z]+|${roleWord}(?:\\s+(?:saya|ku|kami))?)\\b`, 'g');

/** "pangkat saya melebihi pangkat atasan", "tambah data anak di myasn caranya": a rule, not someone's data. */
const comparison =
  /\b(melebihi|lebih tinggi|lebih rendah|melewati|lewati|ngelewatin|ngelewati|melampaui|di atas|diatas|sama dengan|sama seperti|setara|aturan|ketentuan|syarat|cara|caranya|prosedur|prosedurnya)\b/;

const changeVerb =
  '(ubah|ubahkan|rubah|robah|ganti|gantikan|gantiin|update|updatekan|apdet|perbarui|perbaiki|perbaikin|benerin|betulkan|betulin|koreksi|edit|hapus|hapuskan|tambahkan|tambahin|masukkan|masukin|input|inputkan|set|naikkan|naikin|turunkan|ubahlah|gantilah)';
const changeObject =
  '(data|tanggal lahir|tgl lahir|nama|golongan|pangkat|nip|jabatan|alamat|status|tmt|pendidikan|ijazah|nomor hp|no hp|email|agama|unit|unit kerja|masa kerja|skp|nilai|nilai skp|presensi|absen|absensi|kehadiran|riwayat|foto|jenis kelamin|npwp|rekening|sk)';
const howTo =
  /\b(cara|caranya|bagaimana|prosedur|langkah|langkahnya|syarat|syaratnya|di mana|ke mana|kemana|dimana|siapa yang|ke siapa|kepada siapa|apakah|apa bisa|bisa tidak|bisakah saya|boleh tidak|mengapa|kalau|jika|apabila|salah|keliru|beda|berbeda|tidak sesuai|tidak cocok)\b/;
const requestMarker = /\b(tolong|tlg|mohon|minta|bantu|bantuin|please|pls|plis|dong|segera|harap|saya mau|saya ingin|saya minta|bisa kah|bisakah kamu|bisa kamu|kamu bisa)\b/;
/** "ke mana harus minta", "ke siapa saya minta": a question about where to ask, not a request. */
const askWhereToRequest = /\b(ke mana|kemana|ke siapa|di mana|dimana)( (saya|harus|sebaiknya|bisa|perlu))* minta\b/g;

const leaveAction =
  /\b(ajukan|ajuin|ajukanlah|daftarkan|daftarin|inputkan|input|catat|catatkan|buatkan|bikinkan|bikinin|buatin|setujui|menyetujui|approve|acc|batalkan|membatalkan|batalin|proses|prosesin|kirimkan|kirim|tanda tangani|tandatangani)\s+(cuti|izin(?! belajar)|permohonan cuti|surat cuti|form cuti)\b/;

/**
 * A question about leave approval rather than a request to approve: who approves, how, whether the bot can
 * ("bot bisa acc cuti saya tidak", "siapa yang acc cuti"). A trailing "tidak"/"kah" asks; "tolong acc cuti" asks for.
 */
const leaveQuestion =
  /\b(cara|bagaimana|prosedur|langkah|syarat|siapa|di mana|dimana|ke mana|kemana|apakah|bisa tidak|boleh tidak|berapa lama|kapan|aturan|wewenang|berwenang|pejabat|yang berhak)\b|^(?!.*\b(tolong|mohon|minta|bantu|please|pls)\b).*\b(bisa|boleh|dapat|cukup)\b.*\b(tidak|kah|kan|belum)(\b.{0,25})$/;

const passwordWord = /\b(password|passwd|pasword|kata sandi|sandi|pin|otp|kode otp|kode mfa|kode verifikasi|passcode|pw)\b/;
const passwordTrouble =
  /\b(lupa|reset|riset|ganti|ubah|minta|kirim|kirimkan|buatkan|bikinkan|berapa|apa|hilang|bocor|tidak bisa|gagal|blokir|diblokir|terblokir|terkunci|salah|keluar|expired|kadaluarsa|kedaluwarsa|buka|pulihkan|recovery|masuk|tidak masuk|belum masuk|tidak muncul|error|eror)\b/;
/**
 * Whether it is safe or allowed to hand a secret over ("boleh tidak saya kirim password di sini", "ada yang mengaku
 * petugas minta kode mfa, kasih tidak"): advice the corpus gives, not a password the desk must reset.
 */
const safetyQuestion =
  /\b(boleh|aman|bahaya|berbahaya|wajar|perlu)\b.{0,50}\btidak\b|\b(beri|berikan|kirim|kirimkan|kasih)\s+((saja|aja|ke dia|ke mereka)\s+)?tidak\b|\b(mengaku|ngaku|ngakunya)\b/;

/**
 * An application that does not work for the asker ("e-kinerja gak bisa dibuka", "login myasn error", "siasn gagal
 * upload"): only the HR desk or the application's operator can look at it, whatever guide shares its words.
 */
const appName = '(myasn|siasn|sapk|asn digital|e kinerja|ekinerja|satam|satam asn|siharka|e lhkpn|elhkpn|aplikasi|layani|bot)';
const appFailure =
  '(error|eror|err|down|lemot|hang|blank|loading terus|tidak bisa (dibuka|buka|diakses|akses|masuk|login|log in|upload|unggah|dipakai|digunakan)|gagal (login|masuk|upload|unggah|dibuka|simpan|menyimpan|kirim)|tidak (muncul|terbuka|jalan|berfungsi)|akun tidak ditemukan|not found|terkunci|terblokir|diblokir)';
const appTrouble = [
  new RegExp(`\\b${appName}\\b.{0,40}\\b${appFailure}\\b`),
  new RegExp(`\\b(login|masuk|buka|upload|unggah)\\s+(ke\\s+|di\\s+)?${appName}\\b.{0,30}\\b${appFailure}\\b`),
];

/** Doing something to an application account for the asker: only the HR desk or the application's operator can. */
const accountAction =
  /\b(tolong|tlg|mohon|minta|bantu|bisa|bisakah)\b.{0,25}\b(buatkan|bikinkan|buat|reset|aktifkan|aktivasi|buka blokir|bukakan|hapus|hapuskan|daftarkan|pulihkan)\s+(akun|account|user|login)\b/;

const amountWord = '(berapa|besaran|besarnya|nominal|nominalnya|jumlah|jumlahnya|rp|rupiah|juta|ribu|tabel|kisaran|range)';
const payWord =
  '(gaji|gapok|gaji pokok|thr|tunjangan|tukin|tunjangan kinerja|tpp|rapel|rapelan|penghasilan|honor|insentif|uang makan|uang lembur|lembur|remunerasi|take home pay|thp|uang pensiun|gaji pensiun|pesangon|uang pesangon|manfaat pensiun|pensiunan|uang tht|jht)';
/** Money amounts: asked in rupiah even about a contribution ("potongan Taspen berapa rupiah") → a human. */
const moneyAmount = /\b(rupiah|rp|nominal|nominalnya|juta|ribu|duit|uang)\b/;
const salaryPlain: RegExp[] = [
  new RegExp(`\\b${amountWord}\\s+(sih\\s+|ya\\s+)?${payWord}\\b`),
  // "gaji gol 3c mkg 10 jadi berapa": the rank and years between the pay word and the amount.
  new RegExp(`\\b${payWord}\\s+([a-z0-9]+\\s+){0,8}${amountWord}\\b`),
  new RegExp(`\\b${payWord}\\s+([a-z0-9]+\\s+){0,3}(kapan\\s+)?(cair|dicairkan|ditransfer|dibayar|dibayarkan|masuk rekening|turun|naik berapa(?! lama)|belum masuk|belum cair|telat|terlambat cair)\\b`),
  /\b(kapan|kpn)\s+(gaji|thr|tukin|tpp|rapel|gaji 13|gaji ke 13)\s*([a-z0-9]+\s+){0,2}(cair|dicairkan|dibayar|masuk|turun)\b/,
  /\bslip gaji\b/,
  // "tunjangan anak ketiga dapat tidak", "uang duka kalau pns meninggal", "salary of golongan III/a": money the
  // corpus does not set out.
  /\btunjangan (anak|istri|suami|keluarga|jabatan|fungsional|struktural|beras|pangan|kemahalan|daerah|terpencil|khusus)\b/,
  /\b(uang duka|uang kematian|santunan|tunjangan kematian|uang pesangon)\b/,
  /\bgaji (pokok |of |for |of a |untuk |buat )?(golongan|gol|pangkat|pns|pppk|asn)\b/,
  /\bgaji (ke )?1[34]\b/,
  /\bthr\b/,
];
/**
 * A complaint about pay ("gaji saya kok kurang", "tunjangan anak belum masuk", "uang makan dipotong"): a person's
 * money, which only HR or finance can check, whatever policy passage shares its words.
 */
const payComplaintWord =
  '(kurang|berkurang|dipotong|terpotong|potong|turun|menurun|salah|keliru|tidak sesuai|beda|berbeda|hilang|belum masuk|belum cair|belum diterima|belum dibayar|belum dibayarkan|tidak masuk|tidak cair|tidak dibayar|telat|terlambat|nunggak|tertunda|ditahan|kecil|sedikit|berubah|minus)';
const payNoun = '(gaji|gapok|gaji pokok|tunjangan|tukin|tunjangan kinerja|tpp|uang makan|uang lembur|lembur|honor|insentif|rapel|rapelan|thr|gaji 13|penghasilan|slip gaji|transfer gaji)';
const payComplaint: RegExp[] = [
  new RegExp(`\\b${payNoun}\\s+([a-z0-9]+\\s+){0,5}${payComplaintWord}\\b`),
  new RegExp(`\\b${payComplaintWord}\\s+([a-z0-9]+\\s+){0,2}${payNoun}\\b`),
];

/**
 * A raise that has not reached the asker's pay ("kgb saya harusnya bulan lalu tapi gaji belum naik, kok belum cair"):
 * their own payroll, which only HR or finance can check, though the words are KGB's. "kalau kgb ditunda, gaji tidak
 * naik berapa lama" asks the rule.
 */
function overdueRaise(p: string): boolean {
  return raiseNotPaid.test(p) && ownPay.test(p) && !payRule.test(p);
}
const raiseNotPaid = /\b(gaji|kgb|berkala|rapel|rapelan)\b.{0,40}\b(belum|tidak|masih belum)\s+(juga\s+)?(naik|cair|masuk|dibayar|dibayarkan|diterima|berubah)\b/;
const ownPay = /\b(saya|harusnya|seharusnya|kok)\b/;
const payRule = /\b(kalau|jika|apabila|bila|ditunda|penundaan|syarat|aturan|ketentuan|berapa lama)\b/;

const tppPlain = /\b(tpp|tambahan penghasilan pegawai|tambahan penghasilan)\b/;
const tukinPlain = /\b(tukin|tunjangan kinerja)\b/;
const disciplineContext = /\b(bolos|mangkir|alpa|tidak masuk|tanpa keterangan|hukuman disiplin|hukdis|disiplin|terlambat masuk)\b/;
const contributionContext = /\b(potongan|dipotong|iuran|taspen|tapera|persen)\b/;

/** Who holds a public office now ("siapa gubernur babel sekarang"): news, not an HR rule. */
const officeHolder =
  /\b(siapa|nama)\s+(nama\s+)?(gubernur|wakil gubernur|wagub|presiden|wakil presiden|menteri|bupati|wali kota|walikota|kepala bkn)\b.{0,40}\b(sekarang|saat ini|skrg|yang baru|periode ini)\b/;

/**
 * Workplace matters beside the corpus's topics that it does not cover (insurance, tax, travel orders, transfers,
 * training, office routines): a rule that shares the question's other words ("potongan … gaji … persen", "senin
 * … jam berapa") does not answer them. Only while the corpus does not use the word: once a document covers one,
 * its questions are answered again.
 */
const adjacentMatter =
  /\b(bpjs|askes|asuransi|npwp|pajak|pph|sppd|perjalanan dinas|spj|uang harian|mutasi|rotasi|pindah tugas|pelantikan|diklat|bimtek|apel|upacara|seragam|wifi|parkir|kendaraan dinas|rumah dinas|koperasi|arisan)\b/g;

/** Words giving a reason just before a matter ("ikut suami pindah tugas", "karena mutasi"). */
const reasonBefore = /\b(ikut|karena|sebab|untuk|buat|gara gara)\s+([a-z]+\s+){0,2}$/;

/**
 * Retiring before the age limit at one's own request ("pensiun dini", "atas permintaan sendiri"): the corpus
 * covers retirement at the age limit only and hands every other kind to the desk.
 */
const earlyRetirement = /\bpensiun (dini|lebih awal|lebih cepat)\b|\b(berhenti|pensiun|keluar|mundur)\b.{0,30}\batas permintaan sendiri\b|\b(early retirement|retire early)\b/;

/**
 * A kind of promotion, leave or permit the rules never name ("kenaikan pangkat anumerta", "izin poligami"), or one
 * they do not cover by name ("kp pengabdian", "tugas belajar": they cover izin belajar only): the neighbouring rule
 * is not its answer. An everyday word after the matter ("cuti dadakan") names no kind.
 */
const kindOfMatter = /\b(kp|kenaikan pangkat|cuti|izin|pensiun) ([a-z]{4,})\b/g;
function namesUncoveredKind(p: string, knowsWord: (word: string) => boolean): boolean {
  if (/\btugas belajar\b|\b(kp|kenaikan pangkat) (pengabdian|anumerta|istimewa|penyesuaian)\b/.test(p)) return true;
  for (const m of p.matchAll(kindOfMatter)) {
    const word = m[2]!;
    // "pensiun idealnya", "cuti sebaiknya": a word with a clitic says how or whose, never which kind.
    if (/(nya|lah|kah|pun)$/.test(word)) continue;
    if (!knowsWord(word) && !isEverydayIndonesianWord(word)) return true;
  }
  return false;
}

const jobsPlain =
  /\b(seleksi (jpt|terbuka|jabatan)|lelang jabatan|open bidding|lowongan|loker|lowker|formasi (cpns|pppk|asn|pns)|rekrutmen|recruitment|penerimaan (cpns|pppk|pegawai|asn|pns|honorer)|pendaftaran (cpns|pppk|asn|pns)|seleksi (cpns|pppk|asn|pns|kompetensi dasar)|tes (cpns|pppk|skd|skb)|daftar (cpns|pppk)|buka (cpns|pppk)|casn|sscasn|kapan (cpns|pppk) dibuka|info (cpns|pppk) \d{4}|lowongan kerja)\b/;

/** Someone's disciplinary case: "saya kena hukdis", or the asker's named as such ("kasus disiplin saya kemarin"). */
const disciplinaryCase =
  /\b(saya|teman saya|rekan saya|atasan saya|suami saya|istri saya)\s+(sudah\s+|telah\s+|lagi\s+|sedang\s+)?(kena|terkena|dikenai|dikenakan|dijatuhi|dapat|mendapat|menerima|dilaporkan|diperiksa|dipanggil|disidang|diberi)\s+(hukuman|hukdis|hukuman disiplin|sanksi|teguran|sp|surat peringatan|pemeriksaan|bap)\b|\bkasus (disiplin|hukdis|hukuman disiplin|pelanggaran) saya\b/;
/** Whether something takes from, or carries over, the allowance: the rule, not the asker's balance. */
const reducesAllowance =
  /\b(mengurangi|mengurangin|ngurangin|ngurangi|kurangi|dikurangi|dikurangin|berkurang|kurang|memotong|motong|dipotong|kepotong|terpotong|pengaruh|berpengaruh|mempengaruhi|ngaruh|hangus|dibawa|kebawa|terbawa|hilang)\b/;
const leaveBalance = /\b(sisa|saldo|jatah|kuota)\s+(cuti\s+)?(tahunan\s+)?(saya|ku)\b|\bcuti (tahunan )?saya (masih |tinggal )?(sisa|berapa|tinggal)\b|\b(sisa|saldo) cuti (tahunan )?(saya )?(berapa|tinggal)\b/;

/**
 * The asker's own application or decree that has not come ("sk kp saya belum turun", "usulan pensiun saya
 * ditolak"): only the HR desk can look at where it is, whatever rule shares its words.
 */
const caseStuck =
  /\b(sk|usul|usulan|berkas|pertek|surat keputusan)\b.{0,40}\b((belum|tidak|kok belum|masih belum) (juga )?(turun|keluar|terbit|jadi|diproses|selesai|ada kabar|berubah|diterima|sampai)|ditolak|dikembalikan|tertahan|mandek|macet|nyangkut|(sudah )?(ditandatangani|ditandatangan|diteken|ditanda tangani) (belum|atau belum))\b/;
function caseCategory(p: string): TicketCategoryId {
  if (/\b(kp|kenaikan pangkat|pangkat|golongan)\b/.test(p)) return 'kenaikan_pangkat';
  if (/\b(kgb|berkala)\b/.test(p)) return 'kgb';
  if (/\b(pensiun|bup)\b/.test(p)) return 'pensiun';
  if (/\bcuti\b/.test(p)) return 'cuti';
  return 'lainnya';
}

// Not "kapal" alone: the marine and fisheries staff work on ships ("sy lagi di kapal patroli, bisa ajukan cuti …").
const offTopic =
  /\b(cuaca|resep|masak|masakan|bola|skor|liga|film|lagu|musik|saham|crypto|kripto|bitcoin|togel|judi|slot|pacar|jodoh|zodiak|horoskop|ramalan|pilpres|pemilu|capres|partai|game|mobile legend|harga emas|harga bensin|bbm|tiket pesawat|hotel|wisata|kuliner|promo|diskon|pinjol|pinjaman online|kredit motor|puisi|pantun|lirik|cerpen|translate|terjemahkan|coding|program python|javascript|bandara|penerbangan|(jadwal|tiket|harga tiket) (pesawat|kereta|bus|travel|feri|ferry|kapal|kapal laut)|(feri|ferry|kapal|kapal laut) [a-z ]{0,40}\b(masih )?(jalan|berangkat|beroperasi|running|setiap hari))\b/;

// Personal questions: the asker's own KGB, KP, pension, NIP, rank.
const personalTopics: ReadonlyArray<readonly [PersonalTopic, RegExp]> = [
  ['kgb', /\b(kgb|gaji berkala|kenaikan gaji berkala|berkala|naik gaji)\b/],
  ['kp', /\b(kp|kenaikan pangkat|naik pangkat|naik golongan|naik gol|pangkat berikutnya|golongan berikutnya)\b/],
  ['pension', /\b(pensiun|purna tugas|purnabakti|bup|batas usia pensiun|tmt pensiun)\b/],
  ['nip', /\bnip\b/],
  ['golongan', /\b(golongan|pangkat|gol|ruang)\b/],
];
const personalExclusions =
  /\b(syarat|syaratnya|cara|caranya|bagaimana|berkas|dokumen|mengapa|kenapa|ditunda|tunda|kalau|jika|apabila|seandainya|misalnya|misal|boleh|bolehkah|dipercepat|percepat|lupa|salah|keliru|usul|usulan|ajukan|mengajukan|prosedur|aturan|hilang|dokumennya|dimana|di mana|proses|bedanya|beda|melebihi|lebih tinggi|dipotong|potongan|iuran|taspen|tapera|atasan|tiket|respon|direspon|dibalas|dijawab|ditanggapi|sla|ke mana|kemana|lapor|melapor|laporkan|harus|ijazah|pendidikan|lulusan|mentok|maksimal|paling tinggi|target|ganjil|genap|pilihan)\b/;
const personalAsk =
  /\b(cek|lihat|info|kapan|tanggal|tgl|berapa lama lagi|berapa tahun lagi|masih lama|jatuh|jadwal|periode|arti|artinya|maksud|maksudnya|baca|apa|berapa|umur berapa|usia berapa|sudah|belum|berikutnya|selanjutnya|tahun ini|tahun depan)\b/;

/** A birth date or a TMT the asker states ("lahir tgl 1 agustus", "sk kp saya tmt nya 1 juni"). */
const statedDate = new RegExp(`\\b(lahir|tmt) ((nya|saya) )?(tanggal |tgl |pada |pada tanggal )?\\d{1,2} (${monthAlternation})\\b`);
const fullDate = new RegExp(`\\b\\d{1,2} (${monthAlternation}) (19|20)\\d\\d\\b`);

const nipPattern = /(?<!\d)\d{8}[ .-]?\d{6}[ .-]?\d[ .-]?\d{3}(?!\d)/g;

/** NIPs written in the text, digits only. */
export function nipsIn(text: string): string[] {
  return [...text.matchAll(nipPattern)].map((m) => m[0].replace(/\D/g, ''));
}

/** The rules, in order: injection, other people's data, changing data, hand-overs, personal, policy. */
export function classifyQuestion(question: string, context: ClassifyContext = {}): Intent {
  const raw = question.toLowerCase().normalize('NFKC');
  const p = requestWords(question);
  if (!p) return { kind: 'escalate', reason: 'empty', category: 'lainnya' };

  const light = cleanText(question);
  if (injectionRaw.some((r) => r.test(raw)) || injectionPlain.some((r) => r.test(p) || r.test(light))) {
    return { kind: 'refuse', reason: 'injection' };
  }

  // "tolong ubah golongan saya di siasn jadi III/c, nip 1987…": an order to change a record, whoever's NIP it gives.
  if (ordersDataChange(p)) return { kind: 'refuse', reason: 'change_data' };

  const nips = nipsIn(question);
  const ownNip = context.ownNip ?? null;
  const foreignNips = nips.filter((nip) => nip !== ownNip);
  // "nip saya …" is the asker's; "kgb nip 1985… kapan, itu teman saya" is a colleague's, whoever asks.
  const mine = /\b(saya|ku)\b/.test(p) && !someoneElsesNip.test(p);
  if (foreignNips.length > 0) {
    // "nip saya 1990…, yang 201903 itu maksudnya apa" from an unlinked asker: how a NIP is read is public, so the
    // rule is answered with the number masked; whose it is cannot be known, so it is never read out.
    if (!ownNip && mine && asksNipStructure(p)) return { kind: 'policy', aboutNip: true };
    // An unlinked asker giving "their" NIP is told how to link; anyone else's NIP is never looked at.
    if (!ownNip && mine && !/\b(punya|milik|atas nama) siapa\b/.test(p)) return { kind: 'personal', topic: topicOf(p) ?? 'profile', nips };
    // "cara baca nip 19770412…": how a NIP is built is public and in the corpus. The rule is answered with the
    // number masked; the number itself is never read out.
    if (asksNipStructure(p)) return { kind: 'policy', aboutNip: true };
    return { kind: 'refuse', reason: 'other_person' };
  }
  // A phone number or e-mail address the asker gives ("hp saya 0812…, cuti sakit berapa lama") is not a request
  // for anyone's data, and a name right after "saya"/"nama saya"/"ini" is the asker introducing themselves.
  // "pak Budi bilang kgb tiap 2 tahun, benar tidak": who said something is not whose data is asked.
  const givenless = withoutGivenContacts(question);
  const pc = requestWords(givenless).replace(reportedSpeaker, '$1').replace(reportedBy, 'katanya');
  // "sebagai atasan, boleh tidak saya lihat tanggal pensiun anak buah saya lewat bot": whether the bot shows others'
  // data is a rule it answers (it does not), as long as no one in particular is named.
  const asked = question.trim().endsWith('?') ? `${pc} tidak` : pc;
  // "bisa direset lewat sini?" speaks of the bot too; "kalau tidak, ke mana harus minta" asks where, requesting nothing.
  const aboutBot =
    /\b(bot|layani)\b|\b(lewat|via) sini\b/.test(pc) &&
    /\b(bisa|dapat|boleh)\b.*\b(tidak|kah|kan|belum)\b/.test(asked) &&
    !requestMarker.test(pc.replace(askWhereToRequest, ''));
  // "rekan kerja saya sering bolos, lapornya ke mana": where to report someone's conduct is a rule (a confidential
  // ticket), asking nothing of their record.
  const reportsSomeone = nips.length === 0 && /\b(lapor|lapornya|melapor|melaporkan|laporkan|mengadu|ngadu|adukan)\b/.test(pc) && /\b(ke mana|mana|siapa|bagaimana|cara|caranya|lewat apa)\b/.test(pc);
  // "data anak saya belum masuk di myasn, bagaimana menambahkannya": the family in the asker's own record.
  const ownFamilyRecord = /\bdata (anak|istri|suami|keluarga|pasangan|orang tua)\b/.test(pc) && /\b(myasn|siasn|profil|bagaimana|cara|caranya|tambah|menambah|nambah|nambahin|nambahinnya|masuk|input|perbarui|update)\b/.test(pc);
  // "anak buah saya mau cuti besar, saya harus bagaimana": a superior asking the rule for someone's leave plans.
  const leavePlanRule = /\b(mau|akan|ingin|hendak|mengajukan|ajukan)\s+(ambil\s+)?cuti\b/.test(pc) && /\b(bagaimana|harus|syarat|syaratnya|cara|caranya|berapa|boleh|bisa)\b/.test(pc);
  // Any of these asks a rule about other people, not their record: the checks for a colleague's data give way.
  const asksRuleAboutOthers = (aboutBot && nips.length === 0) || reportsSomeone || ownFamilyRecord || leavePlanRule;
  if (otherPersonPlain.some((r) => r.test(pc)) || (colleagueDatumPlain.some((r) => r.test(pc)) && !comparison.test(pc) && !asksRuleAboutOthers)) {
    return { kind: 'refuse', reason: 'other_person' };
  }
  if (context.names && mentionsColleague(givenless, pc, context)) return { kind: 'refuse', reason: 'other_person' };
  if (namedColleague(pc, (w) => commonWord(w) || (context.isCommonWord?.(w) ?? false)) && !comparison.test(pc) && !reportsSomeone) {
    return { kind: 'refuse', reason: 'other_person' };
  }
  if (englishNamedDatum(givenless)) return { kind: 'refuse', reason: 'other_person' };
  // "istri saya pns, kgb dia kapan", "kabid saya pensiun kapan": someone close, but still someone else.
  // "pertek itu apaan sih, kok usul pensiun bapak saya nunggu pertek": what a term means, with whose case raised it.
  const term = /^((?:[a-z]+ )?[a-z]+) itu (apa|apaan)\b|^apa (?:itu|sih|arti) ([a-z]+)/.exec(pc);
  const asksDefinition = term !== null && !/\b(saya|ku|kami|dia|beliau|mereka)\b/.test(term[1] ?? term[3] ?? '');
  if (aboutSomeoneElse(pc) && !comparison.test(pc) && !asksRuleAboutOthers && !asksDefinition) return { kind: 'refuse', reason: 'other_person' };

  // "bot bisa ajukan cuti saya tidak": what the bot can do is answered (it files no leave); "tolong …" is a request.
  const botAbility = /\b(bot|layani)\b.{0,25}\b(bisa|dapat|boleh|mampu|tahu)\b.*\b(tidak|kah|kan)\b/.test(p) && !requestMarker.test(p);
  if (leaveAction.test(p) && !leaveQuestion.test(p) && !botAbility && !aboutBot) {
    return { kind: 'escalate', reason: 'submit_leave', category: 'cuti' };
  }
  if (/\b(tolong|tlg|mohon|bantu|bisa|bisakah)\b.{0,20}\b(cutikan|izinkan saya|liburkan)\b/.test(p)) {
    return { kind: 'escalate', reason: 'submit_leave', category: 'cuti' };
  }
  // "bot bisa reset mfa saya?": what the bot can do is answered (it resets nothing); the rest goes to the desk.
  if ((passwordWord.test(p) && passwordTrouble.test(p) && !/\bjangan\b/.test(p) && !safetyQuestion.test(p) && !aboutBot) || accountAction.test(p)) {
    return { kind: 'escalate', reason: 'password', category: 'aplikasi' };
  }
  if (appTrouble.some((r) => r.test(p)) && !howTo.test(p) && !aboutBot) return { kind: 'escalate', reason: 'app_trouble', category: 'aplikasi' };
  // Pay complaints, except the rules that mention pay: "tukin dipotong berapa persen kalau bolos" (discipline),
  // "potongan Taspen berapa persen" (a contribution rate), "gaji berkala ditunda" (KGB).
  // "potongan tapera di slip gaji hubungi siapa": who handles a named contribution is a rule the corpus states.
  // "gaji saya masih dipotong tapera, memang masih wajib": whether the contribution is owed is its rule.
  const contributionHandling =
    /\b(taspen|tapera)\b/.test(p) && /\b(siapa|ke mana|di mana|hubungi|bagaimana|cara|berhenti|wajib|masih berlaku|berlaku)\b/.test(p) && !moneyAmount.test(p);
  // "bot bisa hitung tpp saya tidak": likewise about pay (it knows none).
  // "selama cltn gaji masih dibayar": unpaid leave is, by its rule, about pay.
  const unpaidLeave = /\b(cltn|cuti di luar tanggungan negara)\b/.test(p) && !moneyAmount.test(p);
  const ruleAboutPay =
    unpaidLeave ||
    (tukinPlain.test(p) && disciplineContext.test(p)) || /\bpersen\b/.test(p) || /\b(berkala|kgb)\b/.test(p) || contributionHandling || botAbility;
  if (payComplaint.some((r) => r.test(p)) && !ruleAboutPay) return { kind: 'escalate', reason: 'salary', category: 'lainnya' };
  if (overdueRaise(p)) return { kind: 'escalate', reason: 'salary', category: 'lainnya' };
  if (tppPlain.test(p) && !botAbility) return { kind: 'escalate', reason: 'tpp', category: 'lainnya' };
  if (contributionContext.test(p) && moneyAmount.test(p) && !/\bpersen\b/.test(p)) return { kind: 'escalate', reason: 'salary', category: 'lainnya' };
  // "gaji berkala ditunda berapa lama" is about KGB; "potongan Taspen berapa persen" about a contribution rate.
  const aboutKgb = /\b(berkala|kgb)\b/.test(p) && !moneyAmount.test(p) && !/\b(naik berapa(?! lama)|berapa naik|jadi berapa|tambah berapa)\b/.test(p);
  const contributionRate = /\b(iuran|potongan|dipotong|taspen|tapera)\b/.test(p) && /\bpersen\b/.test(p);
  if (salaryPlain.some((r) => r.test(p)) && !aboutKgb && !contributionRate && !contributionHandling && !botAbility && !unpaidLeave) {
    if (!(tukinPlain.test(p) && disciplineContext.test(p))) return { kind: 'escalate', reason: 'salary', category: 'lainnya' };
  }
  if (tukinPlain.test(p) && !disciplineContext.test(p) && !botAbility) return { kind: 'escalate', reason: 'salary', category: 'lainnya' };
  if (jobsPlain.test(p)) return { kind: 'escalate', reason: 'job_openings', category: 'lainnya' };
  if (earlyRetirement.test(p)) return { kind: 'escalate', reason: 'early_retirement', category: 'pensiun' };
  if (context.knowsWord && !looksEnglish(question) && namesUncoveredKind(p, context.knowsWord)) return { kind: 'escalate', reason: 'not_covered', category: 'lainnya' };
  if (disciplinaryCase.test(p)) return { kind: 'escalate', reason: 'disciplinary_case', category: 'masalah_atasan_rekan' };
  // "sisa cuti saya 10 hari, bisa dibawa semua": the asker gives the balance and asks the rule.
  // "cuti bersama mengurangi jatah cuti tahunan saya tidak": whether something takes from the allowance is a rule.
  // "ambil cuti besar tahun ini, jatah cuti tahunan saya masih ada": how one kind of leave bears on another is a rule.
  const otherLeave = /\bcuti (besar|sakit|melahirkan|bersama|alasan penting|karena alasan penting|di luar tanggungan)\b|\bcltn\b/.test(p);
  if (leaveBalance.test(p) && !/\b\d+ hari\b/.test(p) && !reducesAllowance.test(p) && !otherLeave) return { kind: 'escalate', reason: 'leave_balance', category: 'cuti' };
  if (/\bsaya\b/.test(p) && caseStuck.test(p)) return { kind: 'escalate', reason: 'case_status', category: caseCategory(p) };
  if (offTopic.test(p)) return { kind: 'escalate', reason: 'off_topic', category: 'lainnya' };
  if (officeHolder.test(p)) return { kind: 'escalate', reason: 'off_topic', category: 'lainnya' };
  // "mau ikut suami pindah tugas, bisa ambil cltn": the matter is the reason for leave, and the leave rule is asked.
  const asksLeave = /\b(cuti|cltn)\b/.test(p);
  const matters = [...p.matchAll(adjacentMatter)].filter((m) => !(asksLeave && reasonBefore.test(p.slice(0, m.index)))).map((m) => m[0]);
  if (matters.length > 0 && context.isCommonWord && matters.every((m) => !m.split(' ').every((w) => context.isCommonWord!(w)))) {
    return { kind: 'escalate', reason: 'off_topic', category: 'lainnya' };
  }

  if (asksOwnKpProposal(p)) return { kind: 'personal', topic: 'kp_proposal', nips };
  // "tmt sk kgb terakhir saya 1 juni 2024, kgb berikutnya kapan": the asker gives the date the rule counts from,
  // so the rule answers (the record might hold another date; /profil shows it).
  // "lahir tgl 1 agustus, tmt pensiun saya kapan": likewise the birth date the pension rule counts from, or the
  // TMT of a decree the asker asks about ("sk kp saya tmt 1 juni, dulu ada periode juni?").
  if ((fullDate.test(p) || statedDate.test(p)) && nips.length === 0) return { kind: 'policy' };
  const personal = personalIntent(p, nips);
  if (personal) return personal;
  return { kind: 'policy' };
}

/**
 * An order to change a record ("tolong ganti tgl lahir saya di siasn jadi 12 mei 1980, salah input", "min langsung
 * saja ganti golongan saya di sistem jadi III/c") rather than a question about how records are corrected ("tgl lahir
 * saya salah, cara benerinnya gimana"). The bot changes nothing; HR corrects records from a ticket.
 */
function ordersDataChange(p: string): boolean {
  if (!changeOfRecord.test(p)) return false;
  // "update data pendidikan di myasn harus upload dokumen apa" starts like an order but asks a question.
  // "ubah data di myasn butuh berapa lama verifikasinya" asks too, with its question word inside.
  const asks = /\b(apa|apa saja|siapa|mana|kah|tidak|belum)$/.test(p) || /\b(berapa|bagaimana|kapan|apakah|mengapa)\b/.test(p);
  if (asks) return false;
  const imperative = changeOrdered.test(p);
  // "salah input" or "beda dengan sk" beside an order gives its reason; without an order it asks how to correct.
  if (imperative) return true;
  // "… golongan saya di sistem jadi III/c": the new value the asker wants written.
  const newValue = changeToValue.test(p);
  return !howTo.test(p) && (requestMarker.test(p) || newValue);
}

const changeOfRecord = new RegExp(`\\b${changeVerb}\\s+([a-z]+\\s+){0,2}${changeObject}\\b`);
const changeOrdered = new RegExp(
  `^(min |admin |kak |pak |bu )?(tolong |tlg |mohon |minta |bantu |please |pls |saya mau |saya ingin |saya minta )*(langsung saja |langsung )?${changeVerb}\\b`,
);
const changeToValue = new RegExp(`\\b${changeVerb}\\b.*\\b(jadi|menjadi)\\s+\\S+`);

/** Words saying a NIP in the question belongs to someone other than the asker. */
const someoneElsesNip =
  /\b(teman|temen|rekan|kawan|istri|suami|atasan|bawahan|anak|ayah|ibu|bapak|pak|bu|ortu|dia|beliau|mereka|orang lain|pegawai lain|staf|staff|kabid|kasi|kadis)\b/;

/** What a NIP's digits mean, without asking anything about the person it belongs to. */
function asksNipStructure(p: string): boolean {
  const structure = /\b(arti|artinya|maksud|maksudnya|cara baca|baca|membaca|dibaca|kebaca|terbaca|susunan|format|digit|angka)\b/.test(p);
  const holder = /\b(punya|milik|atas nama|pemilik|pemiliknya|siapa|lahir|pensiun|kgb|golongan|pangkat|umur|usia|cek|cekkan|cari|carikan|lihat|data|alamat|jabatan)\b/.test(p);
  return structure && !holder;
}

const givenContact =
  /(?:\b(?:no\.?|nomor|nmr)?\s*(?:hp|handphone|wa|whatsapp|telp|telepon|kontak|e-?mail|surel)\s*(?:saya|sy|aku|ku|sya)?\s*[:=]?\s*)?(?:[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+|(?<![\d+])(?:\+?62[ .-]?|0)8\d{1,3}(?:[ .-]?\d{2,5}){1,4}(?!\d))/gi;

/** The text without phone numbers and e-mail addresses (and their labels) the asker wrote in it. */
function withoutGivenContacts(question: string): string {
  return question.replace(givenContact, ' ');
}

/** Chat words, question words and stopwords are never names. */
function commonWord(word: string): boolean {
  return word in chatWords || commonWords.has(word);
}
const commonWords = new Set([
  'mau', 'tanya', 'mohon', 'izin', 'ijin', 'boleh', 'bisa', 'apa', 'apakah', 'kapan', 'berapa', 'bagaimana', 'gimana', 'ini', 'itu',
  'saya', 'kami', 'kita', 'yang', 'untuk', 'sudah', 'belum', 'tidak', 'ada', 'sama', 'juga', 'dan', 'atau', 'kalau', 'minta', 'tolong',
  'dong', 'ya', 'kok', 'sih', 'nih', 'deh', 'lagi', 'mengapa', 'siapa', 'dimana', 'di', 'ke', 'dari', 'pada', 'dengan', 'harus',
  'perlu', 'benar', 'salah', 'baru', 'lama', 'dulu', 'nanti', 'besok', 'kemarin', 'sekarang', 'cara', 'terima', 'kasih', 'maaf',
  'selamat', 'pagi', 'siang', 'sore', 'malam', 'halo', 'permisi', 'assalamualaikum', 'kak', 'min', 'admin', 'petugas', 'bagian',
  // "rekan kerja", "teman sekantor", "teman satu ruangan": a colleague, not a name.
  ...colleagueQualifiers, 'satu',
]);

/** A rank written out ("gol III a", "golongan 3b"; requestWords() has split "III/a"), or named ("pangkat saya penata muda"). */
const statedRank = /\b(golongan|gol|ruang)\s+(iv|iii|ii|i|[1-4])\s?[a-e]\b|\bpangkat saya (juru|pengatur|penata|pembina)\b/;

function topicOf(p: string): PersonalTopic | null {
  for (const [topic, pattern] of personalTopics) {
    // "NIP saya 1986…, cuti tahunan berapa hari" gives the NIP, it does not ask what it means.
    if (topic === 'nip') {
      const asksMeaning = /\b(arti|artinya|maksud|maksudnya|baca|membaca|format|susunan|meaning)\b/.test(p);
      const asksWhich = /\b(apa|berapa)\b/.test(p) && !/\d{6}/.test(p);
      if (!asksMeaning && !asksWhich) continue;
    }
    // "saya pns gol III/a, sisa cuti …": a rank the asker states is context, not the thing asked.
    if (topic === 'golongan' && statedRank.test(p)) continue;
    if (pattern.test(p)) return topic;
  }
  return null;
}

function personalIntent(p: string, nips: string[]): Intent | null {
  if (!/\bsaya\b/.test(p) && nips.length === 0) return null;
  // "saya gol 3b baru 3 tahun, sudah bisa naik pangkat belum": the asker gives their service and asks the rule.
  if (/\b(baru|sudah|belum) \d+ (hari|minggu|bulan|tahun)\b/.test(p) && /\b(bisa|boleh|dapat|berhak)\b/.test(p)) return null;
  const topic = topicOf(p);
  // "digit ke 15 di nip saya angka 2, artinya apa": what a position of a NIP means is the rule, whoever's it is.
  if (topic === 'nip' && /\b(digit|angka|nomor)( yang)? (ke ?\d+|ke[a-z]+|\d+ ?(sampai|-) ?\d+)\b/.test(p)) return null;
  // "nip saya ada 201505 di tengah, artinya apa": the digits are given, and what such digits mean is the rule.
  // A whole NIP given ("arti nip 19860926 201505 1 001") is decoded for its owner.
  if (topic === 'nip' && nips.length === 0 && /\b\d{2,8}\b/.test(p) && /\b(arti|artinya|maksud|maksudnya)\b/.test(p)) return null;
  if (!topic) {
    // "di profil saya ada tulisan 'Catatan atas data Anda', maksudnya apa": what a label means is a rule.
    const asksMeaning = /\b(maksud|maksudnya|arti|artinya|tulisan)\b/.test(p);
    const profile = /\b(data saya|profil saya|tanggal penting saya)\b/.test(p) && !personalExclusions.test(p) && !howTo.test(p) && !asksMeaning;
    return profile ? { kind: 'personal', topic: 'profile', nips } : null;
  }
  if (personalExclusions.test(p)) {
    // "arti nip saya" stays personal; "syarat pensiun saya" is a policy question.
    if (!(topic === 'nip' && /\b(arti|artinya|maksud|maksudnya|baca)\b/.test(p))) return null;
  }
  const words = p.split(' ');
  const own = words.indexOf('saya');
  // "kgb saya", "saya pensiun", "kapan saya naik pangkat": the topic is the asker's, not a general one.
  const adjacent = topicWords(topic).some((w) => {
    const at = words.indexOf(w);
    return at >= 0 && own >= 0 && Math.abs(at - own) <= 3;
  });
  if (!adjacent && nips.length === 0) return null;
  if (!personalAsk.test(p) && words.length > 4) return null;
  return { kind: 'personal', topic, nips };
}

function topicWords(topic: PersonalTopic): string[] {
  switch (topic) {
    case 'kgb':
      return ['kgb', 'berkala', 'gaji'];
    case 'kp':
    case 'kp_proposal':
      return ['kp', 'pangkat', 'golongan', 'gol'];
    case 'pension':
      return ['pensiun', 'bup', 'purna', 'purnabakti'];
    case 'nip':
      return ['nip'];
    case 'golongan':
      return ['golongan', 'pangkat', 'gol', 'ruang'];
    case 'profile':
      return ['data', 'profil'];
  }
}

/** A known colleague's name next to a personal datum ("kapan pak Andi Wijaya pensiun", "nip Sari Dewi"). */
function mentionsColleague(question: string, p: string, context: ClassifyContext): boolean {
  const own = new Set((context.ownName ?? '').toLowerCase().split(/\s+/).filter(Boolean));
  const others = context.names!.find(question).filter((name) => !name.split(' ').every((part) => own.has(part)));
  if (others.length === 0) return false;
  const words = p.split(' ');
  return others.some((name) => {
    const parts = name.split(' ');
    const at = words.findIndex((_w, i) => parts.every((part, k) => words[i + k] === part));
    // "saya Budi Santoso", "nama saya Budi", "ini Budi": the asker introducing themselves.
    const introduced = at > 0 && /^(saya|ini|aku)$/.test(words[at - 1]!);
    return at >= 0 && !introduced && datumNear(words, at, at + parts.length - 1);
  });
}
