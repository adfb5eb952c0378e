import type { EscalateReason, RefuseReason } from './classify.js';

export type FaqLang = 'id' | 'en';

/** The button/command staff use to reach a human; adapters show it as a button. */
export const contactHrLabel: Record<FaqLang, string> = { id: 'Hubungi petugas', en: 'Contact HR (Hubungi petugas)' };

export function offerText(lang: FaqLang): string {
  return offer[lang];
}

const offer: Record<FaqLang, string> = {
  id: 'Pilih "Hubungi petugas" agar pertanyaan Anda diteruskan ke petugas kepegawaian sebagai tiket.',
  en: 'Choose "Hubungi petugas" (contact HR) to pass your question to the HR desk as a ticket.',
};

const escalations: Record<EscalateReason, Record<FaqLang, string>> = {
  salary: {
    id: 'Saya tidak mengetahui besaran gaji, tunjangan, atau pembayarannya, dan tidak dapat menghitungnya.',
    en: 'I do not know salary or allowance amounts or payments, and cannot compute them.',
  },
  tpp: {
    id: 'Saya tidak mengetahui besaran dan pembayaran TPP (tambahan penghasilan pegawai).',
    en: 'I do not know TPP (additional employee income) amounts or payments.',
  },
  password: {
    id: 'Saya tidak dapat membuat, mengatur ulang, atau mengirim kata sandi, PIN, atau kode MFA. Jangan pernah mengirim kata sandi atau kode MFA lewat chat.',
    en: 'I cannot create, reset or send passwords, PINs or MFA codes. Never send a password or MFA code in a chat.',
  },
  submit_leave: {
    id: 'Saya tidak dapat mengajukan, menyetujui, atau membatalkan cuti atas nama siapa pun; saya hanya menjelaskan aturan cuti.',
    en: 'I cannot submit, approve or cancel leave for anyone; I only explain the leave rules.',
  },
  early_retirement: {
    id: 'Pensiun sebelum batas usia pensiun, misalnya pensiun dini atas permintaan sendiri, ditangani langsung oleh petugas kepegawaian; aturan yang saya pegang hanya tentang pensiun karena batas usia.',
    en: 'Retiring before the retirement age, for example early retirement at your own request, is handled by the HR desk directly; the rules I hold cover retirement at the age limit only.',
  },
  job_openings: {
    id: 'Saya tidak memiliki informasi lowongan, formasi, atau seleksi CPNS/PPPK.',
    en: 'I have no information on job openings or CPNS/PPPK selection.',
  },
  disciplinary_case: {
    id: 'Saya tidak membahas kasus disiplin perorangan. Petugas kepegawaian dapat membantu secara langsung dan rahasia.',
    en: 'I do not discuss individual disciplinary cases. The HR desk can help you directly and confidentially.',
  },
  case_status: {
    id: 'Saya tidak dapat melihat status usulan, berkas, atau SK Anda; petugas kepegawaian dapat memeriksanya.',
    en: 'I cannot see the status of your application, documents or decree (SK); the HR desk can check it.',
  },
  app_trouble: {
    id: 'Saya tidak dapat memeriksa atau memperbaiki kendala aplikasi (misalnya ASN Digital, MyASN, SIASN, e-Kinerja, atau SATAM-ASN); petugas kepegawaian dapat membantu. Sertakan tangkapan layar pesan kesalahan, tanpa kata sandi.',
    en: 'I cannot check or fix problems with an application (such as ASN Digital, MyASN, SIASN, e-Kinerja or SATAM-ASN); the HR desk can help. Include a screenshot of the error message, without your password.',
  },
  leave_balance: {
    id: 'Saya tidak memiliki catatan sisa cuti Anda.',
    en: 'I do not have your leave balance.',
  },
  off_topic: {
    id: 'Pertanyaan itu di luar aturan kepegawaian yang saya ketahui.',
    en: 'That question is outside the HR rules I know.',
  },
  low_confidence: {
    id: 'Saya belum menemukan jawaban yang pasti untuk pertanyaan itu di kumpulan aturan kepegawaian.',
    en: 'I could not find a reliable answer to that question in the HR rules.',
  },
  not_covered: {
    id: 'Informasi tentang hal itu belum tersedia di kumpulan aturan kepegawaian',
    en: 'Information on that is not available in the HR rules yet',
  },
  llm_insufficient: {
    id: 'Aturan yang saya temukan belum cukup untuk menjawab pertanyaan itu dengan pasti.',
    en: 'The rules I found are not enough to answer that question reliably.',
  },
  empty: {
    id: 'Silakan tulis pertanyaan Anda, misalnya: "cuti tahunan berapa hari?"',
    en: 'Please type your question, for example: "how many days of annual leave?"',
  },
};

