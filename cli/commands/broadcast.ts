import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import type { Actor } from '../../core/auth/actor.js';
import { cliActor } from '../../core/auth/actor.js';
import type { NewBroadcastInput } from '../../core/broadcasts/broadcast-input.js';
import { isCalendarDate } from '../../core/dates/calendar-date.js';
import { infoTopicIds } from '../../core/infodesk/topics.js';
import { findAgencyByCode } from '../../core/records/agencies.js';
import { wibInstant } from '../../core/scheduling/jakarta-time.js';
import type { Runtime } from '../../core/runtime.js';
import { action, withRuntime } from '../cli-runtime.js';

/** A YYYY-MM-DD date as the last minute of that day in WIB ("berlaku sampai 30 Juni" includes 30 June). */
function endOfWibDay(date: string): Date {
  if (!isCalendarDate(date)) throw new Error(`tanggal ${date} tidak valid; tulis YYYY-MM-DD`);
  return wibInstant(date, 23, 59);
}

const list = (value: string | undefined) => (value ? value.split(',').map((item) => item.trim()).filter(Boolean) : []);

/** The CLI acts as an admin of one agency: the one given, or the configured default. */
export async function agencyActor(runtime: Runtime, code: string | undefined): Promise<Actor> {
  const agencyCode = code ?? runtime.settings.defaultAgencyCode;
  const agency = await findAgencyByCode(runtime.db, agencyCode);
  if (!agency) throw new Error(`instansi ${agencyCode} tidak ada (lihat: layani agency list)`);
  return { ...cliActor, agencyId: agency.id };
}

interface CreateOptions {
  province?: boolean;
  agencies?: string;
  title: string;
  text?: string;
  file?: string;
  everyone?: boolean;
  unit?: string;
  golongan?: string;
  positionType?: string;
  nip?: string;
  group?: string;
  channel?: string;
  at?: string;
  cron?: string;
  urgent?: boolean;
  ack?: boolean;
  nudgeDays?: string;
  agency?: string;
  topic?: string;
  wajib?: boolean;
  source?: string;
  kind?: string;
  closes?: string;
  validUntil?: string;
}

