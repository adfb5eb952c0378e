import type { CareerDates, KpKind, RecordProblem } from '../career/index.js';
import { formatIndonesian, type CalendarDate } from '../dates/calendar-date.js';

type Lang = 'id' | 'en';

const englishMonths = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const formatIn = (date: CalendarDate, lang: Lang) => {
  if (lang === 'id') return formatIndonesian(date);
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return `${day} ${englishMonths[month - 1]} ${year}`;
};

const kpLineLabels: Record<KpKind, { id: string; en: string }> = {
  reguler: { id: 'Kenaikan pangkat reguler', en: 'Regular promotion' },
  'pilihan-jf': { id: 'Kenaikan pangkat pilihan (jabatan fungsional)', en: 'Promotion for functional posts (KP pilihan)' },
  'pilihan-struktural': { id: 'Kenaikan pangkat pilihan (jabatan struktural)', en: 'Promotion for structural posts (KP pilihan)' },
};

/**
 * Career dates as short lines, for the CLI audit, the bot's /profil and personal answers: the engine's dates and
 * its reason ("karena …" / "because …") in the reader's language.
 */
export function careerSummaryLines(dates: CareerDates, lang: Lang = 'id'): string[] {
  const en = lang === 'en';
  const d = (date: CalendarDate) => formatIn(date, lang);
  const lines: string[] = [];
  const { kgb, promotion, pension } = dates;

  if (kgb.nextDate) {
    const label = kgb.overdue ? (en ? 'KGB overdue' : 'KGB terlambat') : en ? 'Next KGB' : 'KGB berikutnya';
    const when = kgb.missed.length > 1 ? kgb.missed.map(d).join(', ') : d(kgb.nextDate);
    lines.push(`${label}: ${when} — ${en ? kgb.reasonEn : kgb.reason}`);
  } else {
    lines.push(`KGB: ${en ? 'none' : 'tidak dihitung'} — ${en ? kgb.reasonEn : kgb.reason}`);
  }

  // The label names the KP the post actually gets: reguler, pilihan JF or pilihan struktural.
  const kpLabel = promotion.kind ? kpLineLabels[promotion.kind][lang] : en ? 'Promotion' : 'Kenaikan pangkat';
  const kpReason = en ? promotion.reasonEn : promotion.reason;
  if (promotion.period && promotion.submissionOpens && promotion.submissionCloses) {
    lines.push(
      en
        ? `${kpLabel}: to ${promotion.nextGolongan}, period ${d(promotion.period)}, proposed ${d(promotion.submissionOpens)} to ${d(promotion.submissionCloses)} — ${kpReason}`
        : `${kpLabel}: ke ${promotion.nextGolongan}, periode ${d(promotion.period)}, usul ${d(promotion.submissionOpens)} s.d. ${d(promotion.submissionCloses)} — ${kpReason}`,
    );
  } else {
    lines.push(`${kpLabel}: ${en ? 'none yet' : 'belum ada'} — ${kpReason}`);
  }

  const pensionReason = en ? pension.reasonEn : pension.reason;
  if (pension.kind === 'akhir-perjanjian') {
    lines.push(
      en
        ? `Work agreement ends (age limit ${pension.bupAge}): ${d(pension.tmtPension)} — ${pensionReason}`
        : `Perjanjian kerja berakhir (batas usia ${pension.bupAge} tahun): ${d(pension.tmtPension)} — ${pensionReason}`,
    );
  } else {
    lines.push(
      en
        ? `Retirement (BUP ${pension.bupAge}): TMT ${d(pension.tmtPension)}, start the proposal on ${d(pension.proposalStartsOn!)} — ${pensionReason}`
        : `Pensiun (BUP ${pension.bupAge} tahun): TMT ${d(pension.tmtPension)}, mulai siapkan usul ${d(pension.proposalStartsOn!)} — ${pensionReason}`,
    );
  }
  return lines;
}

/** A record problem in the reader's language. */
export function problemText(problem: RecordProblem, lang: Lang = 'id'): string {
  return lang === 'en' ? problem.messageEn : problem.message;
}
