import type { EmployeeRecord } from '../../core/records/employee.js';

/** A valid PNS record; override what a test is about. NIP 19860926 201505 1 001 is the fact sheet's example. */
export function employeeRecord(overrides: Partial<EmployeeRecord> = {}): EmployeeRecord {
  return {
    nip: '198609262015051001',
    name: 'Budi Santoso',
    birthDate: '1986-09-26',
    gender: 'L',
    employmentType: 'PNS',
    golongan: 'III/b',
    tmtGolongan: '2021-04-01',
    education: 'S1',
    positionName: 'Analis Kepegawaian',
    positionType: 'PELAKSANA',
    unit: 'Sekretariat',
    tmtCpns: '2015-05-01',
    lastKgbTmt: '2025-05-01',
    creditPoints: null,
    phone: null,
    email: null,
    active: true,
    ...overrides,
  };
}
