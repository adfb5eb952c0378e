/** The platform asked us to wait (Telegram 429 retry_after, Slack Retry-After). Not counted as a failure. */
export class RetryLater extends Error {
  override name = 'RetryLater';
  constructor(readonly seconds: number, reason = 'rate limited') {
    super(reason);
  }
}

/** Delivery can never succeed (the user blocked the bot, the chat is gone): stop trying and record why. */
export class DeliveryRefused extends Error {
  override name = 'DeliveryRefused';
  constructor(readonly status: 'blocked' | 'failed', reason: string) {
    super(reason);
  }
}

/** The message must wait for an earlier step (a thread reply before its ticket card has a Slack ts). */
export class NotReadyYet extends Error {
  override name = 'NotReadyYet';
}
