/**
 * Worked examples of the career engine, one per rule and edge, each checked by hand against the regulation named
 * in its comment (the fact sheet's sources). Every example goes through computeCareerDates, the function the
 * reminders, /profil, the HR digest and `layani career` all call. Default "today" is 6 December 2026: the KP
 * period on 1 January 2027 then takes proposals from 16 November to 15 December 2026 (monthly periods since
 * 1 October 2025, Peraturan BKN 4/2025; window per Surat BKN 13749/B-MP.01.01/SD/D/2025).
 */
import { describe, expect, it } from 'vitest';
import {
  computeCareerDates,
  defaultCareerRules,
  type CareerRules,
  type KgbDates,
  type PensionDates,
  type PromotionDates,
  type RecordProblemCode,
} from '../../core/career/index.js';
import { employeeRecordSchema, type EmployeeRecord } from '../../core/records/employee.js';
import { parseGolonganCell } from '../../core/records/import/columns.js';

interface Example {
  name: string;
  record: Partial<EmployeeRecord> & { golonganCell?: string };
  asOf?: string;
  rules?: Partial<CareerRules>;
  kgb?: Partial<KgbDates>;
  promotion?: Partial<PromotionDates>;
  pension?: Partial<PensionDates>;
  /** The exact set of record problems. */
  problems?: RecordProblemCode[];
  /** Fragments each found in some reason or problem message. */
  says?: string[];
  /** The same, in the English reasons. */
  saysEn?: string[];
}

/** Someone whose years in rank (4 years from 1 April 2020) are long complete: the next KP is 1 January 2027. */
const readyNow = { period: '2027-01-01', submissionOpens: '2026-11-16', submissionCloses: '2026-12-15', eligibleFrom: '2024-04-01' } as const;
const closed = { eligible: false, period: null, submissionOpens: null, submissionCloses: null, nextGolongan: null } as const;

