import type { CareerDates } from '../career/index.js';
import { formatIndonesian } from '../dates/calendar-date.js';

/** Career dates as short Indonesian lines, for the CLI audit and the bot's /profil. */
export function careerSummaryLines(dates: CareerDates): string[] {
  const lines: string[] = [];
  const { kgb, promotion, pension } = dates;

  if (kgb.nextDate) {
    const label = kgb.overdue ? 'KGB terlambat' : 'KGB berikutnya';
    lines.push(`${label}: ${formatIndonesian(kgb.nextDate)} — ${kgb.reason}`);
  } else {
    lines.push(`KGB: tidak dihitung — ${kgb.reason}`);
  }

  if (promotion.period && promotion.submissionOpens && promotion.submissionCloses) {
    lines.push(
      `Kenaikan pangkat reguler: periode ${formatIndonesian(promotion.period)}, usul ${formatIndonesian(promotion.submissionOpens)}` +
        ` s.d. ${formatIndonesian(promotion.submissionCloses)} — ${promotion.reason}`,
    );
  } else {
    lines.push(`Kenaikan pangkat reguler: belum ada — ${promotion.reason}`);
  }

  lines.push(
    `Pensiun (BUP ${pension.bupAge} tahun): TMT ${formatIndonesian(pension.tmtPension)}, ` +
      `mulai siapkan usul ${formatIndonesian(pension.proposalStartsOn)} — ${pension.reason}`,
  );
  return lines;
}