export function escalationText(reason: EscalateReason, lang: FaqLang, topic?: string): string {
  const base = escalations[reason][lang];
  if (reason === 'empty') return base;
  const first = reason === 'not_covered' ? `${base}${topic ? ` (${topic})` : ''}.` : base;
  return `${first}\n\n${offer[lang]}`;
}

const refusals: Record<RefuseReason, Record<FaqLang, string>> = {
  injection: {
    id: 'Maaf, saya tidak dapat mengikuti permintaan itu. Saya hanya menjawab pertanyaan tentang aturan kepegawaian dan data Anda sendiri. Silakan ajukan pertanyaan kepegawaian Anda.',
    en: 'Sorry, I cannot follow that request. I only answer questions about HR rules and your own record. Please ask your HR question.',
  },
  other_person: {
    id: 'Maaf, saya hanya dapat menampilkan data Anda sendiri, bukan data pegawai lain (termasuk NIP, alamat, nomor telepon, golongan, atau tanggal pensiun rekan kerja). Bila Anda memerlukan data pegawai lain untuk keperluan dinas, ajukan kepada petugas kepegawaian.',
    en: 'Sorry, I can only show your own record, never another employee\'s (including a colleague\'s NIP, address, phone number, rank or retirement date). If you need another employee\'s data for official purposes, ask the HR desk.',
  },
  change_data: {
    id: 'Maaf, saya tidak dapat mengubah data kepegawaian. Perbaikan data dilakukan melalui MyASN (dengan unggah dokumen pendukung) atau melalui petugas kepegawaian; tanyakan "cara memperbaiki data" untuk langkah-langkahnya.',
    en: 'Sorry, I cannot change HR records. Corrections go through MyASN (with supporting documents) or the HR desk; ask "how do I correct my data" for the steps.',
  },
};

export function refusalText(reason: RefuseReason, lang: FaqLang): string {
  return refusals[reason][lang];
}

export const answerLabels = {
  sources: { id: 'Sumber', en: 'Sources' },
  verify: {
    id: 'Catatan: ketentuan ini masih perlu dipastikan oleh petugas kepegawaian.',
    en: 'Note: this provision still has to be confirmed by the HR desk.',
  },
  englishNote: {
    id: '',
    en: 'From the HR rules (quoted in Indonesian):',
  },
  superseded: {
    id: (oldTitle: string, oldId: string, newTitle: string, newId: string) =>
      `Catatan: aturan "${oldTitle}" (dokumen ${oldId}) sudah tidak berlaku lagi. Yang berlaku sekarang: "${newTitle}" (dokumen ${newId}).`,
    en: (oldTitle: string, oldId: string, newTitle: string, newId: string) =>
      `Note: "${oldTitle}" (document ${oldId}) is no longer in force. The rule in force now: "${newTitle}" (document ${newId}).`,
  },
  supersededNoReplacement: {
    id: (oldTitle: string, oldId: string) =>
      `Perhatian: aturan "${oldTitle}" (dokumen ${oldId}) sudah tidak berlaku lagi dan hanya disimpan sebagai riwayat. Tanyakan aturan yang berlaku kepada petugas kepegawaian.`,
    en: (oldTitle: string, oldId: string) =>
      `Warning: "${oldTitle}" (document ${oldId}) is no longer in force and is kept for history only. Ask the HR desk for the rule in force.`,
  },
} as const;
