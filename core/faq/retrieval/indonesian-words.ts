import { dictionary } from '@zxcvbn-ts/language-id';

/**
 * About 20,000 everyday Indonesian words (zxcvbn-ts's Indonesian list, by frequency in subtitles). A question word
 * in it that the corpus never uses is a real word the corpus does not speak of ("harga bakso", "kapal"), not a typo
 * of a corpus word: correcting "harga" to "harta" would answer a lunch question with the wealth-report rule.
 */
let words: ReadonlySet<string> | null = null;

export function isEverydayIndonesianWord(word: string): boolean {
  words ??= new Set(dictionary['commonWords-id'] as readonly string[]);
  return words.has(word);
}
