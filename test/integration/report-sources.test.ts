/**
 * What the service report counts is recorded as it happens: each FAQ question's outcome per agency and day (never
 * the question), and the channel a ticket was opened on.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliActor, type Actor } from '../../core/auth/actor.js';
import { fixedClock } from '../../core/clock/clock.js';
import { employeeRecord } from '../support/employees.js';
import { testDatabaseKinds } from '../support/test-databases.js';
import { createTestRuntime, type TestRuntime } from '../support/test-runtime.js';

describe.each(testDatabaseKinds)('report sources on %s', (kind) => {
  let rt: TestRuntime;
  let staff: Actor;

  beforeAll(async () => {
    rt = await createTestRuntime(kind, { clock: fixedClock('2026-11-24T02:00:00Z') });
    const employee = (await rt.callerFor(cliActor).records.upsert({ record: employeeRecord() })).employee;
    const row = await rt.db.employee.findUniqueOrThrow({ where: { id: employee.id } });
    staff = { ref: 'telegram:5001', role: 'staff', employeeId: row.id, agencyId: row.agencyId };
  }, 60_000);
  afterAll(async () => rt?.stop());

  it('counts FAQ outcomes per agency and WIB day, without the question', async () => {
    const first = await rt.callerFor(staff).faq.ask({ question: 'cuti tahunan berapa hari?', lang: 'id' });
    await rt.callerFor(staff).faq.ask({ question: 'cuti tahunan berapa hari?', lang: 'id' });
    const rows = await rt.db.faqOutcomeCount.findMany();
    const outcome = { answer: 'answered', personal: 'personal', escalate: 'escalated', refuse: 'refused' }[first.kind];
    expect(rows).toEqual([{ agencyId: staff.agencyId, day: '2026-11-24', outcome, count: 2 }]);
    // HR trying an answer in Slack is not a staff question.
    await rt.callerFor({ ref: 'slack:U1', role: 'hr_officer', employeeId: null, agencyId: staff.agencyId }).faq.ask({ question: 'cuti tahunan berapa hari?', lang: 'id' });
    expect((await rt.db.faqOutcomeCount.findMany()).reduce((sum, r) => sum + r.count, 0)).toBe(2);
  }, 60_000);

  it('records the channel a ticket came in on: Telegram, or a staff API token', async () => {
    const viaTelegram = await rt.callerFor(staff).tickets.open({ category: 'cuti', text: 'Sisa cuti saya?', lang: 'id' });
    const viaApi = await rt.callerFor({ ...staff, ref: 'token:abc123' }).tickets.open({ category: 'kgb', text: 'KGB saya?', lang: 'id' });
    const channelOf = async (id: string) => (await rt.db.ticket.findUniqueOrThrow({ where: { id } })).channel;
    expect([await channelOf(viaTelegram.ticketId), await channelOf(viaApi.ticketId)]).toEqual(['telegram', 'api']);
    const { report } = await rt.callerFor(cliActor).reports.monthly({ month: '2026-11', charts: false });
    expect(report.tickets.byChannel).toEqual([
      { key: 'telegram', label: 'Telegram', count: 1 },
      { key: 'api', label: 'API (aplikasi lain)', count: 1 },
    ]);
  });
});
