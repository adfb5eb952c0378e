import type { Logger } from '../../logging/logger.js';
import type { TicketCategoryId } from '../../tickets/categories.js';
import type { CoreContext } from '../../trpc/context.js';
import type { Chunk } from '../corpus/types.js';
import { statesNothing, unitsOf } from '../corpus/units.js';
import { FaqKnowledge } from '../knowledge.js';
import { cleanText, normaliseQuery, type NormalisedQuery } from '../retrieval/normalise.js';
import { indexText, tokenizeForIndex, type SearchHit } from '../retrieval/search-index.js';
import { classifyQuestion, type EscalateReason, type Intent, type RefuseReason } from './classify.js';
import { formatSources, joinUnits, keySentences, sourcesOf, type FaqSource } from './extractive.js';
import type { FaqLlm, LlmPassage } from './llm.js';
import { createNameMasker, maskPersonalData, type NameMasker } from './mask.js';
import { choosePassage, namedDocument, namesSubjectOf, passageChunk, subjectWordsOnlyOf, unansweredStatements, type Passage } from './passage.js';
import { personalAnswer, unlinkedText } from './personal.js';
import { answerEachQuestion, clausesOf } from './question-parts.js';
import { asksValue, questionIntent, statesAskedValue, type QuestionIntent } from './question-intent.js';
import { answerLabels, escalationText, offerText, refusalText, type FaqLang } from './texts.js';

export type FaqAnswer =
  | { kind: 'answer'; text: string; sources: FaqSource[]; confidence: number; via: 'llm' | 'extractive' }
  | { kind: 'personal'; text: string }
  | { kind: 'escalate'; text: string; reason: EscalateReason; category: TicketCategoryId }
  | { kind: 'refuse'; text: string; reason: RefuseReason };

/** What happened on the way to an answer, for the CLI's --json, the eval and logs (no question text in it). */
export interface AnswerTrace {
  intent: Intent['kind'];
  hits: Array<{ chunkId: string; status: Chunk['status']; confidence: number }>;
  primaryChunk: string | null;
  supersededFrom: string | null;
  llm: { outcome: 'ok' | 'failed' | 'rejected' | 'skipped'; detail: string | null; ms: number | null };
  ms: number;
}

export interface AnswerOptions {
  /** Who is asking: the records of this context's actor are the only ones a personal question can reach. */
  asker?: CoreContext | null;
  lang?: FaqLang;
  /** An LLM when configured; without it answers are extractive. */
  llm?: FaqLlm | null;
  /** The corpus (default: the repository's corpus/, loaded once). */
  knowledge?: FaqKnowledge;
  /** Names from the records to mask before anything goes to the LLM, and to notice questions about a colleague. */
  names?: NameMasker | readonly string[] | null;
  /** Below this confidence the question goes to a human (default 0.5). */
  threshold?: number;
  log?: Logger;
  onTrace?: (trace: AnswerTrace) => void;
}

/**
 * Below this confidence a question goes to a human. Chosen on the tuning split (the development question sets)
 * with `npx layani eval test/fixtures/faq-questions.yaml core/faq/eval/sample-questions.yaml --calibrate`: the
 * middle of the range that decides the most questions well; never chosen on the held-out set.
 */
export const defaultConfidenceThreshold = 0.372;
const maxQuestionLength = 1000;
const passagesForLlm = 4;
/** A section must state at least this share of what was asked, or a "not covered" statement wins… */
const groundedCoverage = 0.8;
/** …unless it states the kind of fact asked (the limit, the date) and at least this share of the asked words. */
const statedCoverage = 0.5;
/**
 * A placeholder's interim guidance ("kendala SATAM-ASN dapat dilaporkan lewat tiket …") answers with this share of
 * the asked words: what it says it lacks is checked apart (unansweredStatements), and the asker's own account of the
 * trouble ("error terus dari kemarin") is words no guidance repeats.
 */
const interimCoverage = 0.5;
/** The same for an eligibility question stating the service ("baru 8 bulan jadi PNS, sudah bisa … belum"). */
const eligibilityCoverage = 0.4;

/** A passage about PPPK (or CPNS) answers for them when it speaks of at least this share of the question. */
const audienceCoverage = 0.5;

/**
 * Who a rule applies to, when the question names a group the general (PNS) rules do not cover as such. PPPK have
 * rules of their own, so a PNS rule is not theirs unless a passage says so. CPNS are candidate PNS: a passage
 * about them answers when it speaks of what was asked, and otherwise the PNS rule does ("cpns baru 7 bulan boleh
 * cuti tahunan": "paling singkat 1 tahun"), not the NIP document that merely names "TMT CPNS".
 */
