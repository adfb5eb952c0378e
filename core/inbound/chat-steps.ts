/**
 * A half-finished chat step (a chosen ticket category, /saran, a rating comment, a sosialisasi question, the
 * "which ticket?" question) waits for the next message only so long (CHAT_STEP_TIMEOUT_MINUTES). After that the
 * step is dropped and the message is handled as a fresh one, so a flow abandoned for days cannot swallow an
 * unrelated request. A step stored without its start time (by an older version) counts as expired.
 */
export function isStepExpired(startedAt: number | undefined, now: Date, timeoutMinutes: number): boolean {
  if (startedAt === undefined) return true;
  return now.getTime() - startedAt > timeoutMinutes * 60_000;
}

export type ChatStepKind = 'ticket' | 'feedback' | 'csatComment' | 'sessionQuestion' | 'route' | 'survey';

/** What the staff member is told: which step was cancelled, and that their message is handled as a new one. */
export function stepCancelledNotice(lang: 'id' | 'en', kind: ChatStepKind, minutes: number): string {
  const what = {
    id: {
      ticket: 'pembuatan tiket dengan /tiket',
      feedback: 'pengiriman saran dengan /saran',
      csatComment: 'komentar untuk penilaian tiket',
      sessionQuestion: 'pertanyaan untuk sesi sosialisasi',
      route: 'pilihan tiket untuk pesan sebelumnya',
      survey: 'survei kepuasan masyarakat (SKM)',
    },
    en: {
      ticket: 'the ticket you started with /tiket',
      feedback: 'the suggestion you started with /saran',
      csatComment: 'the comment on your rating',
      sessionQuestion: 'the question for a sosialisasi session',
      route: 'choosing a ticket for your previous message',
      survey: 'the satisfaction survey (SKM)',
    },
  }[lang][kind];
  return lang === 'en'
    ? `The earlier step (${what}) was cancelled because it was not continued within ${minutes} minutes. Your new message is handled on its own.`
    : `Langkah sebelumnya (${what}) dibatalkan karena tidak dilanjutkan dalam ${minutes} menit. Pesan Anda yang baru diproses tersendiri.`;
}
