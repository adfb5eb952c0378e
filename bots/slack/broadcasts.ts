import type { App } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { TRPCError } from '@trpc/server';
import { ZodError } from 'zod';
import type { AudienceInput } from '../../core/audience/audience.js';
import type { Actor } from '../../core/auth/actor.js';
import { hasAtLeast } from '../../core/auth/roles.js';
import { broadcastStatusLabels, type BroadcastStatus, type NewBroadcastInput } from '../../core/broadcasts/broadcast-input.js';
import type { Attachment } from '../../core/outbox/outbox-intent.js';
import type { Runtime } from '../../core/runtime.js';
import { wibInstant } from '../../core/scheduling/jakarta-time.js';
import { formatIndonesian } from '../../core/dates/calendar-date.js';
import { careerTopic } from '../../core/infodesk/topics.js';
import { broadcastActions, broadcastModal, composeModal, homeTab, noTopic, statusText } from './broadcast-blocks.js';
import type { DeskMembers } from './desk-members.js';
import { escapeMrkdwn } from './mrkdwn.js';

export const broadcastHelp = [
  '• `/layani siaran` — susun siaran baru (formulir)',
  '• `/layani siaran provinsi` / `/layani siaran instansi <KODE,KODE>` — BKPSDMD: siaran ke seluruh instansi se-provinsi atau ke instansi tertentu',
  '• `/layani siaran daftar` — siaran terbaru dan statusnya',
  '• `/layani siaran status <nomor>` — terkirim, diterima, gagal, dikonfirmasi (per unit)',
  '• `/layani siaran setujui <nomor>` / `tolak <nomor>` / `batal <nomor>`',
  '• `/layani siaran minat <nomor>` — pegawai yang menekan "Saya tertarik" pada peluang karier',
].join('\n');

interface ModalFile {
  id?: string;
  name?: string;
  title?: string;
  mimetype?: string;
  url_private?: string;
}

export type ModalValues = Record<
  string,
  Record<
    string,
    {
      value?: string | null;
      selected_option?: { value?: string } | null;
      selected_options?: Array<{ value?: string }>;
      selected_date?: string | null;
      selected_time?: string | null;
      files?: ModalFile[];
    }
  >
>;

/** The file shared in a modal, as an attachment the Telegram side fetches from Slack with the bot token. */
export function attachmentOf(values: ModalValues, blockId: string = broadcastModal.attachment): Attachment | null {
  const file = values[blockId]?.[blockId]?.files?.[0];
  if (!file?.id) return null;
  const mimeType = file.mimetype || null;
  return {
    source: 'slack',
    fileId: file.id,
    fileName: (file.name || file.title || file.id).slice(0, 255),
    mimeType,
    kind: mimeType?.startsWith('image/') ? 'photo' : 'document',
    url: file.url_private ?? null,
  };
}

export const textOf = (values: ModalValues, id: string) => values[id]?.[id]?.value?.trim() ?? '';
export const choiceOf = (values: ModalValues, id: string) => values[id]?.[id]?.selected_option?.value ?? '';
export const dateOf = (values: ModalValues, id: string) => values[id]?.[id]?.selected_date ?? null;
export const listOf = (values: ModalValues, id: string) =>
  textOf(values, id)
    .split(/[,;\n]/)
    .map((item) => item.trim())
    .filter(Boolean);

