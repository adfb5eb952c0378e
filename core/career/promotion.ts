import { addYears, formatIndonesian, isBefore, maxDate, type CalendarDate } from '../dates/calendar-date.js';
import { pnsGolongan, type EmployeeRecord, type PnsGolongan } from '../records/employee.js';
import { checkEducationCap } from './education-cap.js';
import { describeEselon, resolveEselon } from './eselon.js';
import { isPnsGolongan, pnsRankIndex, topPnsGolongan } from './golongan.js';
import { describeJenjangIn, rankWithin, resolveJenjang, type ResolvedJenjang } from './jenjang.js';
import { kpKindFor, kpKindWords, type KpKind } from './kp-kind.js';
import { findKpPeriod } from './kp-periods.js';
import { defaultCareerRules, type CareerRules } from './rules.js';
import { formatEnglish as en, formatNumber, joinBilingual, type Bilingual } from './wording.js';

const id = formatIndonesian;

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
  /** The same reason in English, for staff who chose English. */
  reasonEn: string;
}

export type PromotionRecord = Pick<
  EmployeeRecord,
  'employmentType' | 'golongan' | 'tmtGolongan' | 'education' | 'positionType' | 'positionName' | 'creditPoints' | 'jenjang' | 'eselon'
>;

/** The gate particular to one kind of KP: a refusal, or what the reason should add when the KP can go ahead. */
type Gate = { blocked: PromotionDates } | { notes: Bilingual[] };

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
    return blocked(null, 'not-applicable', {
      id: 'karena kenaikan pangkat PNS (PP 99/2000) tidak berlaku bagi PPPK; kenaikan jenjang PPPK mengikuti perjanjian kerja',
      en: 'because the PNS promotion (PP 99/2000) does not apply to PPPK; a PPPK moves up under the work agreement',
    });
  }
  const golongan = record.golongan;
  if (!isPnsGolongan(golongan)) {
    return blocked(null, 'missing-data', {
      id: `karena golongan "${golongan}" bukan golongan PNS (I/a sampai IV/e), sehingga kenaikan pangkat tidak dapat dihitung`,
      en: `because "${golongan}" is not a PNS rank (I/a to IV/e), so no promotion can be computed`,
    });
  }
  const kind = kpKindFor(record.positionType);
  if (golongan === topPnsGolongan) {
    return blocked(kind, 'top-rank', {
      id: `karena golongan ${golongan} (Pembina Utama) adalah pangkat tertinggi PNS (${rules.kpSource})`,
      en: `because ${golongan} (Pembina Utama) is the highest PNS rank (${rules.kpSource})`,
    });
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
      reason: `${gate.blocked.reason}; masa ${minYears} tahun dalam pangkat ${golongan} (TMT ${id(record.tmtGolongan)}) tercapai ${id(eligibleFrom)}`,
      reasonEn: `${gate.blocked.reasonEn}; ${minYears} years in rank ${golongan} (since ${en(record.tmtGolongan)}) are complete on ${en(eligibleFrom)}`,
    };
  }

  if (!eligibleFrom || !record.tmtGolongan) {
    return blocked(kind, 'missing-data', {
      id: `karena TMT golongan belum tercatat, sehingga masa ${minYears} tahun dalam pangkat tidak dapat dihitung; lengkapi data TMT golongan`,
      en: `because the date of the current rank (TMT golongan) is not recorded, so the ${minYears} years in rank cannot be counted; ask HR to complete it`,
    });
  }
  const rankTime: Bilingual = {
    id: `masa ${minYears} tahun dalam pangkat ${golongan} (TMT ${id(record.tmtGolongan)}) tercapai ${id(eligibleFrom)}`,
    en: `${minYears} years in rank ${golongan} (since ${en(record.tmtGolongan)}) are complete on ${en(eligibleFrom)}`,
  };

  const choice = findKpPeriod(maxDate(eligibleFrom, asOf), asOf, rules);
  if (!choice) {
    return {
      ...blocked(kind, 'not-applicable', {
        id: `karena ${rankTime.id}, tetapi aturan tidak memuat periode KP sesudahnya`,
        en: `because ${rankTime.en}, but the rules hold no KP period after that`,
      }),
      eligibleFrom,
    };
  }
  if (tmtPension !== null && !isBefore(choice.period, tmtPension)) {
    return {
      ...blocked(kind, 'not-applicable', {
        id: `karena ${rankTime.id}, tetapi periode KP terdekat (${id(choice.period)}) jatuh pada atau setelah TMT pensiun ${id(tmtPension)}`,
        en: `because ${rankTime.en}, but the nearest KP period (${en(choice.period)}) falls on or after retirement (${en(tmtPension)})`,
      }),
      eligibleFrom,
    };
  }

  const notes: Bilingual[] = [
    { id: `karena ${rankTime.id}`, en: `because ${rankTime.en}` },
    {
      id:
        `periode KP ${choice.regime.description} (${choice.regime.source}), sehingga ${kpKindWords[kind].id} ke ` +
        `${nextGolongan} paling cepat TMT ${id(choice.period)} dengan usul diajukan ${id(choice.submission.opens)} ` +
        `s.d. ${id(choice.submission.closes)} (${rules.kpSubmissionWindow.source})`,
      en:
        `KP periods: ${choice.regime.descriptionEn ?? choice.regime.description} (${choice.regime.source}), so the ${kpKindWords[kind].en} to ` +
        `${nextGolongan} takes effect on ${en(choice.period)} at the earliest, proposed from ${en(choice.submission.opens)} ` +
        `to ${en(choice.submission.closes)} (${rules.kpSubmissionWindow.source})`,
    },
  ];
  if (choice.missed) {
    notes.push({
      id: `usul untuk periode ${id(choice.missed.period)} sudah ditutup ${id(choice.missed.submission.closes)}`,
      en: `proposals for the ${en(choice.missed.period)} period closed on ${en(choice.missed.submission.closes)}`,
    });
  }
  notes.push(
    { id: 'syarat: SKP minimal Baik dalam 2 tahun terakhir', en: 'condition: performance (SKP) at least Baik in the last 2 years' },
    ...gate.notes,
  );
  const reason = joinBilingual(notes);

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
    reason: reason.id,
    reasonEn: reason.en,
  };
}

