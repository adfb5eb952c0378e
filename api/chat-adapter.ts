import type { AttachmentFetcher } from '../core/outbox/attachment-files.js';
import type { DeliveryHandler } from '../core/outbox/outbox-worker.js';
import type { HttpRoutes } from './http-server.js';

/** What a chat platform adapter (bots/telegram, bots/slack) gives the app. */
export interface ChatAdapter {
  name: 'telegram' | 'slack';
  /** Sends the outbox's messages for this platform. */
  deliver: DeliveryHandler;
  /** Downloads a file that arrived on this platform. */
  fetchAttachment: AttachmentFetcher;
  /** HTTP endpoints to mount (Slack events, Telegram webhook). */
  routes: HttpRoutes;
  /** Starts receiving (long polling, Socket Mode, webhook registration). */
  start(): Promise<void>;
  /** Stops receiving; in-flight handlers finish. */
  stop(): Promise<void>;
}
