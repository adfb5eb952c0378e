import type { App } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { TRPCError } from '@trpc/server';
import { ZodError } from 'zod';
import type { AudienceInput } from '../../core/audience/audience.js';
import type { Actor } from '../../core/auth/actor.js';
import type { Runtime } from '../../core/runtime.js';
import type { NewSessionInput } from '../../core/sosialisasi/session-input.js';
import { noTopic } from './broadcast-blocks.js';
import { attachmentOf, choiceOf, dateOf, listOf, textOf, type ModalValues } from './broadcasts.js';
import type { DeskMembers } from './desk-members.js';
import { finishModal, questionsText, rsvpText, sessionCreateModal, sessionDetailText, sessionFinishModal, sessionListText, sessionModal } from './sosialisasi-blocks.js';

export const sosialisasiHelp = [
  '• `/layani sosialisasi` — jadwalkan sesi sosialisasi dan undang peserta (formulir)',
  '• `/layani sosialisasi daftar` · `lihat <no>` (dengan kode kehadiran) · `rsvp <no>` (per unit) · `pertanyaan <no>`',
  '• `/layani sosialisasi jawab <no> <no. pertanyaan> <jawaban>` · `hadir <no> <NIP, NIP…>` · `selesai <no>` (materi) · `batal <no>`',
].join('\n');

interface CommandTools {
  client: WebClient;
  triggerId: string | undefined;
  channel?: string | undefined;
}

const nipsIn = (text: string) => (text.match(/\d[\d .-]{16,}\d/g) ?? []).map((nip) => nip.replace(/\D/g, ''));

/** `/layani sosialisasi …`. Returns the ephemeral answer (empty when a modal opened). */
export async function runSosialisasiCommand(runtime: Runtime, actor: Actor, args: string[], tools: CommandTools): Promise<string> {
  const [word = '', numberText = '', ...rest] = args;
  const caller = runtime.callerFor(actor).sosialisasi;
  const number = Number(numberText.replace('#', ''));
  const hasNumber = Number.isInteger(number) && number > 0;
  const needNumber = () => `Tulis nomor sesinya, misalnya \`/layani sosialisasi ${word} 3\`. Lihat nomor di \`/layani sosialisasi daftar\`.`;
  const openModal = async (view: unknown) => {
    if (!tools.triggerId) return 'Formulir tidak dapat dibuka dari sini; coba lagi dari kotak pesan Slack.';
    await tools.client.views.open({ trigger_id: tools.triggerId, view: view as never });
    return '';
  };
  switch (word.toLowerCase()) {
    case '':
    case 'baru':
      return openModal({ ...sessionCreateModal(), private_metadata: tools.channel ?? '' });
    case 'daftar':
      return sessionListText(await caller.list({ limit: 15 }));
    case 'lihat':
      return hasNumber ? sessionDetailText(await caller.get({ number })) : needNumber();
    case 'rsvp':
      return hasNumber ? rsvpText(await caller.rsvpReport({ number })) : needNumber();
    case 'pertanyaan':
      return hasNumber ? questionsText(await caller.questions({ number })) : needNumber();
    case 'jawab': {
      const [questionText = '', ...answerWords] = rest;
      const question = Number(questionText.replace('#', ''));
      const answer = answerWords.join(' ').trim();
      if (!hasNumber || !Number.isInteger(question) || question < 1 || !answer) {
        return 'Tulis: `/layani sosialisasi jawab <no. sesi> <no. pertanyaan> <jawaban>`, misalnya `/layani sosialisasi jawab 3 2 Ya, berlaku mulai Januari.`';
      }
      await caller.answer({ number, question, answer });
      return `Jawaban untuk pertanyaan ${question} sesi #${number} dicatat. Jawaban dikirim ke peserta bersama materi saat sesi ditutup (\`/layani sosialisasi selesai ${number}\`).`;
    }
    case 'hadir': {
      const nips = nipsIn(rest.join(' '));
      if (!hasNumber || nips.length === 0) return 'Tulis: `/layani sosialisasi hadir <no. sesi> <NIP>, <NIP>…`';
      const result = await caller.markAttendance({ number, nips });
      const unknown = result.unknown.length ? ` NIP tidak dikenal: ${result.unknown.join(', ')}.` : '';
      return `Sesi #${number}: ${result.marked} pegawai dicatat hadir${result.already ? `, ${result.already} sudah tercatat sebelumnya` : ''}.${unknown}`;
    }
    case 'selesai': {
      if (!hasNumber) return needNumber();
      const materials = rest.join(' ').trim();
      if (!materials) {
        // Said before HR writes anything: materials already sent or awaiting a lead cannot be sent again.
        return openModal(sessionFinishModal(await caller.mayFinish({ number })));
      }
      return finishedText(await caller.finish({ number, materials }));
    }
    case 'batal': {
      if (!hasNumber) return needNumber();
      const result = await caller.cancel({ number });
      return `Sesi #${result.number} dibatalkan; ${result.told} pegawai yang diundang dan sudah menerima undangannya (atau menjawabnya) diberi tahu. Undangannya di /info ditandai dibatalkan.`;
    }
    default:
      return sosialisasiHelp;
  }
}

