import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { runDoctor, type Finding, type FindingStatus } from '../../core/ops/doctor.js';
import { action } from '../cli-runtime.js';

const marks: Record<FindingStatus, string> = { ok: '✓', warn: '!', fail: '✗', off: '-' };

/** The findings as an IT person reads them: one line each, and what to do under the ones that need it. */
export function renderFindings(findings: Finding[]): string {
  const lines: string[] = [];
  for (const finding of findings) {
    lines.push(`${marks[finding.status]} ${finding.area}: ${finding.summary}`);
    if (finding.fix && finding.status !== 'ok') {
      const label = finding.status === 'off' ? 'Cara mengaktifkan' : finding.status === 'warn' ? 'Saran' : 'Perbaiki';
      lines.push(...`${label}: ${finding.fix}`.split('\n').map((line) => `    ${line}`));
    }
  }
  const failures = findings.filter((f) => f.status === 'fail').length;
  const warnings = findings.filter((f) => f.status === 'warn').length;
  lines.push('');
  if (failures > 0) lines.push(`${failures} masalah harus diperbaiki${warnings ? `, ${warnings} perlu diperhatikan` : ''}.`);
  else if (warnings > 0) lines.push(`Tidak ada masalah yang menghalangi; ${warnings} perlu diperhatikan.`);
  else lines.push('Semua pemeriksaan lulus.');
  return lines.join('\n');
}

export function registerDoctor(program: Command): void {
  program
    .command('doctor')
    .description('Check settings, database, migrations and that Telegram, Slack and the LLM accept the configured credentials; say what to fix')
    .action(
      action(async () => {
        const envFile = '.env';
        const fromFile = existsSync(envFile);
        if (fromFile) process.loadEnvFile(envFile);
        console.log(`Pemeriksaan LAYANI (pengaturan dari ${fromFile ? '.env dan lingkungan' : 'lingkungan; tidak ada berkas .env di folder ini'})\n`);
        const findings = await runDoctor(process.env);
        console.log(renderFindings(findings));
        if (findings.some((f) => f.status === 'fail')) process.exitCode = 1;
      }),
    );
}
