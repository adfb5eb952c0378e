import telegramifyMarkdown from 'telegramify-markdown';

/** A broadcast as Telegram MarkdownV2: the title in bold, then HR's Markdown with everything else escaped. */
export function broadcastMarkdownV2(title: string, markdown: string): string {
  return telegramifyMarkdown(`**${title.replace(/[*_`[\]]/g, '')}**\n\n${markdown}`, 'escape').trim();
}
