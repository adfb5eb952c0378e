import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { infoTopicIds } from '../../core/infodesk/topics.js';
import type { Runtime } from '../../core/runtime.js';
import type { NewSessionInput } from '../../core/sosialisasi/session-input.js';
import { describeSessionTime } from '../../core/sosialisasi/session-time.js';
import { action, withRuntime } from '../cli-runtime.js';
import { agencyActor } from './broadcast.js';

const list = (value: string | undefined) => (value ? value.split(',').map((item) => item.trim()).filter(Boolean) : []);

interface CreateOptions {
  title: string;
  speaker: string;
  date: string;
  start: string;
  end?: string;
  place?: string;
  link?: string;
  topic?: string;
  capacity?: string;
  everyone?: boolean;
  unit?: string;
  golongan?: string;
  nip?: string;
  agency?: string;
}

type AgencyOption = { agency?: string };

async function sosialisasiCaller(runtime: Runtime, agency: string | undefined) {
  return runtime.callerFor(await agencyActor(runtime, agency)).sosialisasi;
}

const when = (s: { startsAt: string; endsAt: string }) => describeSessionTime({ startsAt: new Date(s.startsAt), endsAt: new Date(s.endsAt) });

export function registerSosialisasi(program: Command): void {
  const command = program.command('sosialisasi').description('Sosialisasi sessions: schedule and invite, RSVP, questions, attendance, materials');

  command
    .command('create')
    .description('Schedule a session and invite its audience (the invitation is a broadcast with RSVP buttons)')
    .requiredOption('--title <title>', 'title')
    .requiredOption('--speaker <name>', 'speaker or organiser, e.g. BKPSDMD')
    .requiredOption('--date <date>', 'day, YYYY-MM-DD')
    .requiredOption('--start <time>', 'start, HH:MM WIB')
    .option('--end <time>', 'end, HH:MM WIB (default: two hours after the start)')
    .option('--place <place>', 'room or building')
    .option('--link <url>', 'online meeting link')
    .option('--topic <topic>', `information-desk topic: ${infoTopicIds.join(', ')}`)
    .option('--capacity <seats>', 'seats in the room')
    .option('--everyone', 'every active employee')
    .option('--unit <units>', 'comma-separated unit names')
    .option('--golongan <ranks>', 'comma-separated ranks or rank groups')
    .option('--nip <nips>', 'comma-separated NIPs')
    .option('--agency <code>', 'agency (default: the configured one)')
    .action(
      action(async (options: CreateOptions) => {
        const input: NewSessionInput = {
          title: options.title,
          speaker: options.speaker,
          date: options.date,
          startTime: options.start,
          endTime: options.end ?? null,
          place: options.place ?? null,
          onlineLink: options.link ?? null,
          topic: (options.topic ?? null) as NewSessionInput['topic'],
          capacity: options.capacity ? Number(options.capacity) : null,
          audience: { everyone: Boolean(options.everyone), units: list(options.unit), golongan: list(options.golongan), nips: list(options.nip) },
        };
        await withRuntime(async (runtime) => {
          const created = await (await sosialisasiCaller(runtime, options.agency)).create(input);
          console.log(`Sosialisasi #${created.number} dijadwalkan: ${when(created)}. Kode kehadiran: ${created.checkInCode}`);
          console.log(`Undangan: siaran #${created.invitationNumber} (${created.invitationStatus}); dikirim oleh layanan LAYANI yang aktif.`);
        });
      }),
    );

  command
    .command('list')
    .description('Sessions, newest first')
    .option('--agency <code>', 'agency (default: the configured one)')
    .action(
      action(async (options: AgencyOption) => {
        await withRuntime(async (runtime) => {
          const rows = await (await sosialisasiCaller(runtime, options.agency)).list({ limit: 50 });
          if (rows.length === 0) console.log('Belum ada sesi sosialisasi.');
          for (const s of rows) console.log(`#${s.number}\t${s.status}\t${when(s)}\t${s.title}\t(${s.audienceText})`);
        });
      }),
    );

  command
    .command('show <number>')
    .description('Details with the check-in code, and RSVP counts per unit')
    .option('--agency <code>', 'agency (default: the configured one)')
    .action(
      action(async (number: string, options: AgencyOption) => {
        await withRuntime(async (runtime) => {
          const caller = await sosialisasiCaller(runtime, options.agency);
          const s = await caller.get({ number: Number(number) });
          const report = await caller.rsvpReport({ number: Number(number) });
          console.log(`Sosialisasi #${s.number} — ${s.title} (${s.status})\n${when(s)} · ${s.place ?? ''} ${s.onlineLink ?? ''}\nKode kehadiran: ${s.checkInCode}`);
          console.log('unit\thadir\tonline\ttidak\tbelum\ttercatat hadir');
          for (const row of [...report.byUnit, { unit: 'JUMLAH', ...report.total }]) console.log([row.unit, row.hadir, row.online, row.tidak, row.belum, row.attended].join('\t'));
        });
      }),
    );

  command
    .command('questions <number>')
    .description('Questions for the speaker, grouped by theme')
    .option('--agency <code>', 'agency (default: the configured one)')
    .action(
      action(async (number: string, options: AgencyOption) => {
        await withRuntime(async (runtime) => {
          const q = await (await sosialisasiCaller(runtime, options.agency)).questions({ number: Number(number) });
          for (const group of q.groups) {
            console.log(`\n${group.label}`);
            for (const question of group.questions) console.log(`${question.number}. ${question.text}${question.answer ? `\n   Jawaban: ${question.answer}` : ''}`);
          }
        });
      }),
    );

  command
    .command('answer <number> <question> <answer>')
    .description('Write down the answer the speaker gave to a question')
    .option('--agency <code>', 'agency (default: the configured one)')
    .action(
      action(async (number: string, question: string, answer: string, options: AgencyOption) => {
        await withRuntime(async (runtime) => {
          await (await sosialisasiCaller(runtime, options.agency)).answer({ number: Number(number), question: Number(question), answer });
          console.log(`Jawaban pertanyaan ${question} sesi #${number} dicatat.`);
        });
      }),
    );

  command
    .command('attend <number> <nips>')
    .description('Mark employees present (comma-separated NIPs)')
    .option('--agency <code>', 'agency (default: the configured one)')
    .action(
      action(async (number: string, nips: string, options: AgencyOption) => {
        await withRuntime(async (runtime) => {
          const result = await (await sosialisasiCaller(runtime, options.agency)).markAttendance({ number: Number(number), nips: list(nips) });
          console.log(`${result.marked} dicatat hadir, ${result.already} sudah tercatat.${result.unknown.length ? ` NIP tidak dikenal: ${result.unknown.join(', ')}` : ''}`);
        });
      }),
    );

  command
    .command('finish <number>')
    .description('Close a session: materials and answered questions to the audience and the archive; FAQ drafts')
    .option('--text <markdown>', 'materials or summary (Markdown)')
    .option('--file <path>', 'read the materials from a file')
    .option('--agency <code>', 'agency (default: the configured one)')
    .action(
      action(async (number: string, options: AgencyOption & { text?: string; file?: string }) => {
        const materials = options.file ? readFileSync(options.file, 'utf8') : options.text;
        if (!materials) throw new Error('tulis materi dengan --text atau --file');
        await withRuntime(async (runtime) => {
          const result = await (await sosialisasiCaller(runtime, options.agency)).finish({ number: Number(number), materials });
          console.log(`Sesi #${number} ditutup; materi: siaran #${result.broadcastNumber} (${result.broadcastStatus}); ${result.faqDrafts} draf FAQ.`);
        });
      }),
    );

  command
    .command('cancel <number>')
    .description('Call a session off and tell those who said they would come')
    .option('--agency <code>', 'agency (default: the configured one)')
    .action(
      action(async (number: string, options: AgencyOption) => {
        await withRuntime(async (runtime) => {
          const result = await (await sosialisasiCaller(runtime, options.agency)).cancel({ number: Number(number) });
          console.log(`Sesi #${result.number} dibatalkan; ${result.told} pegawai diberi tahu.`);
        });
      }),
    );
}