interface Audience {
  asked: RegExp;
  named: RegExp;
  otherwise: 'escalate' | 'general';
}
const audiences: readonly Audience[] = [
  { asked: /\b(pppk|p3k)\b/, named: /\bPPPK\b|perjanjian kerja/i, otherwise: 'escalate' },
  { asked: /\bcpns\b/, named: /\bCPNS\b|calon pegawai/i, otherwise: 'general' },
];
function audienceAsked(query: NormalisedQuery): Audience | null {
  return audiences.find((a) => a.asked.test(query.plain)) ?? null;
}

/** How much of the question, the group's name left out, a passage's first section covers. */
function topicalCoverage(knowledge: FaqKnowledge, query: NormalisedQuery, audience: Audience, passage: Passage): number {
  const topic = normaliseQuery(query.plain.replace(new RegExp(audience.asked.source, 'g'), ' '));
  const chunk = passage.chunks[0]!;
  return knowledge.groundInDocument(topic, chunk.docId).sections.find((s) => s.chunk.id === chunk.id)?.coverage ?? 0;
}

/** True when `text` names the subject of `docId`: its title without the audience it is written for ("Cuti Besar PNS"). */
function namesDocumentSubject(knowledge: FaqKnowledge, docId: string, text: string): boolean {
  const title = knowledge.document(docId)?.title ?? '';
  const subject = cleanText(title.replace(/\([^)]*\)/g, ' ')).replace(/\b(pns|pppk|asn|cpns)\b/g, ' ').replace(/\s+/g, ' ').trim();
  return subject.split(' ').length >= 2 && cleanText(text).includes(subject);
}

let shared: FaqKnowledge | null = null;
/** The repository corpus, loaded on first use (no watcher: the app's engine owns the watched one). */
export function sharedKnowledge(): FaqKnowledge {
  shared ??= FaqKnowledge.open();
  return shared;
}

/**
 * Answers one staff question: refusals and hand-overs first (rules, no search), personal questions from the
 * asker's own record (never an LLM), then the corpus: the LLM when configured and its reply is grounded, else
 * the extractive answer. Every answer names its sources.
 */