function finishedText(result: { number: number; broadcastNumber: number; broadcastStatus: string; faqDrafts: number; resubmitted: boolean }): string {
  const sending =
    result.broadcastStatus === 'pending_approval'
      ? `menunggu persetujuan pimpinan kepegawaian sebagai siaran #${result.broadcastNumber}`
      : `dikirim ke peserta sebagai siaran #${result.broadcastNumber} (pantau: \`/layani siaran status ${result.broadcastNumber}\`)`;
  const drafts = result.faqDrafts ? ` ${result.faqDrafts} pertanyaan yang dijawab menjadi draf FAQ untuk ditinjau pimpinan kepegawaian.` : '';
  return `${result.resubmitted ? `Materi baru sesi #${result.number}` : `Sesi #${result.number} ditutup. Materi`} dan tanya jawab ${sending}.${drafts}`;
}

/** Modal fields to the core's input; errors keyed by block id, in Indonesian. */
export function sessionFromModal(values: ModalValues): { input: NewSessionInput } | { errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const who = choiceOf(values, sessionModal.audience) || 'everyone';
  const audience: AudienceInput = {
    everyone: who === 'everyone',
    units: who === 'filter' ? listOf(values, sessionModal.units) : [],
    golongan: who === 'filter' ? listOf(values, sessionModal.golongan) : [],
    nips: listOf(values, sessionModal.nips).map((nip) => nip.replace(/[\s.-]/g, '')),
  };
  if (who === 'filter' && audience.units!.length === 0 && audience.golongan!.length === 0) errors[sessionModal.units] = 'Isi unit kerja atau golongan, atau pilih "Semua pegawai".';
  if (who === 'list' && audience.nips!.length === 0) errors[sessionModal.nips] = 'Isi NIP peserta, atau pilih "Semua pegawai".';
  const date = dateOf(values, sessionModal.date);
  if (!date) errors[sessionModal.date] = 'Pilih tanggal sesi.';
  const startTime = values[sessionModal.start]?.[sessionModal.start]?.selected_time ?? '';
  if (!startTime) errors[sessionModal.start] = 'Pilih jam mulai.';
  const capacityText = textOf(values, sessionModal.capacity);
  const capacity = capacityText ? Number(capacityText) : null;
  if (capacity !== null && (!Number.isInteger(capacity) || capacity < 1)) errors[sessionModal.capacity] = 'Kapasitas berupa bilangan bulat, misalnya 40; kosongkan bila tanpa batas.';
  if (Object.keys(errors).length) return { errors };
  const topic = choiceOf(values, sessionModal.topic);
  return {
    input: {
      title: textOf(values, sessionModal.title),
      topic: topic && topic !== noTopic ? (topic as NonNullable<NewSessionInput['topic']>) : null,
      speaker: textOf(values, sessionModal.speaker),
      date: date!,
      startTime,
      endTime: values[sessionModal.end]?.[sessionModal.end]?.selected_time || null,
      place: textOf(values, sessionModal.place) || null,
      onlineLink: textOf(values, sessionModal.link) || null,
      audience,
      capacity,
    },
  };
}

