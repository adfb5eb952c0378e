import type { Command } from 'commander';
import { loadConfig } from '../../core/config/load-config.js';
import { createOpenAiLlm, llmSettingsFromConfig } from '../../core/faq/answer/llm.js';
import { defaultConfidenceThreshold } from '../../core/faq/answer/answer-question.js';
import { chooseThreshold } from '../../core/faq/eval/calibrate.js';
import { evaluate, formatReport, readQuestionSet } from '../../core/faq/eval/evaluate.js';
import { FaqKnowledge } from '../../core/faq/knowledge.js';
import { action } from '../cli-runtime.js';

interface EvalOptions {
  json?: boolean;
  llm?: boolean;
  corpus?: string;
  quiet?: boolean;
  threshold?: string;
  calibrate?: boolean;
}

/**
 * `npx layani eval <questions-file>`: whether each answer states the key fact with a correct source, per kind
 * (answer, personal, escalate, refuse), the misses with what was said, and latency. `--calibrate` shows, for each
 * confidence threshold, what it would give (run it on the tuning split only).
 */
export function registerEval(program: Command): void {
  program
    .command('eval')
    .description('Run a question set (YAML or JSON) through the answerer: key fact stated with a correct source, escalations, refusals, misses, latency')
    .argument('<questions-file...>', 'one or more files (their questions are joined), each a list of { question, expect: { docs: [...], facts: [...], absent: [...] } | escalate | refuse | personal }')
    .option('--json', 'print the full report as JSON')
    .option('--llm', 'answer with the configured LLM instead of extractively')
    .option('--corpus <dir>', 'policy corpus folder (default: corpus/)')
    .option('--threshold <n>', 'confidence below which questions are handed to a human (default: the calibrated one in the code)')
    .option('--quiet', 'do not list the questions that missed')
    .option('--calibrate', 'answer with no threshold, then show what each confidence threshold would give and the one chosen (tuning split only)')
    .action(
      action(async (files: string[], options: EvalOptions) => {
        const questions = files.flatMap((file) => readQuestionSet(file));
        const file = files.join(' + ');
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
          if (options.calibrate) {
            const { results } = await evaluate(questions, { knowledge, llm, threshold: 0 });
            const chosen = chooseThreshold(results);
            if (options.json) {
              console.log(JSON.stringify(chosen, null, 2));
              return;
            }
            console.log('ambang  fakta+sumber  escalate benar  jawaban  presisi');
            for (const row of chosen.table) {
              console.log(`${row.threshold.toFixed(3).padStart(6)}  ${String(row.stated).padStart(12)}  ${String(row.escalated).padStart(14)}  ${String(row.answers).padStart(7)}  ${(row.precision * 100).toFixed(1).padStart(6)}%`);
            }
            console.log(`Ambang terpilih: ${chosen.threshold} (di kode: defaultConfidenceThreshold = ${defaultConfidenceThreshold})`);
            return;
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
