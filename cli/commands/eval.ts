import type { Command } from 'commander';
import { loadConfig } from '../../core/config/load-config.js';
import { createOpenAiLlm, llmSettingsFromConfig } from '../../core/faq/answer/llm.js';
import { evaluate, formatReport, readQuestionSet } from '../../core/faq/eval/evaluate.js';
import { FaqKnowledge } from '../../core/faq/knowledge.js';
import { action } from '../cli-runtime.js';

interface EvalOptions {
  json?: boolean;
  llm?: boolean;
  corpus?: string;
  quiet?: boolean;
  threshold?: string;
}

/** `npx layani eval <questions-file>`: hit@1, hit@3, MRR, escalations, refusals and latency of a question set. */
export function registerEval(program: Command): void {
  program
    .command('eval')
    .description('Run a question set (YAML or JSON) through the answerer: hit@1, hit@3, MRR, escalations, refusals, latency')
    .argument('<questions-file>', 'list of { question, expect: { docs: [...], phrases: [...] } | escalate | refuse | personal }')
    .option('--json', 'print the full report as JSON')
    .option('--llm', 'answer with the configured LLM instead of extractively')
    .option('--corpus <dir>', 'policy corpus folder (default: corpus/)')
    .option('--threshold <n>', 'confidence below which questions are handed to a human (default 0.5)')
    .option('--quiet', 'do not list the questions that missed')
    .action(
      action(async (file: string, options: EvalOptions) => {
        const questions = readQuestionSet(file);
        const threshold = options.threshold === undefined ? undefined : Number(options.threshold);
        if (threshold !== undefined && !(threshold >= 0 && threshold <= 1)) throw new Error('--threshold harus angka 0 sampai 1');
        let llm = null;
        if (options.llm) {
          const settings = llmSettingsFromConfig(loadConfig());
          if (!settings) throw new Error('--llm: LLM belum dikonfigurasi (isi LLM_MODEL dan OPENAI_API_KEY atau OPENAI_BASE_URL)');
          llm = createOpenAiLlm(settings);
        }
        const knowledge = FaqKnowledge.open(options.corpus);
        try {
          for (const problem of knowledge.problems) {
            console.error(`⚠ ${problem.file} baris ${problem.line}: ${problem.reason}${problem.severity === 'warning' ? ' (tetap dimuat)' : ''}`);
          }
          const report = await evaluate(questions, { knowledge, llm, threshold });
          if (options.json) {
            console.log(JSON.stringify(report, null, 2));
            return;
          }
          console.log(`${file} — ${llm ? `LLM ${llm.model}` : 'ekstraktif (tanpa LLM)'}`);
          for (const line of formatReport(report, { misses: !options.quiet })) console.log(line);
        } finally {
          knowledge.close();
        }
      }),
    );
}