/** KP reguler: capped by education (PP 99/2000 jo PP 12/2002). Above the cap is only possible by a data error. */
function regularGate(record: PromotionRecord, golongan: PnsGolongan, rules: CareerRules): Gate {
  const educationCap = checkEducationCap(golongan, record.education, rules);
  if (educationCap.standing === 'below') return { notes: [] };
  const at = educationCap.standing === 'at';
  return {
    blocked: blocked('reguler', 'education-cap', {
      id:
        `karena golongan ${golongan} ${at ? 'sudah mencapai' : 'sudah melebihi'} batas pangkat tertinggi KP reguler ` +
        `untuk pendidikan ${record.education}, yaitu ${educationCap.cap} (${rules.educationCapSource})` +
        (at ? '' : '; periksa data pendidikan dan golongan'),
      en:
        `because rank ${golongan} ${at ? 'has reached' : 'is above'} the highest regular-promotion rank for ` +
        `education ${record.education}, which is ${educationCap.cap} (${rules.educationCapSource})` +
        (at ? '' : '; HR should check the education and rank on record'),
    }),
  };
}

/** KP pilihan JF: the rank stays inside the jenjang's range and the cumulative AK for the rank is met. */
function functionalGate(record: PromotionRecord, golongan: PnsGolongan, rules: CareerRules): Gate {
  const resolved = resolveJenjang(record, golongan, rules);
  if (!resolved) {
    return {
      blocked: blocked('pilihan-jf', 'outside-range', {
        id:
          `karena golongan ${golongan} di luar rentang semua jenjang keterampilan (II/a–III/d, ${rules.jenjangSource}) ` +
          'dan kolom jenjang kosong; periksa data jenjang dan golongan',
        en:
          `because rank ${golongan} is outside every keterampilan jenjang (II/a–III/d, ${rules.jenjangSource}) and no ` +
          'jenjang is recorded; HR should check the jenjang and rank on record',
      }),
    };
  }
  const { rule } = resolved;
  const jenjang = { id: describeJenjangIn(resolved, 'id'), en: describeJenjangIn(resolved, 'en') };
  const source = rule.track === 'keterampilan' ? rules.jenjangKeterampilanSource : rules.jenjangSource;
  if (!rankWithin(golongan, rule.lowest, rule.highest)) {
    return {
      blocked: blocked('pilihan-jf', 'outside-range', {
        id: `karena golongan ${golongan} di luar rentang ${jenjang.id} (${source}); periksa data jenjang dan golongan`,
        en: `because rank ${golongan} is outside ${jenjang.en} (${source}); HR should check the jenjang and rank on record`,
      }),
    };
  }
  if (golongan === rule.highest) return { blocked: jenjangTop(record, golongan, resolved, rules) };

  const needed = rule.kpCreditPoints;
  const points = record.creditPoints;
  if (points !== null && points < needed) {
    const short = formatNumber(needed - points);
    return {
      blocked: {
        ...blocked('pilihan-jf', 'credit-points', {
          id: `karena angka kredit ${formatNumber(points)} masih kurang ${short} dari ${formatNumber(needed)} AK yang dibutuhkan ${jenjang.id} untuk naik pangkat (${source})`,
          en: `because the credit points (AK) ${formatNumber(points)} are ${short} short of the ${formatNumber(needed)} AK ${jenjang.en} needs for a promotion (${source})`,
        }),
        creditPointsShort: needed - points,
      },
    };
  }
  const next = pnsGolongan[pnsRankIndex(golongan) + 1];
  return {
    notes: [
      { id: `pangkat ${next} masih dalam rentang ${jenjang.id}`, en: `rank ${next} is still within ${jenjang.en}` },
      points === null
        ? { id: `angka kredit belum tercatat, periksa apakah sudah mencapai ${formatNumber(needed)} AK`, en: `the credit points are not recorded: check that they reach ${formatNumber(needed)} AK` }
        : { id: `angka kredit ${formatNumber(points)} sudah memenuhi ${formatNumber(needed)} AK`, en: `the credit points ${formatNumber(points)} meet the ${formatNumber(needed)} AK` },
    ],
  };
}

