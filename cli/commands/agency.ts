import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Command } from 'commander';
import type { AgencyDesk, AgencyDeskInput } from '../../core/agencies/agency-desk.js';
import { addAgency, listAgencies, setAgency, showAgency } from '../../core/agencies/agency-service.js';
import { cliActor } from '../../core/auth/actor.js';
import { issueLinkCodesInBulk } from '../../core/identity/bulk-link-codes.js';
import { agencyChannelFindings } from '../../core/ops/agency-channel-check.js';
import type { Runtime } from '../../core/runtime.js';
import { action, withRuntime } from '../cli-runtime.js';
import { bulkSummary, writeLinkCodeSheets } from '../link-code-sheets.js';
import { importEmployeeFile } from './import-employees.js';

interface DeskOptions {
  name?: string;
  triage?: string | false;
  confidential?: string | false;
  feedback?: string | false;
  group?: string[];
  lead?: string[];
  firstResponseMinutes?: string;
  resolutionMinutes?: string;
  province?: boolean;
  inactive?: boolean;
  active?: boolean;
}

const collect = (value: string, previous: string[] = []) => [...previous, ...value.split(',').map((v) => v.trim()).filter(Boolean)];

function withDeskOptions(command: Command, forSet: boolean): Command {
  command
    .option('--triage <channel>', 'Slack channel id of the HR team (tickets, digests, career-interest lists)')
    .option('--confidential <channel>', 'Slack channel id of the HR leads (confidential tickets, FAQ drafts, approvals)')
    .option('--feedback <channel>', 'Slack channel id for suggestions and complaints')
    .option('--group <ids>', 'Telegram group id(s) an agency-wide broadcast also goes to (repeat or comma-separate)', collect)
    .option('--lead <ids>', 'Slack user id(s) of the HR leads (repeat or comma-separate)', collect)
    .option('--first-response-minutes <n>', 'SLA first-response target in business minutes, when it differs')
    .option('--resolution-minutes <n>', 'SLA resolution target in business minutes, when it differs')
    .option('--province', 'the province HR bureau (BKPSDMD): reads every agency, broadcasts province-wide');
  if (forSet) {
    command
      .option('--name <name>', 'new full name')
      .option('--no-triage', 'clear the triage channel')
      .option('--no-confidential', 'clear the leads channel')
      .option('--no-feedback', 'clear the feedback channel')
      .option('--inactive', 'stop serving this agency (no digests, its channels are no desk)')
      .option('--active', 'serve it again');
  }
  return command;
}

function deskInput(options: DeskOptions): AgencyDeskInput {
  const channel = (value: string | false | undefined) => (value === false ? null : value);
  const minutes = (value: string | undefined) => (value === undefined ? undefined : value === '' || value === 'default' ? null : Number(value));
  return {
    ...(options.name !== undefined ? { name: options.name } : {}),
    ...(options.triage !== undefined ? { triageChannel: channel(options.triage) } : {}),
    ...(options.confidential !== undefined ? { confidentialChannel: channel(options.confidential) } : {}),
    ...(options.feedback !== undefined ? { feedbackChannel: channel(options.feedback) } : {}),
    ...(options.group ? { telegramGroups: options.group } : {}),
    ...(options.lead ? { hrLeads: options.lead } : {}),
    ...(options.firstResponseMinutes !== undefined ? { firstResponseMinutes: minutes(options.firstResponseMinutes) } : {}),
    ...(options.resolutionMinutes !== undefined ? { resolutionMinutes: minutes(options.resolutionMinutes) } : {}),
    ...(options.province ? { province: true } : {}),
    ...(options.inactive ? { active: false } : options.active ? { active: true } : {}),
  };
}

const deps = (runtime: Runtime) => ({ db: runtime.db, agencies: runtime.settings.agencies });

export function describeDesk(agency: AgencyDesk & { employees?: number; linked?: number }): string[] {
  const channel = (value: string | null, stored: string | null) => (value ? `${value}${stored ? '' : ' (dari SLACK_*_CHANNEL)'}` : '— belum diatur');
  return [
    `${agency.code} — ${agency.name}${agency.province ? ' [provinsi]' : ''}${agency.active ? '' : ' [tidak aktif]'}`,
    `  kanal triase:   ${channel(agency.channels.triage, agency.stored.triage)}`,
    `  kanal pimpinan: ${channel(agency.channels.confidential, agency.stored.confidential)}`,
    `  kanal saran:    ${channel(agency.channels.feedback, agency.stored.feedback)}`,
    `  grup Telegram:  ${agency.telegramGroups.join(', ') || '—'}`,
    `  pimpinan HR:    ${agency.hrLeads.join(', ') || '—'}`,
    `  SLA:            ${agency.sla.firstResponseMinutes ?? 'bawaan'} / ${agency.sla.resolutionMinutes ?? 'bawaan'} menit kerja (tanggapan / penyelesaian)`,
    ...(agency.employees !== undefined ? [`  pegawai aktif:  ${agency.employees} (${agency.linked ?? 0} sudah menautkan Telegram)`] : []),
  ];
}

