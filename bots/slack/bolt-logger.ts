import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from '../../core/logging/logger.js';
import { loggableError } from './errors.js';

const render = (parts: unknown[]) => parts.map((part) => (part instanceof Error ? part.message : typeof part === 'string' ? part : JSON.stringify(part))).join(' ');

/**
 * Bolt's and the WebClient's log lines through LAYANI's logger. Their "info" lines go to debug: they are about
 * the SDK, not the desk, and LAYANI keeps info for its own events.
 */
export function boltLogger(log: Logger): BoltLogger {
  const child = log.child({ component: 'slack-sdk' });
  let level: LogLevel = LogLevel.DEBUG;
  return {
    debug: (...parts: unknown[]) => child.debug(render(parts)),
    info: (...parts: unknown[]) => child.debug(render(parts)),
    warn: (...parts: unknown[]) => child.warn(render(parts)),
    error: (...parts: unknown[]) => {
      const error = parts.find((part): part is Error => part instanceof Error);
      if (error) child.error({ err: loggableError(error) }, render(parts.filter((part) => part !== error)) || 'Slack SDK error');
      else child.error(render(parts));
    },
    setLevel: (next: LogLevel) => {
      level = next;
    },
    getLevel: () => level,
    setName: () => {},
  };
}
