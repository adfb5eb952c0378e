import { formatIndonesian } from '../dates/calendar-date.js';
import { compareNipWithRecord } from '../nip/check-nip-against-record.js';
import { parseNip } from '../nip/parse-nip.js';
import type { EmployeeRecord } from '../records/employee.js';
import { checkEducationCap } from './education-cap.js';
import { widestEselonRange } from './eselon.js';
import { isPnsGolongan } from './golongan.js';
import { describeJenjang, rankWithin, resolveJenjang } from './jenjang.js';
import { kpKindFor } from './kp-kind.js';
import type { KgbDates } from './kgb.js';
import type { PensionDates } from './pension.js';
import { defaultCareerRules, type CareerRules } from './rules.js';
import { positionTypeWords } from './wording.js';

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
}

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
  if (!parsed.ok) return parsed.problems.map(({ message }) => ({ code: 'nip-invalid', message }));
  return compareNipWithRecord(parsed.parts, record).map(({ message }) => ({ code: 'nip-mismatch', message }));
}

function missingDataProblems(record: EmployeeRecord, rules: CareerRules): RecordProblem[] {
  if (record.employmentType !== 'PNS') return [];
  const problems: RecordProblem[] = [];
  if (!record.tmtCpns) {
    problems.push({ code: 'missing-tmt-cpns', message: 'TMT CPNS belum tercatat, sehingga masa kerja tidak dapat dihitung' });
  }
  if (!record.tmtGolongan) {
    problems.push({
      code: 'missing-tmt-golongan',
      message: 'TMT golongan belum tercatat, sehingga kenaikan pangkat tidak dapat dihitung',
    });
  }
  if (kpKindFor(record.positionType) === 'pilihan-jf' && record.creditPoints === null) {
    problems.push({
      code: 'missing-credit-points',
      message: `angka kredit ${positionTypeWords[record.positionType]} belum tercatat`,
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
    });
  }
  if (record.active && pension.kind === 'pensiun' && pension.urgency !== 'none' && pension.proposalStartsOn) {
    const level = pension.urgency === 'critical' ? 'SANGAT MENDESAK: ' : pension.urgency === 'urgent' ? 'mendesak: ' : '';
    problems.push({
      code: 'pension-proposal-late',
      message:
        `${level}TMT pensiun ${formatIndonesian(pension.tmtPension)} tinggal ${pension.daysToTmt} hari; usul pensiun ` +
        `seharusnya mulai disiapkan ${formatIndonesian(pension.proposalStartsOn)}; bila belum diajukan, segera proses`,
    });
  }
  if (pension.serviceYearsAtTmt !== null && pension.serviceYearsAtTmt < rules.pensionMinServiceYears) {
    problems.push({
      code: 'pension-service-too-short',
      message:
        `masa kerja pada TMT pensiun ${formatIndonesian(pension.tmtPension)} hanya ${pension.serviceYearsAtTmt} ` +
        `tahun, kurang dari syarat ${rules.pensionMinServiceYears} tahun untuk hak pensiun`,
    });
  }
  return problems;
}
