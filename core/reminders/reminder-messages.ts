import type { CalendarDate } from '../dates/calendar-date.js';
import type { Button } from '../outbox/outbox-intent.js';
import { kgbChecklist, kpChecklist, kpFunctionalChecklist, pensionChecklist, type ChecklistItem } from './checklists.js';
import { describeDistance, formatDate, type Lang } from './format-date.js';
import type { ReminderSubject } from './reminder-stage.js';

export interface ReminderMessage {
  /** Plain text: the Telegram adapter escapes it. */
  text: string;
  buttons: Button[][];
}

/** Callback data of "Buka tiket pensiun"; the Telegram bot opens a ticket in category pensiun when it is pressed. */
export const pensionTicketButtonData = 'pengingat:tiket-pensiun';

const bullets = (items: readonly ChecklistItem[], lang: Lang) => items.map((item) => `• ${item[lang]}`).join('\n');
const settingsLine = (lang: Lang) => (lang === 'en' ? 'Reminder settings: /pengingat' : 'Atur pengingat: /pengingat');

/** The direct message for a career or deadline reminder, written on `today`. */
export function stageMessage(subject: ReminderSubject, today: CalendarDate, lang: Lang): ReminderMessage {
  switch (subject.kind) {
    case 'kgb':
      return { text: kgbText(subject.kgbOn, today, lang), buttons: [] };
    case 'kp':
      return { text: kpText(subject, lang), buttons: [] };
    case 'pensiun':
      return {
        text: pensionText(subject.tmt, today, lang),
        buttons: [[{ text: lang === 'en' ? 'Open a retirement ticket' : 'Buka tiket pensiun', data: pensionTicketButtonData }]],
      };
    case 'tenggat':
      return { text: deadlineText(subject, today, lang), buttons: [] };
  }
}

function kgbText(kgbOn: CalendarDate, today: CalendarDate, lang: Lang): string {
  const when = `${formatDate(kgbOn, lang)} (${describeDistance(today, kgbOn, lang)})`;
  if (lang === 'en') {
    return [
      'Reminder: salary step (KGB)',
      `Your next periodic salary increase (KGB) takes effect on ${when}.`,
      '',
      'Please have these ready for the HR officer:',
      bullets(kgbChecklist, lang),
      '',
      'If this date does not match your records, reply to this message and HR will check it.',
      settingsLine(lang),
    ].join('\n');
  }
  return [
    'Pengingat KGB',
    `Kenaikan gaji berkala (KGB) Anda berikutnya TMT ${when}.`,
    '',
    'Siapkan dokumen berikut untuk petugas kepegawaian:',
    bullets(kgbChecklist, lang),
    '',
    'Bila tanggal ini tidak sesuai dengan data Anda, balas pesan ini agar petugas memeriksanya.',
    settingsLine(lang),
  ].join('\n');
}

