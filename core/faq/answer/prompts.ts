import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** prompts/ at the repository root. */
export const defaultPromptsDir = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'prompts');

export interface PromptTemplate {
  name: string;
  text: string;
  placeholders: string[];
}

export interface FaqPrompts {
  system: PromptTemplate;
  user: PromptTemplate;
}

const placeholderPattern = /\{\{\s*([a-z_]+)\s*\}\}/g;

const expected: Record<keyof FaqPrompts, { file: string; required: string[]; allowed: string[] }> = {
  system: { file: 'faq-system.md', required: [], allowed: ['language_instruction'] },
  user: { file: 'faq-user.md', required: ['passages', 'question'], allowed: ['passages', 'question', 'language_instruction'] },
};

export class PromptError extends Error {
  override name = 'PromptError';
}

function template(name: string, text: string, required: string[], allowed: string[]): PromptTemplate {
  const placeholders = [...new Set([...text.matchAll(placeholderPattern)].map((m) => m[1]!))];
  const unknown = placeholders.filter((p) => !allowed.includes(p));
  if (unknown.length > 0) throw new PromptError(`${name}: penanda tidak dikenal ${unknown.map((u) => `{{${u}}}`).join(', ')}`);
  const missing = required.filter((p) => !placeholders.includes(p));
  if (missing.length > 0) throw new PromptError(`${name}: penanda wajib hilang ${missing.map((m) => `{{${m}}}`).join(', ')}`);
  return { name, text, placeholders };
}

/** Reads and checks the FAQ prompt templates (`faq-system.md`, `faq-user.md`). */
export function loadFaqPrompts(dir: string = defaultPromptsDir): FaqPrompts {
  const read = (key: keyof FaqPrompts) => {
    const spec = expected[key];
    return template(spec.file, readFileSync(join(dir, spec.file), 'utf8'), spec.required, spec.allowed);
  };
  return { system: read('system'), user: read('user') };
}

/** Fills `{{name}}` placeholders in one pass, so a value that itself contains "{{…}}" is never expanded. */
export function renderPrompt(prompt: PromptTemplate, values: Record<string, string>): string {
  return prompt.text.replace(placeholderPattern, (_all, name: string) => values[name] ?? '').trim();
}
