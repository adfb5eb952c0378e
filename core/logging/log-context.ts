import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

/**
 * What one unit of work is about: an HTTP request, a Telegram update, a Slack event. Every log line written while
 * it is handled carries these ids (through the logger's mixin), so an operator can follow one request across the
 * core without anyone passing a child logger down.
 */
export interface LogContext {
  requestId?: string;
  /** Telegram update_id. */
  updateId?: number;
  slackEventId?: string;
}

const storage = new AsyncLocalStorage<LogContext>();

/** Runs `work` with `context` added to the current one. */
export function withLogContext<T>(context: LogContext, work: () => T): T {
  return storage.run({ ...storage.getStore(), ...context }, work);
}

export function currentLogContext(): LogContext {
  return storage.getStore() ?? {};
}

/**
 * The caller's X-Request-Id when it looks like an id (a proxy's or load balancer's), so its logs and ours line up;
 * otherwise a new one. Anything else is refused: the header is echoed back and logged.
 */
export function requestIdFrom(header: string | string[] | undefined): string {
  const given = Array.isArray(header) ? header[0] : header;
  if (given && /^[A-Za-z0-9._:-]{1,128}$/.test(given)) return given;
  return randomUUID();
}
