import { describe, expect, it } from 'vitest';
import { BusinessCalendar } from '../../core/calendar/index.js';
import { businessMinutesWorked, clockPhaseOf, isOverdue, readSlaClock, slaClockAfter, type SlaClockFields } from '../../core/tickets/sla-clock.js';

/** A WIB wall-clock time, e.g. wib('2026-11-24T09:00'). */
const wib = (local: string) => new Date(`${local}:00+07:00`);
const calendar = new BusinessCalendar({ holidays: [], ramadan: [], years: [2026] });

/** A presensi ticket opened Tuesday 24 November 2026 09:00 WIB: first response in 120, resolution in 450 minutes. */
function opened(): SlaClockFields {
  const createdAt = wib('2026-11-24T09:00');
  return {
    status: 'baru',
    createdAt,
    firstResponseDueAt: calendar.addBusinessMinutes(createdAt, 120),
    firstResponseAt: null,
    resolutionDueAt: calendar.addBusinessMinutes(createdAt, 450),
    resolvedAt: null,
    slaPausedAt: null,
    slaPausedMinutes: null,
  };
}

/** Applies a status change as the ticket service does. */
function move(ticket: SlaClockFields, status: SlaClockFields['status'], at: string, extra: Partial<SlaClockFields> = {}): SlaClockFields {
  const now = wib(at);
  const next = { ...ticket, ...extra };
  return { ...next, ...slaClockAfter(calendar, ticket, status as never, now, next.firstResponseAt), status };
}

describe('the SLA clock', () => {
  it('maps each ticket status to running, paused or stopped', () => {
    expect(['baru', 'ditangani', 'menunggu_pegawai', 'selesai', 'ditutup'].map(clockPhaseOf)).toEqual(['running', 'running', 'paused', 'stopped', 'stopped']);
  });

  it('does not count the time the ticket waits for the employee, and moves the due time by as much', () => {
    const replied = move(opened(), 'menunggu_pegawai', '2026-11-24T09:30', { firstResponseAt: wib('2026-11-24T09:30') });
    expect(replied.slaPausedAt).toEqual(wib('2026-11-24T09:30'));
    // Two days later, still waiting: 30 of 450 minutes used, paused, not overdue.
    const waiting = readSlaClock(calendar, replied, wib('2026-11-26T10:00'));
    expect(waiting.resolution).toMatchObject({ state: 'paused', minutesLeft: 420 });
    expect(isOverdue(waiting)).toBe(false);
    // The employee answers Thursday 10:00: the due time moves from Wednesday 08:30 to Friday 08:30.
    const answered = move(replied, 'ditangani', '2026-11-26T10:00');
    expect(answered.resolutionDueAt).toEqual(wib('2026-11-27T08:30'));
    expect(answered.slaPausedAt).toBeNull();
    // The first response was given: its due time stays.
    expect(answered.firstResponseDueAt).toEqual(opened().firstResponseDueAt);
    expect(readSlaClock(calendar, answered, wib('2026-11-27T08:00')).resolution.state).toBe('warning');
    expect(isOverdue(readSlaClock(calendar, answered, wib('2026-11-27T08:31')))).toBe(true);
  });

  it('resolving while waiting counts only the desk’s time; a reopen starts from what was left', () => {
    const replied = move(opened(), 'menunggu_pegawai', '2026-11-24T09:30', { firstResponseAt: wib('2026-11-24T09:30') });
    const resolved = move(replied, 'selesai', '2026-11-27T09:00', { resolvedAt: wib('2026-11-27T09:00') });
    expect(readSlaClock(calendar, resolved, wib('2026-11-30T09:00')).resolution.state).toBe('met');
    expect(businessMinutesWorked(calendar, resolved, resolved.resolvedAt!)).toBe(30);
    const reopened = move(resolved, 'ditangani', '2026-11-30T09:00', { resolvedAt: null });
    const reading = readSlaClock(calendar, reopened, wib('2026-11-30T09:00'));
    expect(reading.resolution).toMatchObject({ state: 'ok', minutesLeft: 420 });
  });

  it('a target missed before the pause stays missed', () => {
    const late = move(opened(), 'menunggu_pegawai', '2026-11-26T09:00', { firstResponseAt: wib('2026-11-26T09:00') });
    const reading = readSlaClock(calendar, late, wib('2026-11-27T09:00'));
    expect(reading.resolution.state).toBe('breached');
    expect(isOverdue(reading)).toBe(true);
    expect(reading.firstResponse.state).toBe('breached');
  });
});
