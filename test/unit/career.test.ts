import { describe, expect, it } from 'vitest';
import {
  computeCareerDates,
  defaultCareerRules,
  kpRegimeInForce,
  type CareerRules,
  type KgbDates,
  type PensionDates,
  type PromotionDates,
  type RecordProblemCode,
} from '../../core/career/index.js';
import { employeeRecordSchema, type EmployeeRecord } from '../../core/records/employee.js';

/**
 * A valid PNS record born 26 Sep 1986, CPNS 1 May 2015, III/b since 1 Apr 2023, last KGB 1 Mar 2025.
 * Unless a test sets `nip`, the NIP is built from the record so that only the problems a test is about appear.
 */
function employee(overrides: Partial<EmployeeRecord> = {}): EmployeeRecord {
  const draft: EmployeeRecord = {
    nip: '',
    name: 'Siti Rahma',
    birthDate: '1986-09-26',
    gender: 'L',
    employmentType: 'PNS',
    golongan: 'III/b',
    tmtGolongan: '2023-04-01',
    education: 'S1',
    positionName: 'Pengelola Data Perikanan',
    positionType: 'PELAKSANA',
    unit: 'Bidang Perikanan Tangkap',
    tmtCpns: '2015-05-01',
    lastKgbTmt: '2025-03-01',
    creditPoints: null,
    phone: null,
    email: null,
    active: true,
    ...overrides,
  };
  return employeeRecordSchema.parse({ ...draft, nip: overrides.nip ?? nipMatching(draft) });
}

function nipMatching(record: EmployeeRecord): string {
  const birth = record.birthDate.replaceAll('-', '');
  const gender = record.gender === 'L' ? '1' : '2';
  if (record.employmentType === 'PPPK') return `${birth}202313${gender}001`;
  const tmtCpns = (record.tmtCpns ?? '2015-05-01').slice(0, 7).replace('-', '');
  return `${birth}${tmtCpns}${gender}001`;
}

const pppk: Partial<EmployeeRecord> = {
  employmentType: 'PPPK',
  golongan: 'IX',
  tmtCpns: null,
  lastKgbTmt: null,
  tmtGolongan: '2023-01-01',
};

/** Someone born 10 May 1968 in a BUP-58 post: 58 on 10 May 2026, so TMT pensiun 1 Jun 2026. */
const retiresJune2026: Partial<EmployeeRecord> = {
  birthDate: '1968-05-10',
  tmtCpns: '1995-03-01',
  education: 'SLTA',
  golongan: 'III/a',
};

const withRules = (overrides: Partial<CareerRules>): CareerRules => ({ ...defaultCareerRules, ...overrides });