const examples: Example[] = [
  // ---- KP reguler (pelaksana): 4 years in rank, capped by education — PP 99/2000 Ps 7; PP 99/2000 jo PP 12/2002
  {
    // PP 99/2000 Ps 7: III/c since 1 Apr 2020 + 4 years = 1 Apr 2024; S1 allows up to III/d.
    name: 'pelaksana S1 III/c: KP reguler to III/d on the next period',
    record: { positionType: 'PELAKSANA', golongan: 'III/c', education: 'S1' },
    promotion: { eligible: true, kind: 'reguler', nextGolongan: 'III/d', blockedBy: null, ...readyNow },
    problems: [],
    says: ['KP reguler ke III/d paling cepat TMT 1 Januari 2027'],
    saysEn: ['KP periods: the 1st of every month (Peraturan BKN 4/2025), so the regular promotion to III/d takes effect on 1 January 2027 at the earliest'],
  },
  {
    // PP 99/2000 jo PP 12/2002: the highest regular rank for S1/D-IV is III/d.
    name: 'pelaksana S1 at III/d: at the education cap, no KP',
    record: { positionType: 'PELAKSANA', golongan: 'III/d', education: 'S1' },
    promotion: { ...closed, kind: 'reguler', blockedBy: 'education-cap' },
    problems: [],
    says: ['sudah mencapai batas pangkat tertinggi KP reguler untuk pendidikan S1, yaitu III/d'],
  },
  {
    // PP 99/2000 jo PP 12/2002: SLTA caps at III/b; a pelaksana above it can only be a data error.
    name: 'pelaksana SLTA at III/c: above the cap, flagged',
    record: { positionType: 'PELAKSANA', golongan: 'III/c', education: 'SLTA' },
    promotion: { ...closed, kind: 'reguler', blockedBy: 'education-cap' },
    problems: ['rank-above-education-cap'],
    says: ['periksa data pendidikan dan golongan'],
  },
  {
    // PP 99/2000 Ps 7: III/d since 1 Jun 2023 + 4 = 1 Jun 2027, itself a period; S2 caps at IV/a.
    name: 'pelaksana S2 III/d: KP reguler to IV/a when the 4 years are complete',
    record: { positionType: 'PELAKSANA', golongan: 'III/d', education: 'S2', tmtGolongan: '2023-06-01' },
    promotion: { eligible: true, kind: 'reguler', nextGolongan: 'IV/a', eligibleFrom: '2027-06-01', period: '2027-06-01', submissionOpens: '2027-04-16', submissionCloses: '2027-05-15' },
    problems: [],
  },
  {
    // PP 99/2000 (golongan/ruang table): "3b" as typed in a spreadsheet is III/b.
    name: 'golongan typed as "3b" is III/b',
    record: { positionType: 'PELAKSANA', golonganCell: '3b', education: 'S1' },
    promotion: { eligible: true, kind: 'reguler', nextGolongan: 'III/c', ...readyNow },
    problems: [],
  },

  // ---- KP pilihan, JF keahlian: rank inside the jenjang's range and the AK per KP — PermenPANRB 1/2023; Peraturan BKN 3/2023
  {
    // Ahli Pertama III/a–III/b, 50 AK per KP: 60 AK is enough; III/b stays in range.
    name: 'JF Ahli Pertama at III/a (bottom) with 60 AK: KP pilihan to III/b',
    record: { positionType: 'JF_AHLI_PERTAMA', golongan: 'III/a', creditPoints: 60 },
    promotion: { eligible: true, kind: 'pilihan-jf', nextGolongan: 'III/b', ...readyNow },
    problems: [],
    says: ['KP pilihan jabatan fungsional ke III/b', 'angka kredit 60 sudah memenuhi 50 AK'],
  },
  {
    // Ahli Pertama needs 50 AK per KP; 30 is 20 short.
    name: 'JF Ahli Pertama III/a with 30 AK: short of credit points',
    record: { positionType: 'JF_AHLI_PERTAMA', golongan: 'III/a', creditPoints: 30 },
    promotion: { ...closed, kind: 'pilihan-jf', blockedBy: 'credit-points', creditPointsShort: 20, eligibleFrom: '2024-04-01' },
    problems: [],
    says: ['karena angka kredit 30 masih kurang 20 dari 50 AK'],
  },
  {
    // III/b is the top of Ahli Pertama; Ahli Pertama → Ahli Muda needs 100 AK, a competency test and a vacancy.
    name: 'JF Ahli Pertama at III/b (top) with 80 AK: needs a jenjang move, 20 AK short',
    record: { positionType: 'JF_AHLI_PERTAMA', golongan: 'III/b', creditPoints: 80 },
    promotion: { ...closed, kind: 'pilihan-jf', blockedBy: 'jenjang-top', creditPointsShort: 20 },
    problems: [],
    says: ['perlu kenaikan jenjang ke Ahli Muda, bukan kenaikan pangkat', 'masih kurang 20 dari 100 AK', 'uji kompetensi'],
  },
  {
    // Ahli Muda III/c–III/d, 100 AK; the education cap (D-III: III/c) does not bind a KP pilihan.
    name: 'JF Ahli Muda at III/c (bottom) with D-III and 120 AK: KP pilihan despite the education cap',
    record: { positionType: 'JF_AHLI_MUDA', golongan: 'III/c', education: 'D-III', creditPoints: 120 },
    promotion: { eligible: true, kind: 'pilihan-jf', nextGolongan: 'III/d', ...readyNow },
    problems: [],
  },
  {
    // Issue example. III/d is the top of Ahli Muda: Muda → Madya needs 200 AK; 150 is 50 short. Never a KP to IV/a.
    name: 'JF Ahli Muda at III/d (top) with S2 and 150 AK: no KP, "perlu kenaikan jenjang" with 50 AK still needed',
    record: { positionType: 'JF_AHLI_MUDA', golongan: 'III/d', education: 'S2', creditPoints: 150 },
    promotion: { ...closed, kind: 'pilihan-jf', blockedBy: 'jenjang-top', creditPointsShort: 50 },
    problems: [],
    says: ['karena golongan III/d adalah pangkat tertinggi jenjang Ahli Muda (III/c–III/d)', 'perlu kenaikan jenjang ke Ahli Madya', 'masih kurang 50 dari 200 AK'],
    saysEn: ['because III/d is the highest rank of the Ahli Muda jenjang (III/c–III/d)', 'a move up to the Ahli Madya jenjang, not a promotion', '50 short of 200 AK'],
  },
  {
    // Issue example. Ahli Madya IV/a–IV/c, 150 AK per KP: 200 AK is enough; S2's cap (IV/a) binds only KP reguler.
    name: 'JF Ahli Madya at IV/a (bottom) with S2 and 200 AK: offered the KP to IV/b',
    record: { positionType: 'JF_AHLI_MADYA', golongan: 'IV/a', education: 'S2', creditPoints: 200 },
    promotion: { eligible: true, kind: 'pilihan-jf', nextGolongan: 'IV/b', ...readyNow },
    problems: [],
  },
  {
    // Issue example. IV/b with S2 is above the regular cap, which is normal for a JF: no data-error flag.
    name: 'JF Ahli Madya IV/b with S2: no false education-cap flag',
    record: { positionType: 'JF_AHLI_MADYA', golongan: 'IV/b', education: 'S2', creditPoints: 160 },
    promotion: { eligible: true, kind: 'pilihan-jf', nextGolongan: 'IV/c', ...readyNow },
    problems: [],
  },
  {
    // IV/c is the top of Ahli Madya; Madya → Utama needs 450 AK.
    name: 'JF Ahli Madya at IV/c (top) with 300 AK: jenjang move to Ahli Utama, 150 AK short',
    record: { positionType: 'JF_AHLI_MADYA', golongan: 'IV/c', education: 'S2', creditPoints: 300 },
    promotion: { ...closed, kind: 'pilihan-jf', blockedBy: 'jenjang-top', creditPointsShort: 150 },
    problems: [],
    says: ['perlu kenaikan jenjang ke Ahli Utama', 'masih kurang 150 dari 450 AK'],
  },
  {
    // Ahli Utama IV/d–IV/e, 200 AK per KP.
    name: 'JF Ahli Utama at IV/d (bottom) with 250 AK: KP pilihan to IV/e',
    record: { positionType: 'JF_AHLI_UTAMA', golongan: 'IV/d', education: 'S2', creditPoints: 250 },
    promotion: { eligible: true, kind: 'pilihan-jf', nextGolongan: 'IV/e', ...readyNow },
    problems: [],
  },
  {
    // Issue example. IV/e is the highest PNS rank (PP 99/2000); with S3 (cap IV/b) this is no data error for a JF.
    name: 'JF Ahli Utama at IV/e (top) with S3: top rank, no false flag',
    record: { positionType: 'JF_AHLI_UTAMA', golongan: 'IV/e', education: 'S3', creditPoints: 50 },
    promotion: { ...closed, kind: 'pilihan-jf', blockedBy: 'top-rank' },
    problems: [],
  },
  {
    // PermenPANRB 1/2023: Ahli Muda is III/c–III/d, so IV/a is outside it — a real anomaly.
    name: 'JF Ahli Muda recorded at IV/a: outside the jenjang range, flagged',
    record: { positionType: 'JF_AHLI_MUDA', golongan: 'IV/a', creditPoints: 120 },
    promotion: { ...closed, kind: 'pilihan-jf', blockedBy: 'outside-range' },
    problems: ['rank-outside-jenjang'],
    says: ['di luar rentang jenjang Ahli Muda (III/c–III/d)'],
  },

  // ---- KP pilihan, JF keterampilan — PermenPANRB 1/2023; Peraturan BKN 3/2023 (keterampilan AK figures: verify)
  {
    // Pemula is II/a only: it is its own top; Pemula → Terampil needs 15 AK. Jenjang read from the position name.
    name: 'JF keterampilan Pemula at II/a: jenjang move to Terampil, 5 AK short',
    record: { positionType: 'JF_KETERAMPILAN', positionName: 'Pengelola Barang Pemula', golongan: 'II/a', education: 'SLTA', creditPoints: 10 },
    promotion: { ...closed, kind: 'pilihan-jf', blockedBy: 'jenjang-top', creditPointsShort: 5 },
    problems: [],
    says: ['jenjang Pemula (II/a, dibaca dari nama jabatan karena kolom jenjang kosong)', 'masih kurang 5 dari 15 AK'],
  },
  {
    // Terampil II/b–II/d, 20 AK per KP.
    name: 'JF keterampilan Terampil at II/b (bottom) with 25 AK: KP pilihan to II/c',
    record: { positionType: 'JF_KETERAMPILAN', jenjang: 'TERAMPIL', golongan: 'II/b', education: 'SLTA', creditPoints: 25 },
    promotion: { eligible: true, kind: 'pilihan-jf', nextGolongan: 'II/c', ...readyNow },
    problems: [],
  },
  {
    // II/d tops Terampil; Terampil → Mahir needs 60 AK.
    name: 'JF keterampilan Terampil at II/d (top): jenjang move to Mahir',
    record: { positionType: 'JF_KETERAMPILAN', jenjang: 'TERAMPIL', golongan: 'II/d', education: 'SLTA', creditPoints: 70 },
    promotion: { ...closed, kind: 'pilihan-jf', blockedBy: 'jenjang-top', creditPointsShort: 0 },
    problems: [],
    says: ['perlu kenaikan jenjang ke Mahir', 'angka kredit 70 sudah memenuhi 60 AK'],
  },
  {
    // Mahir III/a–III/b, 50 AK; with no jenjang recorded and a name without a level, the golongan implies Mahir.
    name: 'JF keterampilan at III/a without a jenjang: Mahir from the golongan, KP pilihan to III/b',
    record: { positionType: 'JF_KETERAMPILAN', positionName: 'Pengawas Perikanan', golongan: 'III/a', education: 'D-III', creditPoints: 55 },
    promotion: { eligible: true, kind: 'pilihan-jf', nextGolongan: 'III/b', ...readyNow },
    problems: [],
    says: ['disimpulkan dari golongan karena kolom jenjang kosong'],
  },
  {
    // III/b tops Mahir; Mahir → Penyelia needs 100 AK; AK not recorded.
    name: 'JF keterampilan Mahir at III/b (top), AK unknown: jenjang move to Penyelia',
    record: { positionType: 'JF_KETERAMPILAN', jenjang: 'MAHIR', golongan: 'III/b', education: 'D-III', creditPoints: null },
    promotion: { ...closed, kind: 'pilihan-jf', blockedBy: 'jenjang-top', creditPointsShort: null },
    problems: ['missing-credit-points'],
    says: ['angka kredit belum tercatat (dibutuhkan 100 AK)'],
  },
  {
    // Penyelia III/c–III/d, 100 AK; SLTA's regular cap (III/b) does not bind a JF.
    name: 'JF keterampilan Penyelia at III/c (bottom) with SLTA: KP pilihan to III/d, no false flag',
    record: { positionType: 'JF_KETERAMPILAN', jenjang: 'PENYELIA', golongan: 'III/c', education: 'SLTA', creditPoints: 100 },
    promotion: { eligible: true, kind: 'pilihan-jf', nextGolongan: 'III/d', ...readyNow },
    problems: [],
  },
  {
    // Penyelia is the top of the keterampilan track: beyond III/d only by moving to another post.
    name: 'JF keterampilan Penyelia at III/d (top of the track)',
    record: { positionType: 'JF_KETERAMPILAN', jenjang: 'PENYELIA', golongan: 'III/d', education: 'SLTA', creditPoints: 100 },
    promotion: { ...closed, kind: 'pilihan-jf', blockedBy: 'jenjang-top', creditPointsShort: null },
    problems: [],
    says: ['Penyelia adalah jenjang tertinggi kategori keterampilan'],
  },
  {
    // Mahir is III/a–III/b: III/c recorded with jenjang Mahir is a real anomaly.
    name: 'JF keterampilan recorded Mahir at III/c: outside the range, flagged',
    record: { positionType: 'JF_KETERAMPILAN', jenjang: 'MAHIR', golongan: 'III/c', education: 'D-III', creditPoints: 60 },
    promotion: { ...closed, kind: 'pilihan-jf', blockedBy: 'outside-range' },
    problems: ['rank-outside-jenjang'],
  },

  // ---- KP pilihan, structural: rank inside the eselon's range — PP 100/2000 jo PP 13/2002; 4 years in rank (PP 99/2000 Ps 8)
  {
    // I.a is IV/d–IV/e: IV/e is inside.
    name: 'JPT utama eselon I.a at IV/d: KP pilihan to IV/e',
    record: { positionType: 'JPT_UTAMA', eselon: 'I.a', golongan: 'IV/d', education: 'S2' },
    promotion: { eligible: true, kind: 'pilihan-struktural', nextGolongan: 'IV/e', ...readyNow },
    problems: [],
  },
  {
    // No eselon recorded: JPT madya is assumed I.b (IV/c–IV/e), which the reason says.
    name: 'JPT madya without an eselon at IV/d: I.b assumed, KP pilihan to IV/e',
    record: { positionType: 'JPT_MADYA', golongan: 'IV/d', education: 'S2' },
    promotion: { eligible: true, kind: 'pilihan-struktural', nextGolongan: 'IV/e', ...readyNow },
    problems: [],
    says: ['eselon I.b (IV/c–IV/e, PP 100/2000 jo PP 13/2002), dianggap demikian karena kolom eselon kosong'],
  },
  {
    // Issue example. II.a is IV/c–IV/d; S2's regular cap (IV/a) does not bind a structural official.
    name: 'JPT pratama eselon II.a at IV/c with S2: KP pilihan to IV/d, no false flag',
    record: { positionType: 'JPT_PRATAMA', eselon: 'II.a', golongan: 'IV/c', education: 'S2' },
    promotion: { eligible: true, kind: 'pilihan-struktural', nextGolongan: 'IV/d', ...readyNow },
    problems: [],
  },
  {
    // II.a tops at IV/d.
    name: 'JPT pratama eselon II.a at IV/d: highest rank for the eselon',
    record: { positionType: 'JPT_PRATAMA', eselon: 'II.a', golongan: 'IV/d', education: 'S2' },
    promotion: { ...closed, kind: 'pilihan-struktural', blockedBy: 'eselon-top' },
    problems: [],
    says: ['karena golongan IV/d sudah pangkat tertinggi untuk eselon II.a (IV/c–IV/d'],
  },
  {
    // II.b is IV/b–IV/c.
    name: 'JPT pratama eselon II.b at IV/c: highest rank for the eselon',
    record: { positionType: 'JPT_PRATAMA', eselon: 'II.b', golongan: 'IV/c', education: 'S1' },
    promotion: { ...closed, kind: 'pilihan-struktural', blockedBy: 'eselon-top' },
    problems: [],
  },
  {
    // III.a is IV/a–IV/b; S1's cap (III/d) binds only KP reguler.
    name: 'administrator eselon III.a at IV/a with S1: KP pilihan to IV/b',
    record: { positionType: 'ADMINISTRATOR', eselon: 'III.a', golongan: 'IV/a', education: 'S1' },
    promotion: { eligible: true, kind: 'pilihan-struktural', nextGolongan: 'IV/b', ...readyNow },
    problems: [],
  },
  {
    // III.b is III/d–IV/a.
    name: 'administrator eselon III.b at IV/a: highest rank for the eselon',
    record: { positionType: 'ADMINISTRATOR', eselon: 'III.b', golongan: 'IV/a', education: 'S1' },
    promotion: { ...closed, kind: 'pilihan-struktural', blockedBy: 'eselon-top' },
    problems: [],
    says: ['sudah pangkat tertinggi untuk eselon III.b'],
  },
  {
    // No eselon: III/d fits III.b (III/d–IV/a), so it is no anomaly; the KP uses the default III.a (top IV/b).
    name: 'administrator without an eselon at III/d: no flag, KP pilihan to IV/a',
    record: { positionType: 'ADMINISTRATOR', golongan: 'III/d', education: 'S1' },
    promotion: { eligible: true, kind: 'pilihan-struktural', nextGolongan: 'IV/a', ...readyNow },
    problems: [],
  },
  {
    // IV.a is III/c–III/d.
    name: 'pengawas eselon IV.a at III/c: KP pilihan to III/d',
    record: { positionType: 'PENGAWAS', eselon: 'IV.a', golongan: 'III/c', education: 'S1' },
    promotion: { eligible: true, kind: 'pilihan-struktural', nextGolongan: 'III/d', ...readyNow },
    problems: [],
  },
  {
    // IV.a tops at III/d.
    name: 'pengawas eselon IV.a at III/d: "sudah pangkat tertinggi untuk eselon IV.a"',
    record: { positionType: 'PENGAWAS', eselon: 'IV.a', golongan: 'III/d', education: 'S1' },
    promotion: { ...closed, kind: 'pilihan-struktural', blockedBy: 'eselon-top' },
    problems: [],
    says: ['sudah pangkat tertinggi untuk eselon IV.a (III/c–III/d'],
    saysEn: ['because III/d is already the highest rank for eselon IV.a (III/c–III/d'],
  },
  {
    // IV.b is III/b–III/c.
    name: 'pengawas eselon IV.b at III/c: highest rank for the eselon',
    record: { positionType: 'PENGAWAS', eselon: 'IV.b', golongan: 'III/c', education: 'D-III' },
    promotion: { ...closed, kind: 'pilihan-struktural', blockedBy: 'eselon-top' },
    problems: [],
  },
  {
    // No pengawas eselon (IV.a III/c–III/d, IV.b III/b–III/c) holds IV/b: a real anomaly.
    name: 'pengawas at IV/b: outside every eselon IV range, flagged',
    record: { positionType: 'PENGAWAS', golongan: 'IV/b', education: 'S2' },
    promotion: { ...closed, kind: 'pilihan-struktural', blockedBy: 'outside-range' },
    problems: ['rank-outside-eselon'],
    says: ['golongan IV/b di luar rentang pangkat jabatan pengawas (eselon belum tercatat), yaitu III/b–III/d'],
  },

  // ---- KGB — PP 7/1977 Ps 11–13: every 2 years; none on or after TMT pensiun; a missed run is several KGBs
  {
    // Last KGB 1 May 2018: 2020, 2022, 2024 and 1 May 2026 have all passed unrecorded.
    name: 'KGB last recorded in 2018: every missed KGB listed',
    record: { lastKgbTmt: '2018-05-01' },
    kgb: { overdue: true, nextDate: '2020-05-01', missed: ['2020-05-01', '2022-05-01', '2024-05-01', '2026-05-01'] },
    problems: ['kgb-overdue'],
    says: ['4 KGB sudah lewat dan belum tercatat (TMT 1 Mei 2020, 1 Mei 2022, 1 Mei 2024, 1 Mei 2026)'],
    saysEn: ['4 KGBs have passed and are not recorded (1 May 2020, 1 May 2022, 1 May 2024, 1 May 2026)'],
  },
  {
    // Born 10 Sep 1968, pelaksana BUP 58 (UU 20/2023 Ps 55): TMT pensiun 1 Oct 2026. The KGB of 1 Jan 2027 falls
    // after it: neither due nor overdue. Still active after TMT: flagged.
    name: 'past BUP and still active: no KGB after TMT pensiun, flagged as active',
    record: { birthDate: '1968-09-10', tmtCpns: '1995-03-01', lastKgbTmt: '2025-01-01' },
    kgb: { nextDate: null, overdue: false, missed: [] },
    pension: { tmtPension: '2026-10-01', alreadyPast: true, urgency: 'none' },
    problems: ['active-after-pension'],
    says: ['jatuh pada atau setelah TMT pensiun 1 Oktober 2026, sehingga tidak ada KGB lagi'],
  },
  {
    // Born 10 Jan 1966: TMT pensiun 1 Feb 2024. Missed KGBs 2021 and 2023 are owed; 1 Jan 2025 is after TMT.
    name: 'missed KGBs stop at TMT pensiun',
    record: { birthDate: '1966-01-10', tmtCpns: '1990-03-01', lastKgbTmt: '2019-01-01' },
    kgb: { overdue: true, missed: ['2021-01-01', '2023-01-01'] },
    problems: ['active-after-pension', 'kgb-overdue'],
  },

  // ---- Pension — UU 20/2023 Ps 55; PP 11/2017; proposal 12 months ahead (practice)
  {
    // Born 10 Feb 1969: 58 on 10 Feb 2027 → TMT 1 Mar 2027; proposal from 1 Mar 2026, 9 months late; under 6
    // months to TMT: "mendesak".
    name: 'pension proposal months late, TMT under 6 months away: urgent',
    record: { birthDate: '1969-02-10', tmtCpns: '1995-03-01' },
    pension: { tmtPension: '2027-03-01', proposalStartsOn: '2026-03-01', urgency: 'urgent', daysToTmt: 85 },
    problems: ['pension-proposal-late'],
    says: ['usul sudah terlambat 9 bulan dan TMT pensiun tinggal 2 bulan — mendesak', 'mendesak: TMT pensiun 1 Maret 2027 tinggal 85 hari'],
  },
  {
    // Born 5 Nov 1968: 58 on 5 Nov 2026 → TMT 1 Dec 2026; on 23 Nov 2026 it is 8 days away: "sangat mendesak".
    name: 'TMT pensiun 8 days away: critical',
    record: { birthDate: '1968-11-05', tmtCpns: '1995-03-01' },
    asOf: '2026-11-23',
    pension: { tmtPension: '2026-12-01', urgency: 'critical', daysToTmt: 8 },
    problems: ['pension-proposal-late'],
    says: ['TMT pensiun tinggal 8 hari — SANGAT MENDESAK'],
    saysEn: ['retirement is 8 days away — VERY URGENT'],
  },
  {
    // Born 15 Aug 1969: TMT 1 Sep 2027; proposal from 1 Sep 2026: due, 9 months still to go.
    name: 'pension proposal due, not yet urgent',
    record: { birthDate: '1969-08-15', tmtCpns: '1995-03-01' },
    pension: { tmtPension: '2027-09-01', proposalStartsOn: '2026-09-01', urgency: 'due' },
    problems: ['pension-proposal-late'],
  },
  {
    // Born on the 1st (1 Jul 1970), BUP 58: 58 on 1 Jul 2028 → the 1st of the next month, 1 Aug 2028 (default).
    name: 'born on the 1st: TMT the 1st of the next month by default',
    record: { birthDate: '1970-07-01', tmtCpns: '1995-03-01' },
    pension: { bupReachedOn: '2028-07-01', tmtPension: '2028-08-01' },
  },
  {
    // The same birthday with the other reading (setting pensionTmtRule, marked verify): 1 Jul 2028.
    name: 'born on the 1st, other reading: TMT that same day',
    record: { birthDate: '1970-07-01', tmtCpns: '1995-03-01' },
    rules: { pensionTmtRule: 'first-of-month-when-born-on-first' },
    pension: { bupReachedOn: '2028-07-01', tmtPension: '2028-07-01' },
  },
  {
    // Born 29 Feb 1972, BUP 58: 2030 is no leap year; default reading 28 Feb 2030 → TMT 1 Mar 2030.
    name: 'born on 29 February: 28 February in a non-leap year by default',
    record: { birthDate: '1972-02-29', tmtCpns: '1995-03-01' },
    pension: { bupReachedOn: '2030-02-28', tmtPension: '2030-03-01' },
    says: ['lahir 29 Februari'],
  },
  {
    // Same, setting leapDayBirthday 'mar-1' (verify): 1 Mar 2030 → TMT 1 Apr 2030.
    name: 'born on 29 February, 1 March reading',
    record: { birthDate: '1972-02-29', tmtCpns: '1995-03-01' },
    rules: { leapDayBirthday: 'mar-1' },
    pension: { bupReachedOn: '2030-03-01', tmtPension: '2030-04-01' },
  },
  {
    // JF Ahli Madya BUP 60 (PP 11/2017): 29 Feb 1968 + 60 = 29 Feb 2028, a leap year → TMT 1 Mar 2028.
    name: 'JF Ahli Madya born 29 February reaching BUP 60 in a leap year',
    record: { birthDate: '1968-02-29', tmtCpns: '1995-03-01', positionType: 'JF_AHLI_MADYA', golongan: 'IV/b', education: 'S2', creditPoints: 10 },
    pension: { bupAge: 60, bupReachedOn: '2028-02-29', tmtPension: '2028-03-01' },
  },
  {
    // UU 20/2023 Ps 55: administrator BUP is 58, not 60.
    name: 'administrator BUP 58',
    record: { birthDate: '1970-06-10', tmtCpns: '1995-03-01', positionType: 'ADMINISTRATOR', golongan: 'IV/a', eselon: 'III.a' },
    pension: { bupAge: 58, tmtPension: '2028-07-01' },
  },

  // ---- PPPK — PP 49/2018: no KGB/KP of PNS, no pension proposal; the agreement ends at the BUP age
  {
    name: 'PPPK: perjanjian kerja berakhir, no pension proposal, no KGB or KP',
    record: { employmentType: 'PPPK', golongan: 'IX', tmtCpns: null, lastKgbTmt: null, birthDate: '1985-06-10', positionType: 'JF_AHLI_PERTAMA' },
    kgb: { nextDate: null, overdue: false },
    promotion: { ...closed, kind: null, blockedBy: 'not-applicable' },
    pension: { kind: 'akhir-perjanjian', tmtPension: '2043-07-01', proposalStartsOn: null, urgency: 'none' },
    problems: [],
    says: ['perjanjian kerja PPPK berakhir 1 Juli 2043', 'PPPK tidak mengajukan usul pensiun'],
    saysEn: ['the PPPK work agreement ends on 1 July 2043', 'PPPK have no pension proposal'],
  },
  {
    // Born 10 May 1966: 58 on 10 May 2024, agreement ended 1 Jun 2024; still active is a record problem.
    name: 'PPPK past the BUP age and still active: flagged with the agreement wording',
    record: { employmentType: 'PPPK', golongan: 'V', tmtCpns: null, lastKgbTmt: null, birthDate: '1966-05-10' },
    pension: { kind: 'akhir-perjanjian', alreadyPast: true },
    problems: ['active-after-pension'],
    says: ['PPPK masih tercatat aktif padahal perjanjian kerjanya berakhir 1 Juni 2024'],
  },
];

