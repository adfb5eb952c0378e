import { ErrorCode, type WebAPICallError } from '@slack/web-api';
import { TRPCError } from '@trpc/server';
import { ZodError } from 'zod';
import { DeliveryRefused, RetryLater } from '../../core/outbox/delivery-errors.js';

function isWebApiError(error: unknown): error is WebAPICallError {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('slack_webapi_');
}

/** The Slack error code of a Web API platform error (`channel_not_found`, …), or null. */
export function slackErrorCode(error: unknown): string | null {
  if (isWebApiError(error) && error.code === ErrorCode.PlatformError) return error.data.error ?? null;
  return null;
}

/** Errors that will fail the same way every time: retrying cannot help. */
const permanent = new Set([
  'invalid_blocks',
  'invalid_blocks_format',
  'msg_too_long',
  'no_text',
  'invalid_arguments',
  'is_archived',
  'channel_is_archived',
]);

/**
 * A failed Slack call as the outbox understands it: 429 → RetryLater(Retry-After); a request that can never
 * succeed → DeliveryRefused; anything else (network, 5xx, a channel the bot is not in yet) is thrown on, and the
 * outbox retries with backoff.
 */
export function toDeliveryError(error: unknown): unknown {
  if (!isWebApiError(error)) return error;
  if (error.code === ErrorCode.RateLimitedError) return new RetryLater(Math.max(1, error.retryAfter || 1), 'Slack rate limit');
  if (error.code === ErrorCode.PlatformError) {
    const code = error.data.error ?? 'unknown_error';
    if (code === 'ratelimited') return new RetryLater(1, 'Slack rate limit');
    if (permanent.has(code)) return new DeliveryRefused('failed', `Slack refused the message: ${code}`);
    return new Error(`Slack error: ${code}`);
  }
  if (error.code === ErrorCode.HTTPError) return new Error(`Slack HTTP ${error.statusCode}`);
  return new Error(`Slack unreachable: ${error.message}`);
}

const genericFailure = 'Maaf, terjadi gangguan. Coba lagi sebentar lagi.';

/** What to tell the HR officer when the core said no: its Indonesian message, never a stack trace. */
export function userMessageOf(error: unknown): { text: string; expected: boolean } {
  if (error instanceof ZodError) return { text: error.issues[0]?.message ?? 'Masukan tidak valid.', expected: true };
  if (error instanceof TRPCError) {
    const cause = error.cause;
    if (cause instanceof ZodError) return { text: cause.issues[0]?.message ?? 'Masukan tidak valid.', expected: true };
    if (error.code === 'INTERNAL_SERVER_ERROR') return { text: genericFailure, expected: false };
    return { text: indonesianPart(error.message), expected: true };
  }
  return { text: genericFailure, expected: false };
}

/** Core messages are "Indonesian. / English."; Slack users here read the Indonesian half. */
export function indonesianPart(message: string): string {
  const split = message.indexOf(' / ');
  return (split > 0 ? message.slice(0, split) : message).trim();
}

/**
 * An error as a log field without what it may carry along: database errors can quote the row being written (a
 * message's text), so only the name, code and first line of the message are kept.
 */
export function loggableError(error: unknown): { type: string; code?: unknown; message: string } {
  if (!(error instanceof Error)) return { type: typeof error, message: String(error).split('\n')[0]!.slice(0, 200) };
  const code = (error as { code?: unknown }).code;
  return { type: error.name, ...(code !== undefined ? { code } : {}), message: error.message.split('\n')[0]!.slice(0, 200) };
}