async function printChannelCheck(runtime: Runtime, agency: AgencyDesk): Promise<void> {
  if (!runtime.config.SLACK_BOT_TOKEN) return;
  const findings = await agencyChannelFindings(runtime.config, [
    { code: agency.code, triageChannel: agency.stored.triage, confidentialChannel: agency.stored.confidential, feedbackChannel: agency.stored.feedback },
  ]);
  for (const finding of findings) {
    console.log(`${finding.status === 'ok' ? '✓' : finding.status === 'warn' ? '!' : '✗'} ${finding.area}: ${finding.summary}`);
    if (finding.fix) console.log(`    Perbaiki: ${finding.fix}`);
  }
}

export function registerAgency(program: Command): void {
  const agency = program.command('agency').description('Agencies (OPD) served by this deployment, each with its own HR desk');
  withDeskOptions(
    agency.command('add').description('Register an agency with its desk').argument('<code>', 'short code, e.g. DINKES').argument('<name>', 'full name'),
    false,
  ).action(
    action(async (code: string, name: string, options: DeskOptions) => {
      await withRuntime(async (runtime) => {
        const added = await addAgency(deps(runtime), cliActor, code, name, deskInput(options));
        console.log(`Instansi ${added.code} terdaftar.`);
        for (const line of describeDesk(added)) console.log(line);
      });
    }),
  );
  withDeskOptions(agency.command('set').description('Change an agency\'s desk (only the options given)').argument('<code>', 'agency code'), true).action(
    action(async (code: string, options: DeskOptions) => {
      await withRuntime(async (runtime) => {
        const changed = await setAgency(deps(runtime), cliActor, code, deskInput(options));
        console.log(`Instansi ${changed.code} diperbarui (instans LAYANI yang berjalan memakainya dalam 10 detik).`);
        for (const line of describeDesk(changed)) console.log(line);
      });
    }),
  );
  agency
    .command('list')
    .description('List agencies with their channels and staff counts')
    .action(
      action(async () => {
        await withRuntime(async (runtime) => {
          for (const row of await listAgencies(deps(runtime), cliActor)) {
            console.log(`${row.code}\t${row.name}${row.province ? ' [provinsi]' : ''}\ttriase ${row.channels.triage ?? '—'}\tpegawai ${row.employees} (tertaut ${row.linked})`);
          }
        });
      }),
    );
  agency
    .command('show')
    .description('One agency\'s desk, staff counts and whether the bot is in its channels')
    .argument('<code>', 'agency code')
    .action(
      action(async (code: string) => {
        await withRuntime(async (runtime) => {
          const found = await showAgency(deps(runtime), cliActor, code);
          for (const line of describeDesk(found)) console.log(line);
          await printChannelCheck(runtime, found);
        });
      }),
    );
  withDeskOptions(
    agency
      .command('onboard')
      .description('Onboard an agency in one go: register it, import its staff file, print its link codes (PDF and CSV), check its channels')
      .argument('<code>', 'short code, e.g. DINKES')
      .argument('<name>', 'full name')
      .requiredOption('--staff <file>', 'the agency\'s staff file (.xlsx or .csv, the import template)')
      .option('--out <dir>', 'folder for the link-code sheets', '.'),
    false,
  ).action(
    action(async (code: string, name: string, options: DeskOptions & { staff: string; out: string }) => {
      await withRuntime(async (runtime) => {
        const existing = await runtime.settings.agencies.byCode(code);
        const desk = existing ? await setAgency(deps(runtime), cliActor, code, deskInput(options)) : await addAgency(deps(runtime), cliActor, code, name, deskInput(options));
        console.log(`1. Instansi ${desk.code} ${existing ? 'sudah ada; mejanya diperbarui' : 'terdaftar'}.`);
        const report = await importEmployeeFile(runtime, options.staff, { agency: desk.code });
        if (!report.imported) {
          console.log(`2. Berkas pegawai TIDAK diimpor: ${report.problems.length} baris bermasalah.`);
          for (const problem of report.problems.slice(0, 20)) console.log(`   baris ${problem.rowNumber}, kolom ${problem.column}: ${problem.reason}`);
          console.log(`   Perbaiki berkasnya lalu jalankan perintah ini lagi (atau: npx layani import ${options.staff} --agency ${desk.code} --skip-invalid).`);
          process.exitCode = 1;
          return;
        }
        console.log(`2. Pegawai diimpor: ${report.imported.created} baru, ${report.imported.updated} diperbarui, ${report.imported.unchanged} tetap.`);
        const codes = await issueLinkCodesInBulk(runtime.contextFor(cliActor), { agencyCode: desk.code });
        for (const line of bulkSummary(codes)) console.log(`3. ${line}`);
        if (codes.slips.length > 0) {
          await mkdir(options.out, { recursive: true });
          const files = await writeLinkCodeSheets(codes, join(options.out, `kode-tautan-${desk.code}`));
          console.log(`   Lembar cetak: ${files.pdf} dan ${files.csv}`);
        }
        console.log('4. Kanal Slack:');
        await printChannelCheck(runtime, (await runtime.settings.agencies.byCode(desk.code))!);
      });
    }),
  );
}