export async function answerQuestion(question: string, options: AnswerOptions = {}): Promise<FaqAnswer> {
  const started = performance.now();
  const lang: FaqLang = options.lang ?? 'id';
  const knowledge = options.knowledge ?? sharedKnowledge();
  const threshold = options.threshold ?? defaultConfidenceThreshold;
  const text = question.trim().slice(0, maxQuestionLength);
  const asker = options.asker ?? null;
  const names = toMasker(options.names, knowledge);
  const trace: AnswerTrace = { intent: 'policy', hits: [], primaryChunk: null, supersededFrom: null, llm: { outcome: 'skipped', detail: null, ms: null }, ms: 0 };

  const finish = (answer: FaqAnswer): FaqAnswer => {
    trace.ms = Math.round((performance.now() - started) * 100) / 100;
    options.onTrace?.(trace);
    options.log?.info(
      {
        faq: answer.kind,
        reason: 'reason' in answer ? answer.reason : undefined,
        docs: answer.kind === 'answer' ? [...new Set(answer.sources.map((s) => s.docId))] : undefined,
        confidence: answer.kind === 'answer' ? answer.confidence : undefined,
        via: answer.kind === 'answer' ? answer.via : undefined,
        llm: trace.llm.outcome,
        ms: trace.ms,
      },
      'faq answered',
    );
    return answer;
  };

  const own = asker?.actor.employeeId
    ? await asker.db.employee.findUnique({ where: { id: asker.actor.employeeId }, select: { nip: true, name: true } })
    : null;
  const intent = classifyQuestion(text, {
    ownNip: own?.nip ?? null,
    ownName: own?.name ?? null,
    names,
    isCommonWord: (word) => knowledge.isCorpusWord(word),
    knowsWord: (word) => knowledge.knows(word),
  });
  trace.intent = intent.kind;

  if (intent.kind === 'refuse') return finish({ kind: 'refuse', reason: intent.reason, text: refusalText(intent.reason, lang) });
  if (intent.kind === 'escalate') return finish(escalate(intent.reason, lang, intent.category));
  if (intent.kind === 'personal') {
    // Where one's KP proposal is, asked before the account is linked: the desk can look now, which helps more
    // than being sent to fetch a link code first. (Linked staff see the SIASN status themselves.)
    if (intent.topic === 'kp_proposal' && !asker?.actor.employeeId) return finish(escalate('case_status', lang, 'kenaikan_pangkat'));
    const answer = asker ? await personalAnswer(asker, intent.topic, lang, intent.nips) : unlinkedText(intent.topic, lang);
    return finish({ kind: 'personal', text: answer });
  }

  // Identifiers and names say nothing about which rule is asked for: search without them.
  // A NIP typed to ask how NIPs are read leaves the word behind: that is what the question is about.
  const searchable = withoutPersonalData(text, names);
  const { query, hits } = searchQuestion(knowledge, `${searchable}${intent.aboutNip ? ' arti angka nip' : ''}`, threshold);
  trace.hits = hits.map((h) => ({ chunkId: h.chunk.id, status: h.chunk.status, confidence: h.confidence }));
  // The kind of fact asked for (a number, a date, a list, a reason): what every passage below is weighed against.
  const asked = questionIntent(query);
  const top = placeholderOrCurrent(knowledge, query, hits, threshold);
  if (!top || top.confidence < threshold) return finish(escalate('low_confidence', lang, 'lainnya'));
  if (top.chunk.status === 'placeholder') {
    // A placeholder answers only with the interim guidance it states for exactly what was asked ("SATAM-ASN adalah
    // aplikasi … milik Pemerintah Provinsi", "Bot LAYANI tidak dapat mengatur ulang kata sandi"); what it says
    // is not filled in yet ("Langkah mengajukan cuti di SATAM-ASN belum diisi") goes to a human.
    const interim = interimGuidance(knowledge, query, asked, top);
    if (interim) {
      trace.primaryChunk = interim.chunks[0]!.id;
      return finish(extractiveAnswer(knowledge, { ...top, chunk: passageChunk(interim) }, query, lang, null, top.confidence, asked));
    }
    // The SATAM-ASN ones belong to the applications desk.
    const category: TicketCategoryId = /satam|aplikasi|asn digital|myasn|siasn/i.test(`${top.chunk.docId} ${top.chunk.tags.join(' ')}`) ? 'aplikasi' : 'lainnya';
    return finish(escalate('not_covered', lang, category, top.chunk.title));
  }

  // "sk kp saya 2024 tmt 1 juni, dulu memang ada periode juni?": a question about the past is answered by the rule
  // in force then, which the corpus keeps as history, marked as no longer in force.
  const history = ruleOfThePast(knowledge, query, hits, threshold);
  if (history) {
    trace.supersededFrom = history.hit.chunk.id;
    trace.primaryChunk = history.hit.chunk.id;
    const passage = choosePassage(knowledge, query, asked, history.hit, [history.hit]);
    const pastNotice = answerLabels.superseded[lang](history.hit.chunk.title, history.hit.chunk.docId, history.replacement.title, history.replacement.id);
    const body = joinUnits(keySentences(passageChunk(passage), query, { intent: asked }));
    // The rule then, and the rule now: both are sources.
    const sources = [...sourcesOf(knowledge.document(history.hit.chunk.docId)!), ...sourcesOf(knowledge.document(history.replacement.id)!)];
    const intro = lang === 'en' ? answerLabels.englishNote.en : null;
    const text = [intro, body, pastNotice, formatSources(sources, lang)].filter(Boolean).join('\n\n');
    return finish({ kind: 'answer', via: 'extractive', confidence: history.hit.confidence, sources, text });
  }

  let primary: SearchHit = top;
  let notice: string | null = null;
  if (top.chunk.status === 'superseded') {
    const replacement = currentReplacement(knowledge, query, top, hits);
    trace.supersededFrom = top.chunk.id;
    if (!replacement) {
      // Nothing current to point to: say plainly the rule is no longer in force, and hand over.
      return finish({
        kind: 'escalate',
        reason: 'not_covered',
        category: 'lainnya',
        text: `${answerLabels.supersededNoReplacement[lang](top.chunk.title, top.chunk.docId)}\n\n${offerText(lang)}`,
      });
    }
    const newDoc = knowledge.document(replacement.chunk.docId)!;
    notice = answerLabels.superseded[lang](top.chunk.title, top.chunk.docId, newDoc.title, newDoc.id);
    primary = replacement;
  }

  // "lhkasn batasnya 31 maret kan?": the document the question names by its own name answers, however well
  // another matches the date the asker half-remembers from elsewhere.
  const namedId = notice === null ? namedDocument(knowledge, query, primary.chunk.docId) : null;
  const namedHit = namedId ? knowledge.search(query, 1, (chunk) => chunk.docId === namedId)[0] : undefined;
  // The question matched the corpus as confidently as before; only which document answers has changed.
  if (namedHit) primary = { ...namedHit, confidence: primary.confidence };

  // Choose the passage that states what was asked: every section of the top documents is weighed against the
  // question's words and the kind of fact it asks for.
  // Named so, it is the only document weighed.
  let passage = choosePassage(knowledge, query, asked, primary, namedHit ? hits.filter((h) => h.chunk.docId === namedId) : hits);
  const scored: SearchHit[] = [...hits];
  // "kgb pppk ikut aturan pns ga": a question about PPPK (or CPNS) is answered from a passage that speaks of
  // them, not from the PNS rule it shares its other words with.
  const audience = audienceAsked(query);
  if (audience && !audience.named.test(passageChunk(passage).text)) {
    const audienceHits = knowledge.search(query, 8, (chunk) => chunk.status === 'current' && audience.named.test(chunk.text));
    const best = audienceHits[0];
    const forAudience =
      best && best.confidence >= threshold ? choosePassage(knowledge, query, asked, best, audienceHits, (chunk) => audience.named.test(chunk.text)) : null;
    const onTopic =
      forAudience !== null && (audience.otherwise === 'escalate' || topicalCoverage(knowledge, query, audience, forAudience) >= audienceCoverage);
    // "pppk, ibu meninggal, bisa ambil cuti alasan penting": the passage about PPPK that names the rule asked of
    // ("Cuti PPPK tidak mencakup … cuti karena alasan penting …") answers, however much else the asker told.
    const namesRule = forAudience !== null && namesDocumentSubject(knowledge, primary.chunk.docId, passageChunk(forAudience).text);
    if (forAudience && onTopic && (forAudience.coverage >= audienceCoverage || namesRule)) {
      passage = forAudience;
      scored.push(...audienceHits);
    } else if (forAudience && audience.otherwise === 'escalate') {
      // "pppk bisa dapat izin belajar": the rule is written for PNS and no passage about PPPK speaks of the rest of
      // the question, so whether it applies to them is for a human to say.
      trace.primaryChunk = primary.chunk.id;
      return finish(escalate('not_covered', lang, 'lainnya', primary.chunk.title));
    }
  }
  passage = answerEachQuestion(knowledge, searchable, passage);
  if (passage.docId !== primary.chunk.docId || passage.chunks[0]!.id !== primary.chunk.id) {
    const docConfidence = Math.max(...scored.filter((h) => h.chunk.docId === passage.docId).map((h) => h.confidence), passage.docId === primary.chunk.docId ? primary.confidence : 0);
    primary = { chunk: passage.chunks[0]!, score: primary.score, confidence: docConfidence, matched: primary.matched };
  }

  // Ground the answer in what the document states. When no section states what was asked and the document
  // says so ("… tidak tercantum di sini"), the honest reply is that sentence and a human. A section that states
  // the kind of fact asked for (the limit, the date) with most of the asked words still answers.
  // "cuti bersama natal tahun ini tanggal berapa": this year's date is one the document hands to the desk ("Untuk
  // tanggal cuti bersama tahun ini, … tanyakan kepada petugas"); the asker gets the rule and a human, not a
  // non-answer dressed as one.
  const thisYear = currentPeriodHandover(knowledge, query, asked, primary.chunk.docId);
  if (thisYear) {
    trace.primaryChunk = primary.chunk.id;
    // The rule beside it, from the section that hands the date over ("… ditetapkan dengan Keputusan Presiden").
    const known = keySentences(thisYear.chunk, query, { max: 2, maxChars: 320, intent: asked }).filter((s) => s !== thisYear.text && !statesNothing(s));
    return finish(handOverWith(knowledge, primary.chunk.docId, [...known.slice(0, 1), thisYear.text], lang));
  }

  const grounding = knowledge.groundInDocument(query, primary.chunk.docId);
  // What the document says it lacks that the passage does not state either.
  const unanswered = unansweredStatements(query, passage, grounding.statements);
  // An eligibility question ("baru 8 bulan, sudah bisa mengajukan izin belajar belum") is answered by the minimum
  // service, whatever the document says it lacks about how to file.
  // The service the asker tells ("baru 6 bulan") is their situation, which no rule repeats: an eligibility question
  // is answered by a section stating the minimum service with less of its words.
  const statesAsked =
    passage.fit === 1 &&
    (asked.eligibility ? passage.coverage >= eligibilityCoverage : passage.coverage >= statedCoverage && unanswered.length === 0);
  // "kadis atau gubernur": a question offering choices is answered by the section that names one of them, and
  // what the document says it lacks ("… di DKP tidak tercantum di sini") goes with the answer.
  // "yang berwenang memberi cuti siapa? kadis kah?": the post the asker guesses is theirs, not a word the section
  // must repeat; the section naming who answers.
  const choice = passage.fit === 1 && (namesAnAlternative(query, passageChunk(passage).text) || (asked.who && guessesPost(query) && passage.coverage >= guessCoverage));
  // "potongan taspen di slip gaji berapa persen": the section states the value in the unit asked ("8%"); what it hands
  // to the desk ("rincian potongan di slip gaji") goes with the answer.
  const valueStated = passage.fit === 1 && passage.coverage >= statedCoverage && asked.units.length > 0 && statesAskedValue(asked, passageChunk(passage).text);
  if ((choice || valueStated) && unanswered.length > 0) notice = [notice, joinUnits([...new Set(unanswered)])].filter(Boolean).join('\n\n');
  // "cuti melahirkan p3k brp bulan": a section naming everything asked but not the number asked for does not
  // answer when the document says that number is not given here.
  const valueMissing = asksValue(asked) && passage.fit < 1;
  // "koefisien ahli muda berapa": a section covering most words (the cumulative table) still does not answer when
  // the document says the very thing asked that the section lacks is not stated here.
  // A section covering most of the question whose own words include everything the document says it lacks
  // ("Koefisien jenjang lain tidak tercantum" beside "Kenaikan jenjang … tidak cukup dengan angka kredit") answers.
  const thinCoverage = passage.coverage < (unanswered.length > 0 ? groundedCoverage : statedCoverage);
  if ((thinCoverage || valueMissing || unanswered.length > 0) && grounding.statements.length > 0 && !statesAsked && !choice && !valueStated) {
    // What the document does say (when it says something about the question), then what it says it lacks.
    const statements = [...new Set(grounding.statements)];
    const known = passage.coverage >= 0.3 ? keySentences(passageChunk(passage), query, { max: 2, maxChars: 320, intent: asked }).filter((s) => !statements.includes(s)) : [];
    trace.primaryChunk = primary.chunk.id;
    return finish(handOverWith(knowledge, primary.chunk.docId, [...known, ...statements], lang));
  }
  trace.primaryChunk = primary.chunk.id;

  // Passages: the primary one first, then other current chunks; superseded and placeholder text never goes out.
  const passages: SearchHit[] = [primary, ...[...passage.chunks.slice(1), ...(passage.alternative?.chunks ?? [])].map((chunk) => ({ ...primary, chunk }))];
  for (const hit of hits) {
    if (passages.length >= passagesForLlm) break;
    if (hit.chunk.status !== 'current' || passages.some((p) => p.chunk.id === hit.chunk.id)) continue;
    passages.push(hit);
  }

  if (options.llm) {
    const llmAnswer = await tryLlm(options.llm, text, passages, lang, names, knowledge, trace);
    if (llmAnswer === 'insufficient') return finish(escalate('llm_insufficient', lang, 'lainnya'));
    if (llmAnswer) {
      const sources = llmAnswer.cited.flatMap((docId) => sourcesOf(knowledge.document(docId)!));
      const verify = llmAnswer.cited.some((docId) => knowledge.document(docId)?.verify) && !/perlu dipastikan|to be confirmed/i.test(llmAnswer.answer);
      const body = [llmAnswer.answer, verify ? answerLabels.verify[lang] : null, notice].filter(Boolean).join('\n\n');
      return finish({ kind: 'answer', via: 'llm', confidence: primary.confidence, sources, text: `${body}\n\n${formatSources(sources, lang)}` });
    }
  }

  return finish(extractiveAnswer(knowledge, { ...primary, chunk: passageChunk(passage) }, query, lang, notice, primary.confidence, asked, passage.alternative));
}