function nipMatching(record: EmployeeRecord): string {
  const birth = record.birthDate.replaceAll('-', '');
  const gender = record.gender === 'L' ? '1' : '2';
  if (record.employmentType === 'PPPK') return `${birth}202313${gender}001`;
  return `${birth}${(record.tmtCpns ?? '2005-03-01').slice(0, 7).replace('-', '')}${gender}001`;
}

/** Born 15 Mar 1980, CPNS 1 Mar 2005, in rank since 1 Apr 2020, last KGB 1 Mar 2025: nothing due but what a row sets. */
function record({ golonganCell, ...overrides }: Example['record']): EmployeeRecord {
  const golongan = golonganCell === undefined ? overrides.golongan : (parseGolonganCell(golonganCell) as { value: string }).value;
  const draft: EmployeeRecord = {
    nip: '',
    name: 'Contoh',
    birthDate: '1980-03-15',
    gender: 'L',
    employmentType: 'PNS',
    golongan: 'III/b',
    tmtGolongan: '2020-04-01',
    education: 'S1',
    positionName: 'Analis',
    positionType: 'PELAKSANA',
    unit: 'Sekretariat',
    tmtCpns: '2005-03-01',
    lastKgbTmt: '2025-03-01',
    creditPoints: null,
    phone: null,
    email: null,
    active: true,
    ...overrides,
    ...(golongan ? { golongan } : {}),
  };
  return employeeRecordSchema.parse({ ...draft, nip: nipMatching(draft) });
}

