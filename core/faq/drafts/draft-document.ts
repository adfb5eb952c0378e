/**
 * The corpus file an approved FAQ draft becomes: front matter the corpus loader accepts (see corpus/README.md), a
 * summary paragraph and a `## Jawaban` section. Values are written as YAML double-quoted strings, so a title with
 * a colon or a tag with a comma cannot break the front matter.
 */

export interface DraftDocumentInput {
  id: string;
  title: string;
  answer: string;
  /** Where the answer comes from, named under `sources:` until HR fills in the regulation (see draftSource). */
  source: string;
  /** Today's date in WIB (YYYY-MM-DD). */
  today: string;
  tags: string[];
}

/** The standard sentence for a `verify: true` section (corpus/README.md, "Arti verify"). */
export const verifyNote = '> Catatan: ketentuan ini masih perlu dipastikan oleh petugas kepegawaian.';

/** The source a ticket's draft names until HR fills in the regulation it rests on. */
export function draftSource(ticketNumber: number): string {
  return `Jawaban petugas kepegawaian (tiket #${ticketNumber})`;
}

/** The source a sosialisasi question's draft names: the session and who answered there. */
export function sessionDraftSource(session: { number: number; title: string; speaker: string }): string {
  return `Tanya jawab sosialisasi #${session.number} "${oneLine(session.title)}" (narasumber: ${oneLine(session.speaker)})`;
}

const quote = (value: string) => JSON.stringify(value);

/** One line, no surrounding space: titles go into both `title:` and the `# ` heading, which must match. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** A file-name-safe id from a title: lower case ASCII letters, digits and hyphens, at most `max` characters. */
export function slugOf(title: string, max = 60): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\[[a-z]+\]/g, ' ') // mask tokens such as [NAMA] say nothing about the topic
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  const cut = slug.length > max ? slug.slice(0, max).replace(/-[^-]*$/, '') || slug.slice(0, max) : slug;
  return cut.replace(/-+$/g, '') || 'faq';
}

/** The first one or two sentences of the answer, as the document's summary paragraph. */
export function summaryOf(answer: string, maxLength = 300): string {
  const flat = oneLine(answer.replace(/^[-*]\s+/gm, ''));
  const sentences = flat.match(/[^.!?]+[.!?]+(?=\s|$)|[^.!?]+$/g) ?? [flat];
  let summary = '';
  for (const sentence of sentences.slice(0, 2)) {
    const next = `${summary} ${sentence.trim()}`.trim();
    if (summary && next.length > maxLength) break;
    summary = next;
  }
  if (summary.length > maxLength) summary = `${summary.slice(0, maxLength - 1).replace(/\s+\S*$/, '')}…`;
  return summary;
}

/** The Markdown of the corpus file. */
export function renderDraftDocument(input: DraftDocumentInput): string {
  const title = oneLine(input.title);
  const answer = input.answer.replace(/\r\n?/g, '\n').trim();
  const seen = new Set<string>();
  const tags = input.tags.map((tag) => oneLine(tag)).filter((tag) => tag && !seen.has(tag.toLowerCase()) && seen.add(tag.toLowerCase()));
  return [
    '---',
    `id: ${input.id}`,
    `title: ${quote(title)}`,
    'sources:',
    `  - regulation: ${quote(input.source)}`,
    `effective: ${input.today}`,
    `last_reviewed: ${input.today}`,
    `tags: [${tags.map(quote).join(', ')}]`,
    'status: current',
    'verify: true',
    '---',
    '',
    `# ${title}`,
    '',
    summaryOf(answer),
    '',
    '## Jawaban',
    '',
    // A line starting with "#" would open a new section or break the outline: keep it as text.
    answer.replace(/^(#+)/gm, '\\$1'),
    '',
    verifyNote,
    '',
  ].join('\n');
}