/**
 * A hand-over that first says what the document states and lacks about the question (`said`, its own sentences),
 * then offers a human, with the document as the source.
 */
function handOverWith(knowledge: FaqKnowledge, docId: string, said: readonly string[], lang: FaqLang): FaqAnswer {
  const intro = lang === 'en' ? `${answerLabels.englishNote.en}\n` : '';
  return {
    kind: 'escalate',
    reason: 'not_covered',
    category: 'lainnya',
    text: `${intro}${joinUnits(said)}\n\n${offerText(lang)}\n\n${formatSources(sourcesOf(knowledge.document(docId)!), lang)}`,
  };
}

/**
 * True when the question offers alternatives ("kadis atau gubernur", "58 atau 60") and the text names one of
 * them: the asker wants to know which, and the section says.
 */
function namesAnAlternative(query: NormalisedQuery, text: string): boolean {
  const lower = ` ${cleanText(text)} `;
  const expansionOf = new Map(query.terms.map((t) => [t.word, t.expansion.join(' ')]));
  for (const match of query.plain.matchAll(/\b([a-z0-9]+) atau ([a-z0-9]+)\b/g)) {
    const options = [match[1]!, match[2]!];
    if (options.some((o) => /^(tidak|bukan|belum|tidak|sudah|ya|apa|mana)$/.test(o))) continue;
    const named = options.some((o) => lower.includes(` ${o} `) || (expansionOf.get(o) && lower.includes(` ${expansionOf.get(o)} `)));
    if (named) return true;
  }
  return false;
}