describe('career engine worked examples', () => {
  it('has at least 40 worked examples', () => {
    expect(examples.length).toBeGreaterThanOrEqual(40);
  });

  it.each(examples)('$name', (example) => {
    const rules = { ...defaultCareerRules, ...example.rules };
    const dates = computeCareerDates(record(example.record), example.asOf ?? '2026-12-06', rules);
    if (example.kgb) expect(dates.kgb).toMatchObject(example.kgb);
    if (example.promotion) expect(dates.promotion).toMatchObject(example.promotion);
    if (example.pension) expect(dates.pension).toMatchObject(example.pension);
    if (example.problems) expect(dates.problems.map((p) => p.code).sort()).toEqual([...example.problems].sort());
    // Every date and every refusal keeps its reason.
    for (const reason of [dates.promotion.reason, dates.pension.reason]) expect(reason).toMatch(/^karena /);
    if (dates.kgb.reason) expect(dates.kgb.reason).toMatch(/^karena /);
    const text = [dates.kgb.reason, dates.promotion.reason, dates.pension.reason, ...dates.problems.map((p) => p.message)].join('\n');
    for (const fragment of example.says ?? []) expect(text).toContain(fragment);
    // …in English too, for staff who read LAYANI in English: no Indonesian connective left in it.
    for (const reason of [dates.promotion.reasonEn, dates.pension.reasonEn]) expect(reason).toMatch(/^because /);
    if (dates.kgb.reason) expect(dates.kgb.reasonEn).toMatch(/^because /);
    const english = [dates.kgb.reasonEn, dates.promotion.reasonEn, dates.pension.reasonEn, ...dates.problems.map((p) => p.messageEn)];
    for (const line of english) expect(line).not.toMatch(/\b(karena|sehingga|belum|sudah|tercatat|setiap|tanggal)\b/);
    for (const fragment of example.saysEn ?? []) expect(english.join('\n')).toContain(fragment);
  });
});
