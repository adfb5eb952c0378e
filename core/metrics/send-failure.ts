import { DeliveryRefused, NotReadyYet, RetryLater } from '../outbox/delivery-errors.js';
import type { SendFailureReason } from './metrics.js';

export interface SendFailure {
  reason: SendFailureReason;
  /** true: the platform answered (it is up); false: it could not be reached; null: the failure says nothing about it. */
  platformAnswered: boolean | null;
}

const unreachable = /unreachable|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EAI_AGAIN|ENOTFOUND|fetch failed|socket hang up|timed? ?out|network|HTTP 5\d\d/i;

/**
 * Sorts a failed delivery for the metrics and the platform's health. Works on the errors the adapters hand the
 * outbox (bots/*\/delivery.ts): the core errors, grammY's GrammyError and HttpError, and the Slack adapter's
 * "Slack error: …" / "Slack HTTP …" / "Slack unreachable: …".
 */
export function classifySendFailure(error: unknown): SendFailure | null {
  if (error instanceof NotReadyYet) return null;
  if (error instanceof RetryLater) return { reason: 'rate_limited', platformAnswered: true };
  if (error instanceof DeliveryRefused) return { reason: error.status === 'blocked' ? 'blocked' : 'refused', platformAnswered: true };
  if (!(error instanceof Error)) return { reason: 'error', platformAnswered: null };
  const status = (error as { error_code?: unknown }).error_code;
  if (error.name === 'GrammyError' && typeof status === 'number') {
    return status >= 500 ? { reason: 'unavailable', platformAnswered: false } : { reason: 'platform_error', platformAnswered: true };
  }
  if (error.name === 'HttpError' || unreachable.test(error.message)) return { reason: 'unavailable', platformAnswered: false };
  if (error.message.startsWith('Slack error:')) return { reason: 'platform_error', platformAnswered: true };
  return { reason: 'error', platformAnswered: null };
}
