import { describe, expect, it } from 'vitest';
import { lastCompleteMonth, monthWindow, parseReportMonth, previousMonth } from '../../core/reports/report-month.js';

const now = new Date('2026-12-06T03:00:00Z');

describe('the report month', () => {
  it('reads the ways HR writes a month', () => {
    expect(parseReportMonth('2026-11', now)).toBe('2026-11');
    expect(parseReportMonth('11/2026', now)).toBe('2026-11');
    expect(parseReportMonth('November 2026', now)).toBe('2026-11');
    expect(parseReportMonth('nov 2026', now)).toBe('2026-11');
    expect(parseReportMonth('agustus', now)).toBe('2026-08');
    // A month name alone is the latest such month that has begun.
    expect(parseReportMonth('desember', now)).toBe('2026-12');
    expect(parseReportMonth('januari', new Date('2026-12-06T03:00:00Z'))).toBe('2026-01');
    expect(parseReportMonth('mei', new Date('2026-03-01T03:00:00Z'))).toBe('2025-05');
    expect(parseReportMonth('2026-13', now)).toBeNull();
    expect(parseReportMonth('bulan-depan', now)).toBeNull();
  });

  it('is a WIB month: from 00.00 WIB on the 1st to 00.00 WIB on the 1st of the next', () => {
    const november = monthWindow('2026-11');
    expect(november.from.toISOString()).toBe('2026-10-31T17:00:00.000Z');
    expect(november.to.toISOString()).toBe('2026-11-30T17:00:00.000Z');
    expect([november.firstDay, november.lastDay, november.label]).toEqual(['2026-11-01', '2026-11-30', 'November 2026']);
    expect(previousMonth('2026-01')).toBe('2025-12');
    // 1 December 2026 at 05.00 WIB is still 30 November in UTC: the last complete month is November.
    expect(lastCompleteMonth(new Date('2026-11-30T22:00:00Z'))).toBe('2026-11');
    expect(lastCompleteMonth(now)).toBe('2026-11');
  });
});
