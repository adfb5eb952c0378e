import type { ChatAdapter } from '../../api/chat-adapter.js';
import type { AttachmentFetchers } from '../../core/outbox/attachment-files.js';
import type { Runtime } from '../../core/runtime.js';

export function createSlackAdapter(_runtime: Runtime, _files: AttachmentFetchers): ChatAdapter {
  throw new Error('The Slack adapter is being written');
}
