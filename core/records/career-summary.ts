import type { CareerDates, KpKind } from '../career/index.js';
import { formatIndonesian } from '../dates/calendar-date.js';

const kpLineLabels: Record<KpKind, string> = {
  reguler: 'Kenaikan pangkat reguler',
  'pilihan-jf': 'Kenaikan pangkat pilihan (jabatan fungsional)',
  'pilihan-struktural': 'Kenaikan pangkat pilihan (jabatan struktural)',
};

/** Career dates as short Indonesian lines, for the CLI audit and the bot's /profil. */
export function careerSummaryLines(dates: CareerDates): string[] {
  const lines: string[] = [];
  const { kgb, promotion, pension } = dates;

  if (kgb.nextDate) {
    const label = kgb.overdue ? 'KGB terlambat' : 'KGB berikutnya';
    const when = kgb.missed.length > 1 ? kgb.missed.map(formatIndonesian).join(', ') : formatIndonesian(kgb.nextDate);
    lines.push(`${label}: ${when} — ${kgb.reason}`);
  } else {
    lines.push(`KGB: tidak dihitung — ${kgb.reason}`);
  }

  // The label names the KP the post actually gets: reguler, pilihan JF or pilihan struktural.
  const kpLabel = promotion.kind ? kpLineLabels[promotion.kind] : 'Kenaikan pangkat';
  if (promotion.period && promotion.submissionOpens && promotion.submissionCloses) {
    lines.push(
      `${kpLabel}: ke ${promotion.nextGolongan}, periode ${formatIndonesian(promotion.period)}, usul ` +
        `${formatIndonesian(promotion.submissionOpens)} s.d. ${formatIndonesian(promotion.submissionCloses)} — ${promotion.reason}`,
    );
  } else {
    lines.push(`${kpLabel}: belum ada — ${promotion.reason}`);
  }

  if (pension.kind === 'akhir-perjanjian') {
    lines.push(
      `Perjanjian kerja berakhir (batas usia ${pension.bupAge} tahun): ${formatIndonesian(pension.tmtPension)} — ${pension.reason}`,
    );
  } else {
    lines.push(
      `Pensiun (BUP ${pension.bupAge} tahun): TMT ${formatIndonesian(pension.tmtPension)}, ` +
        `mulai siapkan usul ${formatIndonesian(pension.proposalStartsOn!)} — ${pension.reason}`,
    );
  }
  return lines;
}