/** Modal fields to the core's input; errors keyed by block id, in Indonesian, for Slack to show under the field. */
export function broadcastFromModal(values: ModalValues): { input: NewBroadcastInput } | { errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const who = choiceOf(values, broadcastModal.audience) || 'everyone';
  const chats = listOf(values, broadcastModal.channels);
  const audience: AudienceInput = {
    everyone: who === 'everyone',
    units: who === 'filter' ? listOf(values, broadcastModal.units) : [],
    golongan: who === 'filter' ? listOf(values, broadcastModal.golongan) : [],
    nips: listOf(values, broadcastModal.nips).map((nip) => nip.replace(/[\s.-]/g, '')),
    telegramGroups: chats.filter((chat) => chat.startsWith('-')),
    slackChannels: chats.filter((chat) => !chat.startsWith('-')).map((chat) => chat.replace(/^<#([A-Z0-9]+)(\|[^>]*)?>$/, '$1')),
  };
  if (who === 'filter' && audience.units!.length === 0 && audience.golongan!.length === 0) errors[broadcastModal.units] = 'Isi unit kerja atau golongan, atau pilih "Semua pegawai".';
  const when = choiceOf(values, broadcastModal.when) || 'now';
  let schedule: NewBroadcastInput['schedule'] = { kind: 'now' };
  if (when === 'once') {
    const match = /^(\d{4}-\d{2}-\d{2})[ T](\d{1,2})[:.](\d{2})$/.exec(textOf(values, broadcastModal.at));
    if (!match) errors[broadcastModal.at] = 'Tulis waktu seperti 2026-12-01 08:00 (WIB).';
    else schedule = { kind: 'once', at: wibInstant(match[1]!, Number(match[2]), Number(match[3])) };
  } else if (when === 'cron') {
    const expression = textOf(values, broadcastModal.cron);
    if (!expression) errors[broadcastModal.cron] = 'Tulis jadwal cron, misalnya 0 8 * * 1 (setiap Senin 08.00 WIB).';
    schedule = { kind: 'cron', expression };
  }
  const options = new Set((values[broadcastModal.options]?.[broadcastModal.options]?.selected_options ?? []).map((o) => o.value));
  const topicChoice = choiceOf(values, broadcastModal.topic);
  const topic = topicChoice && topicChoice !== noTopic ? (topicChoice as NonNullable<NewBroadcastInput['topic']>) : null;
  const careerKind = (choiceOf(values, broadcastModal.careerKind) || null) as NewBroadcastInput['careerKind'];
  const closesOn = dateOf(values, broadcastModal.closesOn);
  if (topic === careerTopic && !careerKind) errors[broadcastModal.careerKind] = 'Pilih jenis peluang karier: diklat, seleksi atau lowongan jabatan.';
  if (topic === careerTopic && !closesOn) errors[broadcastModal.closesOn] = 'Pilih tanggal pendaftaran ditutup.';
  if (topic !== careerTopic && (careerKind || closesOn)) errors[broadcastModal.topic] = 'Jenis dan tanggal penutupan hanya untuk topik peluang karier.';
  const validUntil = dateOf(values, broadcastModal.validUntil);
  if (Object.keys(errors).length) return { errors };
  return {
    input: {
      title: textOf(values, broadcastModal.title),
      text: textOf(values, broadcastModal.text),
      audience,
      schedule,
      needsAck: options.has('ack'),
      urgent: options.has('urgent'),
      attachment: attachmentOf(values),
      topic,
      // Unticked "Wajib" on a topic means the topic's subscribers only; without a topic it reaches the whole audience.
      mandatory: topic === null || options.has('wajib'),
      source: textOf(values, broadcastModal.source) || null,
      careerKind: topic === careerTopic ? careerKind : null,
      closesOn: topic === careerTopic ? closesOn : null,
      // The whole last day, in WIB.
      validUntil: validUntil ? wibInstant(validUntil, 23, 59) : null,
    },
  };
}

/** Which modal field a core validation error belongs to. */
function fieldOf(path: string): string {
  if (path.startsWith('title')) return broadcastModal.title;
  if (path.startsWith('text')) return broadcastModal.text;
  if (path.startsWith('schedule')) return broadcastModal.cron;
  if (path.startsWith('audience.nips')) return broadcastModal.nips;
  if (path.startsWith('audience.golongan')) return broadcastModal.golongan;
  if (path.startsWith('audience.units')) return broadcastModal.units;
  if (path.startsWith('audience.telegramGroups') || path.startsWith('audience.slackChannels')) return broadcastModal.channels;
  if (path.startsWith('topic')) return broadcastModal.topic;
  if (path.startsWith('source')) return broadcastModal.source;
  if (path.startsWith('careerKind')) return broadcastModal.careerKind;
  if (path.startsWith('closesOn')) return broadcastModal.closesOn;
  if (path.startsWith('validUntil')) return broadcastModal.validUntil;
  return broadcastModal.audience;
}

function errorsOf(error: unknown): Record<string, string> | null {
  const cause = error instanceof TRPCError ? error.cause : error;
  if (cause instanceof ZodError) {
    const errors: Record<string, string> = {};
    for (const issue of cause.issues) errors[fieldOf(issue.path.join('.'))] ??= issue.message;
    return errors;
  }
  if (error instanceof TRPCError && (error.code === 'BAD_REQUEST' || error.code === 'FORBIDDEN')) {
    return { [broadcastModal.audience]: error.message.split(' / ')[0]! };
  }
  return null;
}

interface CommandTools {
  client: WebClient;
  triggerId: string | undefined;
  channel?: string | undefined;
}

/** What the compose form carries from the command that opened it: where (so which agency) and to which agencies. */
interface ComposeScope {
  channel: string | null;
  province: boolean;
  agencies: string[];
}

function scopeOf(privateMetadata: string | undefined): ComposeScope {
  try {
    const parsed = JSON.parse(privateMetadata || '{}') as Partial<ComposeScope>;
    return { channel: parsed.channel ?? null, province: parsed.province === true, agencies: Array.isArray(parsed.agencies) ? parsed.agencies : [] };
  } catch {
    return { channel: null, province: false, agencies: [] };
  }
}

/** `/layani siaran …`: the modal, the list, status and decisions. Returns the ephemeral answer (empty when a modal opened). */
export async function runBroadcastCommand(runtime: Runtime, actor: Actor, args: string[], tools: CommandTools): Promise<string> {
  const [word = '', numberText = ''] = args;
  const caller = runtime.callerFor(actor).broadcasts;
  const openCompose = async (scope: Omit<ComposeScope, 'channel'>) => {
    if (!tools.triggerId) return 'Formulir siaran tidak dapat dibuka dari sini; coba lagi dari kotak pesan Slack.';
    const metadata: ComposeScope = { channel: tools.channel ?? null, ...scope };
    await tools.client.views.open({ trigger_id: tools.triggerId, view: { ...composeModal(), private_metadata: JSON.stringify(metadata) } as never });
    return '';
  };
  const number = Number(numberText.replace('#', ''));
  const needNumber = () => `Tulis nomor siarannya, misalnya \`/layani siaran ${word} 12\`. Lihat nomor di \`/layani siaran daftar\`.`;
  switch (word.toLowerCase()) {
    case '':
    case 'baru':
      return openCompose({ province: false, agencies: [] });
    case 'provinsi':
    case 'instansi': {
      if (!actor.province) return 'Hanya BKPSDMD (anggota meja layanan instansi provinsi) yang dapat menyiarkan ke instansi lain.';
      if (word === 'provinsi') return openCompose({ province: true, agencies: [] });
      const codes = args.slice(1).join(',').split(/[,\s]+/).map((c) => c.trim().toUpperCase()).filter(Boolean);
      if (codes.length === 0) return 'Tulis kode instansinya: `/layani siaran instansi DINKES,DISDIK`. Lihat kode di `/layani instansi daftar`.';
      for (const code of codes) if (!(await runtime.settings.agencies.byCode(code))) return `Instansi ${code} tidak terdaftar. Lihat kode di \`/layani instansi daftar\`.`;
      return openCompose({ province: false, agencies: codes });
    }
    case 'daftar': {
      const list = await caller.list({ limit: 15 });
      if (list.length === 0) return 'Belum ada siaran. Buat dengan `/layani siaran`.';
      // The same words as the App Home and `status`: one label per state, from the core.
      return ['*Siaran terbaru*', ...list.map((b) => `• #${b.number} *${escapeMrkdwn(b.title)}* — ${broadcastStatusLabels[b.status as BroadcastStatus] ?? b.status} · ${escapeMrkdwn(b.audience)}${b.needsAck ? ' · perlu konfirmasi' : ''}`)].join('\n');
    }
    case 'status': {
      if (!Number.isInteger(number) || number < 1) return needNumber();
      return statusText(await caller.status({ number }));
    }
    case 'minat': {
      if (!Number.isInteger(number) || number < 1) return needNumber();
      return interestedText(await runtime.callerFor(actor).infodesk.interested({ number }));
    }
    case 'setujui':
    case 'tolak':
    case 'batal': {
      if (!Number.isInteger(number) || number < 1) return needNumber();
      const { broadcastId } = await caller.get({ number });
      if (word === 'batal') {
        await caller.cancel({ broadcastId });
        return `Siaran #${number} dibatalkan.`;
      }
      if (!hasAtLeast(actor.role, 'hr_lead')) return 'Hanya pimpinan kepegawaian (HR lead) yang dapat menyetujui atau menolak siaran.';
      const result = word === 'setujui' ? await caller.approve({ broadcastId }) : await caller.reject({ broadcastId });
      return `Siaran #${result.number} ${result.status === 'rejected' ? 'ditolak' : 'disetujui dan akan dikirim sesuai jadwal'}.`;
    }
    default:
      return broadcastHelp;
  }
}

type Interested = Awaited<ReturnType<ReturnType<Runtime['callerFor']>['infodesk']['interested']>>;

/** Who is interested in a career opportunity: names, units and ranks (no NIP), in the order they pressed. */
function interestedText(list: Interested): string {
  const header = `*Siaran #${list.number} — ${escapeMrkdwn(list.title)}*${list.closesOn ? ` (pendaftaran ditutup ${formatIndonesian(list.closesOn)})` : ''}`;
  if (!list.closesOn) return `${header}\nSiaran ini bukan peluang karier; tidak ada tombol "Saya tertarik".`;
  if (list.people.length === 0) return `${header}\nBelum ada pegawai yang menyatakan tertarik.`;
  return [
    `${header}\n${list.people.length} pegawai tertarik:`,
    ...list.people.map((p) => `• ${escapeMrkdwn(p.name)} — ${escapeMrkdwn(p.unit)} (${p.golongan})${p.reminded ? ' · sudah diingatkan' : ''}`),
  ].join('\n');
}

export interface BroadcastHandlerDeps {
  runtime: Runtime;
  client: WebClient;
  members: DeskMembers;
}

/** The compose modal's submission, the approval buttons and the App Home. */
export function registerBroadcastHandlers(app: App, deps: BroadcastHandlerDeps): void {
  const { runtime, client, members } = deps;
  const { log } = runtime;

  app.view(broadcastModal.callbackId, async ({ ack, body, view }) => {
    const scope = scopeOf(view.private_metadata);
    // The channel the form was opened from says for which agency the broadcast is.
    const actor = await members.actorFor(body.user.id, scope.channel);
    if (!actor) {
      await ack({ response_action: 'errors', errors: { [broadcastModal.title]: 'Hanya anggota kanal layanan kepegawaian LAYANI yang dapat membuat siaran.' } });
      return;
    }
    const parsed = broadcastFromModal(view.state.values as ModalValues);
    if ('errors' in parsed) {
      await ack({ response_action: 'errors', errors: parsed.errors });
      return;
    }
    try {
      const input: NewBroadcastInput = { ...parsed.input, audience: { ...parsed.input.audience, province: scope.province, agencies: scope.agencies } };
      const created = await runtime.callerFor(actor).broadcasts.create(input);
      await ack();
      log.info({ broadcastId: created.broadcastId, status: created.status }, 'broadcast created from Slack');
      const note =
        created.status === 'pending_approval'
          ? `Siaran #${created.number} disimpan dan menunggu persetujuan pimpinan kepegawaian.`
          : `Siaran #${created.number} disimpan dan akan dikirim sesuai jadwal. Pantau dengan \`/layani siaran status ${created.number}\`.`;
      await client.chat.postMessage({ channel: body.user.id, text: note }).catch((err: unknown) => log.warn({ err }, 'confirming a broadcast in Slack failed'));
    } catch (error) {
      const errors = errorsOf(error);
      if (!errors) throw error;
      await ack({ response_action: 'errors', errors });
    }
  });

  app.action(new RegExp(`^(${Object.values(broadcastActions).join('|')})$`), async ({ ack, body, action, respond }) => {
    await ack();
    if (body.type !== 'block_actions') return;
    const broadcastId = (action as { value?: string }).value;
    if (!broadcastId) return;
    const container = (body as { container?: { channel_id?: string } }).container;
    // The approval request sits in its agency's leads' channel: the decision is for that agency only.
    const actor = await members.actorFor(body.user.id, body.channel?.id ?? container?.channel_id ?? null);
    if (!actor || !hasAtLeast(actor.role, 'hr_lead')) {
      log.info('broadcast decision from a Slack user who is not an HR lead refused');
      await respond({ response_type: 'ephemeral', replace_original: false, text: 'Maaf, hanya pimpinan kepegawaian (HR lead) yang dapat menyetujui atau menolak siaran.' });
      return;
    }
    try {
      const caller = runtime.callerFor(actor).broadcasts;
      const approve = (action as { action_id?: string }).action_id === broadcastActions.approve;
      const result = approve ? await caller.approve({ broadcastId }) : await caller.reject({ broadcastId });
      log.info({ broadcastId, status: result.status }, 'broadcast decided from Slack');
    } catch (error) {
      if (!(error instanceof TRPCError)) throw error;
      await respond({ response_type: 'ephemeral', replace_original: false, text: error.message.split(' / ')[0]! });
    }
  });

  app.event('app_home_opened', async ({ event }) => {
    if (event.tab !== 'home') return;
    const actor = await members.actorFor(event.user);
    if (!actor) return;
    const caller = runtime.callerFor(actor).broadcasts;
    const list = await caller.list({ limit: 8 });
    const reports = await Promise.all(list.map((b) => caller.status({ broadcastId: b.broadcastId })));
    await client.views.publish({ user_id: event.user, view: homeTab(reports) as never });
  });
}
