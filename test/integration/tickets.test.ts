import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { cliActor, systemActor, type Actor } from '../../core/auth/actor.js';
import { fixedClock } from '../../core/clock/clock.js';
import { runDeskClock } from '../../core/tickets/sla-monitor.js';
import { recordTicketCard } from '../../core/tickets/ticket-queries.js';
import { employeeRecord } from '../support/employees.js';
import { testDatabaseKinds } from '../support/test-databases.js';
import { createTestRuntime, type TestRuntime } from '../support/test-runtime.js';

// Tuesday 24 November 2026, 09:00 WIB (02:00 UTC): ConsDesk is open.
const tuesdayMorning = '2026-11-24T02:00:00Z';

describe.each(testDatabaseKinds)('tickets on %s', (kind) => {
  let rt: TestRuntime;
  let staff: Actor;
  let officer: Actor;
  let lead: Actor;
  const clock = fixedClock(tuesdayMorning);

  beforeAll(async () => {
    rt = await createTestRuntime(kind, { clock, env: { SLACK_TRIAGE_CHANNEL: 'CTRIAGE', SLACK_CONFIDENTIAL_CHANNEL: 'CLEADS', SLACK_FEEDBACK_CHANNEL: 'CFEEDBACK' } });
    const { employee } = await rt.callerFor(cliActor).records.upsert({ record: employeeRecord() });
    const { code } = await rt.callerFor(cliActor).identity.issueLinkCode({ nip: employee.nip });
    await rt.callerFor(systemActor).identity.linkWithCode({ code, platform: 'telegram', externalId: '777' });
    staff = { ref: 'telegram:777', role: 'staff', employeeId: employee.id, agencyId: employee.agencyId };
    officer = { ref: 'slack:UOFFICER', role: 'hr_officer', employeeId: null, agencyId: employee.agencyId };
    lead = { ref: 'slack:ULEAD', role: 'hr_lead', employeeId: null, agencyId: employee.agencyId };
  });
  afterAll(async () => rt?.stop());
  beforeEach(async () => {
    clock.set(tuesdayMorning);
    await rt.db.outboxMessage.deleteMany();
    await rt.db.ticket.deleteMany();
  });

  const outbox = async () =>
    (await rt.db.outboxMessage.findMany({ orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] })).map((m) => JSON.parse(m.payload) as Record<string, unknown>);

  it('opens a ticket: card and message for Slack, acknowledgement for the staff member', async () => {
    const result = await rt.callerFor(staff).tickets.open({ category: 'cuti', text: 'Sisa cuti tahunan saya berapa hari?' });
    expect(result).toMatchObject({ number: 1, created: true, outsideOfficeHours: false });
    const ticket = await rt.db.ticket.findUniqueOrThrow({ where: { id: result.ticketId } });
    // Cuti: first response within 120 business minutes → 11:00 WIB.
    expect(ticket.firstResponseDueAt.toISOString()).toBe('2026-11-24T04:00:00.000Z');
    const sent = await outbox();
    expect(sent.map((m) => m.kind)).toEqual(['slack.ticketCard', 'slack.threadMessage', 'telegram.text']);
    expect(sent[1]).toMatchObject({ text: 'Sisa cuti tahunan saya berapa hari?', author: 'Budi Santoso' });
    expect(sent[2]).toMatchObject({ chatId: '777' });
    expect(String(sent[2]!.text)).toMatch(/Tiket #1 \(Cuti\) sudah kami terima/);
  });

  it('tells the staff member when ConsDesk opens outside office hours', async () => {
    clock.set('2026-11-27T10:00:00Z'); // Friday 17:00 WIB, after closing
    const result = await rt.callerFor(staff).tickets.open({ category: 'kgb', text: 'Kapan KGB saya?' });
    expect(result.outsideOfficeHours).toBe(true);
    const ack = (await outbox()).find((m) => m.kind === 'telegram.text')!;
    expect(String(ack.text)).toMatch(/buka kembali Senin, 30 November 2026 pukul 07\.30 WIB/);
  });

  /** The ticket a staff message went to (it must have gone to one). */
  const onTicket = (outcome: Awaited<ReturnType<ReturnType<typeof rt.callerFor>['tickets']['postStaffMessage']>>) => {
    if (outcome.outcome !== 'ticket') throw new Error(`expected the message on a ticket, got ${outcome.outcome}`);
    return outcome;
  };

  it('continues the open ticket, then opens a new one after it is closed', async () => {
    const first = onTicket(await rt.callerFor(staff).tickets.postStaffMessage({ text: 'Halo, saya mau tanya' }));
    expect(first.created).toBe(true);
    const second = onTicket(await rt.callerFor(staff).tickets.postStaffMessage({ text: 'soal SK pangkat' }));
    expect(second).toMatchObject({ created: false, ticketId: first.ticketId });
    await rt.db.ticket.update({ where: { id: first.ticketId }, data: { status: 'ditutup' } });
    const third = onTicket(await rt.callerFor(staff).tickets.postStaffMessage({ text: 'pertanyaan baru' }));
    expect(third.created).toBe(true);
    expect(third.number).toBe(2);
  });

  it('shows HR the card view: requester, agency, SLA times and states as stored', async () => {
    const { ticketId } = await rt.callerFor(staff).tickets.open({ category: 'cuti', text: 'Sisa cuti?' });
    await rt.callerFor(officer).tickets.reply({ ticketId, text: 'Sisa 8 hari.' });
    const stored = await rt.db.ticket.findUniqueOrThrow({ where: { id: ticketId } });
    const agency = await rt.db.agency.findUniqueOrThrow({ where: { id: stored.agencyId } });
    expect(await rt.callerFor(officer).tickets.view({ ticketId })).toEqual({
      id: ticketId,
      number: stored.number,
      agencyCode: agency.code,
      category: 'cuti',
      confidential: false,
      priority: 'normal',
      status: 'menunggu_pegawai',
      requester: { name: 'Budi Santoso', unit: expect.any(String), golongan: 'III/b', pangkat: 'Penata Muda Tingkat I', positionName: expect.any(String) },
      assigneeSlackId: 'UOFFICER',
      subject: 'Sisa cuti?',
      createdAt: stored.createdAt,
      firstResponseDueAt: stored.firstResponseDueAt,
      firstResponseAt: clock.now(),
      firstResponseSla: 'met',
      resolutionDueAt: stored.resolutionDueAt,
      resolvedAt: null,
      // HR's reply hands the next step to the employee: the resolution clock pauses with all of its 900 minutes left.
      resolutionSla: 'paused',
      resolutionMinutesLeft: 900,
      csatRating: null,
    });
  });

  it('continues only an open ticket: nothing is stored when there is none', async () => {
    expect(await rt.callerFor(staff).tickets.continueOpenTicket({ text: 'Apa syarat KP?' })).toBeNull();
    expect(await rt.db.ticket.count()).toBe(0);
    expect(await outbox()).toEqual([]);
  });

  it('a message chosen for a resolved ticket reopens it: stored, the thread first, then the card', async () => {
    const { ticketId } = await rt.callerFor(staff).tickets.open({ category: 'cuti', text: 'Sisa cuti?' });
    await rt.callerFor(officer).tickets.resolve({ ticketId });
    await rt.db.outboxMessage.deleteMany();
    clock.advance(60_000);
    const result = await rt.callerFor(staff).tickets.postStaffMessage({ text: 'Ternyata masih kurang', lang: 'id', ticket: ticketId });
    expect(result).toEqual({ outcome: 'ticket', ticketId, number: 1, created: false, outsideOfficeHours: false });
    const ticket = await rt.db.ticket.findUniqueOrThrow({ where: { id: ticketId }, include: { messages: { orderBy: { createdAt: 'asc' } } } });
    expect(ticket).toMatchObject({ status: 'ditangani', resolvedAt: null, lastActivityAt: clock.now() });
    expect(ticket.messages.at(-1)).toMatchObject({ direction: 'staff', authorRef: 'telegram:777', text: 'Ternyata masih kurang', attachments: '[]', createdAt: clock.now() });
    expect((await outbox()).map((m) => [m.kind, m.text])).toEqual([
      ['slack.threadMessage', 'Ternyata masih kurang'],
      ['slack.ticketCard', undefined],
    ]);
    expect((await outbox())[0]).toMatchObject({ author: 'Budi Santoso', mention: null, attachments: [] });
  });

  it('tells a staff member writing after hours when the desk opens, once per burst', async () => {
    const { ticketId } = await rt.callerFor(staff).tickets.open({ category: 'cuti', text: 'Sisa cuti?' });
    await rt.db.outboxMessage.deleteMany();
    clock.set('2026-11-24T12:00:00Z'); // 19:00 WIB, closed; the last message was ten hours ago
    expect(onTicket(await rt.callerFor(staff).tickets.postStaffMessage({ text: 'Halo?' })).outsideOfficeHours).toBe(true);
    clock.advance(60_000);
    expect(onTicket(await rt.callerFor(staff).tickets.postStaffMessage({ text: 'Masih ada?' })).outsideOfficeHours).toBe(false);
    const notes = (await outbox()).filter((m) => m.kind === 'telegram.text');
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ chatId: '777' });
    expect(String(notes[0]!.text)).toMatch(/buka kembali/);
    expect((await rt.db.ticket.findUniqueOrThrow({ where: { id: ticketId } })).status).toBe('baru');
  });

  it('sends HR replies to Telegram, keeps notes internal, and moves the status', async () => {
    const { ticketId } = await rt.callerFor(staff).tickets.open({ category: 'pensiun', text: 'Berkas pensiun apa saja?' });
    await rt.db.outboxMessage.deleteMany();
    await rt.callerFor(officer).tickets.claim({ ticketId });
    await rt.callerFor(officer).tickets.note({ ticketId, text: 'cek DPCP dulu' });
    await rt.callerFor(officer).tickets.reply({ ticketId, text: 'Siapkan DPCP, SK CPNS/PNS dan SK KP terakhir.' });
    const telegram = (await outbox()).filter((m) => m.channel === 'telegram');
    expect(telegram).toHaveLength(1);
    expect(String(telegram[0]!.text)).toMatch(/Siapkan DPCP/);
    expect(JSON.stringify(telegram)).not.toMatch(/UOFFICER|cek DPCP/);
    const ticket = await rt.db.ticket.findUniqueOrThrow({ where: { id: ticketId } });
    expect(ticket).toMatchObject({ status: 'menunggu_pegawai', assigneeRef: 'UOFFICER' });
    expect(ticket.firstResponseAt).not.toBeNull();

    await rt.callerFor(officer).tickets.resolve({ ticketId });
    expect((await outbox()).at(-1)).toMatchObject({ kind: 'telegram.csatPrompt', ticketId });
    await rt.callerFor(staff).tickets.rate({ ticketId, rating: 4, comment: 'Cepat, terima kasih' });
    const rated = await rt.db.ticket.findUniqueOrThrow({ where: { id: ticketId } });
    expect(rated).toMatchObject({ status: 'selesai', csatRating: 4, csatComment: 'Cepat, terima kasih' });
  });

  it('keeps confidential tickets from HR officers and out of their queue', async () => {
    const { ticketId } = await rt.callerFor(staff).tickets.open({ category: 'masalah_atasan_rekan', text: 'Saya ingin melapor' });
    const refused = await rt.callerFor(officer).tickets.reply({ ticketId, text: 'x' }).catch((e: unknown) => e);
    expect((refused as TRPCError).code).toBe('FORBIDDEN');
    expect((await rt.callerFor(officer).tickets.queue()).map((t) => t.id)).not.toContain(ticketId);
    expect((await rt.callerFor(lead).tickets.queue()).map((t) => t.id)).toContain(ticketId);
    await rt.callerFor(lead).tickets.reply({ ticketId, text: 'Kami akan menghubungi Anda.' });
  });

  it('does not let staff rate or see tickets of others', async () => {
    const { ticketId } = await rt.callerFor(staff).tickets.open({ category: 'lainnya', text: 'x' });
    const stranger: Actor = { ref: 'telegram:1', role: 'staff', employeeId: 'someone-else', agencyId: staff.agencyId };
    const error = await rt.callerFor(stranger).tickets.rate({ ticketId, rating: 1 }).catch((e: unknown) => e);
    expect((error as TRPCError).code).toBe('NOT_FOUND');
  });

  it('raises each SLA alert once: 80%, then breach, and auto-closes after 3 business days', async () => {
    const { ticketId } = await rt.callerFor(staff).tickets.open({ category: 'cuti', text: 'x' });
    await recordTicketCard(rt.db, ticketId, 'CTRIAGE', '1.0001');
    await rt.db.outboxMessage.deleteMany();
    const tick = () => runDeskClock(rt.db, rt.settings.businessCalendar, clock, rt.log);
    clock.set('2026-11-24T03:30:00Z'); // 10:30: 90 of 120 minutes (75%)
    expect((await tick()).alerts).toBe(0);
    clock.set('2026-11-24T03:40:00Z'); // 10:40: 100/120 = 83%
    expect((await tick()).alerts).toBe(1);
    expect((await tick()).alerts).toBe(0);
    clock.set('2026-11-24T04:01:00Z'); // past 11:00
    expect((await tick()).alerts).toBe(1);
    const alerts = (await outbox()).filter((m) => m.kind === 'slack.threadMessage');
    expect(alerts.map((m) => m.text)).toEqual([
      '⚠️ 80% waktu tanggapan pertama sudah terpakai (tiket #1).',
      '🔴 Batas waktu tanggapan pertama terlewati (tiket #1).',
    ]);
    expect(alerts.every((m) => m.mention === 'channel')).toBe(true);

    await rt.callerFor(officer).tickets.resolve({ ticketId });
    clock.set('2026-11-26T09:00:00Z'); // Thursday 16:00: two and a half business days later
    expect((await tick()).closed).toBe(0);
    clock.set('2026-11-30T01:00:00Z'); // Monday 08:00
    expect((await tick()).closed).toBe(1);
    expect((await rt.db.ticket.findUniqueOrThrow({ where: { id: ticketId } })).status).toBe('ditutup');
  });

  it('stores anonymous feedback with no link to the sender anywhere', async () => {
    await rt.callerFor(staff).feedback.submit({ kind: 'kritik', text: 'Antrian layanan terlalu lama', anonymous: true });
    const row = await rt.db.feedback.findFirstOrThrow({ where: { kind: 'kritik' } });
    expect(row.employeeId).toBeNull();
    const message = await rt.db.outboxMessage.findFirstOrThrow({ where: { kind: 'slack.channelMessage' } });
    expect(message.payload).toMatch(/Anonim/);
    expect(message.payload).not.toMatch(/Budi|Sekretariat|777/);
    const audit = await rt.db.auditLog.findMany({ where: { entity: 'Feedback' } });
    expect(audit).toHaveLength(0);
  });

  it('gives desk statistics in business minutes', async () => {
    const { ticketId } = await rt.callerFor(staff).tickets.open({ category: 'cuti', text: 'x' });
    clock.set('2026-11-24T02:30:00Z');
    await rt.callerFor(officer).tickets.reply({ ticketId, text: 'ok' });
    const stats = await rt.callerFor(officer).tickets.statistics({ days: 7 });
    expect(stats).toMatchObject({ tickets: 1, open: 1, overdue: 0, firstResponseMinutes: { median: 30 } });
  });
});

