import {
  formatCalendarDate,
  formatIndonesian,
  isAfter,
  isCalendarDate,
  type CalendarDate,
} from '../dates/calendar-date.js';
import type { EmploymentType, Gender } from '../records/employee.js';

/**
 * NIP layout (Perka BKN 22/2007 and 43/2007), 18 digits:
 *   PNS:  YYYYMMDD (birth) YYYYMM (TMT CPNS, day is always the 1st) G (gender) NNN (sequence)
 *   PPPK: YYYYMMDD (birth) YYYY (year of appointment) CC (code, meaning unconfirmed) G NNN
 * The PPPK code is kept as an opaque string: reading it as a month would invent data.
 */
export type NipField = 'nip' | 'birthDate' | 'tmtCpns' | 'appointmentYear' | 'gender' | 'sequence';

export interface NipProblem {
  field: NipField;
  message: string;
}

export interface PnsNipParts {
  employmentType: 'PNS';
  birthDate: CalendarDate;
  tmtCpns: CalendarDate;
  gender: Gender;
  sequence: number;
}

export interface PppkNipParts {
  employmentType: 'PPPK';
  birthDate: CalendarDate;
  appointmentYear: number;
  code: string;
  gender: Gender;
  sequence: number;
}

export type NipParts = PnsNipParts | PppkNipParts;

export type NipParseResult<Parts extends NipParts = NipParts> =
  | { ok: true; parts: Parts }
  | { ok: false; problems: NipProblem[] };

const genderByDigit: Record<string, Gender> = { '1': 'L', '2': 'P' };

export function parseNip(nip: string, employmentType: 'PNS'): NipParseResult<PnsNipParts>;
export function parseNip(nip: string, employmentType: 'PPPK'): NipParseResult<PppkNipParts>;
export function parseNip(nip: string, employmentType: EmploymentType): NipParseResult;
export function parseNip(nip: string, employmentType: EmploymentType): NipParseResult {
  // NIPs are printed in groups ("19860926 201505 1 001"); people paste them that way.
  const digits = nip.replace(/\s+/g, '');
  if (!/^\d{18}$/.test(digits)) return { ok: false, problems: [formatProblem(digits)] };

  const problems: NipProblem[] = [];
  const birthDate = `${digits.slice(0, 4)}-${digits.slice(4, 6)}-${digits.slice(6, 8)}`;
  const birthDateValid = isCalendarDate(birthDate);
  if (!birthDateValid) {
    problems.push({
      field: 'birthDate',
      message: `8 digit pertama NIP (${digits.slice(0, 8)}) bukan tanggal lahir yang ada di kalender`,
    });
  }

  const genderDigit = digits.charAt(14);
  const gender = genderByDigit[genderDigit];
  if (!gender) {
    problems.push({
      field: 'gender',
      message: `digit ke-15 NIP (jenis kelamin) harus 1 (laki-laki) atau 2 (perempuan), tertulis ${genderDigit}`,
    });
  }

  const sequence = Number(digits.slice(15, 18));
  if (sequence === 0) {
    problems.push({ field: 'sequence', message: '3 digit terakhir NIP (nomor urut) tidak boleh 000' });
  }

  const year = Number(digits.slice(8, 12));
  const twoDigits = digits.slice(12, 14);

  if (employmentType === 'PPPK') {
    if (birthDateValid && year <= Number(digits.slice(0, 4))) {
      problems.push({
        field: 'appointmentYear',
        message: `tahun pengangkatan menurut NIP (${year}) harus sesudah tahun lahir (${digits.slice(0, 4)})`,
      });
    }
    if (problems.length > 0 || !gender) return { ok: false, problems };
    return { ok: true, parts: { employmentType, birthDate, appointmentYear: year, code: twoDigits, gender, sequence } };
  }

  const tmtMonth = Number(twoDigits);
  let tmtCpns: CalendarDate | null = null;
  if (tmtMonth < 1 || tmtMonth > 12) {
    problems.push({
      field: 'tmtCpns',
      message: `digit ke-13 dan ke-14 NIP (bulan TMT CPNS) harus 01 sampai 12, tertulis ${twoDigits}`,
    });
  } else {
    tmtCpns = formatCalendarDate({ year, month: tmtMonth, day: 1 });
    if (birthDateValid && !isAfter(tmtCpns, birthDate)) {
      problems.push({
        field: 'tmtCpns',
        message: `TMT CPNS menurut NIP (${formatIndonesian(tmtCpns)}) harus sesudah tanggal lahir (${formatIndonesian(birthDate)})`,
      });
    }
  }
  if (problems.length > 0 || !gender || !tmtCpns) return { ok: false, problems };
  return { ok: true, parts: { employmentType, birthDate, tmtCpns, gender, sequence } };
}

function formatProblem(digits: string): NipProblem {
  if (/\D/.test(digits)) return { field: 'nip', message: 'NIP hanya boleh berisi angka (18 digit)' };
  return { field: 'nip', message: `NIP harus 18 digit, tetapi yang tertulis ${digits.length} digit` };
}
