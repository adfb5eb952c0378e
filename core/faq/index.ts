/** The FAQ answerer: policy corpus, Indonesian-aware retrieval, grounded answers, and its tRPC router. */
export { FaqKnowledge, defaultCorpusDir, type KnowledgeOptions } from './knowledge.js';
export { loadCorpus, loadCorpusFiles, type LoadedCorpus } from './corpus/load-corpus.js';
export { chunkDocument, outlineBody } from './corpus/chunk.js';
export { parseFrontMatter } from './corpus/front-matter.js';
export type { Chunk, CorpusProblem, DocStatus, LegalSource, PolicyDocument } from './corpus/types.js';
export { normaliseQuery, cleanText, plainWords, type NormalisedQuery, type QueryTerm } from './retrieval/normalise.js';
export { ChunkIndex, tokenizeForIndex, type SearchHit } from './retrieval/search-index.js';
export {
  answerQuestion,
  extractiveAnswer,
  sharedKnowledge,
  defaultConfidenceThreshold,
  type AnswerOptions,
  type AnswerTrace,
  type FaqAnswer,
} from './answer/answer-question.js';
export { classifyQuestion, type EscalateReason, type Intent, type PersonalTopic, type RefuseReason } from './answer/classify.js';
export { createNameMasker, maskIdentifiers, maskPersonalData, maskTokens, type NameMasker } from './answer/mask.js';
export {
  createOpenAiLlm,
  defaultLlmTimeoutMs,
  llmSettingsFromConfig,
  type FaqLlm,
  type LlmOutcome,
  type LlmPassage,
  type LlmRequest,
  type LlmSettings,
} from './answer/llm.js';
export { loadFaqPrompts, defaultPromptsDir } from './answer/prompts.js';
export { formatSources, type FaqSource } from './answer/extractive.js';
export { contactHrLabel, type FaqLang } from './answer/texts.js';
export { FaqEngine, createFaqEngine, type FaqEngineOptions, type FaqReply, type FeedbackTally } from './faq-engine.js';
export { countFaqRatings, recordFaqRating, type FaqRatingCount, type FaqRatingFilter, type FaqRatingInput } from './ratings.js';
export { faqRouter, faqEngineOf } from './faq-router.js';
