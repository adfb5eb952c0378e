import { randomInt } from 'node:crypto';
import { hostname } from 'node:os';

// Ids for rows written with direct SQL, in the layout of Prisma's cuid(): "c", milliseconds, a counter, a
// fingerprint of this process, randomness. Rows created in the same millisecond by this process sort in the
// order they were created, which the outbox relies on to keep a ticket's card ahead of its thread messages.

const blockSize = 4;
const blockLimit = 36 ** blockSize;
const pad = (text: string, size: number) => text.padStart(size, '0').slice(-size);
const randomBlock = () => pad(randomInt(blockLimit).toString(36), blockSize);

let counter = randomInt(blockLimit);
const fingerprint = (() => {
  const host = [...hostname()].reduce((sum, char) => sum + char.charCodeAt(0), hostname().length + 36);
  return pad(process.pid.toString(36), 2) + pad(host.toString(36), 2);
})();

export function newId(): string {
  counter = (counter + 1) % blockLimit;
  return `c${pad(Date.now().toString(36), 8)}${pad(counter.toString(36), blockSize)}${fingerprint}${randomBlock()}${randomBlock()}`;
}
