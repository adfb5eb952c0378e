import type { Message } from 'grammy/types';
import type { FakeSlack } from '../test/fakes/fake-slack.js';
import type { FakeTelegram } from '../test/fakes/fake-telegram.js';

/** Questions as staff type them; a mix the corpus answers, hands over, or refuses. */
const questions = [
  'cuti thn brp hari sih',
  'kgb naik tiap brp taun',
  'syarat kenaikan pangkat reguler apa aja',
  'bup pns berapa tahun',
  'cara update data di myasn gmn',
  'jam kerja bulan puasa',
  'cuti melahirkan brp bulan',
  'gaji saya bulan ini berapa',
  'apa itu tapera',
  'kapan batas isi skp',
  'boleh minta nip pak kabid?',
  'lhkasn wajib buat siapa',
];

const staffTexts = ['mohon dibantu ya pak', 'sudah saya lampirkan', 'baik terima kasih', 'kapan kira2 selesai?', 'ada dokumen lain yg perlu?'];
const hrTexts = ['Baik, sedang kami cek.', 'Mohon kirim SK terakhir.', 'Sudah kami teruskan ke bidang terkait.', 'Silakan cek lagi besok.'];

export interface TrafficContext {
  telegram: FakeTelegram;
  slack: FakeSlack;
  appUrl: string;
  signingSecret: string;
  triage: string;
  officer: string;
  users: number[];
  random: () => number;
  /** A driver-side failure (an HTTP request LAYANI refused or did not answer). */
  error(what: string): void;
}

type Action = (t: TrafficContext) => void | Promise<void>;

const pick = <T>(items: T[], random: () => number): T => items[Math.floor(random() * items.length)]!;

function topLevelCards(t: TrafficContext): Array<{ ts?: string; thread_ts?: string }> {
  return t.slack.sent(t.triage).filter((m) => !m.thread_ts || m.thread_ts === m.ts);
}

async function postToSlack(t: TrafficContext, body: Parameters<FakeSlack['signedRequest']>[1], what: string): Promise<void> {
  try {
    const response = await t.slack.signedRequest(`${t.appUrl}/slack/events`, body, { signingSecret: t.signingSecret });
    if (response.status !== 200) t.error(`${what}: HTTP ${response.status}`);
  } catch (error) {
    t.error(`${what}: ${(error as Error).message}`);
  }
}

/** The mix, with weights: mostly staff questions and ticket chatter, some HR work in Slack. */
export const actions: Array<{ name: string; weight: number; run: Action }> = [
  { name: 'faq', weight: 30, run: (t) => void t.telegram.userSends(pick(t.users, t.random), `/tanya ${pick(questions, t.random)}`) },
  { name: 'staff-text', weight: 15, run: (t) => void t.telegram.userSends(pick(t.users, t.random), pick(staffTexts, t.random)) },
  { name: 'ticket-photo', weight: 8, run: (t) => void t.telegram.userSendsPhoto(pick(t.users, t.random), { caption: 'SK pangkat saya, mohon dicek golongannya' }) },
  { name: 'profil', weight: 7, run: (t) => void t.telegram.userSends(pick(t.users, t.random), '/profil') },
  { name: 'bantuan', weight: 5, run: (t) => void t.telegram.userSends(pick(t.users, t.random), '/bantuan') },
  {
    name: 'hr-reply',
    weight: 20,
    run: async (t) => {
      const cards = topLevelCards(t);
      if (cards.length === 0) return;
      const card = cards[cards.length - 1 - Math.floor(t.random() * Math.min(cards.length, 30))]!;
      await postToSlack(t, t.slack.messageEvent({ channel: t.triage, user: t.officer, text: pick(hrTexts, t.random), thread_ts: card.ts! }), 'HR reply');
    },
  },
  {
    name: 'hr-resolve',
    weight: 5,
    run: async (t) => {
      const cards = topLevelCards(t);
      if (cards.length === 0) return;
      const card = cards[cards.length - 1 - Math.floor(t.random() * Math.min(cards.length, 30))]!;
      await postToSlack(t, t.slack.blockAction({ user: t.officer, channel: t.triage, message_ts: card.ts!, action_id: 'layani_ticket_resolve' }), 'resolve');
    },
  },
  {
    name: 'csat',
    weight: 5,
    run: (t) => {
      // The newest rating keyboard in some staff member's chat, if any.
      const user = pick(t.users, t.random);
      const prompt = [...t.telegram.sent(user)].reverse().find((m: Message) => JSON.stringify(m.reply_markup ?? '').includes('"csat:'));
      const data = (prompt?.reply_markup as { inline_keyboard?: Array<Array<{ callback_data?: string }>> } | undefined)?.inline_keyboard?.[0]?.at(-1)?.callback_data;
      if (prompt && data) t.telegram.userPressesButton(user, prompt.message_id, data);
    },
  },
];

export function pickAction(random: () => number): (typeof actions)[number] {
  const total = actions.reduce((sum, a) => sum + a.weight, 0);
  let roll = random() * total;
  for (const action of actions) {
    roll -= action.weight;
    if (roll < 0) return action;
  }
  return actions[0]!;
}
