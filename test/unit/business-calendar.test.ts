import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  BusinessCalendar,
  compileWeeklyHours,
  defaultBusinessCalendar,
  defaultCalendarDir,
  loadCalendarFiles,
  parseCalendarFile,
  regularOfficeHours,
  type Holiday,
} from '../../core/calendar/index.js';

/** A WIB wall-clock time, e.g. wib('2026-01-02T16:45'). */
const wib = (local: string) => new Date(`${local}:00+07:00`);

const holidays: Holiday[] = [
  { date: '2026-01-01', name: 'Tahun Baru 2026 Masehi', kind: 'libur_nasional' },
  { date: '2026-05-14', name: 'Kenaikan Yesus Kristus', kind: 'libur_nasional' },
  { date: '2026-05-15', name: 'Cuti Bersama Kenaikan Yesus Kristus', kind: 'cuti_bersama' },
];
const ramadan = [{ from: '2026-02-19', to: '2026-03-20' }];
const calendar = new BusinessCalendar({ holidays, ramadan, years: [2026] });

describe('office hours and next opening', () => {
  it('a message on Friday 16:45 WIB waits for Monday 07:30', () => {
    const friday = wib('2026-01-02T16:45');
    expect(calendar.isOpen(friday)).toBe(false);
    expect(calendar.nextOpening(friday)).toEqual(wib('2026-01-05T07:30'));
    expect(calendar.describeNextOpening(friday, 'id')).toBe('Senin, 5 Januari 2026 pukul 07.30 WIB');
    expect(calendar.describeNextOpening(friday, 'en')).toBe('Monday, 5 January 2026 at 07:30 WIB');
  });

  it('opens at 07:30 and closes at 16:00 (Mon–Thu) or 16:30 (Fri), closing minute excluded', () => {
    expect(calendar.isOpen(wib('2026-01-05T07:29'))).toBe(false);
    expect(calendar.isOpen(wib('2026-01-05T07:30'))).toBe(true);
    expect(calendar.isOpen(wib('2026-01-05T15:59'))).toBe(true);
    expect(calendar.isOpen(wib('2026-01-05T16:00'))).toBe(false);
    expect(calendar.isOpen(wib('2026-01-09T16:15'))).toBe(true);
    expect(calendar.isOpen(wib('2026-01-09T16:30'))).toBe(false);
    expect(calendar.isOpen(wib('2026-01-10T10:00'))).toBe(false);
  });

  it('next opening is the instant itself when open, and later the same day before opening', () => {
    const open = wib('2026-01-06T10:17');
    expect(calendar.nextOpening(open)).toEqual(open);
    expect(calendar.describeNextOpening(open, 'id')).toBe('Selasa, 6 Januari 2026 pukul 10.17 WIB');
    expect(calendar.nextOpening(wib('2026-01-06T05:00'))).toEqual(wib('2026-01-06T07:30'));
  });

  it('uses WIB days whatever the UTC date is', () => {
    // 2026-01-05T23:30Z is Tuesday 06:30 WIB.
    expect(calendar.nextOpening(new Date('2026-01-05T23:30:00Z'))).toEqual(wib('2026-01-06T07:30'));
  });

  it('a national holiday is closed: New Year on Thursday opens again Friday', () => {
    expect(calendar.isOpen(wib('2026-01-01T10:00'))).toBe(false);
    expect(calendar.nextOpening(wib('2026-01-01T10:00'))).toEqual(wib('2026-01-02T07:30'));
    expect(calendar.isBusinessDay('2026-01-01')).toBe(false);
    expect(calendar.isBusinessDay('2026-01-02')).toBe(true);
  });
});

