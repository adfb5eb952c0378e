import type { PlatformHealth } from '../health/platform-health.js';
import { DeliveryRefused } from '../outbox/delivery-errors.js';
import type { DeliveryHandler } from '../outbox/outbox-worker.js';
import type { Metrics, Platform } from './metrics.js';
import { classifySendFailure } from './send-failure.js';

const isBroadcast = (kind: string) => kind === 'telegram.broadcast' || kind === 'slack.broadcast';

/**
 * Wraps an adapter's outbox delivery so that each outcome is counted and tells whether the platform is up. The
 * outbox worker itself stays unaware of metrics.
 */
export function instrumentedDelivery(platform: Platform, deliver: DeliveryHandler, metrics: Metrics, health: PlatformHealth): DeliveryHandler {
  return async (intent, item) => {
    try {
      const ref = await deliver(intent, item);
      metrics.messagesOut.inc({ platform });
      if (isBroadcast(intent.kind)) metrics.broadcastDeliveries.inc({ status: 'sent' });
      health.reportDelivered(platform);
      return ref;
    } catch (error) {
      if (isBroadcast(intent.kind) && error instanceof DeliveryRefused) metrics.broadcastDeliveries.inc({ status: error.status });
      const failure = classifySendFailure(error);
      if (failure) {
        metrics.sendFailures.inc({ platform, reason: failure.reason });
        if (failure.platformAnswered === true) health.reportOk(platform);
        if (failure.platformAnswered === false) health.reportFailure(platform, (error as Error).message.split('\n')[0] ?? 'unreachable');
      }
      throw error;
    }
  };
}
