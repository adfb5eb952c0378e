import { addYears, formatIndonesian, isBefore, maxDate, type CalendarDate } from '../dates/calendar-date.js';
import { pnsGolongan, type EmployeeRecord, type PnsGolongan } from '../records/employee.js';
import { checkEducationCap } from './education-cap.js';
import { describeEselon, resolveEselon } from './eselon.js';
import { isPnsGolongan, pnsRankIndex, topPnsGolongan } from './golongan.js';
import { describeJenjang, rankWithin, resolveJenjang, type ResolvedJenjang } from './jenjang.js';
import { kpKindFor, kpKindWords, type KpKind } from './kp-kind.js';
import { findKpPeriod } from './kp-periods.js';
import { defaultCareerRules, type CareerRules } from './rules.js';
import { formatNumber } from './wording.js';

export type PromotionBlock =
  | 'education-cap'
  | 'credit-points'
  | 'top-rank'
  /** A JF at the top of its jenjang's range: the next rank needs a move up a jenjang, never a KP. */
  | 'jenjang-top'
  /** A structural official at the top of the eselon's range. */
  | 'eselon-top'
  /** The rank is outside the range of the jenjang or eselon: the record needs checking before any KP. */
  | 'outside-range'
  | 'not-applicable'
  | 'missing-data';

export interface PromotionDates {
  /**
   * A KP can be planned (nothing blocks it; blockedBy is null). Whether the years in rank are already complete
   * on asOf is `eligibleFrom <= asOf`.
   */
  eligible: boolean;
  /** Which KP applies to the post; null for PPPK and unreadable ranks. */
  kind: KpKind | null;
  /** The rank the KP leads to. */
  nextGolongan: PnsGolongan | null;
  /** The day the minimum years in the current rank are complete. */
  eligibleFrom: CalendarDate | null;
  /** The earliest KP period the employee can still be proposed for. */
  period: CalendarDate | null;
  submissionOpens: CalendarDate | null;
  submissionCloses: CalendarDate | null;
  blockedBy: PromotionBlock | null;
  /** AK still missing: for the KP (credit-points) or for the move up a jenjang (jenjang-top); null when unknown. */
  creditPointsShort: number | null;
  reason: string;
}

export type PromotionRecord = Pick<
  EmployeeRecord,
  'employmentType' | 'golongan' | 'tmtGolongan' | 'education' | 'positionType' | 'positionName' | 'creditPoints' | 'jenjang' | 'eselon'
>;

/** The gate particular to one kind of KP: a refusal, or what the reason should add when the KP can go ahead. */
type Gate = { blocked: PromotionDates } | { notes: string[] };

/**
 * The next KP of a PNS: the kind of KP the post gets (reguler / pilihan JF / pilihan struktural), its own gate
 * (education cap / jenjang range and AK / eselon range), the minimum years in rank, then the first period whose
 * submission window has not closed. `tmtPension` (when known) rules out a period that would only come after
 * retirement.
 */
