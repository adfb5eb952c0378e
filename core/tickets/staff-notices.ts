import { categoryLabel } from './categories.js';

export type Lang = 'id' | 'en';

/** What the desk tells a staff member, in their language. Plain text: the adapter escapes it for its platform. */
export const staffNotices = {
  ticketReceived: (lang: Lang, number: number, category: string) =>
    lang === 'en'
      ? `Ticket #${number} (${categoryLabel(category, 'en')}) has been received. An HR officer will reply here.`
      : `Tiket #${number} (${categoryLabel(category, 'id')}) sudah kami terima. Petugas kepegawaian akan membalas di sini.`,
  outsideOfficeHours: (lang: Lang, opensAt: string) =>
    lang === 'en'
      ? `ConsDesk is closed now and opens ${opensAt}. Your message is recorded and will be answered then.`
      : `ConsDesk sedang tutup dan buka kembali ${opensAt}. Pesan Anda sudah tercatat dan akan dijawab saat itu.`,
  hrReply: (lang: Lang, number: number, text: string) =>
    lang === 'en' ? `Reply from HR on ticket #${number}:\n\n${text}` : `Balasan petugas kepegawaian untuk tiket #${number}:\n\n${text}`,
  resolved: (lang: Lang, number: number) =>
    lang === 'en'
      ? `Ticket #${number} has been marked resolved. How satisfied are you with the help? (1 = very unsatisfied, 5 = very satisfied)`
      : `Tiket #${number} telah diselesaikan. Seberapa puas Anda dengan layanan kami? (1 = sangat tidak puas, 5 = sangat puas)`,
  reopened: (lang: Lang, number: number) =>
    lang === 'en' ? `Ticket #${number} has been reopened by HR.` : `Tiket #${number} dibuka kembali oleh petugas kepegawaian.`,
  thanksForRating: (lang: Lang) => (lang === 'en' ? 'Thank you for your rating.' : 'Terima kasih atas penilaian Anda.'),
};
