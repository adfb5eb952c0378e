import { Bits, Blocks, Elements, Modal, type SlackViewDto } from 'slack-block-builder';
import { infoTopics } from '../../core/infodesk/topics.js';
import { rsvpLabels } from '../../core/sosialisasi/session-input.js';
import { describeSessionTime } from '../../core/sosialisasi/session-time.js';
import type { Runtime } from '../../core/runtime.js';
import { noTopic } from './broadcast-blocks.js';
import { escapeMrkdwn } from './mrkdwn.js';

type Caller = ReturnType<Runtime['callerFor']>['sosialisasi'];
type SessionDetail = Awaited<ReturnType<Caller['get']>>;
type RsvpReport = Awaited<ReturnType<Caller['rsvpReport']>>;
type Questions = Awaited<ReturnType<Caller['questions']>>;
type SessionSummary = Awaited<ReturnType<Caller['list']>>[number];

/** callback_id of the two modals and block/action ids of their inputs. */
export const sessionModal = {
  callbackId: 'layani_sosialisasi',
  title: 'sos_judul',
  topic: 'sos_topik',
  speaker: 'sos_narasumber',
  date: 'sos_tanggal',
  start: 'sos_mulai',
  end: 'sos_selesai',
  place: 'sos_tempat',
  link: 'sos_tautan',
  audience: 'sos_peserta',
  units: 'sos_unit',
  golongan: 'sos_golongan',
  nips: 'sos_nip',
  capacity: 'sos_kapasitas',
} as const;

export const finishModal = {
  callbackId: 'layani_sosialisasi_selesai',
  materials: 'sos_materi',
  attachment: 'sos_lampiran',
} as const;

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

export function sessionCreateModal(): SlackViewDto {
  return Modal({ title: 'Sosialisasi baru', submit: 'Simpan & undang', close: 'Batal', callbackId: sessionModal.callbackId })
    .blocks(
      Blocks.Input({ label: 'Judul', blockId: sessionModal.title }).element(Elements.TextInput({ actionId: sessionModal.title, maxLength: 150, placeholder: 'Sosialisasi PP 11/2017 tentang Manajemen PNS' })),
      Blocks.Input({ label: 'Topik', blockId: sessionModal.topic }).element(
        Elements.StaticSelect({ actionId: sessionModal.topic })
          .options(Bits.Option({ text: 'Tanpa topik', value: noTopic }), ...infoTopics.map((t) => Bits.Option({ text: t.label.id.slice(0, 75), value: t.id })))
          .initialOption(Bits.Option({ text: 'Tanpa topik', value: noTopic })),
      ),
      Blocks.Input({ label: 'Narasumber / penyelenggara', blockId: sessionModal.speaker }).element(Elements.TextInput({ actionId: sessionModal.speaker, maxLength: 150, placeholder: 'BKPSDMD Provinsi' })),
      Blocks.Input({ label: 'Tanggal', blockId: sessionModal.date }).element(Elements.DatePicker({ actionId: sessionModal.date })),
      Blocks.Input({ label: 'Jam mulai (WIB)', blockId: sessionModal.start }).element(Elements.TimePicker({ actionId: sessionModal.start, initialTime: '09:00' })),
      Blocks.Input({ label: 'Jam selesai (WIB; kosong = 2 jam)', blockId: sessionModal.end }).optional().element(Elements.TimePicker({ actionId: sessionModal.end })),
      Blocks.Input({ label: 'Tempat', blockId: sessionModal.place }).optional().element(Elements.TextInput({ actionId: sessionModal.place, maxLength: 200, placeholder: 'Aula lantai 2' })),
      Blocks.Input({ label: 'Tautan daring (https://…)', blockId: sessionModal.link }).optional().element(Elements.TextInput({ actionId: sessionModal.link, maxLength: 500 })),
      Blocks.Input({ label: 'Kapasitas ruangan (kosong = tanpa batas)', blockId: sessionModal.capacity }).optional().element(Elements.TextInput({ actionId: sessionModal.capacity, placeholder: '40' })),
      Blocks.Input({ label: 'Peserta', blockId: sessionModal.audience }).element(
        Elements.StaticSelect({ actionId: sessionModal.audience })
          .options(
            Bits.Option({ text: 'Semua pegawai', value: 'everyone' }),
            Bits.Option({ text: 'Menurut unit/golongan di bawah', value: 'filter' }),
            Bits.Option({ text: 'Hanya NIP di bawah', value: 'list' }),
          )
          .initialOption(Bits.Option({ text: 'Semua pegawai', value: 'everyone' })),
      ),
      Blocks.Input({ label: 'Unit kerja (pisahkan dengan koma)', blockId: sessionModal.units }).optional().element(Elements.TextInput({ actionId: sessionModal.units })),
      Blocks.Input({ label: 'Golongan (mis. III, IV/a)', blockId: sessionModal.golongan }).optional().element(Elements.TextInput({ actionId: sessionModal.golongan })),
      Blocks.Input({ label: 'NIP tertentu (pisahkan dengan koma)', blockId: sessionModal.nips }).optional().element(Elements.TextInput({ actionId: sessionModal.nips })),
    )
    .buildToObject();
}

