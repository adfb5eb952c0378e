import { pino, type DestinationStream, type Logger } from 'pino';

export type { Logger };

// Personal data and secrets never reach the log, even when someone logs a whole object by mistake.
const redactedPaths = [
  'nip', '*.nip', 'nik', '*.nik', 'phone', '*.phone', 'email', '*.email', 'text', '*.text', 'token', '*.token',
  'code', '*.code', 'authorization', '*.authorization', 'headers.authorization', 'req.headers.authorization',
  'birthDate', '*.birthDate', 'name', '*.name',
];

export function createLogger(level: string = 'info', destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { app: 'layani' },
      redact: { paths: redactedPaths, censor: '[disembunyikan]' },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    destination,
  );
}
