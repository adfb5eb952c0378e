/**
 * What a KP proposal's SIASN status means for the employee, in plain words. SIASN gives a numeric status and its
 * own name (e.g. "22" "Sdh di TTD - Pertek"); the numbers come from agencies' code, not from BKN documentation, so
 * an unknown number falls back to the words of the name, and an unknown name to SIASN's own text.
 */
export type KpStage = 'preparing' | 'needs_fix' | 'at_bkn' | 'approved' | 'done' | 'rejected' | 'unknown';

const stageByCode: Record<string, KpStage> = {};
const codes: Record<Exclude<KpStage, 'unknown'>, number[]> = {
  preparing: [1, 2, 3, 4, 33, 51, 61],
  needs_fix: [5, 14, 34, 50, 52, 56, 67],
  at_bkn: [12, 15, 16, 17, 18, 19, 20, 24, 26, 37, 38, 53, 55, 57, 58, 60],
  approved: [7, 8, 22, 23, 27, 28, 30, 36, 39, 40, 41, 42, 43, 44, 45, 46, 48, 59, 62, 63],
  done: [10, 11, 31, 32, 49, 64],
  rejected: [6, 13, 21, 25, 29, 35, 47, 65, 99],
};
for (const [stage, list] of Object.entries(codes)) for (const code of list) stageByCode[String(code)] = stage as KpStage;

const stageByWords: ReadonlyArray<readonly [KpStage, RegExp]> = [
  ['rejected', /tidak memenuhi|tms\b|ditolak|tolak|dihapus|pembatalan|batal/i],
  ['needs_fix', /perbaikan|bts\b|berkas tidak sesuai/i],
  ['done', /sk berhasil|cetak sk|sudah ttd\s*-?\s*sk|update di profil|profil pns telah/i],
  ['approved', /ttd\s*-?\s*pertek|pertek|menunggu.*sk|surat keluar/i],
  ['at_bkn', /validasi|verifikasi|terima usulan|disetujui|paraf|approval/i],
  ['preparing', /input berkas|berkas disimpan|surat usulan|menunggu layanan|draft/i],
];

export function kpStageOf(statusCode: string | null, statusName: string | null): KpStage {
  const byCode = statusCode ? stageByCode[statusCode.trim()] : undefined;
  if (byCode) return byCode;
  if (statusName) for (const [stage, pattern] of stageByWords) if (pattern.test(statusName)) return stage;
  return 'unknown';
}

export const kpStageMeaning: Record<KpStage, { id: string; en: string }> = {
  preparing: {
    id: 'Usulan Anda masih disiapkan tim kepegawaian instansi dan belum diperiksa BKN.',
    en: 'Your proposal is still being prepared by the agency HR team and has not been reviewed by BKN yet.',
  },
  needs_fix: {
    id: 'Berkas usulan perlu diperbaiki atau dilengkapi. Tim kepegawaian akan menghubungi Anda bila ada dokumen yang harus Anda serahkan.',
    en: 'The proposal needs corrections or missing documents. The HR team will contact you if a document has to come from you.',
  },
  at_bkn: {
    id: 'Usulan Anda sedang diperiksa di BKN (validasi dan pertimbangan teknis). Belum ada yang perlu Anda lakukan.',
    en: 'Your proposal is being reviewed at BKN (validation and technical approval). Nothing is needed from you yet.',
  },
  approved: {
    id: 'BKN sudah menyetujui usulan Anda (pertimbangan teknis ditandatangani); SK kenaikan pangkat sedang dibuat dan ditandatangani.',
    en: 'BKN has approved your proposal (technical approval signed); the promotion decree (SK) is being drawn up and signed.',
  },
  done: {
    id: 'SK kenaikan pangkat Anda sudah terbit. Tanyakan salinannya kepada tim kepegawaian.',
    en: 'Your promotion decree (SK) has been issued. Ask the HR team for your copy.',
  },
  rejected: {
    id: 'Usulan ini tidak dapat diproses (ditolak, tidak memenuhi syarat, atau dibatalkan). Tanyakan alasannya dan langkah berikutnya kepada tim kepegawaian.',
    en: 'This proposal cannot go ahead (rejected, not eligible, or cancelled). Ask the HR team why and what comes next.',
  },
  unknown: {
    id: 'Arti status ini belum dikenal LAYANI; tanyakan kepada tim kepegawaian.',
    en: 'LAYANI does not know what this status means yet; please ask the HR team.',
  },
};