export function computePromotion(
  record: PromotionRecord,
  asOf: CalendarDate,
  rules: CareerRules = defaultCareerRules,
  tmtPension: CalendarDate | null = null,
): PromotionDates {
  if (record.employmentType === 'PPPK') {
    return blocked(
      null,
      'not-applicable',
      'karena kenaikan pangkat PNS (PP 99/2000) tidak berlaku bagi PPPK; kenaikan jenjang PPPK mengikuti perjanjian kerja',
    );
  }
  const golongan = record.golongan;
  if (!isPnsGolongan(golongan)) {
    return blocked(
      null,
      'missing-data',
      `karena golongan "${golongan}" bukan golongan PNS (I/a sampai IV/e), sehingga kenaikan pangkat tidak dapat dihitung`,
    );
  }
  const kind = kpKindFor(record.positionType);
  if (golongan === topPnsGolongan) {
    return blocked(kind, 'top-rank', `karena golongan ${golongan} (Pembina Utama) adalah pangkat tertinggi PNS (${rules.kpSource})`);
  }
  const nextGolongan = pnsGolongan[pnsRankIndex(golongan) + 1]!;

  const minYears = kind === 'pilihan-jf' ? rules.kpFunctionalMinYearsInRank : rules.kpMinYearsInRank;
  const eligibleFrom = record.tmtGolongan ? addYears(record.tmtGolongan, minYears) : null;
  const gate =
    kind === 'reguler'
      ? regularGate(record, golongan, rules)
      : kind === 'pilihan-jf'
        ? functionalGate(record, golongan, rules)
        : structuralGate(record, golongan, rules);
  if ('blocked' in gate) {
    // Short of AK only: say when the years in rank are (or were) complete too, so the whole wait is visible.
    if (gate.blocked.blockedBy !== 'credit-points' || !eligibleFrom || !record.tmtGolongan) return gate.blocked;
    return {
      ...gate.blocked,
      eligibleFrom,
      reason:
        `${gate.blocked.reason}; masa ${minYears} tahun dalam pangkat ${golongan} (TMT ` +
        `${formatIndonesian(record.tmtGolongan)}) tercapai ${formatIndonesian(eligibleFrom)}`,
    };
  }

  if (!eligibleFrom || !record.tmtGolongan) {
    return blocked(
      kind,
      'missing-data',
      `karena TMT golongan belum tercatat, sehingga masa ${minYears} tahun dalam pangkat tidak dapat ` +
        'dihitung; lengkapi data TMT golongan',
    );
  }
  const rankTime =
    `masa ${minYears} tahun dalam pangkat ${golongan} (TMT ${formatIndonesian(record.tmtGolongan)}) ` +
    `tercapai ${formatIndonesian(eligibleFrom)}`;

  const choice = findKpPeriod(maxDate(eligibleFrom, asOf), asOf, rules);
  if (!choice) {
    return {
      ...blocked(kind, 'not-applicable', `karena ${rankTime}, tetapi aturan tidak memuat periode KP sesudahnya`),
      eligibleFrom,
    };
  }
  if (tmtPension !== null && !isBefore(choice.period, tmtPension)) {
    return {
      ...blocked(
        kind,
        'not-applicable',
        `karena ${rankTime}, tetapi periode KP terdekat (${formatIndonesian(choice.period)}) jatuh pada atau setelah ` +
          `TMT pensiun ${formatIndonesian(tmtPension)}`,
      ),
      eligibleFrom,
    };
  }

  const notes = [
    `karena ${rankTime}`,
    `periode KP ${choice.regime.description} (${choice.regime.source}), sehingga ${kpKindWords[kind].id} ke ` +
      `${nextGolongan} paling cepat TMT ${formatIndonesian(choice.period)} dengan usul diajukan ` +
      `${formatIndonesian(choice.submission.opens)} s.d. ${formatIndonesian(choice.submission.closes)} ` +
      `(${rules.kpSubmissionWindow.source})`,
  ];
  if (choice.missed) {
    notes.push(
      `usul untuk periode ${formatIndonesian(choice.missed.period)} sudah ditutup ` +
        `${formatIndonesian(choice.missed.submission.closes)}`,
    );
  }
  notes.push('syarat: SKP minimal Baik dalam 2 tahun terakhir', ...gate.notes);

  return {
    eligible: true,
    kind,
    nextGolongan,
    eligibleFrom,
    period: choice.period,
    submissionOpens: choice.submission.opens,
    submissionCloses: choice.submission.closes,
    blockedBy: null,
    creditPointsShort: null,
    reason: notes.join('; '),
  };
}

/** KP reguler: capped by education (PP 99/2000 jo PP 12/2002). Above the cap is only possible by a data error. */
function regularGate(record: PromotionRecord, golongan: PnsGolongan, rules: CareerRules): Gate {
  const educationCap = checkEducationCap(golongan, record.education, rules);
  if (educationCap.standing === 'below') return { notes: [] };
  const verb = educationCap.standing === 'at' ? 'sudah mencapai' : 'sudah melebihi';
  const advice = educationCap.standing === 'above' ? '; periksa data pendidikan dan golongan' : '';
  return {
    blocked: blocked(
      'reguler',
      'education-cap',
      `karena golongan ${golongan} ${verb} batas pangkat tertinggi KP reguler untuk pendidikan ${record.education}, ` +
        `yaitu ${educationCap.cap} (${rules.educationCapSource})${advice}`,
    ),
  };
}

