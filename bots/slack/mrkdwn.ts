/**
 * Slack text in both directions: escaping what LAYANI sends (mrkdwn), and turning what HR types in Slack back into
 * plain text for the staff member on Telegram.
 */

/** Slack's three control characters; everything else in mrkdwn is shown as typed. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function unescapeEntities(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** `<@U…>`, `<@U…|name>` */
const userRef = /^@([UW][A-Z0-9]+)(?:\|(.*))?$/;

/** The Slack user ids mentioned in a message (to look their names up before converting it). */
export function mentionedUserIds(text: string): string[] {
  const ids = new Set<string>();
  for (const match of text.matchAll(/<@([UW][A-Z0-9]+)(?:\|[^>]*)?>/g)) ids.add(match[1]!);
  return [...ids];
}

/**
 * Slack's markup as plain text for someone outside Slack: user mentions become names (never ids: `fallbackName`
 * when the name is unknown), `<url|label>` becomes "label (url)", channel and group mentions their names, and the
 * escaped & < > come back. Bold/italic markers are left as typed; they read fine as plain text.
 */
export function slackToPlainText(text: string, names: ReadonlyMap<string, string> = new Map(), fallbackName = 'petugas'): string {
  const converted = text.replace(/<([^<>\n]*)>/g, (_whole, inner: string) => {
    const user = userRef.exec(inner);
    if (user) return `@${names.get(user[1]!) ?? fallbackName}`;
    if (inner.startsWith('#C') || inner.startsWith('#G')) {
      const label = inner.split('|')[1];
      return label ? `#${label}` : '#kanal';
    }
    if (inner.startsWith('!')) {
      const [command, label] = inner.slice(1).split('|');
      if (label) return label;
      if (command === 'channel' || command === 'here' || command === 'everyone') return `@${command}`;
      if (command?.startsWith('subteam^')) return '@tim';
      return '';
    }
    const bar = inner.indexOf('|');
    const url = bar >= 0 ? inner.slice(0, bar) : inner;
    const label = bar >= 0 ? inner.slice(bar + 1) : '';
    const shown = url.replace(/^mailto:/, '');
    if (!label || label === shown || label === url) return shown;
    return `${label} (${shown})`;
  });
  return unescapeEntities(converted);
}
