import type { Employee } from '../../generated/prisma-sqlite/index.js';
import type { EmployeeRecord } from './employee.js';

export type EmployeeRow = Employee;

export function toEmployeeRecord(row: EmployeeRow): EmployeeRecord {
  return {
    nip: row.nip,
    name: row.name,
    birthDate: row.birthDate,
    gender: row.gender as EmployeeRecord['gender'],
    employmentType: row.employmentType as EmployeeRecord['employmentType'],
    golongan: row.golongan,
    tmtGolongan: row.tmtGolongan,
    education: row.education as EmployeeRecord['education'],
    positionName: row.positionName,
    positionType: row.positionType as EmployeeRecord['positionType'],
    unit: row.unit,
    tmtCpns: row.tmtCpns,
    lastKgbTmt: row.lastKgbTmt,
    creditPoints: row.creditPoints,
    jenjang: (row.jenjang as EmployeeRecord['jenjang']) ?? null,
    eselon: (row.eselon as EmployeeRecord['eselon']) ?? null,
    phone: row.phone,
    email: row.email,
    active: row.active,
  };
}

export const recordFields = [
  'nip', 'name', 'birthDate', 'gender', 'employmentType', 'golongan', 'tmtGolongan', 'education', 'positionName',
  'positionType', 'unit', 'tmtCpns', 'lastKgbTmt', 'creditPoints', 'jenjang', 'eselon', 'phone', 'email', 'active',
] as const satisfies readonly (keyof EmployeeRecord)[];

/** The fields that differ, as before/after pairs for the audit log. */
export function changedFields(
  before: EmployeeRecord,
  after: EmployeeRecord,
): { before: Partial<EmployeeRecord>; after: Partial<EmployeeRecord> } | null {
  const was: Record<string, unknown> = {};
  const now: Record<string, unknown> = {};
  for (const field of recordFields) {
    // jenjang and eselon are optional in the record: absent and null are the same value.
    if ((before[field] ?? null) !== (after[field] ?? null)) {
      was[field] = before[field] ?? null;
      now[field] = after[field] ?? null;
    }
  }
  return Object.keys(now).length === 0 ? null : { before: was, after: now };
}
