/**
 * How each lifecycle ends, through FakeTelegram (staff) and FakeSlack (HR) with a controllable clock:
 * 1. the SLA clock pauses while a ticket waits for the employee and starts again on their reply;
 * 2. a cancelled session is marked in /info and everyone who was invited is told, once;
 * 3. a session whose invitation an HR lead rejects is no longer scheduled: questions and check-ins are refused;
 * 4. a closed session's materials can be sent again after a lead rejected them;
 * 5. the officer who composed a broadcast is told the lead's decision, and the card reads it;
 * 6. published materials and FAQ drafts read as sentences, not mask tokens.
 */
import type { Message, User } from 'grammy/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { broadcastActions, broadcastModal } from '../../bots/slack/broadcast-blocks.js';
import { sessionModal } from '../../bots/slack/sosialisasi-blocks.js';
import { blockText, cardsOf, channels, users } from '../support/slack-desk.js';
import { keyboardOf, pressButton, startTelegramHarness, textOf, until, type SeededEmployee, type TelegramHarness } from '../support/telegram-harness.js';
import { sampleValue } from '../support/prometheus-text.js';
import { testDatabaseKinds } from '../support/test-databases.js';

type Person = { user: User & { id: number }; employee: SeededEmployee };
type Values = Record<string, Record<string, unknown>>;

function sessionValues(fields: { title: string; date: string; start: string; end: string; units: string }): Values {
  const text = (id: string, value: string | null) => ({ [id]: { [id]: { type: 'plain_text_input', value } } });
  const select = (id: string, value: string) => ({ [id]: { [id]: { type: 'static_select', selected_option: { value } } } });
  return {
    ...text(sessionModal.title, fields.title),
    ...select(sessionModal.topic, 'kebijakan_terbaru'),
    ...text(sessionModal.speaker, 'BKPSDMD Provinsi'),
    [sessionModal.date]: { [sessionModal.date]: { type: 'datepicker', selected_date: fields.date } },
    [sessionModal.start]: { [sessionModal.start]: { type: 'timepicker', selected_time: fields.start } },
    [sessionModal.end]: { [sessionModal.end]: { type: 'timepicker', selected_time: fields.end } },
    ...text(sessionModal.place, 'Aula lantai 2'),
    ...text(sessionModal.link, 'https://meet.example.go.id/sosialisasi'),
    ...text(sessionModal.capacity, null),
    ...select(sessionModal.audience, 'filter'),
    ...text(sessionModal.units, fields.units),
    ...text(sessionModal.golongan, null),
    ...text(sessionModal.nips, null),
  };
}

function broadcastValues(title: string, text: string, units: string): Values {
  const input = (id: string, value: string | null) => ({ [id]: { [id]: { type: 'plain_text_input', value } } });
  const select = (id: string, value: string) => ({ [id]: { [id]: { type: 'static_select', selected_option: { value } } } });
  return {
    ...input(broadcastModal.title, title),
    ...input(broadcastModal.text, text),
    ...select(broadcastModal.audience, 'filter'),
    ...input(broadcastModal.units, units),
    ...input(broadcastModal.golongan, null),
    ...input(broadcastModal.nips, null),
    ...input(broadcastModal.channels, null),
    ...select(broadcastModal.when, 'now'),
    ...input(broadcastModal.at, null),
    ...input(broadcastModal.cron, null),
    [broadcastModal.options]: { [broadcastModal.options]: { type: 'checkboxes', selected_options: [] } },
  };
}

