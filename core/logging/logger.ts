import { pino, type DestinationStream, type Logger } from 'pino';
import { currentLogContext } from './log-context.js';

export type { Logger };

// Personal data, message bodies and secrets never reach the log, even when someone logs a whole object by mistake.
const redactedPaths = [
  'nip', '*.nip', 'nik', '*.nik', 'phone', '*.phone', 'email', '*.email', 'name', '*.name', 'birthDate', '*.birthDate',
  'text', '*.text', 'caption', '*.caption', 'question', '*.question', 'body', '*.body', 'payload', '*.payload',
  'token', '*.token', 'code', '*.code', 'secret', '*.secret', 'password', '*.password', 'apiKey', '*.apiKey',
  'authorization', '*.authorization', 'headers.authorization', 'req.headers.authorization', 'headers.cookie',
  'req.headers.cookie', 'headers["x-telegram-bot-api-secret-token"]', 'headers["x-slack-signature"]',
];

export function createLogger(level: string = 'info', destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { app: 'layani' },
      redact: { paths: redactedPaths, censor: '[disembunyikan]' },
      timestamp: pino.stdTimeFunctions.isoTime,
      // The request, update or event being handled (see log-context.ts).
      mixin: () => ({ ...currentLogContext() }),
    },
    destination,
  );
}
