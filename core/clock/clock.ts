import { todayInJakarta } from '../dates/calendar-date.js';

/** Time comes in through a clock so that tests (and the career engine) can pin "now". */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export function fixedClock(at: Date | string): Clock & { set(at: Date | string): void; advance(ms: number): void } {
  let current = new Date(at);
  return {
    now: () => new Date(current),
    set: (next) => {
      current = new Date(next);
    },
    advance: (ms) => {
      current = new Date(current.getTime() + ms);
    },
  };
}

/** Today's calendar date in WIB. */
export function todayOf(clock: Clock): string {
  return todayInJakarta(clock.now());
}

/** Real time, shifted to start at `at`: for runs that wait on real retries (429) on a chosen day. */
export function shiftedClock(at: Date | string): Clock {
  const offset = new Date(at).getTime() - Date.now();
  return { now: () => new Date(Date.now() + offset) };
}
