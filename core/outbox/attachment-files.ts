import type { Attachment } from './outbox-intent.js';

export interface FetchedFile {
  bytes: Buffer;
  fileName: string;
  mimeType: string | null;
}

/** Downloads an attachment from the platform it came from, so another platform can carry it on. */
export type AttachmentFetcher = (attachment: Attachment) => Promise<FetchedFile>;

/** Filled in by the adapters as they start: Slack asks it for Telegram files and the other way round. */
export type AttachmentFetchers = Partial<Record<Attachment['source'], AttachmentFetcher>>;

export async function fetchAttachment(fetchers: AttachmentFetchers, attachment: Attachment): Promise<FetchedFile> {
  const fetcher = fetchers[attachment.source];
  if (!fetcher) throw new Error(`no ${attachment.source} adapter to fetch attachment ${attachment.fileName} from`);
  return fetcher(attachment);
}