describe.each(testDatabaseKinds)('link-code attempts on %s', (kind) => {
  it('blocks a chat account for an hour after five wrong codes', async () => {
    const clock = fixedClock(tuesdayMorning);
    const rt = await createTestRuntime(kind, { clock });
    try {
      const { employee } = await rt.callerFor(cliActor).records.upsert({ record: employeeRecord() });
      const system = rt.callerFor(systemActor);
      for (let i = 0; i < 5; i++) {
        const error = await system.identity.linkWithCode({ code: 'WRONG-CODE-0000', platform: 'telegram', externalId: '42' }).catch((e: unknown) => e);
        expect((error as TRPCError).code).toBe('BAD_REQUEST');
      }
      const { code } = await rt.callerFor(cliActor).identity.issueLinkCode({ nip: employee.nip });
      const blocked = await system.identity.linkWithCode({ code, platform: 'telegram', externalId: '42' }).catch((e: unknown) => e);
      expect((blocked as TRPCError).code).toBe('TOO_MANY_REQUESTS');
      expect((blocked as TRPCError).message).toMatch(/Coba lagi dalam 60 menit/);
      clock.advance(3_600_000 + 1000);
      await expect(system.identity.linkWithCode({ code, platform: 'telegram', externalId: '42' })).resolves.toMatchObject({ name: 'Budi Santoso' });
    } finally {
      await rt.stop();
    }
  });

  it('HR lifts the lock after five wrong codes (layani link-code --reset): the right code works at once', async () => {
    const clock = fixedClock(tuesdayMorning);
    const rt = await createTestRuntime(kind, { clock });
    try {
      const { employee } = await rt.callerFor(cliActor).records.upsert({ record: employeeRecord() });
      const system = rt.callerFor(systemActor);
      for (let i = 0; i < 5; i++) await system.identity.linkWithCode({ code: 'WRONG-CODE-0000', platform: 'telegram', externalId: '43' }).catch(() => undefined);
      const { code } = await rt.callerFor(cliActor).identity.issueLinkCode({ nip: employee.nip });
      await expect(system.identity.linkWithCode({ code, platform: 'telegram', externalId: '43' })).rejects.toMatchObject({ code: 'TOO_MANY_REQUESTS' });
      expect(await rt.callerFor(cliActor).identity.liftLinkLockouts({ nip: employee.nip })).toEqual({ lifted: 1 });
      await expect(system.identity.linkWithCode({ code, platform: 'telegram', externalId: '43' })).resolves.toMatchObject({ name: 'Budi Santoso' });
      expect(await rt.db.auditLog.count({ where: { action: 'linkCode.liftLockouts', entityId: employee.id } })).toBe(1);
    } finally {
      await rt.stop();
    }
  });
});
