import { formatDayMonthYear } from '../dates/calendar-date.js';
import type { EmployeeRecord, Gender } from '../records/employee.js';
import { parseNip, type NipParts, type NipProblem } from './parse-nip.js';

export type NipCheckedRecord = Pick<EmployeeRecord, 'nip' | 'employmentType' | 'birthDate' | 'gender' | 'tmtCpns'>;

const genderWords: Record<Gender, string> = { L: 'laki-laki', P: 'perempuan' };

/**
 * The NIP repeats the birth date, gender and (PNS) TMT CPNS, so disagreement means one of them was typed wrong.
 * An unreadable NIP is returned as its parse problems: those are data errors of the same record.
 */
export function checkNipAgainstRecord(record: NipCheckedRecord): NipProblem[] {
  const parsed = parseNip(record.nip, record.employmentType);
  return parsed.ok ? compareNipWithRecord(parsed.parts, record) : parsed.problems;
}

export function compareNipWithRecord(parts: NipParts, record: NipCheckedRecord): NipProblem[] {
  const mismatches: NipProblem[] = [];
  if (parts.birthDate !== record.birthDate) {
    mismatches.push({
      field: 'birthDate',
      message: `NIP menunjukkan tanggal lahir ${formatDayMonthYear(parts.birthDate)}, tetapi data tanggal lahir ${record.birthDate}`,
    });
  }
  if (parts.gender !== record.gender) {
    mismatches.push({
      field: 'gender',
      message: `NIP menunjukkan jenis kelamin ${genderWords[parts.gender]} (${parts.gender}), tetapi data jenis kelamin ${record.gender}`,
    });
  }
  // A missing TMT CPNS is reported as missing data elsewhere; here only a contradiction counts.
  if (parts.employmentType === 'PNS' && record.tmtCpns !== null && parts.tmtCpns !== record.tmtCpns) {
    mismatches.push({
      field: 'tmtCpns',
      message: `NIP menunjukkan TMT CPNS ${formatDayMonthYear(parts.tmtCpns)}, tetapi data TMT CPNS ${record.tmtCpns}`,
    });
  }
  return mismatches;
}