describe('SLA due times (addBusinessMinutes)', () => {
  it('4 business hours from Thursday 14:00: 2 h Thursday (to 16:00) + 2 h Friday (07:30–09:30)', () => {
    expect(calendar.addBusinessMinutes(wib('2026-01-08T14:00'), 4 * 60)).toEqual(wib('2026-01-09T09:30'));
  });

  it('4 business hours from Thursday 14:30: 1.5 h Thursday + 2.5 h Friday → Friday 10:00', () => {
    expect(calendar.addBusinessMinutes(wib('2026-01-08T14:30'), 4 * 60)).toEqual(wib('2026-01-09T10:00'));
  });

  it('a due time exactly at closing stays at closing; 0 minutes is the start', () => {
    expect(calendar.addBusinessMinutes(wib('2026-01-08T14:00'), 120)).toEqual(wib('2026-01-08T16:00'));
    expect(calendar.addBusinessMinutes(wib('2026-01-10T11:00'), 0)).toEqual(wib('2026-01-10T11:00'));
  });

  it('starting while closed counts from the next opening', () => {
    expect(calendar.addBusinessMinutes(wib('2026-01-10T11:00'), 60)).toEqual(wib('2026-01-12T08:30'));
  });

  it('skips a national holiday and the cuti bersama after it', () => {
    // Wed 13 May 15:00–16:00 = 1 h; Thu 14 May Kenaikan, Fri 15 May cuti bersama, weekend; Mon 18 May 07:30 + 1 h.
    expect(calendar.addBusinessMinutes(wib('2026-05-13T15:00'), 120)).toEqual(wib('2026-05-18T08:30'));
    expect(calendar.isOpen(wib('2026-05-15T10:00'))).toBe(false);
    expect(calendar.holidaysOn('2026-05-15').map((h) => h.kind)).toEqual(['cuti_bersama']);
    expect(calendar.describeNextOpening(wib('2026-05-14T09:00'), 'id')).toBe('Senin, 18 Mei 2026 pukul 07.30 WIB');
  });

  it('3 business days (3 × 510 min) from Wednesday 13 May 07:30 end Tuesday 19 May 16:00', () => {
    const due = calendar.addBusinessMinutes(wib('2026-05-13T07:30'), 3 * 510);
    expect(due).toEqual(wib('2026-05-19T16:00'));
    expect(calendar.businessMinutesBetween(wib('2026-05-13T07:30'), due)).toBe(1530);
  });

  it('steps by day segments: a year of business time is computed quickly', () => {
    const plain = new BusinessCalendar({ holidays: [], ramadan: [] });
    const started = performance.now();
    // 52 weeks × (4 × 510 + 540) minutes from Monday 5 Jan 07:30 ends on the Friday of week 52 at closing.
    expect(plain.addBusinessMinutes(wib('2026-01-05T07:30'), 52 * 2580)).toEqual(wib('2027-01-01T16:30'));
    expect(performance.now() - started).toBeLessThan(500);
  });

  it('rejects negative or non-finite minutes and invalid dates', () => {
    expect(() => calendar.addBusinessMinutes(wib('2026-01-05T08:00'), -1)).toThrow(RangeError);
    expect(() => calendar.addBusinessMinutes(wib('2026-01-05T08:00'), Number.NaN)).toThrow(RangeError);
    expect(() => calendar.isOpen(new Date('nope'))).toThrow(RangeError);
  });
});

describe('Ramadan hours (08:00–15:00 Mon–Thu, 08:00–15:30 Fri)', () => {
  it('opens at 08:00, not 07:30', () => {
    expect(calendar.isRamadan('2026-02-19')).toBe(true);
    expect(calendar.isOpen(wib('2026-02-19T07:45'))).toBe(false);
    expect(calendar.nextOpening(wib('2026-02-19T07:45'))).toEqual(wib('2026-02-19T08:00'));
  });

  it('the day before Ramadan keeps regular hours; the SLA carries into the first Ramadan morning', () => {
    expect(calendar.isOpen(wib('2026-02-18T15:30'))).toBe(true);
    // Wed 18 Feb 15:30–16:00 = 30 min; Thu 19 Feb (Ramadan) 08:00 + 30 min.
    expect(calendar.addBusinessMinutes(wib('2026-02-18T15:30'), 60)).toEqual(wib('2026-02-19T08:30'));
  });

  it('closes at 15:00 Mon–Thu and 15:30 Friday', () => {
    // Thu 26 Feb 14:30–15:00 = 30 min; Fri 27 Feb 08:00 + 30 min.
    expect(calendar.addBusinessMinutes(wib('2026-02-26T14:30'), 60)).toEqual(wib('2026-02-27T08:30'));
    expect(calendar.isOpen(wib('2026-02-27T15:15'))).toBe(true);
    expect(calendar.isOpen(wib('2026-02-27T15:45'))).toBe(false);
    expect(calendar.describeNextOpening(wib('2026-02-27T15:45'), 'en')).toBe('Monday, 2 March 2026 at 08:00 WIB');
  });

  it('a Ramadan week has 4 × 7 h + 7.5 h = 35.5 h open (32.5 h net of breaks), a regular week 43 h', () => {
    expect(calendar.businessMinutesBetween(wib('2026-02-23T00:00'), wib('2026-03-02T00:00'))).toBe(4 * 420 + 450);
    expect(calendar.businessMinutesBetween(wib('2026-01-05T00:00'), wib('2026-01-12T00:00'))).toBe(4 * 510 + 540);
  });

  it('regular hours return after the last Ramadan day', () => {
    expect(calendar.isOpen(wib('2026-03-20T07:45'))).toBe(false);
    expect(calendar.isOpen(wib('2026-03-23T07:45'))).toBe(true);
  });
});