/** A who-question closing with the asker's guess of a post ("… siapa? kadis kah?", "… siapa sih, atasan langsung?"). */
function guessesPost(query: NormalisedQuery): boolean {
  return /\bsiapa\b.*\b(kadis|kabid|kasi|kasubag|kasubbag|sekdis|atasan( langsung)?|gubernur|bupati|sekda|bkn|bkd|bkpsdmd|ppk|kepala [a-z]+)( kah| ya| bukan| kan| tidak)?$/.test(query.plain);
}
/** The share of the asked words a section naming who must cover when the question guesses a post. */
const guessCoverage = 0.4;

/** The question with identifiers and names taken out, with the words that label them ("NIK saya 3201…"). */
function withoutPersonalData(text: string, names: NameMasker | null): string {
  return maskPersonalData(text, names ?? undefined)
    .replace(
      /\b(?:nip|nik|no\.? ?hp|nomor hp|hp|no\.? ?wa|wa|whatsapp|telp|telepon|nomor telepon|e-?mail|surel|nama)(?:\s+(?:saya|aku|sy|ku|anda))?\s*[:=]?\s*(?=\[(?:NIP|NIK|TELEPON|EMAIL|ANGKA|NAMA)\])/gi,
      ' ',
    )
    .replace(/\[(?:NIP|NIK|TELEPON|EMAIL|ANGKA|NAMA)\]/g, ' ');
}

