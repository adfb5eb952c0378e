/**
 * How a staff message divides. Staff tell their situation before asking ("sy lg kemo, lama gak bs ngantor. cuti
 * sakit maksimal brp lama"), and often ask two things in one message ("kgb ditunda paling lama berapa lama, terus
 * masa kerjanya hilang tidak"): a section sharing words with both questions may state neither, and the sections
 * stating each answer it.
 */
import type { FaqKnowledge } from '../knowledge.js';
import { normaliseQuery } from '../retrieval/normalise.js';
import { choosePassage, type Passage } from './passage.js';
import { questionIntent } from './question-intent.js';

/** A question's parts, each asking something: split at "?", and at "terus / lalu / trus" or a comma before "kalau". */
export function questionParts(text: string): string[] {
  const parts = text
    .split(/\?|\n|[,;.]?\s+(?:terus|trus|trs|lalu|terus kalau|trus kalo|trus klo)\s+|[,;.]\s*(?=(?:kalau|kalo|klo|kl|bagaimana|gimana|gmn)\b)/i)
    .map((p) => p.trim())
    .filter((p) => p.split(/\s+/).length >= minPartWords);
  // "sy lulusan s1 gol 3c, kalo kp reguler mentok di gol brp" tells a situation, then asks one thing.
  return parts.length > 1 && parts.every((p) => asksSomething.test(normaliseQuery(p).plain)) ? parts : [];
}
/** A part needs a few words of its own to ask or tell anything. */
const minPartWords = 3;
const asksSomething = /\b(berapa|apa|apakah|kapan|bagaimana|siapa|mana|mengapa)\b|\b(tidak|belum|kah|kan)$/;

/** The sentences and comma-separated clauses of a question, whether they ask or tell (the situation first). */
export function clausesOf(text: string): string[] {
  const clauses = text.split(/[.?!;\n,]+/).map((c) => c.trim()).filter((c) => c.split(/\s+/).length >= minPartWords);
  return clauses.length > 1 ? clauses : [];
}

/**
 * For a message asking two things, the passage answering it: the section stating what the first question asks
 * (rather than one sharing words with both), with the section stating the other one's answer beside it. Both are
 * sections of `passage`'s document that state the kind of fact their part asks for (a limit, a yes or no …) and
 * cover most of its words; `passage` is returned unchanged when the message asks one thing or no section does.
 */
export function answerEachQuestion(knowledge: FaqKnowledge, text: string, passage: Passage): Passage {
  const found = questionParts(text).map((part) => {
    const query = normaliseQuery(part);
    const intent = questionIntent(query);
    const hits = knowledge.search(query, 8, (chunk) => chunk.docId === passage.docId && chunk.status === 'current');
    const first = hits[0];
    if (!first) return null;
    const chosen = choosePassage(knowledge, query, intent, first, hits);
    return chosen.fit === 1 && chosen.coverage >= partCoverage ? { ...chosen, alternative: undefined, asked: { query, intent } } : null;
  });
  if (found.length === 0) return passage;
  const same = (a: Passage, b: Passage) => a.chunks.some((c) => b.chunks.some((d) => d.id === c.id));
  const main = found[0] ? { ...found[0], asked: undefined } : passage;
  const other = found.slice(1).find((p): p is NonNullable<typeof p> => p !== null && !same(p, main));
  if (other) return { ...main, alternative: other };
  return main === passage ? passage : { ...main, alternative: passage.alternative && !same(passage.alternative, main) ? passage.alternative : undefined };
}
const partCoverage = 0.6;