describe('businessMinutesBetween', () => {
  it('counts only open minutes across a weekend: Fri 15:00 → Mon 09:00 = 90 + 90', () => {
    expect(calendar.businessMinutesBetween(wib('2026-01-09T15:00'), wib('2026-01-12T09:00'))).toBe(180);
    expect(calendar.businessMinutesBetween(wib('2026-01-12T09:00'), wib('2026-01-09T15:00'))).toBe(-180);
  });

  it('is zero within closed time and for equal instants', () => {
    expect(calendar.businessMinutesBetween(wib('2026-01-10T09:00'), wib('2026-01-11T20:00'))).toBe(0);
    expect(calendar.businessMinutesBetween(wib('2026-01-06T09:00'), wib('2026-01-06T09:00'))).toBe(0);
  });

  it('is the inverse of addBusinessMinutes', () => {
    const starts = ['2026-01-02T16:45', '2026-01-08T14:00', '2026-02-18T15:30', '2026-05-13T12:10', '2026-03-14T03:00'];
    for (const start of starts) {
      for (const minutes of [1, 59, 510, 1000, 5000]) {
        const due = calendar.addBusinessMinutes(wib(start), minutes);
        expect(calendar.businessMinutesBetween(wib(start), due), `${start} + ${minutes}`).toBe(minutes);
      }
    }
  });
});

describe('office hours configuration', () => {
  it('can split a day to stop the SLA clock over the lunch break', () => {
    const withBreak = new BusinessCalendar({
      holidays: [],
      ramadan: [],
      officeHours: {
        regular: { ...regularOfficeHours, monday: [{ from: '13:00', to: '16:00' }, { from: '07:30', to: '12:00' }] },
        ramadan: regularOfficeHours,
      },
    });
    expect(withBreak.isOpen(wib('2026-01-05T12:30'))).toBe(false);
    expect(withBreak.nextOpening(wib('2026-01-05T12:30'))).toEqual(wib('2026-01-05T13:00'));
    // Mon 11:00–12:00 = 60 min, then 13:00 + 30 min.
    expect(withBreak.addBusinessMinutes(wib('2026-01-05T11:00'), 90)).toEqual(wib('2026-01-05T13:30'));
  });

  it('rejects malformed schedules', () => {
    expect(() => compileWeeklyHours({ ...regularOfficeHours, monday: [{ from: '16:00', to: '07:30' }] })).toThrow();
    expect(() => compileWeeklyHours({ ...regularOfficeHours, monday: [{ from: '7.30', to: '16:00' }] })).toThrow();
    expect(() =>
      compileWeeklyHours({ ...regularOfficeHours, monday: [{ from: '07:30', to: '12:00' }, { from: '11:00', to: '16:00' }] }),
    ).toThrow();
    const closed = { monday: [], tuesday: [], wednesday: [], thursday: [], friday: [], saturday: [], sunday: [] };
    expect(() => compileWeeklyHours(closed)).toThrow();
  });
});