function escalate(reason: EscalateReason, lang: FaqLang, category: TicketCategoryId, topic?: string): FaqAnswer {
  return { kind: 'escalate', reason, category, text: escalationText(reason, lang, topic) };
}

function toMasker(names: AnswerOptions['names'], knowledge: FaqKnowledge): NameMasker | null {
  if (!names) return null;
  if (Array.isArray(names)) return createNameMasker(names as readonly string[], { isCommonWord: (w) => knowledge.isCorpusWord(w) });
  return names as NameMasker;
}

/**
 * The question searched whole, or, when that finds nothing confident enough, by the clause that asks it: staff
 * often tell their situation first ("sy lg kemo, lama gak bs ngantor. cuti sakit maksimal brp lama"), and the
 * situation's words dilute what is asked. The clause is taken only when its best document is the one the whole
 * question found first, so a side remark cannot carry the answer off to another topic.
 */
function searchQuestion(knowledge: FaqKnowledge, text: string, threshold: number): { query: NormalisedQuery; hits: SearchHit[] } {
  const query = normaliseQuery(text);
  const hits = knowledge.search(query, 8);
  if ((hits[0]?.confidence ?? 0) >= threshold) return { query, hits };
  const firstDoc = hits[0]?.chunk.docId;
  let best: { query: NormalisedQuery; hits: SearchHit[] } | null = null;
  for (const clause of clausesOf(text)) {
    const clauseQuery = normaliseQuery(clause);
    const clauseHits = knowledge.search(clauseQuery, 8);
    const first = clauseHits[0];
    if (!first || first.confidence < threshold || first.chunk.docId !== firstDoc) continue;
    if (!best || first.confidence > best.hits[0]!.confidence) best = { query: clauseQuery, hits: clauseHits };
  }
  return best ?? { query, hits };
}

/**
 * The first hit, unless it is a placeholder ("SATAM-ASN: Pengajuan Cuti", no content yet) and a current document
 * answers confidently while the question does not name what only the placeholder is about: "cuti bisa diajukan
 * lewat bot ini" is answered by what the bot cannot do, "ajukan cuti lewat satam" by a human.
 */
function placeholderOrCurrent(knowledge: FaqKnowledge, query: NormalisedQuery, hits: readonly SearchHit[], threshold: number): SearchHit | undefined {
  const top = hits[0];
  if (!top || top.chunk.status !== 'placeholder') return top;
  // "bot ini bisa ajukan cuti saya, biar tidak isi form": a question not naming what the placeholder is about
  // (SATAM-ASN) is the current documents' to answer, from a match nearly as confident; it keeps the confidence
  // the question matched the corpus with.
  const namesPlaceholder = namesSubjectOf(knowledge, query, top.chunk.docId);
  // Nearly as confident only with more than one word of the question (not "asn" alone, for "asn ikut kampanye").
  const found = hits.find(
    (h) => h.chunk.status === 'current' && (h.confidence >= threshold || (!namesPlaceholder && h.confidence >= threshold * unnamedPlaceholderSlack && new Set(h.matched).size >= 2)),
  );
  if (!found) return top;
  const current = found.confidence >= threshold ? found : { ...found, confidence: top.confidence };
  // "bot bisa reset password satam?": the section that names SATAM-ASN itself ("… kata sandi … untuk ASN Digital,
  // MyASN, SIASN, e-Kinerja, atau SATAM-ASN") speaks of it, though its document is not about it.
  // It must cover the question better than the placeholder: "cara login satam" is not answered by the ASN Digital
  // login, which names SATAM-ASN elsewhere.
  const named = new Set(tokenizeForIndex(indexText(current.chunk.text)));
  const speaksOfIt = (current.parts?.coverage ?? 0) > (top.parts?.coverage ?? 1);
  return subjectWordsOnlyOf(knowledge, query, top.chunk.docId, current.chunk.docId).some((w) => !speaksOfIt || !named.has(w)) ? top : current;
}

