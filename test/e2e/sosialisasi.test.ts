/**
 * A sosialisasi session from start to end through FakeSlack (HR) and FakeTelegram (staff) with a controllable
 * clock: the Slack modal, invitations with RSVP buttons and a full room, questions (also as /tanya-sosialisasi),
 * the speaker's grouped list, reminders the day and the hour before, check-in with the room's code, HR marking
 * attendance, and the materials with the answered questions going out, into the archive and into FAQ drafts.
 * Restarts in between must not send anything twice.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Message, User } from 'grammy/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { faqDraftActions } from '../../bots/slack/faq-draft-review.js';
import { finishModal, sessionModal } from '../../bots/slack/sosialisasi-blocks.js';
import { defaultCorpusDir } from '../../core/faq/knowledge.js';
import { actionIdsOf, blockText, channels, users } from '../support/slack-desk.js';
import { callbackData, keyboardOf, startTelegramHarness, textOf, until, type SeededEmployee, type TelegramHarness } from '../support/telegram-harness.js';
import { testDatabaseKinds } from '../support/test-databases.js';

type Values = Record<string, Record<string, unknown>>;
type Person = { user: User & { id: number }; employee: SeededEmployee };

const unit = 'Bidang Sosialisasi';
const title = 'Sosialisasi manajemen kinerja PNS';

function sessionValues(fields: { capacity: string; units: string }): Values {
  const text = (id: string, value: string | null) => ({ [id]: { [id]: { type: 'plain_text_input', value } } });
  const select = (id: string, value: string) => ({ [id]: { [id]: { type: 'static_select', selected_option: { value } } } });
  return {
    ...text(sessionModal.title, title),
    ...select(sessionModal.topic, 'kinerja_instansi'),
    ...text(sessionModal.speaker, 'BKPSDMD Provinsi'),
    [sessionModal.date]: { [sessionModal.date]: { type: 'datepicker', selected_date: '2026-11-26' } },
    [sessionModal.start]: { [sessionModal.start]: { type: 'timepicker', selected_time: '09:00' } },
    [sessionModal.end]: { [sessionModal.end]: { type: 'timepicker', selected_time: '11:00' } },
    ...text(sessionModal.place, 'Aula lantai 2'),
    ...text(sessionModal.link, 'https://meet.example.go.id/sosialisasi-skp'),
    ...text(sessionModal.capacity, fields.capacity),
    ...select(sessionModal.audience, 'filter'),
    ...text(sessionModal.units, fields.units),
    ...text(sessionModal.golongan, null),
    ...text(sessionModal.nips, null),
  };
}

describe.each(testDatabaseKinds)('Sosialisasi session (%s)', (kind) => {
  let h: TelegramHarness;
  let corpusDir: string;
  let hadir: Person;
  let daring: Person;
  let absen: Person;
  let invitation: Map<number, Message>;
  let sessionId: string;
  let code: string;

  beforeAll(async () => {
    corpusDir = mkdtempSync(join(tmpdir(), 'layani-corpus-'));
    cpSync(defaultCorpusDir, corpusDir, { recursive: true });
    h = await startTelegramHarness(kind, { slack: true, env: { FAQ_CORPUS_DIR: corpusDir } });
    [hadir, daring, absen] = [await h.linkedUser({ unit }), await h.linkedUser({ unit }), await h.linkedUser({ unit })];
  });
  afterAll(async () => {
    await h?.stop();
    if (corpusDir) rmSync(corpusDir, { recursive: true, force: true });
  });

  const db = () => h.app.runtime.db;
  const slack = () => h.slack!;
  const layani = async (text: string, user: string = users.officer) => {
    const before = slack().ephemerals.length;
    await h.slackSend(slack().slashCommand({ user_id: user, channel_id: channels.triage, command: '/layani', text }));
    return (await until(() => slack().ephemerals[before], `the answer to /layani ${text}`)).text ?? '';
  };
  const lastAnswer = () => String(h.fake.callsTo('answerCallbackQuery').at(-1)?.params.text ?? '');
  const buttonsOf = (person: Person) => keyboardOf(h.fake.getMessage(person.user.id, invitation.get(person.user.id)!.message_id))!.flat();
  const press = async (person: Person, label: string) => {
    const button = buttonsOf(person).find((b) => b.text === label);
    if (!button) throw new Error(`no "${label}" under the invitation: ${buttonsOf(person).map((b) => b.text).join(', ')}`);
    const answered = h.fake.callsTo('answerCallbackQuery').length;
    h.fake.userPressesButton(person.user, invitation.get(person.user.id)!.message_id, callbackData(button)!);
    await until(() => h.fake.callsTo('answerCallbackQuery').length > answered, `the answer to "${label}"`);
  };
  const reminders = (person: Person) => h.texts(person.user.id).filter((t) => t.startsWith('Pengingat sosialisasi'));
  /** Every message the bot has sent anywhere, to compare before and after a restart. */
  const sentCount = () => [hadir, daring, absen].reduce((n, p) => n + h.fake.sent(p.user.id).length, 0) + slack().calls.filter((c) => c.method === 'chat.postMessage').length;

  it('HR schedules it in the Slack modal; invitations arrive with Hadir / Tidak hadir / Online and a question button', async () => {
    await h.slackSend(slack().slashCommand({ user_id: users.officer, channel_id: channels.triage, command: '/layani', text: 'sosialisasi' }));
    await until(() => slack().openedViews.find((v) => v.callback_id === sessionModal.callbackId), 'the session modal');

    const wrong = await h.slackSend(slack().viewSubmission({ user: users.officer, callback_id: sessionModal.callbackId, values: sessionValues({ capacity: 'banyak', units: unit }) }));
    expect(wrong.json).toMatchObject({ response_action: 'errors', errors: { [sessionModal.capacity]: expect.stringContaining('bilangan bulat') } });

    const response = await h.slackSend(slack().viewSubmission({ user: users.officer, callback_id: sessionModal.callbackId, values: sessionValues({ capacity: '1', units: unit }) }));
    expect(response.status).toBe(200);
    const session = await until(() => db().sosialisasiSession.findFirst({ where: { title } }), 'the session');
    sessionId = session.id;
    code = session.checkInCode;
    expect(session).toMatchObject({ number: 1, speaker: 'BKPSDMD Provinsi', capacity: 1, topic: 'kinerja_instansi', startsAt: new Date('2026-11-26T02:00:00Z'), endsAt: new Date('2026-11-26T04:00:00Z') });
    // The officer is told the check-in code privately.
    const note = await until(() => slack().sent(`D${users.officer.slice(1)}`).find((m) => (m.text ?? '').includes('Sosialisasi #1 dijadwalkan')), 'the note to the officer');
    expect(note.text).toContain(`Kode kehadiran: *${code}*`);

    await h.app.tickScheduler();
    invitation = new Map();
    for (const person of [hadir, daring, absen]) {
      const message = await h.waitForMessage(person.user.id, `Undangan sosialisasi: ${title}`);
      invitation.set(person.user.id, message);
      expect(textOf(message)).toContain('Kamis, 26 November 2026 pukul 09.00–11.00 WIB');
      expect(textOf(message)).toContain('Aula lantai 2');
    }
    expect(buttonsOf(hadir).map((b) => b.text)).toEqual(['Hadir', 'Tidak hadir', 'Online', '❓ Ajukan pertanyaan']);
  });

  it('takes RSVPs: the one seat goes to the first, the next is offered online; HR sees the list per unit', async () => {
    await press(hadir, 'Hadir');
    expect(lastAnswer()).toContain('tercatat hadir di tempat');
    await until(() => (buttonsOf(hadir).some((b) => b.text === '✅ Hadir') ? true : undefined), 'the answer marked on the invitation');
    await press(daring, 'Hadir');
    expect(lastAnswer()).toContain('Kursi di ruangan sudah penuh');
    await press(daring, 'Online');
    await press(absen, 'Tidak hadir');
    expect((await db().sosialisasiSession.findUniqueOrThrow({ where: { id: sessionId } })).seatsTaken).toBe(1);

    const report = await layani('sosialisasi rsvp 1');
    expect(report).toContain('3 diundang · kursi 1/1');
    expect(report).toContain(`• ${unit}: hadir 1 · online 1 · tidak 1 · belum menjawab 0`);
    expect(report).toContain(`${hadir.employee.name} — Hadir`);
    expect(report).not.toContain(hadir.employee.nip);
  });

  it('collects questions from /tanyasosialisasi, the invitation button and /tanya-sosialisasi, masked and grouped for the speaker', async () => {
    h.fake.userSends(hadir.user, `/tanyasosialisasi Apakah kenaikan pangkat saya (NIP ${hadir.employee.nip}) ikut terpengaruh nilai SKP?`);
    await h.waitForMessage(hadir.user.id, 'Pertanyaan Anda (no. 1)');

    await press(daring, '❓ Ajukan pertanyaan');
    await h.waitForMessage(daring.user.id, `Tulis pertanyaan Anda untuk sesi "${title}"`);
    h.fake.userSends(daring.user, 'Bagaimana cara unggah dokumen di aplikasi MyASN?');
    await h.waitForMessage(daring.user.id, 'Pertanyaan Anda (no. 2)');

    // Telegram sees "/tanya" with "-sosialisasi …" after it; it must not go to the FAQ answerer.
    h.fake.userSends(absen.user, '/tanya-sosialisasi Kapan aturan presensi yang baru mulai berlaku? Hubungi saya di 0812-3456-7890');
    await h.waitForMessage(absen.user.id, 'Pertanyaan Anda (no. 3)');

    const list = await layani('sosialisasi pertanyaan 1');
    expect(list).toContain('3 pertanyaan, 0 dijawab');
    const order = ['*Kenaikan pangkat &amp; KGB*', '*Kinerja instansi*', '*Kebijakan terbaru*', '*Aplikasi SATAM-ASN, MyASN, ASN Digital*'].map((label) => list.indexOf(label));
    expect(order[0]).toBeGreaterThan(-1);
    expect(order[2]).toBeGreaterThan(order[0]!);
    expect(order[3]).toBeGreaterThan(order[2]!);
    expect(list).toContain('1. Apakah kenaikan pangkat saya (NIP [NIP]) ikut terpengaruh nilai SKP?');
    expect(list).not.toContain(hadir.employee.nip);
    expect(list).toContain('[TELEPON]');
  });

  it('reminds those coming the day before and the hour before, once, even across a restart; /hadir only works on the day', async () => {
    // Wednesday 25 November 09:00 WIB: the day-before reminder.
    h.clock.set('2026-11-25T02:00:00Z');
    await h.app.tickScheduler();
    await until(() => (reminders(hadir).length === 1 && reminders(daring).length === 1 ? true : undefined), 'the day-before reminders');
    expect(reminders(hadir)[0]).toContain('Besok');
    expect(reminders(hadir)[0]).toContain('Tempat: Aula lantai 2');
    expect(reminders(daring)[0]).toContain('Tautan daring: https://meet.example.go.id/sosialisasi-skp');
    expect(reminders(absen)).toHaveLength(0);

    h.fake.userSends(hadir.user, `/hadir ${code}`);
    await h.waitForMessage(hadir.user.id, 'hanya berlaku pada hari sesi, 26 November 2026');

    await h.app.tickScheduler();
    const before = sentCount();
    await h.restart();
    await h.app.tickScheduler();
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(sentCount()).toBe(before);

    // Thursday 08:00 WIB: one hour before.
    h.clock.set('2026-11-26T01:00:00Z');
    await h.app.tickScheduler();
    await until(() => (reminders(hadir).length === 2 && reminders(daring).length === 2 ? true : undefined), 'the hour-before reminders');
    expect(reminders(hadir)[1]).toContain('Satu jam lagi');
    await h.app.tickScheduler();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(reminders(hadir)).toHaveLength(2);
    expect(reminders(absen)).toHaveLength(0);
  });

  it('checks in with the room code on the day, and HR marks someone present', async () => {
    h.clock.set('2026-11-26T02:10:00Z');
    h.fake.userSends(hadir.user, `/hadir ${code.toLowerCase()}`);
    await h.waitForMessage(hadir.user.id, `Kehadiran Anda di sosialisasi "${title}" tercatat`);
    h.fake.userSends(hadir.user, `/hadir ${code}`);
    await h.waitForMessage(hadir.user.id, 'sudah tercatat sebelumnya');
    h.fake.userSends(absen.user, '/hadir ZZZZZZ');
    await h.waitForMessage(absen.user.id, 'Kode kehadiran tidak dikenal');

    expect(await layani(`sosialisasi hadir 1 ${daring.employee.nip}`)).toContain('1 pegawai dicatat hadir');
    const report = await layani('sosialisasi rsvp 1');
    expect(report).toContain('tercatat hadir 2');
    expect(await layani('sosialisasi lihat 1')).toContain(`Kode kehadiran: *${code}*`);
  });

  it('after the session: materials and answered questions reach the audience and the archive; answered questions become FAQ drafts', async () => {
    expect(await layani('sosialisasi jawab 1 1 Tidak langsung: nilai SKP dua tahun terakhir minimal baik menjadi syarat kenaikan pangkat.')).toContain('dicatat');
    expect(await layani('sosialisasi jawab 1 3 Mulai 1 Januari 2027 sesuai surat edaran kepala daerah.')).toContain('dicatat');

    h.clock.set('2026-11-26T04:30:00Z');
    const opened = slack().openedViews.length;
    await h.slackSend(slack().slashCommand({ user_id: users.officer, channel_id: channels.triage, command: '/layani', text: 'sosialisasi selesai 1' }));
    const modal = await until(() => slack().openedViews[opened], 'the materials modal');
    expect(modal.callback_id).toBe(finishModal.callbackId);
    const submitted = await h.slackSend(
      slack().viewSubmission({
        user: users.officer,
        callback_id: finishModal.callbackId,
        private_metadata: String(modal.private_metadata),
        values: { [finishModal.materials]: { [finishModal.materials]: { type: 'plain_text_input', value: 'Ringkasan: **SKP** kini dinilai per triwulan.' } } },
      }),
    );
    expect(submitted.status).toBe(200);
    const session = await until(async () => {
      const s = await db().sosialisasiSession.findUniqueOrThrow({ where: { id: sessionId } });
      return s.status === 'finished' ? s : undefined;
    }, 'the session to close');

    await h.app.tickScheduler();
    for (const person of [hadir, daring, absen]) {
      const materials = await h.waitForMessage(person.user.id, `Materi sosialisasi: ${title}`);
      expect(textOf(materials)).toContain('SKP kini dinilai per triwulan');
      expect(textOf(materials)).toContain('Tanya jawab');
      expect(textOf(materials)).toContain('nilai SKP dua tahun terakhir minimal baik');
      // Not answered: not sent.
      expect(textOf(materials)).not.toContain('MyASN');
    }
    const broadcast = await db().broadcast.findUniqueOrThrow({ where: { id: session.materialsBroadcastId! } });
    expect(broadcast).toMatchObject({ kind: 'session_materials', topic: 'kinerja_instansi', source: 'BKPSDMD Provinsi' });

    h.fake.userSends(absen.user, '/info');
    const archive = await h.waitForMessage(absen.user.id, 'Pusat informasi kepegawaian');
    expect(textOf(archive)).toContain(`Materi sosialisasi: ${title}`);
    expect(textOf(archive)).toContain(`Undangan sosialisasi: ${title}`);

    const drafts = await db().faqDraft.findMany({ where: { sessionId }, orderBy: { createdAt: 'asc' } });
    expect(drafts).toHaveLength(2);
    expect(drafts.every((d) => d.ticketId === null)).toBe(true);
    const review = await until(() => slack().sent(channels.confidential).find((m) => blockText(m).includes('sosialisasi #1') && blockText(m).includes('presensi')), 'the FAQ draft review');
    expect(actionIdsOf(review)).toEqual([faqDraftActions.approve, faqDraftActions.reject]);
    await h.slackSend(slack().blockAction({ user: users.lead, channel: channels.confidential, message_ts: review.ts!, action_id: faqDraftActions.approve, value: drafts.find((d) => d.question.includes('presensi'))!.id }));
    const file = await until(() => readdirSync(corpusDir).find((f) => readFileSync(join(corpusDir, f), 'utf8').includes('Tanya jawab sosialisasi #1')), 'the approved corpus file');
    expect(readFileSync(join(corpusDir, file), 'utf8')).toContain('Mulai 1 Januari 2027');

    // Closing twice is refused; a last restart sends nothing again.
    expect(await layani('sosialisasi selesai 1 Materi lagi')).toContain('sudah ditutup');
    const before = sentCount();
    await h.restart();
    await h.app.tickScheduler();
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(sentCount()).toBe(before);
  });
});
