import { existsSync } from 'node:fs';
import { configSchema, type Config } from './config-schema.js';

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Parses settings; a wrong value stops the app with a message naming the variable and what it expects. */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const result = configSchema.safeParse(env);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => {
    const variable = issue.path.join('.');
    const given = env[variable];
    const shown = given === undefined ? '' : ` (given: "${printable(variable, given)}")`;
    return `  ${variable}: ${issue.message}${shown}`;
  });
  throw new ConfigError(
    `LAYANI cannot start, these settings are wrong:\n${lines.join('\n')}\n` +
      'Fix them in .env or in the environment (see .env.example).',
  );
}

/** Reads `.env` when it exists (Node's own loader), then the environment, which wins. */
export function loadConfig(envFile = '.env'): Config {
  if (existsSync(envFile)) process.loadEnvFile(envFile);
  return parseConfig(process.env);
}

/** Secrets are never echoed; URLs lose their user and password. */
function printable(variable: string, value: string): string {
  if (/TOKEN|SECRET|KEY/.test(variable)) return '***';
  return value.replace(/\/\/[^/@\s]*@/, '//***@');
}
