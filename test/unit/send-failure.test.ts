import { describe, expect, it } from 'vitest';
import { classifySendFailure } from '../../core/metrics/send-failure.js';
import { DeliveryRefused, NotReadyYet, RetryLater } from '../../core/outbox/delivery-errors.js';

const named = (name: string, message: string, extra: Record<string, unknown> = {}) => Object.assign(new Error(message), { name }, extra);

describe('send failures as the metrics and /readyz see them', () => {
  it.each([
    [new RetryLater(5), { reason: 'rate_limited', platformAnswered: true }],
    [new DeliveryRefused('blocked', 'Forbidden: bot was blocked by the user'), { reason: 'blocked', platformAnswered: true }],
    [new DeliveryRefused('failed', 'Bad Request: chat not found'), { reason: 'refused', platformAnswered: true }],
    [named('GrammyError', 'Call to sendMessage failed', { error_code: 502 }), { reason: 'unavailable', platformAnswered: false }],
    [named('GrammyError', 'Call to sendMessage failed', { error_code: 409 }), { reason: 'platform_error', platformAnswered: true }],
    [named('HttpError', "Network request for 'sendMessage' failed!"), { reason: 'unavailable', platformAnswered: false }],
    [new Error('Slack unreachable: connect ECONNREFUSED 127.0.0.1:1'), { reason: 'unavailable', platformAnswered: false }],
    [new Error('Slack HTTP 503'), { reason: 'unavailable', platformAnswered: false }],
    [new Error('Slack error: not_in_channel'), { reason: 'platform_error', platformAnswered: true }],
    [new Error('the Telegram adapter cannot deliver slack.ticketCard'), { reason: 'error', platformAnswered: null }],
  ])('%s', (error, expected) => {
    expect(classifySendFailure(error)).toEqual(expected);
  });

  it('does not count waiting for an earlier step as a failure', () => {
    expect(classifySendFailure(new NotReadyYet('card not posted yet'))).toBeNull();
  });
});