/** At the top of a jenjang's range the next rank comes only with the next jenjang (AK, competency test, vacancy). */
function jenjangTop(record: PromotionRecord, golongan: PnsGolongan, resolved: ResolvedJenjang, rules: CareerRules): PromotionDates {
  const { rule } = resolved;
  const head = {
    id: `karena golongan ${golongan} adalah pangkat tertinggi ${describeJenjangIn(resolved, 'id')}`,
    en: `because ${golongan} is the highest rank of ${describeJenjangIn(resolved, 'en')}`,
  };
  if (!rule.next || rule.creditPointsToNext === null) {
    return blocked('pilihan-jf', 'jenjang-top', {
      id:
        `${head.id}, dan ${rule.label} adalah jenjang tertinggi kategori ${rule.track} (${rules.jenjangSource}); ` +
        'pangkat berikutnya hanya melalui perpindahan ke jabatan lain, bukan kenaikan pangkat',
      en:
        `${head.en}, and ${rule.label} is the top jenjang of the ${rule.track} track (${rules.jenjangSource}); a higher ` +
        'rank comes only with a move to another post, not a promotion',
    });
  }
  const nextRule = rules.jenjang[rule.next];
  const needed = formatNumber(rule.creditPointsToNext);
  const points = record.creditPoints;
  const short = points === null ? null : Math.max(0, rule.creditPointsToNext - points);
  const pointsText: Bilingual =
    points === null
      ? { id: `angka kredit belum tercatat (dibutuhkan ${needed} AK)`, en: `the credit points are not recorded (${needed} AK needed)` }
      : short === 0
        ? { id: `angka kredit ${formatNumber(points)} sudah memenuhi ${needed} AK`, en: `the credit points ${formatNumber(points)} meet the ${needed} AK` }
        : {
            id: `angka kredit ${formatNumber(points)} masih kurang ${formatNumber(short!)} dari ${needed} AK`,
            en: `the credit points ${formatNumber(points)} are ${formatNumber(short!)} short of ${needed} AK`,
          };
  const source = rule.track === 'keterampilan' ? rules.jenjangKeterampilanSource : rules.jenjangSource;
  return {
    ...blocked('pilihan-jf', 'jenjang-top', {
      id:
        `${head.id}, sehingga perlu kenaikan jenjang ke ${nextRule.label}, bukan kenaikan pangkat: ${pointsText.id}, ` +
        `ditambah uji kompetensi dan formasi ${nextRule.label} yang lowong (${source})`,
      en:
        `${head.en}, so the next step is a move up to the ${nextRule.label} jenjang, not a promotion: ${pointsText.en}, ` +
        `plus a competency test and a vacant ${nextRule.label} post (${source})`,
    }),
    creditPointsShort: short,
  };
}

/** KP pilihan struktural: the rank stays inside the eselon's range (PP 100/2000 jo PP 13/2002). */
function structuralGate(record: PromotionRecord, golongan: PnsGolongan, rules: CareerRules): Gate {
  const resolved = resolveEselon(record, rules);
  if (!resolved) return { notes: [] };
  const eselon = { id: describeEselon(resolved, rules, 'id'), en: describeEselon(resolved, rules, 'en') };
  const index = pnsRankIndex(golongan);
  const top = pnsRankIndex(resolved.rule.highest);
  if (index > top) {
    return {
      blocked: blocked('pilihan-struktural', 'outside-range', {
        id: `karena golongan ${golongan} di atas rentang ${eselon.id}; periksa data eselon dan golongan`,
        en: `because rank ${golongan} is above the range of ${eselon.en}; HR should check the eselon and rank on record`,
      }),
    };
  }
  if (index === top) {
    return {
      blocked: blocked('pilihan-struktural', 'eselon-top', {
        id: `karena golongan ${golongan} sudah pangkat tertinggi untuk ${eselon.id}; kenaikan pangkat berikutnya menunggu jabatan dengan eselon lebih tinggi`,
        en: `because ${golongan} is already the highest rank for ${eselon.en}; the next promotion waits for a post of a higher eselon`,
      }),
    };
  }
  const next = pnsGolongan[index + 1];
  return { notes: [{ id: `pangkat ${next} masih dalam rentang ${eselon.id}`, en: `rank ${next} is still within ${eselon.en}` }] };
}

function blocked(kind: KpKind | null, blockedBy: PromotionBlock, reason: Bilingual): PromotionDates {
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
    reason: reason.id,
    reasonEn: reason.en,
  };
}
