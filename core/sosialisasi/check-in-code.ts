import { randomInt } from 'node:crypto';

/** No 0/O, 1/I/L: the code is read out in a room and typed on a phone. */
const alphabet = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** Six characters: enough that nobody guesses a session's code, short enough to write on a whiteboard. */
export function newCheckInCode(): string {
  return Array.from({ length: 6 }, () => alphabet[randomInt(alphabet.length)]).join('');
}

/** What someone typed, as stored: case, spaces and dashes do not matter. */
export function normaliseCheckInCode(input: string): string {
  return input.toUpperCase().replace(/[^A-Z0-9]/g, '');
}