export function registerBroadcast(program: Command): void {
  const broadcast = program.command('broadcast').description('Policy announcements (siaran): create, list, follow up');

  broadcast
    .command('create')
    .description('Create a broadcast; it goes out now, at --at, or on the --cron schedule (Asia/Jakarta)')
    .requiredOption('--title <title>', 'headline')
    .option('--text <markdown>', 'the message (Markdown)')
    .option('--file <path>', 'read the message (Markdown) from a file')
    .option('--everyone', 'every active employee')
    .option('--unit <units>', 'comma-separated unit names')
    .option('--golongan <ranks>', 'comma-separated ranks or rank groups, e.g. III,IV/a')
    .option('--position-type <types>', 'comma-separated position types, e.g. JF_AHLI_PERTAMA')
    .option('--nip <nips>', 'comma-separated NIPs')
    .option('--group <ids>', 'comma-separated Telegram group ids')
    .option('--channel <ids>', 'comma-separated Slack channel ids')
    .option('--at <time>', 'send once at this time, e.g. 2026-12-01T08:00:00+07:00')
    .option('--cron <expression>', 'repeat on this cron schedule, e.g. "0 8 * * 1"')
    .option('--urgent', 'also during quiet hours (21:00–06:00 WIB)')
    .option('--ack', 'readers must confirm they have read and understood')
    .option('--nudge-days <days>', 'remind those who have not confirmed after this many days')
    .option('--topic <topic>', `information-desk topic: ${infoTopicIds.join(', ')}`)
    .option('--wajib', 'mandatory: also to those who unsubscribed from the topic')
    .option('--source <source>', 'where the information comes from, e.g. BKPSDMD')
    .option('--kind <kind>', 'career opportunity (topic peluang_karir): diklat, seleksi or lowongan')
    .option('--closes <date>', 'career opportunity: last day to apply, YYYY-MM-DD')
    .option('--valid-until <date>', 'in force until this day (YYYY-MM-DD, WIB); shown to people who link later until then')
    .option('--agency <code>', 'agency (default: the configured one)')
    .option('--province', 'province bureau only: the audience in every agency of the province')
    .option('--agencies <codes>', 'province bureau only: the audience in these agencies, e.g. DINKES,DISDIK')
    .action(
      action(async (options: CreateOptions) => {
        const text = options.file ? readFileSync(options.file, 'utf8') : options.text;
        if (!text) throw new Error('tulis isi siaran dengan --text atau --file');
        if (options.at && options.cron) throw new Error('pilih salah satu: --at atau --cron');
        const input: NewBroadcastInput = {
          title: options.title,
          text,
          audience: {
            everyone: Boolean(options.everyone),
            units: list(options.unit),
            golongan: list(options.golongan),
            positionTypes: list(options.positionType) as NonNullable<NewBroadcastInput['audience']['positionTypes']>,
            nips: list(options.nip),
            telegramGroups: list(options.group),
            slackChannels: list(options.channel),
            province: Boolean(options.province),
            agencies: list(options.agencies).map((code) => code.toUpperCase()),
          },
          schedule: options.cron ? { kind: 'cron', expression: options.cron } : options.at ? { kind: 'once', at: new Date(options.at) } : { kind: 'now' },
          urgent: Boolean(options.urgent),
          needsAck: Boolean(options.ack),
          nudgeAfterDays: options.nudgeDays ? Number(options.nudgeDays) : null,
          topic: (options.topic ?? null) as NewBroadcastInput['topic'],
          ...(options.wajib ? { mandatory: true } : {}),
          source: options.source ?? null,
          careerKind: (options.kind ?? null) as NewBroadcastInput['careerKind'],
          closesOn: options.closes ?? null,
          validUntil: options.validUntil ? endOfWibDay(options.validUntil) : null,
        };
        await withRuntime(async (runtime) => {
          const actor = await agencyActor(runtime, options.agency);
          const created = await runtime.callerFor(actor).broadcasts.create(input);
          console.log(`Siaran #${created.number} disimpan (${created.status}). Pengiriman berjalan di layanan LAYANI yang aktif; pantau dengan: layani broadcast status ${created.number}`);
        });
      }),
    );

  broadcast
    .command('list')
    .description('The newest broadcasts')
    .option('--agency <code>', 'agency (default: the configured one)')
    .action(
      action(async (options: { agency?: string }) => {
        await withRuntime(async (runtime) => {
          const rows = await runtime.callerFor(await agencyActor(runtime, options.agency)).broadcasts.list({ limit: 50 });
          if (rows.length === 0) console.log('Belum ada siaran.');
          for (const b of rows) console.log(`#${b.number}\t${b.status}\t${b.schedule ?? ''}\t${b.title}\t(${b.audience})`);
        });
      }),
    );

  broadcast
    .command('status <number>')
    .description('Sent, delivered, failed and acknowledged, in total and per unit')
    .option('--agency <code>', 'agency (default: the configured one)')
    .action(
      action(async (number: string, options: { agency?: string }) => {
        await withRuntime(async (runtime) => {
          const report = await runtime.callerFor(await agencyActor(runtime, options.agency)).broadcasts.status({ number: Number(number) });
          console.log(`Siaran #${report.number} — ${report.title} (${report.status})`);
          console.log('unit\tpenerima\tterkirim\tditerima\tgagal\tantre\ttanpa Telegram\tdikonfirmasi');
          for (const row of [...report.byUnit, { unit: 'JUMLAH', ...report.total }]) {
            console.log([row.unit, row.recipients, row.sent, row.delivered, row.failed, row.pending, row.unreachable, row.acknowledged].join('\t'));
          }
        });
      }),
    );

  broadcast
    .command('interested <number>')
    .description('Who pressed "Saya tertarik" on a career opportunity')
    .option('--agency <code>', 'agency (default: the configured one)')
    .action(
      action(async (number: string, options: { agency?: string }) => {
        await withRuntime(async (runtime) => {
          const list = await runtime.callerFor(await agencyActor(runtime, options.agency)).infodesk.interested({ number: Number(number) });
          console.log(`Siaran #${list.number} — ${list.title}${list.closesOn ? ` (ditutup ${list.closesOn})` : ''}: ${list.people.length} pegawai tertarik`);
          for (const p of list.people) console.log([p.name, p.unit, p.golongan, p.at, p.reminded ? 'sudah diingatkan' : ''].join('\t'));
        });
      }),
    );

  for (const [name, description] of [
    ['approve', 'Approve a broadcast waiting for an HR lead'],
    ['reject', 'Reject a broadcast waiting for an HR lead'],
    ['cancel', 'Cancel a broadcast that has not gone out (or stop a repeating one)'],
  ] as const) {
    broadcast
      .command(`${name} <number>`)
      .description(description)
      .option('--agency <code>', 'agency (default: the configured one)')
      .action(
        action(async (number: string, options: { agency?: string }) => {
          await withRuntime(async (runtime) => {
            const caller = runtime.callerFor(await agencyActor(runtime, options.agency)).broadcasts;
            const { broadcastId } = await caller.get({ number: Number(number) });
            const result = await caller[name]({ broadcastId });
            console.log(`Siaran #${result.number}: ${result.status}`);
          });
        }),
      );
  }
}
