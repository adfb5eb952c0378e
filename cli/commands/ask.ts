import type { Command } from 'commander';
import { cliActor, type Actor } from '../../core/auth/actor.js';
import { FaqKnowledge } from '../../core/faq/knowledge.js';
import { answerQuestion, type AnswerTrace } from '../../core/faq/answer/answer-question.js';
import { createNameMasker } from '../../core/faq/answer/mask.js';
import { createOpenAiLlm, llmSettingsFromConfig } from '../../core/faq/answer/llm.js';
import { action, withRuntime } from '../cli-runtime.js';

interface AskOptions {
  json?: boolean;
  lang?: string;
  asNip?: string;
  corpus?: string;
  llm?: boolean;
}

const kindLabels = {
  answer: 'jawaban',
  personal: 'data pribadi',
  escalate: 'diteruskan ke petugas',
  refuse: 'ditolak',
} as const;

/** `npx layani ask "pertanyaan"`: how the bot would answer, for HR to test the corpus. */
export function registerAsk(program: Command): void {
  program
    .command('ask')
    .description('Answer a staff question the way the bot would (uses the LLM when configured), with its sources')
    .argument('<question>', 'the question, in quotes')
    .option('--json', 'print JSON (answer, sources, confidence and how it was found)')
    .option('--lang <lang>', 'answer language: id or en', 'id')
    .option('--as-nip <nip>', 'ask as this employee (personal questions are answered from their record)')
    .option('--corpus <dir>', 'policy corpus folder (default: corpus/)')
    .option('--no-llm', 'extractive answer only, even when an LLM is configured')
    .action(
      action(async (question: string, options: AskOptions) => {
        const lang = options.lang === 'en' ? 'en' : options.lang === 'id' || options.lang === undefined ? 'id' : null;
        if (!lang) throw new Error(`--lang "${options.lang}" tidak dikenal; pilih id atau en`);
        await withRuntime(async (runtime) => {
          let actor: Actor = cliActor;
          if (options.asNip) {
            const nip = options.asNip.replace(/\s/g, '');
            const employee = await runtime.db.employee.findUnique({ where: { nip } });
            if (!employee) throw new Error('tidak ada pegawai dengan NIP tersebut');
            actor = { ref: 'cli:ask', role: 'staff', employeeId: employee.id, agencyId: employee.agencyId };
          }
          const settings = options.llm === false ? null : llmSettingsFromConfig(runtime.config);
          const knowledge = FaqKnowledge.open(options.corpus);
          try {
            for (const problem of knowledge.problems) {
              console.error(`⚠ ${problem.file} baris ${problem.line}: ${problem.reason}${problem.severity === 'warning' ? ' (tetap dimuat)' : ''}`);
            }
            const names = await runtime.db.employee.findMany({ select: { name: true } });
            let trace: AnswerTrace | null = null;
            const answer = await answerQuestion(question, {
              asker: runtime.contextFor(actor),
              lang,
              llm: settings ? createOpenAiLlm(settings) : null,
              knowledge: knowledge,
              names: createNameMasker(names.map((n) => n.name), { isCommonWord: (w) => knowledge.isCorpusWord(w) }),
              onTrace: (t) => (trace = t),
            });
            if (options.json) {
              console.log(JSON.stringify({ ...answer, trace, llm: settings ? settings.model : null }, null, 2));
              return;
            }
            console.log(answer.text);
            const t = trace as AnswerTrace | null;
            const meta = [
              kindLabels[answer.kind],
              'reason' in answer ? answer.reason : null,
              answer.kind === 'answer' ? (answer.via === 'llm' ? `LLM ${settings?.model ?? ''}`.trim() : 'ekstraktif') : null,
              answer.kind === 'answer' ? `keyakinan ${answer.confidence.toFixed(2)}` : null,
              t?.primaryChunk ? `bagian ${t.primaryChunk}` : null,
              t && t.llm.outcome !== 'skipped' && !(answer.kind === 'answer' && answer.via === 'llm') ? `LLM: ${t.llm.outcome}${t.llm.detail ? ` (${t.llm.detail})` : ''}` : null,
              t ? `${t.ms.toFixed(1)} ms` : null,
            ].filter(Boolean);
            console.error(`\n[${meta.join(' · ')}]`);
          } finally {
            knowledge.close();
          }
        });
      }),
    );
}
