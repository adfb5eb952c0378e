/**
 * Approximate re-implementation of the Bot API's `parse_mode` handling: enough
 * to reject the same malformed input Telegram rejects (the classic production
 * failures: unescaped `.`/`-`/`!` in MarkdownV2, an `_` in a user name under
 * legacy Markdown, a bare `<` in HTML) and to compute the plain text the user
 * would see. Entities are not computed.
 */

export type ParseResult = { ok: true; text: string } | { ok: false; description: string };

const byteOffset = (s: string, i: number): number => Buffer.byteLength(s.slice(0, i), 'utf8');
const fail = (msg: string): ParseResult => ({ ok: false, description: `Bad Request: can't parse entities: ${msg}` });

export function applyParseMode(text: string, parseMode: unknown): ParseResult {
  if (parseMode === undefined || parseMode === null || parseMode === '') return { ok: true, text };
  switch (String(parseMode)) {
    case 'HTML':
      return parseHtml(text);
    case 'MarkdownV2':
      return parseMarkdownV2(text);
    case 'Markdown':
      return parseLegacyMarkdown(text);
    default:
      return { ok: false, description: `Bad Request: unsupported parse_mode` };
  }
}

const HTML_TAGS = new Set([
  'b', 'strong', 'i', 'em', 'u', 'ins', 's', 'strike', 'del', 'span', 'tg-spoiler', 'a', 'code', 'pre',
  'blockquote', 'tg-emoji', 'tg-time',
]);

const HTML_ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"' };

function parseHtml(src: string): ParseResult {
  let out = '';
  const stack: { tag: string; at: number }[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (c === '<') {
      const close = src.indexOf('>', i);
      if (close < 0) return fail(`Unclosed start tag at byte offset ${byteOffset(src, i)}`);
      const inner = src.slice(i + 1, close);
      if (inner.startsWith('/')) {
        const name = inner.slice(1).trim().toLowerCase();
        const top = stack.pop();
        if (!top) return fail(`Unexpected end tag at byte offset ${byteOffset(src, i)}`);
        if (name !== '' && name !== top.tag) {
          return fail(
            `Unmatched end tag at byte offset ${byteOffset(src, i)}, expected "</${top.tag}>", found "</${name}>"`,
          );
        }
      } else {
        const name = (/^([a-zA-Z][a-zA-Z0-9-]*)/.exec(inner)?.[1] ?? '').toLowerCase();
        if (!HTML_TAGS.has(name)) {
          return fail(`Unsupported start tag "${name || inner.split(/\s/)[0] || ''}" at byte offset ${byteOffset(src, i)}`);
        }
        if (name === 'span' && !/class\s*=\s*"?tg-spoiler"?/.test(inner)) {
          return fail(`Tag "span" must have class "tg-spoiler" at byte offset ${byteOffset(src, i)}`);
        }
        stack.push({ tag: name, at: i });
      }
      i = close + 1;
      continue;
    }
    if (c === '&') {
      const m = /^&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/.exec(src.slice(i));
      if (m?.[1]) {
        const ent = m[1];
        let decoded: string | undefined;
        if (ent.startsWith('#x')) decoded = String.fromCodePoint(parseInt(ent.slice(2), 16));
        else if (ent.startsWith('#')) decoded = String.fromCodePoint(parseInt(ent.slice(1), 10));
        else decoded = HTML_ENTITIES[ent.toLowerCase()];
        if (decoded !== undefined) {
          out += decoded;
          i += m[0].length;
          continue;
        }
      }
    }
    out += c;
    i += 1;
  }
  const open = stack.pop();
  if (open) return fail(`Can't find end tag corresponding to start tag "${open.tag}"`);
  return { ok: true, text: out };
}

const MDV2_RESERVED = new Set(['_', '*', '[', ']', '(', ')', '~', '`', '>', '#', '+', '-', '=', '|', '{', '}', '.', '!']);

