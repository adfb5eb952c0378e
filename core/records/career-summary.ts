import type { CareerDates } from '../career/index.js';
import { formatEnglish, formatIndonesian } from '../dates/calendar-date.js';

/**
 * Career dates as short lines, for the CLI audit and the bot's /profil: labels and dates in the reader's language.
 * The reason after each date is the rule engine's explanation, which cites the regulations in Indonesian.
 */
export function careerSummaryLines(dates: CareerDates, lang: 'id' | 'en' = 'id'): string[] {
  const lines: string[] = [];
  const { kgb, promotion, pension } = dates;
  const en = lang === 'en';
  const day = en ? formatEnglish : formatIndonesian;

  if (kgb.nextDate) {
    const label = kgb.overdue ? (en ? 'Salary step (KGB) overdue' : 'KGB terlambat') : en ? 'Next salary step (KGB)' : 'KGB berikutnya';
    lines.push(`${label}: ${day(kgb.nextDate)} — ${kgb.reason}`);
  } else {
    lines.push(`${en ? 'Salary step (KGB): not computed' : 'KGB: tidak dihitung'} — ${kgb.reason}`);
  }

  if (promotion.period && promotion.submissionOpens && promotion.submissionCloses) {
    lines.push(
      en
        ? `Regular promotion: period ${day(promotion.period)}, submit ${day(promotion.submissionOpens)} to ${day(promotion.submissionCloses)} — ${promotion.reason}`
        : `Kenaikan pangkat reguler: periode ${day(promotion.period)}, usul ${day(promotion.submissionOpens)}` +
            ` s.d. ${day(promotion.submissionCloses)} — ${promotion.reason}`,
    );
  } else {
    lines.push(`${en ? 'Regular promotion: none yet' : 'Kenaikan pangkat reguler: belum ada'} — ${promotion.reason}`);
  }

  lines.push(
    en
      ? `Retirement (age limit ${pension.bupAge}): TMT ${day(pension.tmtPension)}, start preparing the proposal ${day(pension.proposalStartsOn)} — ${pension.reason}`
      : `Pensiun (BUP ${pension.bupAge} tahun): TMT ${day(pension.tmtPension)}, ` +
          `mulai siapkan usul ${day(pension.proposalStartsOn)} — ${pension.reason}`,
  );
  return lines;
}