function kpText(subject: Extract<ReminderSubject, { kind: 'kp' }>, lang: Lang): string {
  const checklist = subject.functional ? [...kpChecklist, ...kpFunctionalChecklist] : kpChecklist;
  const period = formatDate(subject.period, lang);
  const opens = formatDate(subject.opens, lang);
  const closes = formatDate(subject.closes, lang);
  const kind = subject.kpKind ?? 'reguler';
  const to = subject.nextGolongan ? (lang === 'en' ? ` to ${subject.nextGolongan}` : ` ke ${subject.nextGolongan}`) : '';
  if (lang === 'en') {
    const because =
      kind === 'pilihan-jf'
        ? 'You have served the years in rank needed for a functional-post promotion (KP pilihan)'
        : kind === 'pilihan-struktural'
          ? 'You have served the years in rank needed for a structural-post promotion (KP pilihan), within the range of your eselon,'
          : 'You have served the years in rank needed for a regular promotion';
    return [
      'Reminder: promotion (KP)',
      `${because}${to} with effect from ${period}. ` +
        `Proposals for that period are submitted from ${opens} to ${closes} through the HR officer (SIASN).`,
      '',
      'Please have these ready:',
      bullets(checklist, lang),
      '',
      kind === 'pilihan-jf'
        ? 'Conditions: performance rated at least Baik in the last 2 years, and the cumulative credit points (AK) of your jenjang.'
        : 'Condition: performance rated at least Baik in the last 2 years.',
      settingsLine(lang),
    ].join('\n');
  }
  const because =
    kind === 'pilihan-jf'
      ? 'Masa kerja dalam pangkat Anda sudah cukup untuk kenaikan pangkat pilihan jabatan fungsional'
      : kind === 'pilihan-struktural'
        ? 'Masa kerja dalam pangkat Anda sudah cukup untuk kenaikan pangkat pilihan jabatan struktural (dalam rentang eselon Anda)'
        : 'Masa kerja dalam pangkat Anda sudah cukup untuk kenaikan pangkat reguler';
  return [
    'Pengingat kenaikan pangkat',
    `${because}${to} periode ${period}. ` +
      `Usul untuk periode itu diajukan ${opens} s.d. ${closes} melalui petugas kepegawaian (SIASN).`,
    '',
    'Siapkan dokumen berikut:',
    bullets(checklist, lang),
    '',
    kind === 'pilihan-jf'
      ? 'Syarat: SKP minimal Baik dalam 2 tahun terakhir dan angka kredit kumulatif jenjang Anda terpenuhi.'
      : 'Syarat: SKP minimal Baik dalam 2 tahun terakhir.',
    settingsLine(lang),
  ].join('\n');
}

function pensionText(tmt: CalendarDate, today: CalendarDate, lang: Lang): string {
  const when = `${formatDate(tmt, lang)} (${describeDistance(today, tmt, lang)})`;
  if (lang === 'en') {
    return [
      'Reminder: retirement',
      `Your retirement (TMT pensiun) is on ${when}. The pension proposal takes time, so it is best to start preparing it now.`,
      '',
      'Documents for the pension proposal:',
      bullets(pensionChecklist, lang),
      '',
      'Press "Open a retirement ticket" and an HR officer will help you prepare the proposal.',
      settingsLine(lang),
    ].join('\n');
  }
  return [
    'Pengingat pensiun',
    `TMT pensiun Anda ${when}. Usul pensiun memerlukan waktu, jadi sebaiknya mulai disiapkan sekarang.`,
    '',
    'Dokumen usul pensiun:',
    bullets(pensionChecklist, lang),
    '',
    'Tekan "Buka tiket pensiun" agar petugas kepegawaian membantu menyiapkan usul Anda.',
    settingsLine(lang),
  ].join('\n');
}

function deadlineText(subject: Extract<ReminderSubject, { kind: 'tenggat' }>, today: CalendarDate, lang: Lang): string {
  const when = `${formatDate(subject.dueOn, lang)} (${describeDistance(today, subject.dueOn, lang)})`;
  const lines =
    lang === 'en'
      ? [`Reminder: ${subject.title}`, `The deadline is ${when}.`]
      : [`Pengingat: ${subject.title}`, `Batas waktunya ${when}.`];
  if (subject.note.trim()) lines.push('', subject.note.trim());
  lines.push('', settingsLine(lang));
  return lines.join('\n');
}

/** A reminder HR wrote: their words as written, under a line that says who it is from. */
export function customMessage(title: string, text: string, lang: Lang): ReminderMessage {
  const from = lang === 'en' ? 'Reminder from HR' : 'Pengingat dari petugas kepegawaian';
  const body = text.trim();
  // A title taken from the text's first sentence (Slack) is not said twice.
  const heading = body.startsWith(title.replace(/…$/, '')) ? from : `${from}: ${title}`;
  return { text: `${heading}${body ? `\n\n${body}` : ''}\n\n${settingsLine(lang)}`, buttons: [] };
}