describe('KGB', () => {
  it.each<{
    name: string;
    record: Partial<EmployeeRecord>;
    asOf: string;
    expected: Omit<KgbDates, 'reason' | 'reasonEn' | 'missed'>;
    reason: string;
  }>([
    {
      // 1 Mar 2025 + 24 months = 1 Mar 2027; notice 2 months earlier = 1 Jan 2027; 1 Mar 2027 ≥ 23 Nov 2026
      name: 'next KGB two years after the last one',
      record: { lastKgbTmt: '2025-03-01' },
      asOf: '2026-11-23',
      expected: { nextDate: '2027-03-01', noticeDate: '2027-01-01', overdue: false, basis: 'last-kgb' },
      reason: 'karena KGB terakhir TMT 1 Maret 2025 dan KGB berkala setiap 2 tahun (PP 7/1977 Ps 11–13)',
    },
    {
      // 1 Oct 2022 + 24 months = 1 Oct 2024, before 23 Nov 2026: missed, reported rather than rolled forward
      name: 'overdue KGB keeps the missed date',
      record: { lastKgbTmt: '2022-10-01' },
      asOf: '2026-11-23',
      expected: { nextDate: '2024-10-01', noticeDate: '2024-08-01', overdue: true, basis: 'last-kgb' },
      reason: '2 KGB sudah lewat dan belum tercatat (TMT 1 Oktober 2024, 1 Oktober 2026)',
    },
    {
      // 1 Dec 2024 + 24 months = 1 Dec 2026 = asOf: takes effect today, not overdue
      name: 'KGB taking effect today is not overdue',
      record: { lastKgbTmt: '2024-12-01' },
      asOf: '2026-12-01',
      expected: { nextDate: '2026-12-01', noticeDate: '2026-10-01', overdue: false, basis: 'last-kgb' },
      reason: 'karena KGB terakhir TMT 1 Desember 2024',
    },
    {
      // same KGB, one day later: 1 Dec 2026 < 2 Dec 2026
      name: 'KGB one day late is overdue',
      record: { lastKgbTmt: '2024-12-01' },
      asOf: '2026-12-02',
      expected: { nextDate: '2026-12-01', noticeDate: '2026-10-01', overdue: true, basis: 'last-kgb' },
      reason: 'sudah lewat',
    },
    {
      // no KGB recorded: TMT golongan 1 Oct 2025 + 24 months = 1 Oct 2027; notice 1 Aug 2027
      name: 'falls back to TMT golongan',
      record: { lastKgbTmt: null, tmtGolongan: '2025-10-01' },
      asOf: '2026-11-23',
      expected: { nextDate: '2027-10-01', noticeDate: '2027-08-01', overdue: false, basis: 'tmt-golongan' },
      reason: 'karena KGB terakhir belum tercatat sehingga dihitung dari TMT golongan 1 Oktober 2025',
    },
    {
      // neither KGB nor TMT golongan: TMT CPNS 1 Feb 2025 + 24 months = 1 Feb 2027; notice 1 Dec 2026
      name: 'falls back to TMT CPNS',
      record: { lastKgbTmt: null, tmtGolongan: null, tmtCpns: '2025-02-01' },
      asOf: '2026-11-23',
      expected: { nextDate: '2027-02-01', noticeDate: '2026-12-01', overdue: false, basis: 'tmt-cpns' },
      reason: 'dihitung dari TMT CPNS 1 Februari 2025',
    },
    {
      name: 'no date to count from',
      record: { lastKgbTmt: null, tmtGolongan: null, tmtCpns: null },
      asOf: '2026-11-23',
      expected: { nextDate: null, noticeDate: null, overdue: false, basis: null },
      reason: 'karena TMT KGB terakhir, TMT golongan dan TMT CPNS belum tercatat',
    },
    {
      name: 'PPPK: not computed the PNS way',
      record: pppk,
      asOf: '2026-11-23',
      expected: { nextDate: null, noticeDate: null, overdue: false, basis: null },
      reason: 'kenaikan gaji PPPK mengikuti perjanjian kerja',
    },
    {
      // 1 Jul 2024 + 24 months = 1 Jul 2026, on/after TMT pensiun 1 Jun 2026: no KGB anymore
      name: 'no KGB after TMT pensiun',
      record: { ...retiresJune2026, lastKgbTmt: '2024-07-01' },
      asOf: '2026-01-15',
      expected: { nextDate: null, noticeDate: null, overdue: false, basis: 'last-kgb' },
      reason: 'jatuh pada atau setelah TMT pensiun 1 Juni 2026',
    },
    {
      // 1 May 2024 + 24 months = 1 May 2026, before TMT pensiun 1 Jun 2026: still due
      name: 'last KGB before TMT pensiun still counts',
      record: { ...retiresJune2026, lastKgbTmt: '2024-05-01' },
      asOf: '2026-01-15',
      expected: { nextDate: '2026-05-01', noticeDate: '2026-03-01', overdue: false, basis: 'last-kgb' },
      reason: 'karena KGB terakhir TMT 1 Mei 2024',
    },
  ])('$name', ({ record, asOf, expected, reason }) => {
    const { kgb } = computeCareerDates(employee(record), asOf);
    expect(kgb).toMatchObject(expected);
    expect(kgb.reason).toMatch(/^karena /);
    expect(kgb.reason).toContain(reason);
  });
});

