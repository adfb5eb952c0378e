import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../../core/config/load-config.js';

describe('configuration', () => {
  it('starts with nothing set: SQLite in ./data, port 3000, no adapters', () => {
    const config = parseConfig({});
    expect(config.DATABASE_URL).toBe('file:./data/layani.db');
    expect(config.PORT).toBe(3000);
    expect(config.TELEGRAM_BOT_TOKEN).toBeUndefined();
  });

  it('names every wrong variable and what it expects, hiding secrets', () => {
    let error: unknown;
    try {
      parseConfig({ PORT: 'abc', DATABASE_URL: 'mysql://x', TELEGRAM_API_ROOT: 'not a url', LINK_CODE_TTL_HOURS: '0' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toMatch(/PORT: expected a port number.*\(given: "abc"\)/);
    expect(message).toMatch(/DATABASE_URL: expected file:/);
    expect(message).toMatch(/TELEGRAM_API_ROOT: expected a URL/);
    expect(message).toMatch(/LINK_CODE_TTL_HOURS/);
  });

  it('treats empty values in .env as unset', () => {
    expect(parseConfig({ SLACK_BOT_TOKEN: '', OPENAI_BASE_URL: '' }).SLACK_BOT_TOKEN).toBeUndefined();
  });
});

describe('configuration errors', () => {
  it('never echo a password from a URL or a token', () => {
    let message = '';
    try {
      parseConfig({ DATABASE_URL: 'mysql://admin:s3cret@db/layani', SLACK_SIGNING_SECRET: '', LOG_LEVEL: 'loud' });
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/DATABASE_URL/);
    expect(message).not.toMatch(/s3cret/);
  });
});