/** How far below the threshold a current document may match when the question does not name a placeholder's subject. */
const unnamedPlaceholderSlack = 0.9;

/**
 * The section of a placeholder document that states what was asked in its interim guidance: it covers the
 * question with what it states (not its "… belum diisi" sentences), and the document says nothing it lacks about
 * the question. Null when a human should answer.
 */
function interimGuidance(knowledge: FaqKnowledge, query: NormalisedQuery, asked: QuestionIntent, top: SearchHit): Passage | null {
  const passage = choosePassage(knowledge, query, asked, top, [top]);
  if (passage.docId !== top.chunk.docId || passage.coverage < interimCoverage) return null;
  const grounding = knowledge.groundInDocument(query, top.chunk.docId);
  return unansweredStatements(query, passage, grounding.statements).length === 0 ? passage : null;
}

/** A superseded rule answers a question about the past when it matched within this much of the best hit. */
const pastWindow = 0.15;

/** Words placing a question in the past: "dulu", "sebelumnya", "sk lama", "aturan lama". */
const pastMarker = /\b(dulu|dahulu|dulunya|sebelumnya|zaman dulu|jaman dulu|(sk|aturan|periode|sistem|ketentuan) ([a-z]+ ){0,2}lama)\b/;

/**
 * The superseded rule a question about the past asks of: the question names a year before its replacement took
 * effect ("sk kp 2024") or says it asks about before ("dulu", "sk lama"), and the superseded document matches it
 * confidently. Null for every question about now.
 */
function ruleOfThePast(knowledge: FaqKnowledge, query: NormalisedQuery, hits: readonly SearchHit[], threshold: number): { hit: SearchHit; replacement: { id: string; title: string } } | null {
  const years = query.terms.map((t) => Number(t.word)).filter((y) => y >= 1970 && y <= 2100);
  if (years.length === 0 && !pastMarker.test(query.plain)) return null;
  // Among the best matches ("tmt kgb terakhir 1 april 2024" is about KGB, whatever the old KP periods share with it).
  const best = hits[0]?.confidence ?? 0;
  const hit = hits.find((h) => h.chunk.status === 'superseded' && h.confidence >= threshold && h.confidence >= best - pastWindow);
  if (!hit) return null;
  const document = knowledge.document(hit.chunk.docId);
  const replacement = document?.supersededBy ? knowledge.document(document.supersededBy) : undefined;
  if (!replacement || replacement.status !== 'current') return null;
  const since = Number(replacement.effective.slice(0, 4));
  if (years.length > 0 && !years.some((y) => y < since)) return null;
  return { hit, replacement: { id: replacement.id, title: replacement.title } };
}

/** "tahun ini", "thn ini", "tahun berjalan", "this year": the period the asker is in. */
const currentPeriod = /\b(tahun|bulan) (ini|berjalan|sekarang)\b|\bthis (year|month)\b/;
/** A sentence handing the current period's value to the desk ("Tenggat tahun berjalan: Hubungi petugas …"). */
const currentPeriodSentence = /\b(tahun|bulan) (ini|berjalan)\b/i;
const deskPointer = /\b(hubungi|tanyakan kepada|tanyakan ke) petugas\b/i;

/**
 * The document's sentence handing this period's date to the desk, when the question asks for a date in the period
 * the asker is in (or one the document never names). Null otherwise: "sisa cuti tahun lalu terbawa ke tahun ini"
 * asks no date, "tenggat skp 2024" names the year of the document's example.
 */
function currentPeriodHandover(knowledge: FaqKnowledge, query: NormalisedQuery, asked: QuestionIntent, docId: string): { chunk: Chunk; text: string } | null {
  if (!asked.when && !/\b(tanggal|jadwal|jam)\b/.test(query.plain)) return null;
  // "skp tahun 2026 paling lambat tanggal berapa": a year the document never names is one whose date it lacks, like
  // "tahun ini"; "tenggat skp 2024" names the year of its example.
  const years = query.plain.match(/\b(19|20)\d{2}\b/g) ?? [];
  const thisPeriod = currentPeriod.test(query.plain) || currentPeriod.test(query.original.toLowerCase());
  if (!thisPeriod && years.length === 0) return null;
  const chunks = knowledge.chunks.filter((chunk) => chunk.docId === docId);
  const unstatedYear = years.length > 0 && years.every((year) => !chunks.some((chunk) => chunk.text.includes(year)));
  if (!thisPeriod && !unstatedYear) return null;
  for (const chunk of chunks) {
    const sentence = unitsOf(chunk.text).find((u) => currentPeriodSentence.test(u.text) && (deskPointer.test(u.text) || statesNothing(u.text)));
    if (sentence) return { chunk, text: sentence.text };
  }
  return null;
}

