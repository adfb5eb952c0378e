/** Broadcast Markdown as plain words, for listings and search (the full text keeps its formatting). */
export function markdownToPlain(markdown: string): string {
  return markdown
    .replace(/\[([^\]]*)\]\(([^)]*)\)/g, '$1')
    .replace(/^\s{0,3}#{1,6}\s+/gm, '')
    .replace(/^\s*[-*+]\s+/gm, '')
    .replace(/[*_`~]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The first `max` characters of a text, cut at a word, with "…" when something was left out. */
export function excerpt(text: string, max = 160): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1).replace(/\s+\S*$/, '');
  return `${cut || text.slice(0, max - 1)}…`;
}

/** Lower case without accents or punctuation: how both the archive and the words searched for are compared. */
export function searchForm(text: string): string {
  return markdownToPlain(text)
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The words of a search (two letters or more); an archive entry matches when it contains every one of them. */
export function searchWords(query: string): string[] {
  return [...new Set(searchForm(query).split(' ').filter((word) => word.length >= 2))];
}
