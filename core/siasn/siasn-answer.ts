import type { SiasnAnswer } from './siasn-client.js';

/**
 * What an answer from SIASN holds. Answers come in an envelope such as `{code, success, message, data}` or, on
 * failure, `{Error, Message}`; the shape is not documented publicly, so it is read tolerantly.
 */
export type SiasnPayload =
  | { kind: 'data'; data: unknown }
  /** SIASN does not know what was asked for (an unknown NIP). */
  | { kind: 'not_found' }
  /** Something else: a wrong URL, an error message, a body that is not JSON. `reason` never quotes the body. */
  | { kind: 'malformed'; reason: string };

const notFoundWords = /tidak\s+(di)?temukan|tidak\s+ada|not\s+found|no\s+data|kosong/i;

function isEmpty(value: unknown): boolean {
  return value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0) || (typeof value === 'object' && !Array.isArray(value) && Object.keys(value as object).length === 0);
}

export function readSiasnAnswer(answer: SiasnAnswer): SiasnPayload {
  if (answer.status === 404) return { kind: 'not_found' };
  const body = answer.body;
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    return { kind: 'malformed', reason: answer.status === 200 ? 'jawaban bukan JSON berbentuk objek' : `HTTP ${answer.status}` };
  }
  const envelope = body as Record<string, unknown>;
  const message = [envelope.message, envelope.Message, envelope.data].find((m): m is string => typeof m === 'string') ?? '';
  if (envelope.Error !== undefined && envelope.Error !== false && envelope.Error !== null) {
    return notFoundWords.test(message) ? { kind: 'not_found' } : { kind: 'malformed', reason: 'SIASN menjawab dengan pesan galat' };
  }
  if (answer.status !== 200) return { kind: 'malformed', reason: `HTTP ${answer.status}` };
  if (!('data' in envelope)) return { kind: 'malformed', reason: 'jawaban tanpa bagian data' };
  const data = envelope.data;
  if (typeof data === 'string') return notFoundWords.test(data) ? { kind: 'not_found' } : { kind: 'malformed', reason: 'data berupa teks' };
  if (isEmpty(data)) return { kind: 'not_found' };
  return { kind: 'data', data };
}
