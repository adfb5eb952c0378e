import { describe, expect, it } from 'vitest';
import { requestIdFrom, withLogContext } from '../../core/logging/log-context.js';
import { createLogger } from '../../core/logging/logger.js';

function capture() {
  const lines: Array<Record<string, unknown>> = [];
  const log = createLogger('info', { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) });
  return { log, lines };
}

describe('logging', () => {
  it('masks personal data, message bodies and secrets even when a whole object is logged', () => {
    const { log, lines } = capture();
    log.info(
      { nip: '198609262015051001', text: 'golongan saya salah', employee: { name: 'Budi', phone: '+6281234567890' }, token: 'xoxb-1', body: '{}', caption: 'SK' },
      'something happened',
    );
    const line = JSON.stringify(lines[0]);
    for (const secret of ['198609262015051001', 'golongan saya salah', 'Budi', '+6281234567890', 'xoxb-1', 'SK"']) expect(line).not.toContain(secret);
    expect(lines[0]).toMatchObject({ nip: '[disembunyikan]', employee: { name: '[disembunyikan]' } });
  });

  it('adds the ids of the work being handled to every line, nested contexts included', async () => {
    const { log, lines } = capture();
    await withLogContext({ requestId: 'req-1' }, async () => {
      await Promise.resolve();
      withLogContext({ updateId: 42 }, () => log.info('inside'));
    });
    log.info('outside');
    expect(lines[0]).toMatchObject({ requestId: 'req-1', updateId: 42, msg: 'inside' });
    expect(lines[1]).not.toHaveProperty('requestId');
  });

  it('takes a caller\'s request id only when it looks like one', () => {
    expect(requestIdFrom('abc-123_X.y:z')).toBe('abc-123_X.y:z');
    expect(requestIdFrom(['first', 'second'])).toBe('first');
    for (const bad of ['has space', 'x'.repeat(129), '<script>', '', undefined]) expect(requestIdFrom(bad)).toMatch(/^[0-9a-f-]{36}$/);
  });
});