function sessionFieldOf(path: string): string {
  const fields: Array<[string, string]> = [
    ['title', sessionModal.title],
    ['speaker', sessionModal.speaker],
    ['date', sessionModal.date],
    ['startTime', sessionModal.start],
    ['endTime', sessionModal.end],
    ['place', sessionModal.place],
    ['onlineLink', sessionModal.link],
    ['capacity', sessionModal.capacity],
    ['audience.nips', sessionModal.nips],
    ['audience.golongan', sessionModal.golongan],
    ['audience.units', sessionModal.units],
  ];
  return fields.find(([prefix]) => path.startsWith(prefix))?.[1] ?? sessionModal.audience;
}

/** Core refusals as errors under the modal's fields; null when the error is not the user's to fix. */
function modalErrorsOf(error: unknown, fieldOf: (path: string) => string, fallback: string): Record<string, string> | null {
  const cause = error instanceof TRPCError ? error.cause : error;
  if (cause instanceof ZodError) {
    const errors: Record<string, string> = {};
    for (const issue of cause.issues) errors[fieldOf(issue.path.join('.'))] ??= issue.message;
    return errors;
  }
  if (error instanceof TRPCError && error.code !== 'INTERNAL_SERVER_ERROR') return { [fallback]: error.message.split(' / ')[0]! };
  return null;
}

export interface SosialisasiHandlerDeps {
  runtime: Runtime;
  client: WebClient;
  members: DeskMembers;
}

/** The create and close modals' submissions. */
export function registerSosialisasiHandlers(app: App, deps: SosialisasiHandlerDeps): void {
  const { runtime, client, members } = deps;
  const { log } = runtime;
  const note = (user: string, text: string) =>
    client.chat.postMessage({ channel: user, text }).catch((err: unknown) => log.warn({ err }, 'confirming a sosialisasi action in Slack failed'));

  app.view(sessionModal.callbackId, async ({ ack, body, view }) => {
    // The channel the form was opened from says for which agency.
    const actor = await members.actorFor(body.user.id, view.private_metadata || null);
    if (!actor) {
      await ack({ response_action: 'errors', errors: { [sessionModal.title]: 'Hanya anggota kanal layanan kepegawaian LAYANI yang dapat menjadwalkan sosialisasi.' } });
      return;
    }
    const parsed = sessionFromModal(view.state.values as ModalValues);
    if ('errors' in parsed) {
      await ack({ response_action: 'errors', errors: parsed.errors });
      return;
    }
    try {
      const created = await runtime.callerFor(actor).sosialisasi.create(parsed.input);
      await ack();
      log.info({ sessionId: created.sessionId, number: created.number }, 'sosialisasi created from Slack');
      const invitation =
        created.invitationStatus === 'pending_approval'
          ? `Undangannya (siaran #${created.invitationNumber}) menunggu persetujuan pimpinan kepegawaian.`
          : `Undangan dikirim sebagai siaran #${created.invitationNumber}.`;
      await note(body.user.id, `Sosialisasi #${created.number} dijadwalkan. ${invitation}\n${sessionDetailText(created)}`);
    } catch (error) {
      const errors = modalErrorsOf(error, sessionFieldOf, sessionModal.title);
      if (!errors) throw error;
      await ack({ response_action: 'errors', errors });
    }
  });

  app.view(finishModal.callbackId, async ({ ack, body, view }) => {
    const actor = await members.actorFor(body.user.id);
    if (!actor) {
      await ack({ response_action: 'errors', errors: { [finishModal.materials]: 'Hanya anggota kanal layanan kepegawaian LAYANI yang dapat menutup sosialisasi.' } });
      return;
    }
    const values = view.state.values as ModalValues;
    try {
      const result = await runtime.callerFor(actor).sosialisasi.finish({
        sessionId: view.private_metadata,
        materials: textOf(values, finishModal.materials),
        attachment: attachmentOf(values, finishModal.attachment),
      });
      await ack();
      log.info({ sessionId: view.private_metadata, drafts: result.faqDrafts }, 'sosialisasi closed from Slack');
      await note(body.user.id, finishedText(result));
    } catch (error) {
      const errors = modalErrorsOf(error, () => finishModal.materials, finishModal.materials);
      if (!errors) throw error;
      await ack({ response_action: 'errors', errors });
    }
  });
}
