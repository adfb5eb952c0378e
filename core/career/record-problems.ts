import { formatIndonesian } from '../dates/calendar-date.js';
import { compareNipWithRecord } from '../nip/check-nip-against-record.js';
import { parseNip } from '../nip/parse-nip.js';
import type { EmployeeRecord } from '../records/employee.js';
import { checkEducationCap } from './education-cap.js';
import { widestEselonRange } from './eselon.js';
import { isPnsGolongan } from './golongan.js';
import { describeJenjang, describeJenjangIn, rankWithin, resolveJenjang } from './jenjang.js';
import { kpKindFor } from './kp-kind.js';
import type { KgbDates } from './kgb.js';
import type { PensionDates } from './pension.js';
import { defaultCareerRules, type CareerRules } from './rules.js';
import { formatEnglish, positionTypeWords } from './wording.js';

export type RecordProblemCode =
  | 'nip-invalid'
  | 'nip-mismatch'
  | 'missing-tmt-cpns'
  | 'missing-tmt-golongan'
  | 'missing-credit-points'
  | 'rank-above-education-cap'
  | 'rank-outside-jenjang'
  | 'rank-outside-eselon'
  | 'kgb-overdue'
  | 'pension-proposal-late'
  | 'active-after-pension'
  | 'pension-service-too-short';

export interface RecordProblem {
  code: RecordProblemCode;
  message: string;
  /** The same in English, for staff who chose English (/profil shows them their own record's problems). */
  messageEn: string;
}

const nipFieldsEn: Record<string, string> = {
  nip: 'the number itself',
  birthDate: 'birth date',
  tmtCpns: 'CPNS start date',
  appointmentYear: 'appointment year',
  gender: 'gender',
  sequence: 'sequence number',
};

/** Data errors and overdue actions HR should look at; computed dates come in so nothing is computed twice. */
export function findRecordProblems(
  record: EmployeeRecord,
  computed: { kgb: KgbDates; pension: PensionDates },
  rules: CareerRules = defaultCareerRules,
): RecordProblem[] {
  return [
    ...nipProblems(record),
    ...missingDataProblems(record, rules),
    ...rankRangeProblems(record, rules),
    ...kgbProblems(record, computed.kgb),
    ...pensionProblems(record, computed.pension, rules),
  ];
}

/**
 * Checked for PPPK too: their number also starts with the birth date and carries the gender digit; only the
 * TMT CPNS comparison is PNS-specific (and compareNipWithRecord already limits it to PNS).
 */
function nipProblems(record: EmployeeRecord): RecordProblem[] {
  const parsed = parseNip(record.nip, record.employmentType);
  if (!parsed.ok) {
    return parsed.problems.map(({ field, message }) => ({
      code: 'nip-invalid',
      message,
      messageEn: `the NIP on record is not valid (${nipFieldsEn[field] ?? field}); HR should check it`,
    }));
  }
  return compareNipWithRecord(parsed.parts, record).map(({ field, message }) => ({
    code: 'nip-mismatch',
    message,
    messageEn: `the NIP does not match the recorded ${nipFieldsEn[field] ?? field}; HR should check it`,
  }));
}

function missingDataProblems(record: EmployeeRecord, rules: CareerRules): RecordProblem[] {
  if (record.employmentType !== 'PNS') return [];
  const problems: RecordProblem[] = [];
  if (!record.tmtCpns) {
    problems.push({
      code: 'missing-tmt-cpns',
      message: 'TMT CPNS belum tercatat, sehingga masa kerja tidak dapat dihitung',
      messageEn: 'the CPNS start date is not recorded, so years of service cannot be counted',
    });
  }
  if (!record.tmtGolongan) {
    problems.push({
      code: 'missing-tmt-golongan',
      message: 'TMT golongan belum tercatat, sehingga kenaikan pangkat tidak dapat dihitung',
      messageEn: 'the date of the current rank is not recorded, so the next promotion cannot be computed',
    });
  }
  if (kpKindFor(record.positionType) === 'pilihan-jf' && record.creditPoints === null) {
    problems.push({
      code: 'missing-credit-points',
      message: `angka kredit ${positionTypeWords[record.positionType]} belum tercatat`,
      messageEn: 'the credit points (AK) of the functional post are not recorded',
    });
  }
  return problems;
}

/**
 * Only real anomalies: the education cap binds the regular KP only, so it is checked for pelaksana; a JF's rank
 * is checked against its jenjang's range and a structural official's against the eselon's (any sub-level of the
 * post when no eselon is recorded).
 */
