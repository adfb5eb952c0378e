import type { BusinessCalendar } from '../calendar/business-calendar.js';
import type { TicketStatus } from './ticket-status.js';
import type { SlaState } from './ticket-view.js';

/**
 * The SLA clock of a ticket, as one state machine. The clock counts business minutes (ConsDesk hours) only, and
 * only while HR owes the next step:
 *
 * | ticket status     | clock    | why                                                        |
 * |-------------------|----------|------------------------------------------------------------|
 * | baru, ditangani   | running  | HR owes a (first) response or a resolution                 |
 * | menunggu_pegawai  | paused   | HR asked the employee (a document, an answer); their turn  |
 * | selesai, ditutup  | stopped  | resolved; a reopen starts it again where it stopped        |
 *
 * Entering `menunggu_pegawai` (HR's reply) or `selesai` stops it at that instant (`slaPausedAt`). Leaving either
 * for a running status (the employee's reply, a reopen) adds the business minutes it stood still to
 * `slaPausedMinutes` and moves the due times of the clocks still running by as much, so a due time is always the
 * real one and "overdue" in a database query stays simple. Both targets follow the same rule: first response and
 * resolution.
 */
export type SlaClockPhase = 'running' | 'paused' | 'stopped';

export function clockPhaseOf(status: TicketStatus | string): SlaClockPhase {
  if (status === 'menunggu_pegawai') return 'paused';
  if (status === 'selesai' || status === 'ditutup') return 'stopped';
  return 'running';
}

/** The ticket fields the clock reads and writes. */
export interface SlaClockFields {
  status: string;
  createdAt: Date;
  firstResponseDueAt: Date;
  firstResponseAt: Date | null;
  resolutionDueAt: Date;
  resolvedAt: Date | null;
  slaPausedAt: Date | null;
  slaPausedMinutes: number | null;
}

/** The clock columns after a status change, to be written with it. */
export interface SlaClockColumns {
  firstResponseDueAt: Date;
  resolutionDueAt: Date;
  slaPausedAt: Date | null;
  slaPausedMinutes: number;
}

/**
 * What a status change does to the clock: stopping it notes when; starting it again folds the time it stood
 * still into the due times. The caller writes the result in the same statement as the status.
 */
export function slaClockAfter(calendar: BusinessCalendar, ticket: SlaClockFields, nextStatus: TicketStatus, now: Date, firstResponseAt: Date | null = ticket.firstResponseAt): SlaClockColumns {
  const current: SlaClockColumns = {
    firstResponseDueAt: ticket.firstResponseDueAt,
    resolutionDueAt: ticket.resolutionDueAt,
    slaPausedAt: ticket.slaPausedAt,
    slaPausedMinutes: ticket.slaPausedMinutes ?? 0,
  };
  const before: SlaClockPhase = current.slaPausedAt ? clockPhaseOf(ticket.status) : 'running';
  const after = clockPhaseOf(nextStatus);
  if (before === after) return current;
  let next = current;
  if (current.slaPausedAt) {
    const stood = calendar.businessMinutesBetween(current.slaPausedAt, now);
    next = {
      // A first response already given is not moved: that clock has stopped for good.
      firstResponseDueAt: firstResponseAt ? current.firstResponseDueAt : calendar.addBusinessMinutes(current.firstResponseDueAt, stood),
      resolutionDueAt: calendar.addBusinessMinutes(current.resolutionDueAt, stood),
      slaPausedAt: null,
      slaPausedMinutes: current.slaPausedMinutes + stood,
    };
  }
  return after === 'running' ? next : { ...next, slaPausedAt: now };
}

/** Where one target stands now: its state, the share used, and the business minutes left (0 once past). */
export interface SlaReading {
  state: SlaState;
  /** Not met or missed yet: the target still applies. */
  open: boolean;
  used: number;
  minutesLeft: number;
}

export interface SlaClockReading {
  phase: SlaClockPhase;
  firstResponse: SlaReading;
  resolution: SlaReading;
  /** Business minutes the ticket spent waiting (paused or stopped), up to now. */
  pausedMinutes: number;
}

function readTarget(calendar: BusinessCalendar, ticket: SlaClockFields, dueAt: Date, doneAt: Date | null, countedUntil: Date, paused: boolean): SlaReading {
  const pausedBefore = ticket.slaPausedMinutes ?? 0;
  const target = Math.max(0, calendar.businessMinutesBetween(ticket.createdAt, dueAt) - pausedBefore);
  const spent = Math.max(0, calendar.businessMinutesBetween(ticket.createdAt, doneAt ?? countedUntil) - pausedBefore);
  const used = target <= 0 ? ((doneAt ?? countedUntil) >= dueAt ? 1 : 0) : spent / target;
  const minutesLeft = Math.max(0, target - spent);
  if (doneAt) return { state: doneAt <= dueAt ? 'met' : 'breached', open: false, used, minutesLeft };
  if (used >= 1) return { state: 'breached', open: true, used, minutesLeft };
  if (paused) return { state: 'paused', open: true, used, minutesLeft };
  return { state: used >= 0.8 ? 'warning' : 'ok', open: true, used, minutesLeft };
}

/** The clock read at `now`: paused clocks count up to the moment they stopped. */
export function readSlaClock(calendar: BusinessCalendar, ticket: SlaClockFields, now: Date): SlaClockReading {
  const phase = ticket.slaPausedAt ? clockPhaseOf(ticket.status) : 'running';
  const countedUntil = ticket.slaPausedAt ?? now;
  const paused = ticket.slaPausedAt !== null;
  return {
    phase,
    firstResponse: readTarget(calendar, ticket, ticket.firstResponseDueAt, ticket.firstResponseAt, countedUntil, paused),
    resolution: readTarget(calendar, ticket, ticket.resolutionDueAt, ticket.resolvedAt, countedUntil, paused),
    pausedMinutes: (ticket.slaPausedMinutes ?? 0) + (ticket.slaPausedAt ? calendar.businessMinutesBetween(ticket.slaPausedAt, now) : 0),
  };
}

/** Past a first-response or resolution target that is still open: what "overdue" means in the queue, statistics and /metrics. */
export function isOverdue(reading: SlaClockReading): boolean {
  return [reading.resolution, reading.firstResponse].some((target) => target.open && target.state === 'breached');
}

/** Business minutes from opening to `doneAt`, without the time the clock stood still before it. */
export function businessMinutesWorked(calendar: BusinessCalendar, ticket: Pick<SlaClockFields, 'createdAt' | 'slaPausedMinutes'>, doneAt: Date): number {
  return Math.max(0, calendar.businessMinutesBetween(ticket.createdAt, doneAt) - (ticket.slaPausedMinutes ?? 0));
}
