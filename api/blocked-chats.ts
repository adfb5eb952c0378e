import { markBlockedChat } from '../core/broadcasts/chat-groups.js';
import { DeliveryRefused } from '../core/outbox/delivery-errors.js';
import type { DeliveryHandler } from '../core/outbox/outbox-worker.js';
import type { Runtime } from '../core/runtime.js';

/**
 * A chat that refuses us for good (403: the user blocked the bot) is remembered, so broadcasts and reminders stop
 * queueing messages for it; the refusal itself still reaches the outbox, which stops retrying that message.
 */
export function rememberBlockedChats(runtime: Runtime, deliver: DeliveryHandler): DeliveryHandler {
  return async (intent, item) => {
    try {
      return await deliver(intent, item);
    } catch (error) {
      if (error instanceof DeliveryRefused && error.status === 'blocked' && 'chatId' in intent) {
        await markBlockedChat(runtime.db, intent.channel, intent.chatId, runtime.clock.now()).catch((err: unknown) =>
          runtime.log.warn({ err }, 'remembering a blocked chat failed'),
        );
      }
      throw error;
    }
  };
}
