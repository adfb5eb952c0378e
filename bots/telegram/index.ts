import type { ChatAdapter } from '../../api/chat-adapter.js';
import type { AttachmentFetchers } from '../../core/outbox/attachment-files.js';
import type { Runtime } from '../../core/runtime.js';

export function createTelegramAdapter(_runtime: Runtime, _files: AttachmentFetchers): ChatAdapter {
  throw new Error('The Telegram adapter is being written');
}
