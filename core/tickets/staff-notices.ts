import { categoryLabel } from './categories.js';

export type Lang = 'id' | 'en';

/** What the desk tells a staff member, in their language. Plain text: the adapter escapes it for its platform. */
export const staffNotices = {
  /** The acknowledgement says how to add to the ticket: a confidential one takes only replies to its messages. */
  ticketReceived: (lang: Lang, number: number, category: string, confidential = false) =>
    lang === 'en'
      ? `Ticket #${number} (${categoryLabel(category, 'en')}) has been received. An HR officer will reply here.\n\n` +
        (confidential
          ? 'This ticket is confidential: only messages sent as a reply to this message (or to an HR reply on it) are added to it.'
          : 'To add something to this ticket, reply to this message (swipe it left or tap Reply).')
      : `Tiket #${number} (${categoryLabel(category, 'id')}) sudah kami terima. Petugas kepegawaian akan membalas di sini.\n\n` +
        (confidential
          ? 'Tiket ini rahasia: hanya pesan yang dikirim sebagai balasan (reply) atas pesan ini atau atas jawaban petugas yang masuk ke tiket ini.'
          : 'Untuk menambahkan keterangan pada tiket ini, balas (reply) pesan ini: geser pesan ke kiri atau ketuk Balas.'),
  /** A short thanks after resolution: acknowledged, the ticket stays resolved. */
  thanksAfterResolution: (lang: Lang, number: number) =>
    lang === 'en'
      ? `You're welcome! Ticket #${number} stays resolved. If something is still unclear, press "Reopen" under the resolution message or reply to it.`
      : `Sama-sama! Tiket #${number} tetap selesai. Bila masih ada yang kurang, tekan "Buka lagi" pada pesan penyelesaian atau balas pesan itu.`,
  /** Several tickets are open and a free message came: which one is it for? */
  whichTicket: (lang: Lang) =>
    lang === 'en'
      ? 'You have several open tickets. Which one is this message for?'
      : 'Anda memiliki beberapa tiket yang masih terbuka. Pesan ini untuk tiket yang mana?',
  ticketButton: (number: number, subject: string) => {
    const label = `#${number} · ${subject}`;
    return label.length > 60 ? `${label.slice(0, 59)}…` : label;
  },
  newTicketButton: (lang: Lang) => (lang === 'en' ? 'New ticket' : 'Tiket baru'),
  reopenButton: (lang: Lang) => (lang === 'en' ? 'Reopen' : 'Buka lagi'),
  reopenedByStaff: (lang: Lang, number: number) =>
    lang === 'en'
      ? `Ticket #${number} is open again. Write what is still needed as a reply to this message.`
      : `Tiket #${number} dibuka kembali. Tulis apa yang masih diperlukan sebagai balasan (reply) atas pesan ini.`,
  alreadyClosed: (lang: Lang, number: number) =>
    lang === 'en'
      ? `Ticket #${number} is already closed. Send your message again to open a new ticket.`
      : `Tiket #${number} sudah ditutup. Kirim pesan Anda lagi untuk membuka tiket baru.`,
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