describe('regular KP (kenaikan pangkat reguler)', () => {
  const blocked = { eligible: false, eligibleFrom: null, period: null, submissionOpens: null, submissionCloses: null };

  it.each<{
    name: string;
    record: Partial<EmployeeRecord>;
    asOf: string;
    expected: Omit<PromotionDates, 'reason' | 'reasonEn' | 'kind' | 'nextGolongan' | 'creditPointsShort'>;
    reason: string[];
  }>([
    {
      // 5 Dec 2022 + 4 years = 5 Dec 2026 (after asOf). First 1st on/after it: 1 Jan 2027 (monthly since Oct 2025).
      // Window for January: 16th of M−2 = 16 Nov 2026 to 15th of M−1 = 15 Dec 2026; 23 Nov 2026 is inside.
      name: 'eligible next month, window open now',
      record: { tmtGolongan: '2022-12-05' },
      asOf: '2026-11-23',
      expected: {
        eligible: true,
        eligibleFrom: '2026-12-05',
        period: '2027-01-01',
        submissionOpens: '2026-11-16',
        submissionCloses: '2026-12-15',
        blockedBy: null,
      },
      reason: [
        'karena masa 4 tahun dalam pangkat III/b (TMT 5 Desember 2022) tercapai 5 Desember 2026',
        'setiap tanggal 1 setiap bulan (Peraturan BKN 4/2025)',
        'usul diajukan 16 November 2026 s.d. 15 Desember 2026 (Surat BKN 13749/B-MP.01.01/SD/D/2025)',
      ],
    },
    {
      // 1 Apr 2021 + 4 = 1 Apr 2025 (already). From 10 Mar 2026 the next 1st is 1 Apr 2026;
      // its window 16 Feb–15 Mar 2026 is still open on 10 Mar.
      name: 'already eligible, nearest period still open',
      record: { tmtGolongan: '2021-04-01' },
      asOf: '2026-03-10',
      expected: {
        eligible: true,
        eligibleFrom: '2025-04-01',
        period: '2026-04-01',
        submissionOpens: '2026-02-16',
        submissionCloses: '2026-03-15',
        blockedBy: null,
      },
      reason: ['TMT 1 April 2026'],
    },
    {
      // the 1 Apr 2026 window closes on 15 Mar 2026 and is still usable on that last day
      name: 'last day of the submission window',
      record: { tmtGolongan: '2021-04-01' },
      asOf: '2026-03-15',
      expected: {
        eligible: true,
        eligibleFrom: '2025-04-01',
        period: '2026-04-01',
        submissionOpens: '2026-02-16',
        submissionCloses: '2026-03-15',
        blockedBy: null,
      },
      reason: ['TMT 1 April 2026'],
    },
    {
      // on 20 Mar 2026 the 1 Apr window (closed 15 Mar) is gone: next is 1 May 2026, window 16 Mar–15 Apr 2026
      name: 'nearest window already closed, next period applies',
      record: { tmtGolongan: '2021-04-01' },
      asOf: '2026-03-20',
      expected: {
        eligible: true,
        eligibleFrom: '2025-04-01',
        period: '2026-05-01',
        submissionOpens: '2026-03-16',
        submissionCloses: '2026-04-15',
        blockedBy: null,
      },
      reason: ['usul untuk periode 1 April 2026 sudah ditutup 15 Maret 2026'],
    },
    {
      // 1 Aug 2022 + 4 = 1 Aug 2026, itself a period; window 16 Jun–15 Jul 2026 holds 20 Jun 2026
      name: 'eligible exactly on a period date',
      record: { tmtGolongan: '2022-08-01' },
      asOf: '2026-06-20',
      expected: {
        eligible: true,
        eligibleFrom: '2026-08-01',
        period: '2026-08-01',
        submissionOpens: '2026-06-16',
        submissionCloses: '2026-07-15',
        blockedBy: null,
      },
      reason: ['tercapai 1 Agustus 2026'],
    },
    {
      // 20 Jul 2022 + 4 = 20 Jul 2026: must be reached by the period (1 Aug 2026), not by the window's close
      // (15 Jul 2026), so the proposal goes in on 10 Jul before the 4 years are complete
      name: 'proposal filed before the years in rank are complete',
      record: { tmtGolongan: '2022-07-20' },
      asOf: '2026-07-10',
      expected: {
        eligible: true,
        eligibleFrom: '2026-07-20',
        period: '2026-08-01',
        submissionOpens: '2026-06-16',
        submissionCloses: '2026-07-15',
        blockedBy: null,
      },
      reason: ['TMT 1 Agustus 2026'],
    },
    {
      // 2025 before October: six periods a year. 1 Jul 2025 is no period; 1 Aug 2025, window 16 Jun–15 Jul 2025
      name: 'six-period regime (Peraturan BKN 4/2023)',
      record: { tmtGolongan: '2021-01-01' },
      asOf: '2025-06-20',
      expected: {
        eligible: true,
        eligibleFrom: '2025-01-01',
        period: '2025-08-01',
        submissionOpens: '2025-06-16',
        submissionCloses: '2025-07-15',
        blockedBy: null,
      },
      reason: ['enam kali setahun', 'Peraturan BKN 4/2023'],
    },
    {
      // 1 Oct 2025 window closed 15 Sep 2025; 1 Nov 2025 is a period only under the monthly regime
      // (from 1 Oct 2025); window 16 Sep–15 Oct 2025
      name: 'monthly regime from October 2025',
      record: { tmtGolongan: '2021-01-01' },
      asOf: '2025-09-20',
      expected: {
        eligible: true,
        eligibleFrom: '2025-01-01',
        period: '2025-11-01',
        submissionOpens: '2025-09-16',
        submissionCloses: '2025-10-15',
        blockedBy: null,
      },
      reason: ['Peraturan BKN 4/2025', 'usul untuk periode 1 Oktober 2025 sudah ditutup 15 September 2025'],
    },
    {
      // 1 Feb 2019 + 4 = 1 Feb 2023. Until 2023 only 1 Apr and 1 Oct: 1 Apr 2023, window 16 Feb–15 Mar 2023
      name: 'April/October regime until 2023',
      record: { tmtGolongan: '2019-02-01' },
      asOf: '2023-01-10',
      expected: {
        eligible: true,
        eligibleFrom: '2023-02-01',
        period: '2023-04-01',
        submissionOpens: '2023-02-16',
        submissionCloses: '2023-03-15',
        blockedBy: null,
      },
      reason: ['setiap 1 April dan 1 Oktober (PP 99/2000)'],
    },
    {
      // 1 Oct 2023 closed 15 Sep 2023; Nov/Dec 2023 are no periods (old regime), Jan 2024 neither (six-period
      // regime from 2024); 1 Feb 2024, window 16 Dec 2023–15 Jan 2024
      name: 'across the 2024 regime change',
      record: { tmtGolongan: '2019-02-01' },
      asOf: '2023-09-20',
      expected: {
        eligible: true,
        eligibleFrom: '2023-02-01',
        period: '2024-02-01',
        submissionOpens: '2023-12-16',
        submissionCloses: '2024-01-15',
        blockedBy: null,
      },
      reason: ['Peraturan BKN 4/2023'],
    },
    {
      // SLTA: highest regular rank III/b, already held
      name: 'education cap: SLTA at III/b',
      record: { education: 'SLTA', golongan: 'III/b', tmtGolongan: '2015-04-01' },
      asOf: '2026-11-23',
      expected: { ...blocked, blockedBy: 'education-cap' },
      reason: ['karena golongan III/b sudah mencapai batas pangkat tertinggi KP reguler untuk pendidikan SLTA, yaitu III/b'],
    },
    {
      name: 'education cap: D-III at III/c',
      record: { education: 'D-III', golongan: 'III/c' },
      asOf: '2026-11-23',
      expected: { ...blocked, blockedBy: 'education-cap' },
      reason: ['pendidikan D-III, yaitu III/c (PP 99/2000 jo PP 12/2002)'],
    },
    {
      name: 'education cap: rank already above it (data to check)',
      record: { education: 'SLTA', golongan: 'III/c' },
      asOf: '2026-11-23',
      expected: { ...blocked, blockedBy: 'education-cap' },
      reason: ['sudah melebihi batas pangkat tertinggi', 'periksa data pendidikan dan golongan'],
    },
    {
      // D-III caps at III/c, so III/b may still rise: same dates as the first example
      name: 'below the education cap: D-III at III/b',
      record: { education: 'D-III', golongan: 'III/b', tmtGolongan: '2022-12-05' },
      asOf: '2026-11-23',
      expected: {
        eligible: true,
        eligibleFrom: '2026-12-05',
        period: '2027-01-01',
        submissionOpens: '2026-11-16',
        submissionCloses: '2026-12-15',
        blockedBy: null,
      },
      reason: ['syarat: SKP minimal Baik dalam 2 tahun terakhir'],
    },
    {
      // ahli muda needs 100 AK; 100 − 62.5 = 37.5 short. Years in rank: 1 Apr 2022 + 4 = 1 Apr 2026
      name: 'JF ahli muda short of credit points',
      record: { positionType: 'JF_AHLI_MUDA', golongan: 'III/c', creditPoints: 62.5, tmtGolongan: '2022-04-01' },
      asOf: '2026-11-23',
      expected: { ...blocked, eligibleFrom: '2026-04-01', blockedBy: 'credit-points' },
      reason: ['karena angka kredit 62,5 masih kurang 37,5 dari 100 AK', 'tercapai 1 April 2026'],
    },
    {
      // 1 Oct 2022 + 4 = 1 Oct 2026. On 23 Nov 2026 the 1 Dec window (closed 15 Nov) is gone: 1 Jan 2027.
      name: 'JF ahli pertama with unknown credit points: date given, AK to check',
      record: { positionType: 'JF_AHLI_PERTAMA', golongan: 'III/a', creditPoints: null, tmtGolongan: '2022-10-01' },
      asOf: '2026-11-23',
      expected: {
        eligible: true,
        eligibleFrom: '2026-10-01',
        period: '2027-01-01',
        submissionOpens: '2026-11-16',
        submissionCloses: '2026-12-15',
        blockedBy: null,
      },
      reason: ['angka kredit belum tercatat, periksa apakah sudah mencapai 50 AK'],
    },
    {
      // ahli madya needs 150 AK, has 150. 1 Feb 2023 + 4 = 1 Feb 2027, a period; window 16 Dec 2026–15 Jan 2027
      name: 'JF ahli madya with enough credit points',
      record: {
        positionType: 'JF_AHLI_MADYA',
        golongan: 'IV/a',
        education: 'S3',
        creditPoints: 150,
        tmtGolongan: '2023-02-01',
      },
      asOf: '2026-11-23',
      expected: {
        eligible: true,
        eligibleFrom: '2027-02-01',
        period: '2027-02-01',
        submissionOpens: '2026-12-16',
        submissionCloses: '2027-01-15',
        blockedBy: null,
      },
      reason: ['angka kredit 150 sudah memenuhi 150 AK'],
    },
    {
      name: 'top rank IV/e',
      record: { golongan: 'IV/e', education: 'S3', positionType: 'JPT_MADYA' },
      asOf: '2026-11-23',
      expected: { ...blocked, blockedBy: 'top-rank' },
      reason: ['karena golongan IV/e (Pembina Utama) adalah pangkat tertinggi PNS'],
    },
    {
      name: 'PPPK: not applicable',
      record: pppk,
      asOf: '2026-11-23',
      expected: { ...blocked, blockedBy: 'not-applicable' },
      reason: ['tidak berlaku bagi PPPK'],
    },
    {
      name: 'missing TMT golongan',
      record: { tmtGolongan: null },
      asOf: '2026-11-23',
      expected: { ...blocked, blockedBy: 'missing-data' },
      reason: ['karena TMT golongan belum tercatat'],
    },
    {
      // 1 Jun 2022 + 4 = 1 Jun 2026 = TMT pensiun (58 on 10 May 2026): retired by then
      name: 'first period falls on TMT pensiun',
      record: { ...retiresJune2026, tmtGolongan: '2022-06-01' },
      asOf: '2026-01-15',
      expected: { ...blocked, eligibleFrom: '2026-06-01', blockedBy: 'not-applicable' },
      reason: ['periode KP terdekat (1 Juni 2026) jatuh pada atau setelah TMT pensiun 1 Juni 2026'],
    },
    {
      // 1 May 2022 + 4 = 1 May 2026, one month before TMT pensiun; window 16 Mar–15 Apr 2026
      name: 'last period before TMT pensiun',
      record: { ...retiresJune2026, tmtGolongan: '2022-05-01' },
      asOf: '2026-01-15',
      expected: {
        eligible: true,
        eligibleFrom: '2026-05-01',
        period: '2026-05-01',
        submissionOpens: '2026-03-16',
        submissionCloses: '2026-04-15',
        blockedBy: null,
      },
      reason: ['TMT 1 Mei 2026'],
    },
  ])('$name', ({ record, asOf, expected, reason }) => {
    const { promotion } = computeCareerDates(employee(record), asOf);
    expect(promotion).toMatchObject(expected);
    expect(promotion.reason).toMatch(/^karena /);
    for (const fragment of reason) expect(promotion.reason).toContain(fragment);
  });

  it.each([
    ['2023-10-01', 'PP 99/2000'],
    ['2024-01-01', 'Peraturan BKN 4/2023'],
    ['2025-09-01', 'Peraturan BKN 4/2023'],
    ['2025-10-01', 'Peraturan BKN 4/2025'],
    ['2027-03-01', 'Peraturan BKN 4/2025'],
  ])('the KP period regime in force on %s is %s', (date, source) => {
    expect(kpRegimeInForce(date, defaultCareerRules).source).toBe(source);
  });
});

