import { collectDefaultMetrics, Counter, Gauge, Registry } from 'prom-client';

export type Platform = 'telegram' | 'slack';

/** Why a message could not be sent this time (the label of layani_send_failures_total). */
export type SendFailureReason = 'rate_limited' | 'blocked' | 'refused' | 'platform_error' | 'unavailable' | 'error';

export type FaqOutcome = 'answered' | 'personal' | 'escalated' | 'refused';

/**
 * LAYANI's own counters, one registry per running app (never prom-client's global one): tests run several apps in
 * one process, and each must report only its own traffic. Figures read from the database (outbox depth, open
 * tickets) are added by registerDatabaseGauges and computed when /metrics is scraped.
 */
export interface Metrics {
  registry: Registry;
  /** Updates and events received from a platform. */
  messagesIn: Counter<'platform'>;
  /** Messages a platform accepted from LAYANI: outbox deliveries and direct replies. */
  messagesOut: Counter<'platform'>;
  sendFailures: Counter<'platform' | 'reason'>;
  faqAnswers: Counter<'outcome'>;
  /** Staff who pressed "Hubungi petugas" under an FAQ answer (a ticket was opened for them). */
  faqHandOvers: Counter;
  /** Broadcast copies by outcome (sent, failed, blocked); what is still queued is a gauge read on scrape. */
  broadcastDeliveries: Counter<'status'>;
}

export function createMetrics(): Metrics {
  const registry = new Registry();
  const registers = [registry];
  return {
    registry,
    messagesIn: new Counter({
      name: 'layani_messages_in_total',
      help: 'Updates and events received, by platform',
      labelNames: ['platform'],
      registers,
    }),
    messagesOut: new Counter({
      name: 'layani_messages_out_total',
      help: 'Messages a platform accepted from LAYANI (outbox deliveries and direct replies), by platform',
      labelNames: ['platform'],
      registers,
    }),
    sendFailures: new Counter({
      name: 'layani_send_failures_total',
      help: 'Failed sends by platform and reason: rate_limited, blocked (by the user), refused (can never succeed), platform_error (another refusal, retried), unavailable (network, 5xx), error (inside LAYANI)',
      labelNames: ['platform', 'reason'],
      registers,
    }),
    faqAnswers: new Counter({
      name: 'layani_faq_answers_total',
      help: 'Questions the FAQ answerer handled, by outcome: answered, personal (from the asker\'s record), escalated (offered a human), refused',
      labelNames: ['outcome'],
      registers,
    }),
    faqHandOvers: new Counter({
      name: 'layani_faq_handovers_total',
      help: 'Tickets opened from an FAQ answer with "Hubungi petugas"',
      registers,
    }),
    broadcastDeliveries: new Counter({
      name: 'layani_broadcast_deliveries_total',
      help: 'Broadcast messages by recipient outcome: sent, failed, blocked',
      labelNames: ['status'],
      registers,
    }),
  };
}

/** Process figures: memory, CPU, event-loop lag (nodejs_eventloop_lag_seconds and its percentiles), handles. */
export function registerProcessMetrics(metrics: Metrics): void {
  collectDefaultMetrics({ register: metrics.registry });
}