describe('calendar files', () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });

  const valid2026 = {
    year: 2026,
    source: 'uji',
    holidays: [{ date: '2026-01-01', name: 'Tahun Baru 2026 Masehi', kind: 'libur_nasional' }],
    ramadan: { from: '2026-02-19', to: '2026-03-20' },
  };

  it('reports a broken file (file and Indonesian reason) while the others still load', () => {
    dir = mkdtempSync(join(tmpdir(), 'layani-calendar-'));
    writeFileSync(join(dir, '2026.json'), JSON.stringify(valid2026));
    writeFileSync(join(dir, '2027.json'), '{ "year": 2027, "holidays": [ { "date": "2027-01-01", } ] }');
    writeFileSync(
      join(dir, '2028.json'),
      JSON.stringify({
        year: 2028,
        source: 'uji',
        holidays: [
          { date: '2028-01-01', name: 'Tahun Baru', kind: 'libur_nasional' },
          { date: '2028-02-30', name: 'Tidak ada', kind: 'libur' },
        ],
      }),
    );
    writeFileSync(join(dir, '2030.json'), JSON.stringify({ ...valid2026, year: 2031, holidays: [], ramadan: null }));
    writeFileSync(join(dir, 'kalender-2029.json'), '{}');
    writeFileSync(join(dir, 'README.md'), '# bukan kalender');

    const { calendar: data, problems } = loadCalendarFiles(dir);

    expect(data.years).toEqual([2026]);
    expect(data.holidays.map((h) => h.date)).toEqual(['2026-01-01']);
    expect(problems.map((p) => p.file)).toEqual(['2027.json', '2028.json', '2030.json', 'kalender-2029.json']);
    const reason = (file: string) => problems.find((p) => p.file === file)?.reason ?? '';
    expect(reason('2027.json')).toContain('bukan JSON yang valid');
    expect(reason('2028.json')).toContain('"holidays" ke-2 (2028-02-30) → "date": "2028-02-30" bukan tanggal yang ada');
    expect(reason('2028.json')).toContain('"kind": harus "libur_nasional" atau "cuti_bersama"');
    expect(reason('2030.json')).toContain('"year" berisi 2031, padahal nama file untuk tahun 2030');
    expect(reason('kalender-2029.json')).toContain('diabaikan');

    const business = BusinessCalendar.fromCalendarData(data);
    expect(business.isOpen(wib('2026-01-01T10:00'))).toBe(false);
    expect(business.covers('2026-05-01')).toBe(true);
    expect(business.covers('2028-05-01')).toBe(false);
  });

  it('explains missing fields, typos in field names and dates outside the year', () => {
    const result = parseCalendarFile(
      JSON.stringify({ year: 2026, holidays: [{ date: '2027-01-01', name: 'X', kind: 'cuti_bersama', verfy: true }] }),
      '2026.json',
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.reason).toContain('"source": wajib diisi');
    expect(result.reason).toContain('kolom tidak dikenal: "verfy"');
    // Cross-field checks run once the fields themselves are right.
    const wrongYear = parseCalendarFile(
      JSON.stringify({ year: 2026, source: 'uji', holidays: [{ date: '2027-01-01', name: 'X', kind: 'cuti_bersama' }] }),
      '2026.json',
    );
    expect(wrongYear.ok ? '' : wrongYear.reason).toBe('"holidays" ke-1 (2027-01-01) → "date": tanggal 2027-01-01 bukan di tahun 2026');
  });

  it('rejects a reversed or overlong Ramadan range', () => {
    const reversed = parseCalendarFile(JSON.stringify({ ...valid2026, ramadan: { from: '2026-03-20', to: '2026-02-19' } }), '2026.json');
    expect(reversed.ok ? '' : reversed.reason).toContain('"to" tidak boleh sebelum "from"');
    const long = parseCalendarFile(JSON.stringify({ ...valid2026, ramadan: { from: '2026-02-19', to: '2026-12-19' } }), '2026.json');
    expect(long.ok ? '' : long.reason).toContain('lebih dari 31 hari');
  });

  it('reports a missing folder instead of throwing', () => {
    const { calendar: data, problems } = loadCalendarFiles(join(tmpdir(), 'layani-no-such-calendar-dir'));
    expect(data.years).toEqual([]);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.reason).toContain('folder kalender tidak bisa dibaca');
  });

  it('the shipped 2026 and 2027 files parse, with the estimates flagged for HR', () => {
    const { calendar: data, problems } = loadCalendarFiles(defaultCalendarDir);
    expect(problems).toEqual([]);
    expect(data.years).toEqual(expect.arrayContaining([2026, 2027]));
    expect(data.ramadan.length).toBeGreaterThanOrEqual(2);
    for (const year of ['2026', '2027']) {
      expect(data.holidays.some((h) => h.date.startsWith(year) && h.kind === 'libur_nasional')).toBe(true);
      expect(data.holidays.some((h) => h.date.startsWith(year) && h.kind === 'cuti_bersama')).toBe(true);
    }

    const loaded = defaultBusinessCalendar();
    expect(loaded.problems).toEqual([]);
    expect(loaded.calendar.covers('2027-06-01')).toBe(true);
    expect(loaded.calendar.isOpen(wib('2026-08-17T09:00'))).toBe(false);
  });
});
