import { formatIndonesian } from '../dates/calendar-date.js';
import { compareNipWithRecord } from '../nip/check-nip-against-record.js';
import { parseNip } from '../nip/parse-nip.js';
import type { EmployeeRecord } from '../records/employee.js';
import { checkEducationCap } from './education-cap.js';
import { isPnsGolongan } from './golongan.js';
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
  | 'kgb-overdue'
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
    ...educationCapProblems(record, rules),
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
  if (rules.kpCreditPoints[record.positionType] !== undefined && record.creditPoints === null) {
    problems.push({
      code: 'missing-credit-points',
      message: `angka kredit ${positionTypeWords[record.positionType]} belum tercatat`,
    });
  }
  return problems;
}

function educationCapProblems(record: EmployeeRecord, rules: CareerRules): RecordProblem[] {
  if (record.employmentType !== 'PNS' || !isPnsGolongan(record.golongan)) return [];
  const { cap, standing } = checkEducationCap(record.golongan, record.education, rules);
  if (standing !== 'above') return [];
  return [
    {
      code: 'rank-above-education-cap',
      message:
        `golongan ${record.golongan} melebihi batas pangkat tertinggi untuk pendidikan ${record.education}, yaitu ` +
        `${cap} (${rules.educationCapSource}); periksa data pendidikan atau golongan`,
    },
  ];
}

function kgbProblems(record: EmployeeRecord, kgb: KgbDates): RecordProblem[] {
  // A former employee's missed KGB is history, not a task.
  if (!record.active || !kgb.overdue || !kgb.nextDate) return [];
  return [
    {
      code: 'kgb-overdue',
      message:
        `KGB yang seharusnya TMT ${formatIndonesian(kgb.nextDate)} belum tercatat; proses KGB atau perbarui ` +
        'data TMT KGB terakhir',
    },
  ];
}

function pensionProblems(record: EmployeeRecord, pension: PensionDates, rules: CareerRules): RecordProblem[] {
  const problems: RecordProblem[] = [];
  if (record.active && pension.alreadyPast) {
    problems.push({
      code: 'active-after-pension',
      message:
        `pegawai masih tercatat aktif padahal TMT pensiun ${formatIndonesian(pension.tmtPension)} sudah lewat; ` +
        'periksa status kepegawaian',
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