/** KP pilihan JF: the rank stays inside the jenjang's range and the cumulative AK for the rank is met. */
function functionalGate(record: PromotionRecord, golongan: PnsGolongan, rules: CareerRules): Gate {
  const resolved = resolveJenjang(record, golongan, rules);
  if (!resolved) {
    return {
      blocked: blocked(
        'pilihan-jf',
        'outside-range',
        `karena golongan ${golongan} di luar rentang semua jenjang keterampilan (II/a–III/d, ${rules.jenjangSource}) ` +
          'dan kolom jenjang kosong; periksa data jenjang dan golongan',
      ),
    };
  }
  const { rule } = resolved;
  const source = rule.track === 'keterampilan' ? rules.jenjangKeterampilanSource : rules.jenjangSource;
  if (!rankWithin(golongan, rule.lowest, rule.highest)) {
    return {
      blocked: blocked(
        'pilihan-jf',
        'outside-range',
        `karena golongan ${golongan} di luar rentang ${describeJenjang(resolved)} (${source}); periksa data jenjang ` +
          'dan golongan',
      ),
    };
  }
  if (golongan === rule.highest) return { blocked: jenjangTop(record, golongan, resolved, rules) };

  const needed = rule.kpCreditPoints;
  const points = record.creditPoints;
  if (points !== null && points < needed) {
    return {
      blocked: {
        ...blocked(
          'pilihan-jf',
          'credit-points',
          `karena angka kredit ${formatNumber(points)} masih kurang ${formatNumber(needed - points)} dari ` +
            `${formatNumber(needed)} AK yang dibutuhkan ${describeJenjang(resolved)} untuk naik pangkat (${source})`,
        ),
        creditPointsShort: needed - points,
      },
    };
  }
  const range = `pangkat ${pnsGolongan[pnsRankIndex(golongan) + 1]} masih dalam rentang ${describeJenjang(resolved)}`;
  return {
    notes: [
      range,
      points === null
        ? `angka kredit belum tercatat, periksa apakah sudah mencapai ${formatNumber(needed)} AK`
        : `angka kredit ${formatNumber(points)} sudah memenuhi ${formatNumber(needed)} AK`,
    ],
  };
}

/** At the top of a jenjang's range the next rank comes only with the next jenjang (AK, competency test, vacancy). */
function jenjangTop(record: PromotionRecord, golongan: PnsGolongan, resolved: ResolvedJenjang, rules: CareerRules): PromotionDates {
  const { rule } = resolved;
  const head = `karena golongan ${golongan} adalah pangkat tertinggi ${describeJenjang(resolved)}`;
  if (!rule.next || rule.creditPointsToNext === null) {
    return blocked(
      'pilihan-jf',
      'jenjang-top',
      `${head}, dan ${rule.label} adalah jenjang tertinggi kategori ${rule.track} (${rules.jenjangSource}); ` +
        'pangkat berikutnya hanya melalui perpindahan ke jabatan lain, bukan kenaikan pangkat',
    );
  }
  const nextRule = rules.jenjang[rule.next];
  const neededForJenjang = rule.creditPointsToNext;
  const points = record.creditPoints;
  const short = points === null ? null : Math.max(0, neededForJenjang - points);
  const pointsText =
    points === null
      ? `angka kredit belum tercatat (dibutuhkan ${formatNumber(neededForJenjang)} AK)`
      : short === 0
        ? `angka kredit ${formatNumber(points)} sudah memenuhi ${formatNumber(neededForJenjang)} AK`
        : `angka kredit ${formatNumber(points)} masih kurang ${formatNumber(short!)} dari ${formatNumber(neededForJenjang)} AK`;
  const source = rule.track === 'keterampilan' ? rules.jenjangKeterampilanSource : rules.jenjangSource;
  return {
    ...blocked(
      'pilihan-jf',
      'jenjang-top',
      `${head}, sehingga perlu kenaikan jenjang ke ${nextRule.label}, bukan kenaikan pangkat: ${pointsText}, ` +
        `ditambah uji kompetensi dan formasi ${nextRule.label} yang lowong (${source})`,
    ),
    creditPointsShort: short,
  };
}

/** KP pilihan struktural: the rank stays inside the eselon's range (PP 100/2000 jo PP 13/2002). */
function structuralGate(record: PromotionRecord, golongan: PnsGolongan, rules: CareerRules): Gate {
  const resolved = resolveEselon(record, rules);
  if (!resolved) return { notes: [] };
  const index = pnsRankIndex(golongan);
  const top = pnsRankIndex(resolved.rule.highest);
  if (index > top) {
    return {
      blocked: blocked(
        'pilihan-struktural',
        'outside-range',
        `karena golongan ${golongan} di atas rentang ${describeEselon(resolved, rules)}; periksa data eselon dan golongan`,
      ),
    };
  }
  if (index === top) {
    return {
      blocked: blocked(
        'pilihan-struktural',
        'eselon-top',
        `karena golongan ${golongan} sudah pangkat tertinggi untuk ${describeEselon(resolved, rules)}; kenaikan ` +
          'pangkat berikutnya menunggu jabatan dengan eselon lebih tinggi',
      ),
    };
  }
  return {
    notes: [`pangkat ${pnsGolongan[index + 1]} masih dalam rentang ${describeEselon(resolved, rules)}`],
  };
}

function blocked(kind: KpKind | null, blockedBy: PromotionBlock, reason: string): PromotionDates {
  return {
    eligible: false,
    kind,
    nextGolongan: null,
    eligibleFrom: null,
    period: null,
    submissionOpens: null,
    submissionCloses: null,
    blockedBy,
    creditPointsShort: null,
    reason,
  };
}