describe('pension', () => {
  const bornOnFirstRule = withRules({ pensionTmtRule: 'first-of-month-when-born-on-first' });
  const leapDayOnMarch1 = withRules({ leapDayBirthday: 'mar-1' });

  it.each<{
    name: string;
    record: Partial<EmployeeRecord>;
    rules?: CareerRules;
    asOf?: string;
    expected: Omit<PensionDates, 'reason' | 'reasonEn' | 'kind' | 'urgency' | 'daysToTmt'>;
    reason: string;
  }>([
    {
      // 1 Mar 1968 + 58 = 1 Mar 2026; TMT = 1st of next month = 1 Apr 2026; proposal 12 months before = 1 Apr 2025;
      // service 1 Mar 1995 → 1 Apr 2026 = 31 years
      name: 'BUP 58, born on the 1st, default rule',
      record: { positionType: 'PELAKSANA', birthDate: '1968-03-01' },
      expected: {
        bupAge: 58,
        bupReachedOn: '2026-03-01',
        tmtPension: '2026-04-01',
        proposalStartsOn: '2025-04-01',
        alreadyPast: false,
        serviceYearsAtTmt: 31,
      },
      reason: 'sehingga TMT pensiun adalah tanggal 1 bulan berikutnya, yaitu 1 April 2026',
    },
    {
      // born on the 1st under the alternative rule: TMT is 1 Mar 2026 itself; proposal 1 Mar 2025
      name: 'BUP 58, born on the 1st, born-on-first rule',
      record: { positionType: 'PELAKSANA', birthDate: '1968-03-01' },
      rules: bornOnFirstRule,
      expected: {
        bupAge: 58,
        bupReachedOn: '2026-03-01',
        tmtPension: '2026-03-01',
        proposalStartsOn: '2025-03-01',
        alreadyPast: false,
        serviceYearsAtTmt: 31,
      },
      reason: 'bagi yang lahir tanggal 1, TMT pensiun adalah tanggal 1 bulan itu juga, yaitu 1 Maret 2026',
    },
    {
      // 15 Jul 1970 + 58 = 15 Jul 2028 → TMT 1 Aug 2028; proposal 1 Aug 2027; 1 Mar 1995 → 1 Aug 2028 = 33 y
      name: 'BUP 58, administrator',
      record: { positionType: 'ADMINISTRATOR', birthDate: '1970-07-15' },
      expected: {
        bupAge: 58,
        bupReachedOn: '2028-07-15',
        tmtPension: '2028-08-01',
        proposalStartsOn: '2027-08-01',
        alreadyPast: false,
        serviceYearsAtTmt: 33,
      },
      reason: 'BUP administrator 58 tahun (UU 20/2023 Ps 55; PP 11/2017)',
    },
    {
      // 31 Dec 1975 + 58 = 31 Dec 2033 → TMT 1 Jan 2034 (year rolls over); 1 Mar 1995 → 1 Jan 2034 = 38 y 10 m
      name: 'BUP 58, pengawas, birthday at year end',
      record: { positionType: 'PENGAWAS', birthDate: '1975-12-31' },
      expected: {
        bupAge: 58,
        bupReachedOn: '2033-12-31',
        tmtPension: '2034-01-01',
        proposalStartsOn: '2033-01-01',
        alreadyPast: false,
        serviceYearsAtTmt: 38,
      },
      reason: 'usul pensiun mulai disiapkan 1 Januari 2033 (1 tahun sebelum TMT)',
    },
    {
      // 20 Oct 1966 + 60 = 20 Oct 2026 → TMT 1 Nov 2026; proposal 1 Nov 2025 (already started on 15 Jan 2026)
      name: 'BUP 60, JPT pratama (kepala dinas)',
      record: { positionType: 'JPT_PRATAMA', birthDate: '1966-10-20', golongan: 'IV/b', education: 'S2' },
      expected: {
        bupAge: 60,
        bupReachedOn: '2026-10-20',
        tmtPension: '2026-11-01',
        proposalStartsOn: '2025-11-01',
        alreadyPast: false,
        serviceYearsAtTmt: 31,
      },
      reason: 'BUP JPT pratama 60 tahun',
    },
    {
      // 31 Jan 1969 + 60 = 31 Jan 2029 → TMT 1 Feb 2029; proposal 1 Feb 2028; 1 Mar 1995 → 1 Feb 2029 = 33 y 11 m
      name: 'BUP 60, JF ahli madya',
      record: { positionType: 'JF_AHLI_MADYA', birthDate: '1969-01-31', golongan: 'IV/a', creditPoints: 40 },
      expected: {
        bupAge: 60,
        bupReachedOn: '2029-01-31',
        tmtPension: '2029-02-01',
        proposalStartsOn: '2028-02-01',
        alreadyPast: false,
        serviceYearsAtTmt: 33,
      },
      reason: 'usia 60 tahun tercapai 31 Januari 2029',
    },
    {
      // 1 Sep 1961 + 65 = 1 Sep 2026 → TMT 1 Oct 2026 (default rule); proposal 1 Oct 2025
      name: 'BUP 65, JF ahli utama, born on the 1st, default rule',
      record: { positionType: 'JF_AHLI_UTAMA', birthDate: '1961-09-01', golongan: 'IV/d', education: 'S3' },
      expected: {
        bupAge: 65,
        bupReachedOn: '2026-09-01',
        tmtPension: '2026-10-01',
        proposalStartsOn: '2025-10-01',
        alreadyPast: false,
        serviceYearsAtTmt: 31,
      },
      reason: 'BUP jabatan fungsional ahli utama 65 tahun',
    },
    {
      // same person, born-on-first rule: TMT 1 Sep 2026, proposal 1 Sep 2025
      name: 'BUP 65, JF ahli utama, born on the 1st, born-on-first rule',
      record: { positionType: 'JF_AHLI_UTAMA', birthDate: '1961-09-01', golongan: 'IV/d', education: 'S3' },
      rules: bornOnFirstRule,
      expected: {
        bupAge: 65,
        bupReachedOn: '2026-09-01',
        tmtPension: '2026-09-01',
        proposalStartsOn: '2025-09-01',
        alreadyPast: false,
        serviceYearsAtTmt: 31,
      },
      reason: 'tanggal 1 bulan itu juga, yaitu 1 September 2026',
    },
    {
      // 29 Feb 1968 + 58: 2026 is no leap year; 'feb-28' → age reached 28 Feb 2026 → TMT 1 Mar 2026
      name: '29 February birthday, feb-28 setting',
      record: { positionType: 'PELAKSANA', birthDate: '1968-02-29' },
      expected: {
        bupAge: 58,
        bupReachedOn: '2026-02-28',
        tmtPension: '2026-03-01',
        proposalStartsOn: '2025-03-01',
        alreadyPast: false,
        serviceYearsAtTmt: 31,
      },
      reason: 'lahir 29 Februari: pada tahun bukan kabisat usia dianggap tercapai 28 Februari',
    },
    {
      // 'mar-1' → age reached 1 Mar 2026 → TMT 1 Apr 2026, a month later than with 'feb-28'
      name: '29 February birthday, mar-1 setting',
      record: { positionType: 'PELAKSANA', birthDate: '1968-02-29' },
      rules: leapDayOnMarch1,
      expected: {
        bupAge: 58,
        bupReachedOn: '2026-03-01',
        tmtPension: '2026-04-01',
        proposalStartsOn: '2025-04-01',
        alreadyPast: false,
        serviceYearsAtTmt: 31,
      },
      reason: 'usia dianggap tercapai 1 Maret',
    },
    {
      // the born-on-first rule looks at the birth date (29th), not at the day the age is reached (1 Mar)
      name: '29 February birthday, mar-1 with born-on-first rule',
      record: { positionType: 'PELAKSANA', birthDate: '1968-02-29' },
      rules: withRules({ leapDayBirthday: 'mar-1', pensionTmtRule: 'first-of-month-when-born-on-first' }),
      expected: {
        bupAge: 58,
        bupReachedOn: '2026-03-01',
        tmtPension: '2026-04-01',
        proposalStartsOn: '2025-04-01',
        alreadyPast: false,
        serviceYearsAtTmt: 31,
      },
      reason: 'tanggal 1 bulan berikutnya, yaitu 1 April 2026',
    },
    {
      // 29 Feb 1972 + 60 = 29 Feb 2032, a leap year: both settings agree → TMT 1 Mar 2032
      name: '29 February birthday reaching BUP in a leap year (feb-28)',
      record: { positionType: 'JPT_MADYA', birthDate: '1972-02-29', golongan: 'IV/c', education: 'S2' },
      expected: {
        bupAge: 60,
        bupReachedOn: '2032-02-29',
        tmtPension: '2032-03-01',
        proposalStartsOn: '2031-03-01',
        alreadyPast: false,
        serviceYearsAtTmt: 37,
      },
      reason: 'usia 60 tahun tercapai 29 Februari 2032',
    },
    {
      name: '29 February birthday reaching BUP in a leap year (mar-1)',
      record: { positionType: 'JPT_MADYA', birthDate: '1972-02-29', golongan: 'IV/c', education: 'S2' },
      rules: leapDayOnMarch1,
      expected: {
        bupAge: 60,
        bupReachedOn: '2032-02-29',
        tmtPension: '2032-03-01',
        proposalStartsOn: '2031-03-01',
        alreadyPast: false,
        serviceYearsAtTmt: 37,
      },
      reason: 'usia 60 tahun tercapai 29 Februari 2032',
    },
    {
      // 10 Mar 1966 + 58 = 10 Mar 2024 → TMT 1 Apr 2024, before 15 Jan 2026; service 1 Mar 1995 → 1 Apr 2024 = 29
      name: 'already past pension',
      record: { positionType: 'PELAKSANA', birthDate: '1966-03-10' },
      expected: {
        bupAge: 58,
        bupReachedOn: '2024-03-10',
        tmtPension: '2024-04-01',
        proposalStartsOn: '2023-04-01',
        alreadyPast: true,
        serviceYearsAtTmt: 29,
      },
      reason: 'TMT pensiun sudah lewat',
    },
    {
      // TMT 1 Apr 2026 as in the first row; asOf on the TMT itself counts as past
      name: 'asOf on the TMT pensiun itself',
      record: { positionType: 'PELAKSANA', birthDate: '1968-03-01' },
      asOf: '2026-04-01',
      expected: {
        bupAge: 58,
        bupReachedOn: '2026-03-01',
        tmtPension: '2026-04-01',
        proposalStartsOn: '2025-04-01',
        alreadyPast: true,
        serviceYearsAtTmt: 31,
      },
      reason: 'TMT pensiun sudah lewat',
    },
    {
      // 10 Feb 1970 + 58 = 10 Feb 2028 → TMT 1 Mar 2028; CPNS 1 Mar 2019 → 1 Mar 2028 = 9 years < 10
      name: 'service shorter than 10 years',
      record: { positionType: 'PELAKSANA', birthDate: '1970-02-10', tmtCpns: '2019-03-01' },
      expected: {
        bupAge: 58,
        bupReachedOn: '2028-02-10',
        tmtPension: '2028-03-01',
        proposalStartsOn: '2027-03-01',
        alreadyPast: false,
        serviceYearsAtTmt: 9,
      },
      reason: 'masa kerja pada TMT pensiun hanya 9 tahun, kurang dari syarat 10 tahun untuk hak pensiun',
    },
    {
      // 26 Sep 1986 + 58 = 26 Sep 2044 → TMT 1 Oct 2044; proposal 1 Oct 2043; 1 May 2015 → 1 Oct 2044 = 29 y 5 m
      name: 'the fact-sheet employee',
      record: { tmtCpns: '2015-05-01' },
      expected: {
        bupAge: 58,
        bupReachedOn: '2044-09-26',
        tmtPension: '2044-10-01',
        proposalStartsOn: '2043-10-01',
        alreadyPast: false,
        serviceYearsAtTmt: 29,
      },
      reason: 'karena lahir 26 September 1986 dan BUP pelaksana 58 tahun',
    },
    {
      // 10 Jun 1970 + 58 = 10 Jun 2028 → agreement ends 1 Jul 2028; no TMT CPNS for PPPK, so no service years,
      // and no pension proposal (PP 49/2018 Ps 52)
      name: 'PPPK: BUP dates without CPNS service years',
      record: { ...pppk, birthDate: '1970-06-10' },
      expected: {
        bupAge: 58,
        bupReachedOn: '2028-06-10',
        tmtPension: '2028-07-01',
        proposalStartsOn: null,
        alreadyPast: false,
        serviceYearsAtTmt: null,
      },
      reason: 'perjanjian kerja PPPK berakhir 1 Juli 2028',
    },
  ])('$name', ({ record, rules, asOf, expected, reason }) => {
    const { pension } = computeCareerDates(
      employee({ tmtCpns: '1995-03-01', ...record }),
      asOf ?? '2026-01-15',
      rules ?? defaultCareerRules,
    );
    expect(pension).toMatchObject(expected);
    expect(pension.reason).toMatch(/^karena /);
    expect(pension.reason).toContain(reason);
  });

  // Born 10 Jun 1970: BUP 58 → 10 Jun 2028 → TMT 1 Jul 2028; BUP 60 → TMT 1 Jul 2030; BUP 65 → TMT 1 Jul 2035.
  it.each<[EmployeeRecord['positionType'], number, string]>([
    ['JPT_UTAMA', 60, '2030-07-01'],
    ['JPT_MADYA', 60, '2030-07-01'],
    ['JPT_PRATAMA', 60, '2030-07-01'],
    ['ADMINISTRATOR', 58, '2028-07-01'],
    ['PENGAWAS', 58, '2028-07-01'],
    ['PELAKSANA', 58, '2028-07-01'],
    ['JF_AHLI_PERTAMA', 58, '2028-07-01'],
    ['JF_AHLI_MUDA', 58, '2028-07-01'],
    ['JF_KETERAMPILAN', 58, '2028-07-01'],
    ['JF_AHLI_MADYA', 60, '2030-07-01'],
    ['JF_AHLI_UTAMA', 65, '2035-07-01'],
  ])('BUP of %s is %i, TMT pensiun %s', (positionType, bupAge, tmtPension) => {
    const { pension } = computeCareerDates(employee({ positionType, birthDate: '1970-06-10' }), '2026-01-15');
    expect(pension.bupAge).toBe(bupAge);
    expect(pension.tmtPension).toBe(tmtPension);
  });
});

