import { formatDate, type Lang } from './format-date.js';
import type { ReminderStage } from './reminder-stage.js';

/** "3 bulan sebelumnya", "30 days ahead", "hari H": how far ahead of its event a stage goes. */
function leadWords(lead: string, lang: Lang): string | null {
  const match = /^(\d+)([md])$/.exec(lead);
  if (!match) return null;
  const count = Number(match[1]);
  if (match[2] === 'd' && count === 0) return lang === 'en' ? 'on the day' : 'hari H';
  if (lang === 'en') return `${count} ${match[2] === 'm' ? 'month' : 'day'}${count === 1 ? '' : 's'} ahead`;
  return `${count} ${match[2] === 'm' ? 'bulan' : 'hari'} sebelumnya`;
}

/** One line describing a stage for lists (/pengingat, upcoming reminders for HR). */
export function stageLabel(stage: ReminderStage, lang: Lang): string {
  const lead = leadWords(stage.lead, lang);
  const suffix = lead ? ` (${lead})` : '';
  const subject = stage.subject;
  switch (subject.kind) {
    case 'kgb':
      return (lang === 'en' ? `Salary step (KGB) on ${formatDate(subject.kgbOn, lang)}` : `KGB TMT ${formatDate(subject.kgbOn, lang)}`) + suffix;
    case 'kp':
      return lang === 'en'
        ? `Promotion proposals for the ${formatDate(subject.period, lang)} period open`
        : `Usul kenaikan pangkat periode ${formatDate(subject.period, lang)} dibuka`;
    case 'pensiun':
      return (lang === 'en' ? `Retirement on ${formatDate(subject.tmt, lang)}` : `Pensiun TMT ${formatDate(subject.tmt, lang)}`) + suffix;
    case 'tenggat':
      return `${subject.title}, ${lang === 'en' ? 'due' : 'batas'} ${formatDate(subject.dueOn, lang)}${suffix}`;
  }
}