function rankRangeProblems(record: EmployeeRecord, rules: CareerRules): RecordProblem[] {
  if (record.employmentType !== 'PNS' || !isPnsGolongan(record.golongan)) return [];
  const golongan = record.golongan;
  const kind = kpKindFor(record.positionType);
  if (kind === 'reguler') {
    const { cap, standing } = checkEducationCap(golongan, record.education, rules);
    if (standing !== 'above') return [];
    return [
      {
        code: 'rank-above-education-cap',
        message:
          `golongan ${golongan} melebihi batas pangkat tertinggi KP reguler untuk pendidikan ${record.education}, ` +
          `yaitu ${cap} (${rules.educationCapSource}), padahal jabatan pelaksana hanya naik pangkat reguler; ` +
          'periksa data pendidikan, golongan atau jenis jabatan',
        messageEn:
          `rank ${golongan} is above the highest regular-promotion rank for education ${record.education} ` +
          `(${cap}), and a pelaksana is only promoted regularly; HR should check the education, rank or post type`,
      },
    ];
  }
  if (kind === 'pilihan-jf') {
    const resolved = resolveJenjang(record, golongan, rules);
    if (resolved && rankWithin(golongan, resolved.rule.lowest, resolved.rule.highest)) return [];
    return [
      {
        code: 'rank-outside-jenjang',
        message: resolved
          ? `golongan ${golongan} di luar rentang ${describeJenjang(resolved)} (${rules.jenjangSource}); periksa data jenjang dan golongan`
          : `golongan ${golongan} di luar rentang semua jenjang keterampilan (II/a–III/d); periksa data jenjang, golongan atau jenis jabatan`,
        messageEn: resolved
          ? `rank ${golongan} is outside ${describeJenjangIn(resolved, 'en')} (${rules.jenjangSource}); HR should check the jenjang and rank`
          : `rank ${golongan} is outside every keterampilan jenjang (II/a–III/d); HR should check the jenjang, rank or post type`,
      },
    ];
  }
  const range = widestEselonRange(record, rules);
  if (!range || rankWithin(golongan, range.lowest, range.highest)) return [];
  const which = record.eselon ? `eselon ${record.eselon}` : `jabatan ${positionTypeWords[record.positionType]} (eselon belum tercatat)`;
  return [
    {
      code: 'rank-outside-eselon',
      message:
        `golongan ${golongan} di luar rentang pangkat ${which}, yaitu ${range.lowest}–${range.highest} ` +
        `(${rules.eselonSource}); periksa data eselon dan golongan`,
      messageEn:
        `rank ${golongan} is outside the range of ${record.eselon ? `eselon ${record.eselon}` : 'the post (no eselon recorded)'}, ` +
        `${range.lowest}–${range.highest} (${rules.eselonSource}); HR should check the eselon and rank`,
    },
  ];
}

function kgbProblems(record: EmployeeRecord, kgb: KgbDates): RecordProblem[] {
  // A former employee's missed KGB is history, not a task.
  if (!record.active || !kgb.overdue || kgb.missed.length === 0) return [];
  const dates = kgb.missed.map(formatIndonesian);
  return [
    {
      code: 'kgb-overdue',
      message:
        kgb.missed.length === 1
          ? `KGB yang seharusnya TMT ${dates[0]} belum tercatat; proses KGB atau perbarui data TMT KGB terakhir`
          : `${kgb.missed.length} KGB yang seharusnya TMT ${dates.join(', ')} belum tercatat; proses setiap KGB ` +
            'atau perbarui data TMT KGB terakhir',
      messageEn:
        kgb.missed.length === 1
          ? `the KGB due on ${formatEnglish(kgb.missed[0]!)} is not recorded; HR should process it or update the last KGB date`
          : `${kgb.missed.length} KGBs due on ${kgb.missed.map(formatEnglish).join(', ')} are not recorded; HR should process each or update the last KGB date`,
    },
  ];
}

function pensionProblems(record: EmployeeRecord, pension: PensionDates, rules: CareerRules): RecordProblem[] {
  const problems: RecordProblem[] = [];
  if (record.active && pension.alreadyPast) {
    problems.push({
      code: 'active-after-pension',
      message:
        pension.kind === 'pensiun'
          ? `pegawai masih tercatat aktif padahal TMT pensiun ${formatIndonesian(pension.tmtPension)} sudah lewat; ` +
            'periksa status kepegawaian'
          : `PPPK masih tercatat aktif padahal perjanjian kerjanya berakhir ${formatIndonesian(pension.tmtPension)} ` +
            'karena batas usia; periksa status kepegawaian',
      messageEn:
        pension.kind === 'pensiun'
          ? `still recorded as active although retirement took effect on ${formatEnglish(pension.tmtPension)}; HR should check the status`
          : `still recorded as active although the PPPK agreement ended on ${formatEnglish(pension.tmtPension)} at the age limit; HR should check the status`,
    });
  }
  if (record.active && pension.kind === 'pensiun' && pension.urgency !== 'none' && pension.proposalStartsOn) {
    const level = pension.urgency === 'critical' ? 'SANGAT MENDESAK: ' : pension.urgency === 'urgent' ? 'mendesak: ' : '';
    problems.push({
      code: 'pension-proposal-late',
      message:
        `${level}TMT pensiun ${formatIndonesian(pension.tmtPension)} tinggal ${pension.daysToTmt} hari; usul pensiun ` +
        `seharusnya mulai disiapkan ${formatIndonesian(pension.proposalStartsOn)}; bila belum diajukan, segera proses`,
      messageEn:
        `${pension.urgency === 'critical' ? 'VERY URGENT: ' : pension.urgency === 'urgent' ? 'urgent: ' : ''}retirement on ` +
        `${formatEnglish(pension.tmtPension)} is ${pension.daysToTmt} days away; the pension proposal should have started on ` +
        `${formatEnglish(pension.proposalStartsOn)}; if it has not been filed, file it now`,
    });
  }
  if (pension.serviceYearsAtTmt !== null && pension.serviceYearsAtTmt < rules.pensionMinServiceYears) {
    problems.push({
      code: 'pension-service-too-short',
      message:
        `masa kerja pada TMT pensiun ${formatIndonesian(pension.tmtPension)} hanya ${pension.serviceYearsAtTmt} ` +
        `tahun, kurang dari syarat ${rules.pensionMinServiceYears} tahun untuk hak pensiun`,
      messageEn:
        `service at retirement (${formatEnglish(pension.tmtPension)}) is only ${pension.serviceYearsAtTmt} years, short of ` +
        `the ${rules.pensionMinServiceYears} years a pension needs`,
    });
  }
  return problems;
}
