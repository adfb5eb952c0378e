import type { Button } from '../outbox/outbox-intent.js';
import { rsvpLabels } from './session-input.js';
import { describeSessionTime } from './session-time.js';

/** callback_data of the invitation's buttons: `rsvp:<sessionId>:hadir|tidak|online` and `tqs:<sessionId>`. */
export const rsvpCallbackPrefix = 'rsvp:';
export const questionCallbackPrefix = 'tqs:';
export const askButtonLabel = '❓ Ajukan pertanyaan';

export interface InvitationSession {
  id: string;
  title: string;
  speaker: string;
  startsAt: Date;
  endsAt: Date;
  place: string | null;
  onlineLink: string | null;
  capacity: number | null;
}

export function invitationTitle(session: Pick<InvitationSession, 'title'>): string {
  return `Undangan sosialisasi: ${session.title}`;
}

/** The invitation's Markdown: who, when, where, and how to answer, ask and check in. */
export function invitationText(session: InvitationSession): string {
  const lines = [
    `**Narasumber/penyelenggara:** ${session.speaker}`,
    `**Waktu:** ${describeSessionTime(session)}`,
  ];
  if (session.place) lines.push(`**Tempat:** ${session.place}`);
  if (session.onlineLink) lines.push(`**Daring:** ${session.onlineLink}`);
  if (session.capacity !== null && session.place) lines.push(`**Kapasitas ruangan:** ${session.capacity} orang`);
  lines.push(
    '',
    'Mohon konfirmasi kehadiran dengan tombol di bawah pesan ini.',
    'Ada pertanyaan untuk narasumber? Tekan "Ajukan pertanyaan" atau kirim /tanyasosialisasi diikuti pertanyaan Anda, sebelum atau selama sesi.',
    'Saat sesi berlangsung, kode kehadiran diumumkan di ruangan: kirim /hadir KODE.',
  );
  return lines.join('\n');
}

/** RSVP buttons (only the ways the session can be attended) and the question button, with the chosen answer marked. */
export function rsvpButtons(session: Pick<InvitationSession, 'id' | 'place' | 'onlineLink'>, chosen: string | null = null): Button[][] {
  const answers = [session.place ? 'hadir' : null, 'tidak', session.onlineLink ? 'online' : null].filter((a): a is 'hadir' | 'tidak' | 'online' => a !== null);
  const label = (answer: 'hadir' | 'tidak' | 'online') => `${answer === chosen ? '✅ ' : ''}${rsvpLabels[answer]}`;
  return [
    answers.map((answer) => ({ text: label(answer), data: `${rsvpCallbackPrefix}${session.id}:${answer}` })),
    [{ text: askButtonLabel, data: `${questionCallbackPrefix}${session.id}` }],
  ];
}
