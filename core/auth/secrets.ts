import { createHash, randomBytes, randomInt } from 'node:crypto';

/** Codes and tokens are stored as SHA-256 digests: high-entropy secrets need no slow hash, only no plaintext. */
export function digest(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

// No 0/O, 1/I/L: a code read aloud or typed from paper should not be mistyped.
const codeAlphabet = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** A one-time link code such as "K7QM-4XTP-9HZD" (about 64 bits of entropy). */
export function newLinkCode(): string {
  const chars = Array.from({ length: 12 }, () => codeAlphabet[randomInt(codeAlphabet.length)]);
  return `${chars.slice(0, 4).join('')}-${chars.slice(4, 8).join('')}-${chars.slice(8).join('')}`;
}

/** Normalises what a user typed: case, spaces and dashes do not matter. */
export function normaliseLinkCode(input: string): string {
  const plain = input.toUpperCase().replace(/[^A-Z0-9]/g, '');
  return plain.length === 12 ? `${plain.slice(0, 4)}-${plain.slice(4, 8)}-${plain.slice(8)}` : plain;
}

export function newApiToken(): string {
  return `lyn_${randomBytes(24).toString('base64url')}`;
}