describe.each(testDatabaseKinds)('Lifecycles that end cleanly (%s)', (kind) => {
  let h: TelegramHarness;

  beforeAll(async () => {
    h = await startTelegramHarness(kind, { slack: true, env: { BROADCAST_APPROVAL: 'required' } });
  });
  afterAll(async () => h?.stop());

  const db = () => h.app.runtime.db;
  const slack = () => h.slack!;
  const layani = async (text: string, user: string = users.officer) => {
    const before = slack().ephemerals.length;
    await h.slackSend(slack().slashCommand({ user_id: user, channel_id: channels.triage, command: '/layani', text }));
    return (await until(() => slack().ephemerals[before], `the answer to /layani ${text}`)).text ?? '';
  };
  const threadTexts = (ts: string) => slack().thread(channels.triage, ts).map((m) => m.text ?? '');
  const settle = () => new Promise((resolve) => setTimeout(resolve, 300));
  const dm = (user: string) => slack().sent(`D${user.slice(1)}`).map((m) => m.text ?? '');
  const notices = (person: Person, pattern: string) => h.texts(person.user.id).filter((t) => t.includes(pattern));
  const lastCallbackAnswer = () => String(h.fake.callsTo('answerCallbackQuery').at(-1)?.params.text ?? '');
  /** Presses a button under a message and waits for Telegram's answer to it. */
  const press = async (person: Person, message: Message, label: string | RegExp) => {
    const answered = h.fake.callsTo('answerCallbackQuery').length;
    pressButton(h, person.user, message, label);
    await until(() => h.fake.callsTo('answerCallbackQuery').length > answered, `the answer to ${String(label)}`);
    return lastCallbackAnswer();
  };
  /** HR schedules a session in the Slack modal; returns it once stored. */
  const schedule = async (user: string, fields: Parameters<typeof sessionValues>[0]) => {
    const response = await h.slackSend(slack().viewSubmission({ user, callback_id: sessionModal.callbackId, values: sessionValues(fields) }));
    expect(response.status).toBe(200);
    return until(() => db().sosialisasiSession.findFirst({ where: { title: fields.title } }), `the session "${fields.title}"`);
  };
  /** The approval request for a broadcast in the leads' channel. */
  const approvalRequest = (number: number) => until(() => slack().history(channels.confidential).find((m) => blockText(m).includes(`Siaran #${number} —`)), `the approval request of #${number}`);
  const decide = async (number: number, broadcastId: string, action: 'approve' | 'reject') => {
    const request = await approvalRequest(number);
    await h.slackSend(slack().blockAction({ user: users.lead, channel: channels.confidential, message_ts: request.ts!, action_id: broadcastActions[action], value: broadcastId }));
    return until(() => {
      const current = slack().history(channels.confidential).find((m) => m.ts === request.ts);
      return current && !blockText(current).includes('Setujui') ? current : undefined;
    }, 'the decided approval request');
  };

  it('1. the SLA clock pauses while the ticket waits for the employee and resumes on their reply', async () => {
    // Tuesday 24 November 2026, 09:00 WIB. Presensi: first response in 120, resolution in 450 business minutes.
    h.clock.set('2026-11-24T02:00:00Z');
    const { user, employee } = await h.linkedUser();
    h.fake.userSends(user, '/tiket');
    const menu = await h.waitForMessage(user.id, 'Pilih kategori');
    h.fake.userPressesButton(user, menu.message_id, 'tiket:presensi');
    await until(() => (textOf(h.fake.getMessage(user.id, menu.message_id))?.startsWith('Kategori:') ? true : undefined), 'the category chosen');
    h.fake.userSends(user, 'Presensi saya tanggal 20 November tidak tercatat.');
    await h.waitForMessage(user.id, /Tiket #\d+ \(Presensi\) sudah kami terima/);
    const opened = await until(async () => {
      const t = await db().ticket.findFirst({ where: { requesterId: employee.id } });
      return t?.slackTs ? t : undefined;
    }, 'the ticket card in Slack');

    // 09:30: HR asks for a document; the ticket now waits for the employee (30 business minutes used).
    h.clock.set('2026-11-24T02:30:00Z');
    await h.slackSend(slack().messageEvent({ channel: channels.triage, user: users.officer, thread_ts: opened.slackTs!, text: 'Mohon kirim foto surat tugas tanggal 20 November.' }));
    await h.waitForMessage(user.id, 'Mohon kirim foto surat tugas');
    await until(async () => ((await db().ticket.findUniqueOrThrow({ where: { id: opened.id } })).status === 'menunggu_pegawai' ? true : undefined), 'menunggu pegawai');

    // Thursday 10:00 WIB, two days later: well past the original resolution target, but it was the employee's turn.
    h.clock.set('2026-11-26T03:00:00Z');
    await h.app.tickDeskClock();
    await settle();
    expect(threadTexts(opened.slackTs!).join('\n')).not.toMatch(/🔴|⚠️/);
    const card = () => blockText(cardsOf(slack(), channels.triage, opened.number)[0]);
    await until(() => (card().includes('⏸ dijeda — menunggu pegawai (sisa 7 jam kerja)') ? true : undefined), 'the paused clock on the card');
    expect(card()).toContain('Menunggu pegawai');
    expect(await layani('statistik')).toContain('lewat batas: 0');
    expect(await layani('tiket')).not.toContain('🔴');
    const overdue = async () => sampleValue(await (await fetch(`${h.app.url}/metrics`)).text(), 'layani_tickets_overdue');
    expect(await overdue()).toBe(0);

    // The employee answers at 10:00: the clock runs again with 420 minutes left (Thu 10:00–16:00, Fri 07:30–08:30).
    h.fake.userSends(user, 'Ini surat tugasnya, terlampir.');
    const resumed = await until(async () => {
      const t = await db().ticket.findUniqueOrThrow({ where: { id: opened.id } });
      return t.status === 'ditangani' ? t : undefined;
    }, 'the ticket back with HR');
    expect(resumed.resolutionDueAt.toISOString()).toBe('2026-11-27T01:30:00.000Z');
    await until(() => (card().includes('Jumat, 27 Nov 2026 08.30 WIB') ? true : undefined), 'the moved due time on the card');

    // Friday 08:00: 80% used, warned; 08:31: breached, once.
    h.clock.set('2026-11-27T01:00:00Z');
    await h.app.tickDeskClock();
    await until(() => (threadTexts(opened.slackTs!).some((t) => t.includes('80% waktu penyelesaian')) ? true : undefined), 'the 80% warning');
    expect(threadTexts(opened.slackTs!).join('\n')).not.toContain('🔴');
    h.clock.set('2026-11-27T01:31:00Z');
    await h.app.tickDeskClock();
    await until(() => (threadTexts(opened.slackTs!).some((t) => t.includes('🔴 Batas waktu penyelesaian terlewati')) ? true : undefined), 'the breach');
    expect(await layani('statistik')).toContain('lewat batas: 1');
    await until(async () => ((await overdue()) === 1 ? true : undefined), '/metrics counting it overdue');
  });

  it('2. a cancelled session is marked in /info, and everyone invited is told once, whatever they answered', async () => {
    const unit = 'Bidang Pembatalan';
    const [hadir, tidak, diam] = [await h.linkedUser({ unit }), await h.linkedUser({ unit }), await h.linkedUser({ unit })];
    const title = 'Sosialisasi disiplin PNS';
    const session = await schedule(users.lead, { title, date: '2026-12-03', start: '09:00', end: '11:00', units: unit });
    await h.app.tickScheduler();
    const invitation = new Map<number, Message>();
    for (const person of [hadir, tidak, diam]) invitation.set(person.user.id, await h.waitForMessage(person.user.id, `Undangan sosialisasi: ${title}`));
    expect(await press(hadir, invitation.get(hadir.user.id)!, 'Hadir')).toContain('tercatat hadir');
    expect(await press(tidak, invitation.get(tidak.user.id)!, 'Tidak hadir')).toContain('tidak hadir');

    expect(await layani(`sosialisasi batal ${session.number}`)).toContain('3 pegawai');
    for (const person of [hadir, tidak, diam]) await h.waitForMessage(person.user.id, `Sosialisasi "${title}"`);
    // Told once: a second cancel is refused, and the scheduler has nothing more to say.
    expect(await layani(`sosialisasi batal ${session.number}`)).toContain('sudah dibatalkan');
    await h.app.tickScheduler();
    await settle();
    for (const person of [hadir, tidak, diam]) expect(notices(person, `Sosialisasi "${title}"`)).toEqual([expect.stringContaining('dibatalkan')]);

    // /info marks it; the full copy says so instead of asking for a confirmation, with no buttons.
    h.fake.userSends(diam.user, '/info');
    const archive = await h.waitForMessage(diam.user.id, 'Pusat informasi kepegawaian');
    expect(textOf(archive)).toContain(`DIBATALKAN — Undangan sosialisasi: ${title}`);
    expect(textOf(archive)).toContain('❌ sesi ini dibatalkan');
    expect(textOf(archive)).not.toContain('Mohon konfirmasi kehadiran');
    await press(diam, archive, '📄 1');
    const copy = await until(() => [...h.fake.sent(diam.user.id)].reverse().find((m) => textOf(m)?.includes('Sesi ini dibatalkan') && !textOf(m)?.includes('Pusat informasi')), 'the full copy');
    expect(textOf(copy)).toContain(`DIBATALKAN — Undangan sosialisasi: ${title}`);
    expect(textOf(copy)).toContain('Sesi ini dibatalkan');
    expect(textOf(copy)).not.toContain('Mohon konfirmasi kehadiran');
    expect(keyboardOf(copy) ?? []).toEqual([]);

    // The old invitation's buttons and the room code are refused with the reason.
    expect(await press(hadir, invitation.get(hadir.user.id)!, 'Online')).toContain(`Sosialisasi "${title}" dibatalkan`);
    h.fake.userSends(hadir.user, `/hadir ${session.checkInCode}`);
    await h.waitForMessage(hadir.user.id, 'dibatalkan; kehadiran tidak dicatat');
    expect(await layani('sosialisasi daftar')).toMatch(new RegExp(`#${session.number} \\*${title}\\* — .* · dibatalkan ·`));
  });

  it('3. a session whose invitation a lead rejects is marked rejected; questions and check-ins are refused with the reason', async () => {
    const unit = 'Bidang Penolakan';
    const asker = await h.linkedUser({ unit });
    const title = 'Sosialisasi tunjangan kinerja';
    const session = await schedule(users.officer, { title, date: '2026-12-03', start: '13:00', end: '15:00', units: unit });
    const invitation = await db().broadcast.findUniqueOrThrow({ where: { id: session.invitationBroadcastId! } });
    expect(invitation.status).toBe('pending_approval');
    expect(await layani('sosialisasi daftar')).toContain('terjadwal · undangan menunggu persetujuan');

    h.fake.userSends(asker.user, '/tanyasosialisasi Apakah tunjangan kinerja dipotong saat cuti besar?');
    await h.waitForMessage(asker.user.id, 'Pertanyaan Anda (no. 1)');
    h.fake.userSends(asker.user, '/tanyasosialisasi');
    await h.waitForMessage(asker.user.id, `Tulis pertanyaan Anda untuk sesi "${title}"`);

    await decide(invitation.number, invitation.id, 'reject');
    await until(async () => ((await db().sosialisasiSession.findUniqueOrThrow({ where: { id: session.id } })).status === 'rejected' ? true : undefined), 'the session rejected');
    await h.waitForMessage(asker.user.id, `Sosialisasi "${title}"`);
    expect(notices(asker, `Sosialisasi "${title}"`)).toEqual([expect.stringContaining('tidak jadi dilaksanakan')]);
    expect(await layani('sosialisasi daftar')).toContain(`${title}* — Kamis, 3 Desember 2026 pukul 13.00–15.00 WIB · ditolak · undangan tidak disetujui`);

    // The question they were writing, a new one and the room code: each refused, saying why.
    h.fake.userSends(asker.user, 'Bagaimana dengan cuti sakit?');
    await h.waitForMessage(asker.user.id, 'tidak jadi dilaksanakan karena undangannya tidak disetujui; pertanyaan tidak dapat dikirim');
    h.fake.userSends(asker.user, '/hadir ' + session.checkInCode);
    await h.waitForMessage(asker.user.id, 'tidak jadi dilaksanakan karena undangannya tidak disetujui; kehadiran tidak dicatat');
    h.fake.userSends(asker.user, '/tanyasosialisasi Bagaimana dengan cuti sakit?');
    await until(() => (notices(asker, 'pertanyaan tidak dapat dikirim').length === 2 ? true : undefined), 'the reason again for /tanyasosialisasi');
    expect(await db().sessionQuestion.count({ where: { sessionId: session.id } })).toBe(1);
    // The invitation never goes out.
    await h.app.tickScheduler();
    await settle();
    expect(h.texts(asker.user.id).some((t) => t.includes(`Undangan sosialisasi: ${title}`))).toBe(false);
  });

  let materialsSession: { id: string; number: number; title: string } | undefined;
  let audience: Person[] = [];

  it('4. materials a lead rejected can be sent again, corrected', async () => {
    const unit = 'Bidang Materi';
    audience = [await h.linkedUser({ unit, name: 'Dewi Lestari' }), await h.linkedUser({ unit })];
    const title = 'Sosialisasi SKP triwulanan';
    const session = await schedule(users.lead, { title, date: '2026-11-30', start: '09:00', end: '10:00', units: unit });
    materialsSession = { id: session.id, number: session.number, title };
    await h.app.tickScheduler();
    const [asker] = audience;
    await h.waitForMessage(asker!.user.id, `Undangan sosialisasi: ${title}`);
    h.fake.userSends(asker!.user, `/tanyasosialisasi Nama saya Dewi Lestari, NIP ${asker!.employee.nip}. Apakah SKP saya (NIP ${asker!.employee.nip}) dinilai tiap triwulan? Hubungi saya di 0812-3456-7890`);
    await h.waitForMessage(asker!.user.id, 'Pertanyaan Anda (no. 1)');

    // Monday 10:30 WIB, after the session: an officer closes it; the materials wait for a lead, who rejects them.
    h.clock.set('2026-11-30T03:30:00Z');
    expect(await layani(`sosialisasi jawab ${session.number} 1 Ya, Bu Dewi Lestari: SKP dinilai setiap triwulan.`)).toContain('dicatat');
    expect(await layani(`sosialisasi selesai ${session.number} Ringkasan: SKP dinilai per tahun.`)).toContain('menunggu persetujuan');
    const first = await db().broadcast.findFirstOrThrow({ where: { sessionId: session.id, kind: 'session_materials' } });
    await decide(first.number, first.id, 'reject');
    await until(() => dm(users.officer).find((t) => t.includes(`Materi sosialisasi #${session.number}`) && t.includes('ditolak')), 'the officer told of the rejection');
    expect(dm(users.officer).find((t) => t.includes(`Materi sosialisasi #${session.number}`))).toContain(`/layani sosialisasi selesai ${session.number}`);
    expect(await layani('sosialisasi daftar')).toContain('selesai · materi ditolak, dapat dikirim ulang');

    // Sent again, corrected: a new broadcast, approved this time, reaches the audience; no second FAQ draft.
    expect(await layani(`sosialisasi selesai ${session.number} Ringkasan: SKP dinilai per triwulan.`)).toContain(`Materi baru sesi #${session.number}`);
    const second = await db().broadcast.findFirstOrThrow({ where: { sessionId: session.id, kind: 'session_materials', status: 'pending_approval' } });
    expect(second.id).not.toBe(first.id);
    expect(await layani(`sosialisasi selesai ${session.number} Lagi`)).toContain('menunggu persetujuan pimpinan');
    await decide(second.number, second.id, 'approve');
    await h.app.tickScheduler();
    for (const person of audience) {
      const materials = await h.waitForMessage(person.user.id, `Materi sosialisasi: ${title}`);
      expect(textOf(materials)).toContain('SKP dinilai per triwulan');
      expect(textOf(materials)).not.toContain('per tahun');
    }
    expect(await layani('sosialisasi daftar')).toContain('selesai · materi terkirim');
    expect(await db().faqDraft.count({ where: { sessionId: session.id } })).toBe(1);
  });

  it('5. the officer who composed a broadcast is told the decision, and the card and lists read it', async () => {
    const unit = 'Bidang Siaran';
    await h.linkedUser({ unit });
    const submit = (title: string) => h.slackSend(slack().viewSubmission({ user: users.officer, callback_id: broadcastModal.callbackId, values: broadcastValues(title, 'Isi pengumuman.', unit) }));
    await submit('Apel gabungan Senin');
    await submit('Libur cuti bersama');
    const rejected = await until(() => db().broadcast.findFirst({ where: { title: 'Apel gabungan Senin' } }), 'the first broadcast');
    const approved = await until(() => db().broadcast.findFirst({ where: { title: 'Libur cuti bersama' } }), 'the second broadcast');

    const rejectedCard = await decide(rejected.number, rejected.id, 'reject');
    expect(rejectedCard.text).toBe(`Siaran #${rejected.number} ditolak: Apel gabungan Senin`);
    expect(blockText(rejectedCard)).toContain(`*ditolak* oleh <@${users.lead}>`);
    const approvedCard = await decide(approved.number, approved.id, 'approve');
    expect(approvedCard.text).toBe(`Siaran #${approved.number} disetujui: Libur cuti bersama`);

    const told = await until(() => {
      const texts = dm(users.officer);
      const no = texts.find((t) => t.includes(`siaran #${rejected.number} "Apel gabungan Senin"`));
      const yes = texts.find((t) => t.includes(`siaran #${approved.number} "Libur cuti bersama"`));
      return no && yes ? { no, yes } : undefined;
    }, 'both decisions in the officer’s DM');
    expect(told.no).toContain('ditolak pimpinan kepegawaian');
    expect(told.no).toContain(`<@${users.lead}>`);
    expect(told.yes).toContain('disetujui pimpinan kepegawaian');

    // The same words in `daftar` and the App Home.
    const list = await layani('siaran daftar');
    expect(list).toContain(`#${rejected.number} *Apel gabungan Senin* — ditolak`);
    await h.slackSend(slack().eventCallback({ type: 'app_home_opened', user: users.officer, channel: 'D0HOME', tab: 'home', event_ts: '9.1' }));
    const home = await until(() => slack().homeViews.get(users.officer), 'the App Home');
    expect(JSON.stringify(home)).toContain(`#${rejected.number} Apel gabungan Senin* · ditolak`);
  });

  it('6. published materials and FAQ drafts read as sentences, without mask tokens or personal data', async () => {
    const session = materialsSession!;
    const [asker] = audience;
    const materials = textOf(await h.waitForMessage(asker!.user.id, `Materi sosialisasi: ${session.title}`))!;
    expect(materials).toContain('Apakah SKP saya dinilai tiap triwulan? Hubungi saya lewat telepon');
    expect(materials).toContain('Ya, seorang pegawai: SKP dinilai setiap triwulan.');
    for (const leaked of ['[NIP]', '[NAMA]', '[TELEPON]', asker!.employee.nip, 'Dewi', '0812']) expect(materials).not.toContain(leaked);

    const draft = await db().faqDraft.findFirstOrThrow({ where: { sessionId: session.id } });
    expect(draft.question).toBe('Apakah SKP saya dinilai tiap triwulan? Hubungi saya lewat telepon');
    const review = await until(() => slack().history(channels.confidential).find((m) => blockText(m).includes(`sosialisasi #${session.number}`) && blockText(m).includes('triwulan')), 'the FAQ draft review');
    for (const leaked of ['[NIP]', '[NAMA]', '[TELEPON]', asker!.employee.nip, 'Dewi']) expect(blockText(review)).not.toContain(leaked);
  });
});
