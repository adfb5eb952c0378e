import { searchForm } from '../infodesk/plain-text.js';
import { infoTopics, type InfoTopicId } from '../infodesk/topics.js';

export type QuestionTheme = InfoTopicId | 'lainnya';

/**
 * Words that say what a question is about, per information topic. Crude on purpose: it only orders questions for
 * the speaker so that those on one subject come together; a question that matches nothing goes under "Lainnya".
 */
const themeWords: ReadonlyArray<readonly [InfoTopicId, readonly string[]]> = [
  ['aplikasi', ['satam', 'myasn', 'my asn', 'asn digital', 'aplikasi', 'akun', 'login', 'password', 'sandi', 'unggah', 'upload', 'siasn']],
  ['kenaikan_pangkat_kgb', ['pangkat', 'golongan', 'kgb', 'berkala', 'kp', 'angka kredit', 'tmt', 'gaji']],
  ['peluang_karir', ['diklat', 'pelatihan', 'seleksi', 'lowongan', 'jabatan', 'mutasi', 'promosi', 'karier', 'karir', 'beasiswa', 'tugas belajar']],
  ['kinerja_instansi', ['kinerja', 'skp', 'target', 'capaian', 'evaluasi', 'predikat', 'penilaian']],
  ['kebijakan_terbaru', ['aturan', 'peraturan', 'kebijakan', 'pp', 'perpres', 'permenpan', 'surat edaran', 'se', 'undang', 'pppk', 'cuti', 'presensi', 'absen']],
];

export function themeOf(question: string): QuestionTheme {
  const text = ` ${searchForm(question)} `;
  for (const [theme, words] of themeWords) if (words.some((word) => text.includes(` ${word} `))) return theme;
  return 'lainnya';
}

export const themeOrder: readonly QuestionTheme[] = [...infoTopics.map((t) => t.id), 'lainnya'];

export function themeLabel(theme: string): string {
  return infoTopics.find((t) => t.id === theme)?.label.id ?? 'Lainnya';
}