describe('record problems', () => {
  it.each<{
    name: string;
    record: Partial<EmployeeRecord>;
    asOf: string;
    codes: RecordProblemCode[];
    message?: string;
  }>([
    { name: 'a complete, consistent record has none', record: {}, asOf: '2026-11-23', codes: [] },
    {
      name: 'NIP birth date differs from the record',
      record: { nip: '198609262015051001', birthDate: '1986-09-27' },
      asOf: '2026-11-23',
      codes: ['nip-mismatch'],
      message: 'NIP menunjukkan tanggal lahir 26-09-1986, tetapi data tanggal lahir 1986-09-27',
    },
    {
      name: 'NIP TMT CPNS differs from the record',
      record: { nip: '198609262015051001', tmtCpns: '2015-06-01' },
      asOf: '2026-11-23',
      codes: ['nip-mismatch'],
      message: 'NIP menunjukkan TMT CPNS 01-05-2015, tetapi data TMT CPNS 2015-06-01',
    },
    {
      name: 'NIP with sequence 000',
      record: { nip: '198609262015051000' },
      asOf: '2026-11-23',
      codes: ['nip-invalid'],
      message: '3 digit terakhir NIP (nomor urut) tidak boleh 000',
    },
    {
      name: 'PPPK NIP birth date differs from the record',
      record: { ...pppk, nip: '199003152023132002', birthDate: '1990-03-16', gender: 'P' },
      asOf: '2026-11-23',
      codes: ['nip-mismatch'],
      message: 'NIP menunjukkan tanggal lahir 15-03-1990, tetapi data tanggal lahir 1990-03-16',
    },
    {
      name: 'missing TMT CPNS and TMT golongan',
      record: { tmtCpns: null, tmtGolongan: null },
      asOf: '2026-11-23',
      codes: ['missing-tmt-cpns', 'missing-tmt-golongan'],
    },
    {
      name: 'JF without recorded credit points',
      record: { positionType: 'JF_AHLI_MUDA', golongan: 'III/c' },
      asOf: '2026-11-23',
      codes: ['missing-credit-points'],
    },
    {
      name: 'rank above the education cap',
      record: { education: 'SLTA', golongan: 'III/c' },
      asOf: '2026-11-23',
      codes: ['rank-above-education-cap'],
      message:
        'golongan III/c melebihi batas pangkat tertinggi KP reguler untuk pendidikan SLTA, yaitu III/b (PP 99/2000 jo PP 12/2002), padahal jabatan pelaksana hanya naik pangkat reguler; periksa data pendidikan, golongan atau jenis jabatan',
    },
    {
      // 1 Oct 2022 + 2 years = 1 Oct 2024 < 23 Nov 2026
      name: 'overdue KGB',
      record: { lastKgbTmt: '2022-10-01' },
      asOf: '2026-09-23',
      codes: ['kgb-overdue'],
      message: 'KGB yang seharusnya TMT 1 Oktober 2024 belum tercatat; proses KGB atau perbarui data TMT KGB terakhir',
    },
    {
      name: 'overdue KGB of someone no longer active is no task',
      record: { lastKgbTmt: '2022-10-01', active: false },
      asOf: '2026-11-23',
      codes: [],
    },
    {
      // born 10 Mar 1966, BUP 58 → TMT 1 Apr 2024, still active on 15 Jan 2026
      name: 'still active after TMT pensiun',
      record: { birthDate: '1966-03-10', tmtCpns: '1995-03-01' },
      asOf: '2026-01-15',
      codes: ['active-after-pension'],
      message: 'pegawai masih tercatat aktif padahal TMT pensiun 1 April 2024 sudah lewat; periksa status kepegawaian',
    },
    {
      name: 'inactive after TMT pensiun is as expected',
      record: { birthDate: '1966-03-10', tmtCpns: '1995-03-01', active: false },
      asOf: '2026-01-15',
      codes: [],
    },
    {
      // born 10 Feb 1970 → TMT 1 Mar 2028; CPNS 1 Mar 2019 → 9 years
      name: 'service below 10 years at TMT pensiun',
      record: { birthDate: '1970-02-10', tmtCpns: '2019-03-01' },
      asOf: '2026-01-15',
      codes: ['pension-service-too-short'],
      message: 'masa kerja pada TMT pensiun 1 Maret 2028 hanya 9 tahun, kurang dari syarat 10 tahun untuk hak pensiun',
    },
    {
      // CPNS 1 Mar 2018 → 1 Mar 2028 = exactly 10 years: enough
      name: 'exactly 10 years of service is enough',
      record: { birthDate: '1970-02-10', tmtCpns: '2018-03-01' },
      asOf: '2026-01-15',
      codes: [],
    },
  ])('$name', ({ record, asOf, codes, message }) => {
    const { problems } = computeCareerDates(employee(record), asOf);
    expect(problems.map((problem) => problem.code)).toEqual(codes);
    if (message) expect(problems.map((problem) => problem.message)).toContain(message);
  });
});

describe('computeCareerDates', () => {
  it('refuses an asOf that is no calendar date', () => {
    expect(() => computeCareerDates(employee(), '2026-02-30')).toThrow(RangeError);
  });

  it('uses the rules it is given', () => {
    // a 12-month interval would move the next KGB from 1 Mar 2027 to 1 Mar 2026
    const { kgb } = computeCareerDates(employee(), '2026-01-15', withRules({ kgbIntervalMonths: 12 }));
    expect(kgb.nextDate).toBe('2026-03-01');
    expect(kgb.reason).toContain('setiap 1 tahun');
  });
});
