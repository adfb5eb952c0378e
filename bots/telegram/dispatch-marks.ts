import type { Transformer } from 'grammy';

type Mark = () => Promise<void>;

/**
 * Tells the outbox the moment a message's request actually leaves for Telegram, which can be much later than the
 * moment it was handed to the API client: the throttler holds requests to stay within the flood limits. Installed
 * inside the throttler, so it runs after the wait. Marks are per chat and first-in first-out, the order in which
 * the throttler lets one chat's requests go.
 */
export class DispatchMarks {
  private readonly waiting = new Map<string, Mark[]>();

  constructor(private readonly sendingMethods: ReadonlySet<string>) {}

  /** The next send into `chatId` calls `mark` first; the returned function withdraws it if nothing was sent. */
  expect(chatId: number | string, mark: Mark): () => void {
    const key = String(chatId);
    const list = this.waiting.get(key) ?? [];
    list.push(mark);
    this.waiting.set(key, list);
    return () => {
      const current = this.waiting.get(key);
      const index = current?.indexOf(mark) ?? -1;
      if (index >= 0) current!.splice(index, 1);
      if (current?.length === 0) this.waiting.delete(key);
    };
  }

  transformer(): Transformer {
    return async (prev, method, payload, signal) => {
      const chatId = (payload as { chat_id?: number | string } | undefined)?.chat_id;
      if (chatId !== undefined && this.sendingMethods.has(method)) {
        const key = String(chatId);
        const list = this.waiting.get(key);
        const mark = list?.shift();
        if (list?.length === 0) this.waiting.delete(key);
        if (mark) await mark();
      }
      return prev(method, payload, signal);
    };
  }
}
