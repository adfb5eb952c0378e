import OpenAI from 'openai';
import { z } from 'zod';
import { loadFaqPrompts, renderPrompt, type FaqPrompts } from './prompts.js';
import type { FaqLang } from './texts.js';

/** Where the OpenAI-compatible server is (OpenAI, Ollama, vLLM …). */
export interface LlmSettings {
  apiKey: string;
  /** e.g. https://api.openai.com/v1 or http://127.0.0.1:11434/v1; default OpenAI. */
  baseURL?: string;
  model: string;
  /** Whole request budget; after it the extractive answer is used (default 8000). */
  timeoutMs?: number;
  /** Prompt folder (default: the repository's prompts/). */
  promptsDir?: string;
  temperature?: number;
}

export interface LlmPassage {
  id: string;
  title: string;
  heading: string | null;
  /** Already masked. */
  text: string;
}

export interface LlmRequest {
  /** Already masked. */
  question: string;
  passages: readonly LlmPassage[];
  lang: FaqLang;
}

export const llmReplySchema = z.object({
  answer: z.string().trim().min(1).max(4000),
  citations: z.array(z.string().trim()).max(20),
  sufficient: z.boolean(),
});
export type LlmReply = z.infer<typeof llmReplySchema>;

export type LlmOutcome =
  | { ok: true; reply: LlmReply; ms: number }
  | { ok: false; failure: 'timeout' | 'http_error' | 'network' | 'invalid_json' | 'refusal' | 'empty'; detail: string; ms: number };

/** The one thing the answerer needs from a model. Tests may supply their own. */
export interface FaqLlm {
  readonly model: string;
  complete(request: LlmRequest): Promise<LlmOutcome>;
}

export const defaultLlmTimeoutMs = 8000;

const responseFormat = {
  type: 'json_schema' as const,
  json_schema: {
    name: 'faq_answer',
    strict: true,
    schema: {
      type: 'object',
      additionalProperties: false,
      required: ['answer', 'citations', 'sufficient'],
      properties: {
        answer: { type: 'string', description: 'Jawaban untuk pegawai, hanya dari kutipan.' },
        citations: { type: 'array', items: { type: 'string' }, description: 'Id kutipan yang dipakai.' },
        sufficient: { type: 'boolean', description: 'false bila kutipan tidak cukup untuk menjawab.' },
      },
    },
  },
};

const languageInstruction: Record<FaqLang, string> = {
  id: 'Jawab dalam bahasa Indonesia.',
  en: 'Answer in English (keep Indonesian legal terms such as KGB, KP, BUP, TMT as they are).',
};

/** Passages as the model sees them: "[id] Title — Heading\ntext". */
export function formatPassages(passages: readonly LlmPassage[]): string {
  return passages
    .map((p) => `[${p.id}] ${p.title}${p.heading ? ` — ${p.heading}` : ''}\n${p.text.replace(/<\/?pertanyaan>/gi, '')}`)
    .join('\n\n');
}

export function buildMessages(prompts: FaqPrompts, request: LlmRequest): Array<{ role: 'system' | 'user'; content: string }> {
  const values = {
    language_instruction: languageInstruction[request.lang],
    passages: formatPassages(request.passages),
    // The question cannot close its own data block.
    question: request.question.replace(/<\/?\s*pertanyaan\s*>/gi, ' '),
  };
  return [
    { role: 'system', content: renderPrompt(prompts.system, values) },
    { role: 'user', content: renderPrompt(prompts.user, values) },
  ];
}

/** An OpenAI-compatible chat-completions model with structured output, one attempt within the time budget. */
export function createOpenAiLlm(settings: LlmSettings, prompts: FaqPrompts = loadFaqPrompts(settings.promptsDir)): FaqLlm {
  const timeoutMs = settings.timeoutMs ?? defaultLlmTimeoutMs;
  const client = new OpenAI({
    apiKey: settings.apiKey,
    baseURL: settings.baseURL,
    timeout: timeoutMs,
    // A retry would only spend the staff member's time: the extractive answer is the fallback.
    maxRetries: 0,
  });
  return {
    model: settings.model,
    async complete(request) {
      const started = performance.now();
      const elapsed = () => Math.round(performance.now() - started);
      const abort = new AbortController();
      const timer = setTimeout(() => abort.abort(), timeoutMs);
      try {
        const completion = await client.chat.completions.create(
          {
            model: settings.model,
            messages: buildMessages(prompts, request),
            response_format: responseFormat,
            temperature: settings.temperature ?? 0,
          },
          { signal: abort.signal, timeout: timeoutMs, maxRetries: 0 },
        );
        const message = completion.choices[0]?.message;
        if (message?.refusal) return { ok: false, failure: 'refusal', detail: 'model refused', ms: elapsed() };
        const content = message?.content;
        if (!content) return { ok: false, failure: 'empty', detail: 'no content', ms: elapsed() };
        let json: unknown;
        try {
          json = JSON.parse(stripFence(content));
        } catch {
          return { ok: false, failure: 'invalid_json', detail: 'content is not JSON', ms: elapsed() };
        }
        const parsed = llmReplySchema.safeParse(json);
        if (!parsed.success) return { ok: false, failure: 'invalid_json', detail: parsed.error.issues[0]?.message ?? 'schema', ms: elapsed() };
        return { ok: true, reply: parsed.data, ms: elapsed() };
      } catch (error) {
        if (abort.signal.aborted || error instanceof OpenAI.APIConnectionTimeoutError) {
          return { ok: false, failure: 'timeout', detail: `no reply within ${timeoutMs} ms`, ms: elapsed() };
        }
        if (error instanceof OpenAI.APIError && typeof error.status === 'number') {
          return { ok: false, failure: 'http_error', detail: `HTTP ${error.status}`, ms: elapsed() };
        }
        return { ok: false, failure: 'network', detail: error instanceof Error ? error.name : 'error', ms: elapsed() };
      } finally {
        clearTimeout(timer);
      }
    },
  };
}

/** Some local models wrap JSON in a Markdown fence even when asked not to. */
function stripFence(content: string): string {
  const fenced = /^\s*```(?:json)?\s*([\s\S]*?)\s*```\s*$/.exec(content);
  return fenced ? fenced[1]! : content;
}

/**
 * LLM settings from LAYANI's config (OPENAI_API_KEY, OPENAI_BASE_URL, LLM_MODEL; LLM_TIMEOUT_MS once the config has
 * it): null when no model is configured, and the answerer stays extractive.
 */
export function llmSettingsFromConfig(config: {
  OPENAI_API_KEY?: string | undefined;
  OPENAI_BASE_URL?: string | undefined;
  LLM_MODEL?: string | undefined;
  LLM_TIMEOUT_MS?: number | undefined;
}): LlmSettings | null {
  // A local server (Ollama, vLLM) needs a base URL and a model but usually no key.
  if (!config.LLM_MODEL || (!config.OPENAI_API_KEY && !config.OPENAI_BASE_URL)) return null;
  return {
    apiKey: config.OPENAI_API_KEY ?? 'no-key',
    baseURL: config.OPENAI_BASE_URL,
    model: config.LLM_MODEL,
    timeoutMs: config.LLM_TIMEOUT_MS ?? defaultLlmTimeoutMs,
  };
}
