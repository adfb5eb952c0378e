// Words that start or mark a question in how staff write (formal and chat forms).
const questionWords =
  /\b(apa|apakah|berapa|brp|bagaimana|gimana|gmn|gmana|bgmn|kapan|kpn|siapa|dimana|di mana|mana|kenapa|mengapa|knp|bisakah|bisa\s?kah|boleh(kah)?|syarat(nya)?|cara(nya)?|adakah|ap[ae]|how|what|when|who|why|can i|is it)\b/i;

/**
 * Whether a free chat message reads as a question the FAQ could answer, rather than a request, a greeting or a
 * follow-up for HR. Only such messages get an automatic answer; everything else goes to a human.
 */
export function looksLikeQuestion(text: string): boolean {
  const trimmed = text.trim();
  if (trimmed.length < 6 || trimmed.length > 500) return false;
  return trimmed.includes('?') || questionWords.test(trimmed);
}

/** Confidence a free message's answer needs before it is sent without being asked for with /tanya. */
export const freeTextConfidence = 0.7;
