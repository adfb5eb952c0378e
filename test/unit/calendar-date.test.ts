import { describe, expect, it } from 'vitest';
import {
  addMonths,
  addYears,
  compareDates,
  dayOfMonth,
  firstOfMonth,
  firstOfNextMonth,
  formatDayMonthYear,
  formatIndonesian,
  isAfter,
  isBefore,
  isCalendarDate,
  maxDate,
  minDate,
  monthsBetween,
  parseCalendarDate,
  todayInJakarta,
  yearsBetween,
} from '../../core/dates/calendar-date.js';

describe('calendar dates', () => {
  it.each([
    ['2024-02-29', true], // 2024 is a leap year
    ['2023-02-29', false],
    ['1900-02-29', false], // divisible by 100, not by 400
    ['2000-02-29', true], // divisible by 400
    ['2026-04-31', false],
    ['2026-13-01', false],
    ['2026-00-10', false],
    ['2026-4-1', false],
    ['2026-04-01T00:00', false],
  ])('isCalendarDate(%s) is %s', (value, expected) => {
    expect(isCalendarDate(value)).toBe(expected);
  });

  it('parses into parts and refuses impossible days', () => {
    expect(parseCalendarDate('1986-09-26')).toEqual({ year: 1986, month: 9, day: 26 });
    expect(() => parseCalendarDate('2023-02-29')).toThrow(RangeError);
  });

  it.each([
    ['2025-01-31', 1, '2025-02-28'], // clamp to the end of a 28-day February
    ['2024-01-31', 1, '2024-02-29'], // leap February
    ['2025-03-31', -1, '2025-02-28'],
    ['2025-11-15', 3, '2026-02-15'], // across the year end
    ['2026-01-10', -2, '2025-11-10'],
    ['2027-03-01', -2, '2027-01-01'],
    ['2026-08-31', -18, '2025-02-28'],
  ])('addMonths(%s, %i) = %s', (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });

  it.each([
    ['2024-02-29', 1, '2025-02-28'], // 29 Feb + 1 year clamps to 28 Feb
    ['2024-02-29', 4, '2028-02-29'],
    ['2022-12-05', 4, '2026-12-05'],
    ['2026-04-01', -12, '2014-04-01'],
  ])('addYears(%s, %i) = %s', (date, years, expected) => {
    expect(addYears(date, years)).toBe(expected);
  });

  it('finds the first of this and the next month', () => {
    expect(firstOfMonth('2026-03-17')).toBe('2026-03-01');
    expect(firstOfNextMonth('2026-12-05')).toBe('2027-01-01');
    expect(firstOfNextMonth('2026-03-01')).toBe('2026-04-01');
    expect(dayOfMonth('2026-02-10', 30)).toBe('2026-02-28');
    expect(dayOfMonth('2026-11-01', 16)).toBe('2026-11-16');
  });

  it('compares, and picks the latest and earliest', () => {
    expect(compareDates('2026-01-01', '2025-12-31')).toBe(1);
    expect(compareDates('2025-12-31', '2026-01-01')).toBe(-1);
    expect(compareDates('2026-01-01', '2026-01-01')).toBe(0);
    expect(isBefore('2026-03-15', '2026-03-20')).toBe(true);
    expect(isBefore('2026-03-20', '2026-03-20')).toBe(false);
    expect(isAfter('2026-03-21', '2026-03-20')).toBe(true);
    expect(maxDate('2026-12-05', '2026-11-23', '2027-01-01')).toBe('2027-01-01');
    expect(minDate('2026-12-05', '2026-11-23', '2027-01-01')).toBe('2026-11-23');
    expect(maxDate('2026-12-05')).toBe('2026-12-05');
    expect(() => compareDates('2026-02-30', '2026-01-01')).toThrow(RangeError);
  });

  it.each([
    ['2022-12-05', '2026-12-04', 47], // one day short of 48 months
    ['2022-12-05', '2026-12-05', 48],
    ['2024-01-31', '2024-02-29', 1], // end of month counts as a completed month, like addMonths
    ['2024-01-31', '2024-02-28', 0],
    ['2024-03-10', '2024-01-10', -2],
    ['2026-01-01', '2026-01-01', 0],
  ])('monthsBetween(%s, %s) = %i', (from, to, expected) => {
    expect(monthsBetween(from, to)).toBe(expected);
  });

  it.each([
    ['1986-09-26', '2026-09-25', 39], // the day before the 40th birthday
    ['1986-09-26', '2026-09-26', 40],
    ['2000-02-29', '2001-02-28', 1], // leap-day birthday counts on 28 Feb, consistent with addYears
    ['2015-05-01', '2044-10-01', 29],
    ['2019-03-01', '2028-03-01', 9],
  ])('yearsBetween(%s, %s) = %i', (from, to, expected) => {
    expect(yearsBetween(from, to)).toBe(expected);
  });

  it.each([
    ['2026-03-31T16:59:59Z', '2026-03-31'], // 23:59:59 WIB
    ['2026-03-31T17:00:00Z', '2026-04-01'], // 00:00 WIB next day
    ['2025-12-31T17:30:00Z', '2026-01-01'], // year rolls over in Jakarta first
    ['2026-06-15T03:00:00+09:00', '2026-06-15'], // 01:00 WIB the same day
  ])('todayInJakarta(%s) = %s', (instant, expected) => {
    expect(todayInJakarta(new Date(instant))).toBe(expected);
  });

  it.each([
    ['2026-04-01', '1 April 2026'],
    ['2026-01-09', '9 Januari 2026'],
    ['2026-02-28', '28 Februari 2026'],
    ['2026-03-15', '15 Maret 2026'],
    ['2026-05-20', '20 Mei 2026'],
    ['2026-06-01', '1 Juni 2026'],
    ['2026-07-01', '1 Juli 2026'],
    ['2026-08-17', '17 Agustus 2026'],
    ['1986-09-26', '26 September 1986'],
    ['2026-10-01', '1 Oktober 2026'],
    ['2026-11-16', '16 November 2026'],
    ['2025-12-31', '31 Desember 2025'],
  ])('formatIndonesian(%s) = %s', (date, expected) => {
    expect(formatIndonesian(date)).toBe(expected);
  });

  it('formats the numeric day-month-year form', () => {
    expect(formatDayMonthYear('1986-09-26')).toBe('26-09-1986');
    expect(() => formatDayMonthYear('1986-09-31')).toThrow(RangeError);
  });
});
