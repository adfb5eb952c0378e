/** Telegram's limit for one text message, counted after entity parsing (UTF-16 code units, as JS strings). */
export const maxMessageLength = 4096;

/** Escapes plain text for parse_mode HTML: only `&`, `<` and `>` are special outside tags. */
export function escapeHtml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;

/**
 * Splits plain text into parts Telegram accepts: at the last line break that keeps a part reasonably full, else at
 * the last space, else (one enormous word) hard at the limit without cutting a surrogate pair. The separator at a
 * cut is dropped; parts that would be blank are left out.
 */
export function splitMessage(text: string, limit = maxMessageLength): string[] {
  const parts: string[] = [];
  let rest = text;
  while (rest.length > limit) {
    const window = rest.slice(0, limit + 1);
    const newline = window.lastIndexOf('\n');
    const space = Math.max(window.lastIndexOf(' '), window.lastIndexOf('\t'));
    let cut: number;
    let separator = 1;
    if (newline >= limit / 2) cut = newline;
    else if (space >= limit / 2) cut = space;
    else if (newline > 0) cut = newline;
    else if (space > 0) cut = space;
    else {
      cut = isHighSurrogate(rest.charCodeAt(limit - 1)) ? limit - 1 : limit;
      separator = 0;
    }
    const part = rest.slice(0, cut).trimEnd();
    if (part.trim() !== '') parts.push(part);
    rest = rest.slice(cut + separator);
  }
  if (rest.trim() !== '') parts.push(rest);
  return parts;
}

/** "★★★★☆" for 4 of 5. */
export function stars(rating: number): string {
  const n = Math.max(0, Math.min(5, Math.round(rating)));
  return '★'.repeat(n) + '☆'.repeat(5 - n);
}