function parseMarkdownV2(src: string): ParseResult {
  let out = '';
  const stack: { kind: string; at: number }[] = [];
  const toggle = (kind: string, at: number): void => {
    const idx = stack.findIndex((e) => e.kind === kind);
    if (idx >= 0) stack.splice(idx, 1);
    else stack.push({ kind, at });
  };
  let i = 0;
  let lineStart = true;
  while (i < src.length) {
    const c = src[i]!;
    if (c === '\\') {
      const n = src[i + 1];
      if (n === undefined) return fail(`Character '\\' is reserved and must be escaped with the preceding '\\'`);
      out += n;
      i += 2;
      lineStart = false;
      continue;
    }
    if (c === '`') {
      const isPre = src.startsWith('```', i);
      const fence = isPre ? '```' : '`';
      let j = i + fence.length;
      let body = '';
      let closed = false;
      while (j < src.length) {
        if (src[j] === '\\' && j + 1 < src.length) {
          body += src[j + 1];
          j += 2;
          continue;
        }
        if (src.startsWith(fence, j)) {
          closed = true;
          break;
        }
        body += src[j];
        j += 1;
      }
      if (!closed) return fail(`Can't find end of the entity starting at byte offset ${byteOffset(src, i)}`);
      if (isPre) body = body.replace(/^[^\n]*\n/, (first) => (/^\w*\n$/.test(first) ? '' : first));
      out += body;
      i = j + fence.length;
      lineStart = false;
      continue;
    }
    if (c === '*') {
      toggle('bold', i);
      i += 1;
      continue;
    }
    if (c === '_') {
      if (src[i + 1] === '_') {
        toggle('underline', i);
        i += 2;
      } else {
        toggle('italic', i);
        i += 1;
      }
      continue;
    }
    if (c === '~') {
      toggle('strike', i);
      i += 1;
      continue;
    }
    if (c === '|' && src[i + 1] === '|') {
      toggle('spoiler', i);
      i += 2;
      continue;
    }
    if (c === '[' || (c === '!' && src[i + 1] === '[')) {
      stack.push({ kind: 'link', at: i });
      i += c === '!' ? 2 : 1;
      continue;
    }
    if (c === ']' && stack.at(-1)?.kind === 'link') {
      if (src[i + 1] !== '(') return fail(`Character ']' is reserved and must be escaped with the preceding '\\'`);
      let j = i + 2;
      while (j < src.length && src[j] !== ')') j += src[j] === '\\' ? 2 : 1;
      if (j >= src.length) return fail(`Can't find end of a URL at byte offset ${byteOffset(src, i + 2)}`);
      stack.pop();
      i = j + 1;
      continue;
    }
    if (c === '>' && lineStart) {
      i += 1;
      lineStart = false;
      continue;
    }
    if (MDV2_RESERVED.has(c)) {
      return fail(`Character '${c}' is reserved and must be escaped with the preceding '\\'`);
    }
    out += c;
    lineStart = c === '\n';
    i += 1;
  }
  const open = stack[0];
  if (open) return fail(`Can't find end of the entity starting at byte offset ${byteOffset(src, open.at)}`);
  return { ok: true, text: out };
}

function parseLegacyMarkdown(src: string): ParseResult {
  let out = '';
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (c === '\\' && '_*`['.includes(src[i + 1] ?? '')) {
      out += src[i + 1];
      i += 2;
      continue;
    }
    if (c === '*' || c === '_' || c === '`') {
      const fence = c === '`' && src.startsWith('```', i) ? '```' : c;
      const end = src.indexOf(fence, i + fence.length);
      if (end < 0) return fail(`Can't find end of the entity starting at byte offset ${byteOffset(src, i)}`);
      out += src.slice(i + fence.length, end);
      i = end + fence.length;
      continue;
    }
    if (c === '[') {
      const m = /^\[([^\]]*)\]\(([^)]*)\)/.exec(src.slice(i));
      if (!m) return fail(`Can't find end of the entity starting at byte offset ${byteOffset(src, i)}`);
      out += m[1];
      i += m[0].length;
      continue;
    }
    out += c;
    i += 1;
  }
  return { ok: true, text: out };
}