/** The current document a superseded one points to, and its chunk that best matches the question. */
function currentReplacement(knowledge: FaqKnowledge, query: NormalisedQuery, top: SearchHit, hits: readonly SearchHit[]): SearchHit | null {
  const target = knowledge.document(top.chunk.docId)?.supersededBy;
  if (target && knowledge.document(target)?.status === 'current') {
    const inTarget = knowledge.search(query, 1, (chunk) => chunk.docId === target)[0];
    if (inTarget) return inTarget;
    const first = knowledge.chunks.find((c) => c.docId === target);
    if (first) return { chunk: first, score: 0, confidence: top.confidence, matched: [] };
  }
  return hits.find((h) => h.chunk.status === 'current' && h.confidence >= top.confidence * 0.8) ?? null;
}

/** The primary chunk's key sentences and its sources; deterministic. */
export function extractiveAnswer(
  knowledge: FaqKnowledge,
  primary: SearchHit,
  query: NormalisedQuery,
  lang: FaqLang,
  notice: string | null,
  confidence: number,
  intent?: QuestionIntent,
  alternative?: Passage,
): FaqAnswer {
  const document = knowledge.document(primary.chunk.docId)!;
  const sentences = keySentences(primary.chunk, query, { intent });
  if (alternative) {
    // A close call between two sections, or the section stating the other question of a two-question message:
    // its best sentence too (see closeCallMargin and question-parts.ts).
    // Not when it says again what is already said ("… paling singkat 10 tahun" stated in both sections).
    const stated = new Set(sentences.flatMap((s) => tokenizeForIndex(s)));
    const more = keySentences(passageChunk(alternative), alternative.asked?.query ?? query, { intent: alternative.asked?.intent ?? intent, max: 1, maxChars: 300 }).filter((s) => {
      const tokens = tokenizeForIndex(s);
      const fresh = tokens.filter((t) => !stated.has(t)).length;
      // The other question's answer may share most words with the first ("paling lama 1,5 bulan", "paling lama 1 tahun").
      return alternative.asked ? fresh > 0 : fresh >= Math.max(2, 0.3 * tokens.length);
    });
    sentences.push(...more);
  }
  const body = joinUnits(sentences.length > 0 ? sentences : [primary.chunk.text.split('\n')[0]!]);
  const verify = document.verify && !/perlu dipastikan/i.test(body) ? answerLabels.verify[lang] : null;
  const sources = sourcesOf(document);
  const intro = lang === 'en' ? answerLabels.englishNote.en : null;
  const parts = [intro, body, verify, notice, formatSources(sources, lang)].filter((p): p is string => Boolean(p));
  return { kind: 'answer', via: 'extractive', confidence, sources, text: parts.join('\n\n') };
}

interface GroundedLlmAnswer {
  answer: string;
  /** Cited documents, in the order first cited. */
  cited: string[];
}

/** Sends masked text only; returns a grounded answer, 'insufficient', or null to fall back to extractive. */
async function tryLlm(
  llm: FaqLlm,
  question: string,
  passages: readonly SearchHit[],
  lang: FaqLang,
  names: NameMasker | null,
  knowledge: FaqKnowledge,
  trace: AnswerTrace,
): Promise<GroundedLlmAnswer | 'insufficient' | null> {
  const sent: LlmPassage[] = passages.map((p) => ({
    id: p.chunk.id,
    title: p.chunk.title,
    heading: p.chunk.heading,
    text: maskPersonalData(p.chunk.text, names ?? undefined),
  }));
  const outcome = await llm.complete({ question: maskPersonalData(question, names ?? undefined), passages: sent, lang });
  if (!outcome.ok) {
    trace.llm = { outcome: 'failed', detail: outcome.failure, ms: outcome.ms };
    return null;
  }
  const ids = new Set(sent.map((p) => p.id));
  const { reply } = outcome;
  if (!reply.sufficient) {
    trace.llm = { outcome: 'ok', detail: 'insufficient', ms: outcome.ms };
    return 'insufficient';
  }
  const citations = reply.citations.map((c) => c.replace(/^\[|\]$/g, '').trim());
  const invented = citations.filter((c) => !ids.has(c));
  if (citations.length === 0 || invented.length > 0) {
    trace.llm = { outcome: 'rejected', detail: citations.length === 0 ? 'no citation' : 'citation not among passages sent', ms: outcome.ms };
    return null;
  }
  const cited = [...new Set(citations.map((c) => knowledge.chunk(c)?.docId).filter((d): d is string => Boolean(d)))];
  if (cited.length === 0) {
    trace.llm = { outcome: 'rejected', detail: 'citation not in corpus', ms: outcome.ms };
    return null;
  }
  trace.llm = { outcome: 'ok', detail: null, ms: outcome.ms };
  return { answer: reply.answer, cited };
}
