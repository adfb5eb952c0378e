/** The Slack adapter's text helpers and its app manifest. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { threadText } from '../../bots/slack/delivery.js';
import { escapeMrkdwn, mentionedUserIds, slackToPlainText } from '../../bots/slack/mrkdwn.js';
import { formatBusinessMinutes, formatWib } from '../../bots/slack/wib-time.js';

describe('Slack text', () => {
  it('escapes only & < > for mrkdwn', () => {
    expect(escapeMrkdwn('a & b <c> *d*')).toBe('a &amp; b &lt;c&gt; *d*');
  });

  it('turns Slack markup into plain text without user ids', () => {
    const text = 'Halo <@U0RINA>, cek <@U0UNKNOWN|x> dan <#C0TRIAGE|layani-triase>, <!here>, <https://a.go.id/f?x=1&amp;y=2|formulir>, <https://a.go.id>, <mailto:hr@a.go.id|hr@a.go.id> &lt;ok&gt;';
    expect(mentionedUserIds(text)).toEqual(['U0RINA', 'U0UNKNOWN']);
    expect(slackToPlainText(text, new Map([['U0RINA', 'Rina']]))).toBe(
      'Halo @Rina, cek @petugas dan #layani-triase, @here, formulir (https://a.go.id/f?x=1&y=2), https://a.go.id, hr@a.go.id <ok>',
    );
  });

  it('composes thread messages: mention, author, escaped text', () => {
    expect(threadText({ text: 'a < b', author: 'Budi', mention: null })).toBe('*Budi*: a &lt; b');
    expect(threadText({ text: 'batas lewat', author: null, mention: 'channel' })).toBe('<!channel> batas lewat');
    expect(threadText({ text: 'ambil', author: null, mention: 'U0RINA' })).toBe('<@U0RINA> ambil');
    expect(threadText({ text: 'x', author: null, mention: '<!everyone>' })).toBe('x');
    const long = threadText({ text: '&'.repeat(10_000), author: null, mention: null });
    expect(long.length).toBeLessThan(40_000);
    expect(long).toMatch(/&amp;… _\(terpotong/);
  });

  it('formats WIB times and business durations', () => {
    expect(formatWib(new Date('2026-11-24T03:30:00Z'))).toBe('Selasa, 24 Nov 2026 10.30 WIB');
    expect(formatWib(new Date('2026-11-23T17:05:00Z'))).toBe('Selasa, 24 Nov 2026 00.05 WIB');
    expect(formatBusinessMinutes(null)).toBe('—');
    expect(formatBusinessMinutes(45)).toBe('45 menit');
    expect(formatBusinessMinutes(120)).toBe('2 jam');
    expect(formatBusinessMinutes(95.6)).toBe('1 jam 36 menit');
  });
});

describe('Slack app manifest', () => {
  const manifest = readFileSync(new URL('../../bots/slack/manifest.yaml', import.meta.url), 'utf8');

  it('asks for the scopes and events the adapter uses, all on /slack/events', () => {
    for (const scope of ['chat:write', 'channels:history', 'groups:history', 'channels:read', 'groups:read', 'users:read', 'files:read', 'files:write', 'commands']) {
      expect(manifest).toMatch(new RegExp(`^\\s+- ${scope}$`, 'm'));
    }
    expect(manifest).not.toMatch(/^\s+- chat:write\.public$/m);
    expect(manifest).toMatch(/^\s+- message\.channels$/m);
    expect(manifest).toMatch(/^\s+- message\.groups$/m);
    expect(manifest).toMatch(/command: \/layani/);
    expect(manifest.match(/https:\/\/YOUR-HOST\/slack\/events/g)).toHaveLength(3);
    expect(manifest).toMatch(/^\s+name: LAYANI$/m);
  });
});