export function sessionFinishModal(session: { sessionId: string; number: number }): SlackViewDto {
  return Modal({ title: `Tutup sosialisasi #${session.number}`.slice(0, 24), submit: 'Kirim materi', close: 'Batal', callbackId: finishModal.callbackId, privateMetaData: session.sessionId })
    .blocks(
      Blocks.Section({ text: 'Materi dan tanya jawab yang sudah dijawab dikirim ke semua peserta undangan dan masuk arsip /info. Pertanyaan yang dijawab menjadi draf FAQ untuk ditinjau pimpinan kepegawaian.' }),
      Blocks.Input({ label: 'Materi / ringkasan (Markdown)', blockId: finishModal.materials }).element(Elements.TextInput({ actionId: finishModal.materials, maxLength: 3000 }).multiline()),
      Blocks.Input({ label: 'Lampiran (opsional, satu berkas)', blockId: finishModal.attachment }).optional().element(Elements.FileInput({ actionId: finishModal.attachment }).maxFiles(1)),
    )
    .buildToObject();
}

const timeOf = (s: { startsAt: string; endsAt: string }) => describeSessionTime({ startsAt: new Date(s.startsAt), endsAt: new Date(s.endsAt) });

export function sessionListText(list: SessionSummary[]): string {
  if (list.length === 0) return 'Belum ada sesi sosialisasi. Buat dengan `/layani sosialisasi`.';
  return ['*Sesi sosialisasi*', ...list.map((s) => `• #${s.number} *${escapeMrkdwn(s.title)}* — ${timeOf(s)} · ${s.stateText} · ${escapeMrkdwn(s.audienceText)}`)].join('\n');
}

/** Everything HR needs on the day, with the check-in code to announce in the room. */
export function sessionDetailText(s: SessionDetail): string {
  const lines = [
    `*Sosialisasi #${s.number} — ${escapeMrkdwn(s.title)}* (${s.stateText})`,
    `Narasumber/penyelenggara: ${escapeMrkdwn(s.speaker)}`,
    `Waktu: ${timeOf(s)}`,
  ];
  if (s.place) lines.push(`Tempat: ${escapeMrkdwn(s.place)}`);
  if (s.onlineLink) lines.push(`Daring: ${s.onlineLink}`);
  lines.push(`Peserta: ${escapeMrkdwn(s.audienceText)} · ${s.capacity === null ? 'tanpa batas kursi' : `kapasitas ${s.capacity} (terisi ${s.seatsTaken})`}`);
  lines.push(`Kode kehadiran: *${s.checkInCode}* — umumkan di ruangan pada hari sesi; peserta mengirim \`/hadir ${s.checkInCode}\` ke bot Telegram.`);
  lines.push(`RSVP: \`/layani sosialisasi rsvp ${s.number}\` · pertanyaan: \`/layani sosialisasi pertanyaan ${s.number}\``);
  return lines.join('\n');
}

const countsLine = (c: { hadir: number; online: number; tidak: number; belum: number; attended: number }) =>
  `hadir ${c.hadir} · online ${c.online} · tidak ${c.tidak} · belum menjawab ${c.belum} · tercatat hadir ${c.attended}`;

/** The RSVP list: totals, counts per unit, then who answered what, unit by unit (names only). */
export function rsvpText(report: RsvpReport): string {
  const seats = report.capacity === null ? '' : ` · kursi ${report.seatsTaken}/${report.capacity}`;
  const lines = [`*RSVP sosialisasi #${report.number} — ${escapeMrkdwn(report.title)}*`, `${report.invited} diundang${seats}`, countsLine(report.total), '', '*Per unit*'];
  for (const unit of report.byUnit) lines.push(`• ${escapeMrkdwn(unit.unit)}: ${countsLine(unit)}`);
  const answered = report.people.filter((p) => p.answer !== null || p.attended);
  if (answered.length > 0) {
    lines.push('', '*Yang sudah menjawab*');
    let unit = '';
    for (const person of answered) {
      if (person.unit !== unit) {
        unit = person.unit;
        lines.push(`_${escapeMrkdwn(unit)}_`);
      }
      lines.push(`• ${escapeMrkdwn(person.name)} — ${person.answer ? rsvpLabels[person.answer] : 'tanpa RSVP'}${person.attended ? ' ✅ hadir' : ''}`);
    }
  }
  return clip(lines.join('\n'), 39_000);
}

/** The questions grouped for the speaker, with the answers noted so far. */
export function questionsText(q: Questions): string {
  const all = q.groups.flatMap((g) => g.questions);
  const header = `*Pertanyaan untuk narasumber — sosialisasi #${q.number} ${escapeMrkdwn(q.title)}* (${all.length} pertanyaan, ${all.filter((x) => x.answer).length} dijawab)`;
  if (all.length === 0) return `${header}\nBelum ada pertanyaan. Peserta bertanya lewat bot Telegram dengan /tanyasosialisasi.`;
  const lines = [header];
  for (const group of q.groups) {
    lines.push('', `*${escapeMrkdwn(group.label)}*`);
    for (const question of group.questions) {
      lines.push(`${question.number}. ${escapeMrkdwn(question.text)}`);
      if (question.answer) lines.push(`    ↳ _Jawaban:_ ${escapeMrkdwn(question.answer)}`);
    }
  }
  lines.push('', `Catat jawaban: \`/layani sosialisasi jawab ${q.number} <no. pertanyaan> <jawaban>\``);
  return clip(lines.join('\n'), 39_000);
}
