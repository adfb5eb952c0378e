/**
 * Reminders over a simulated year for a generated office of 300 employees — functional officials (keahlian and
 * keterampilan), structural heads, pelaksana and PPPK — the app's scheduler ticked every day at
 * 08:00 WIB with a controllable clock, a record corrected and an employee deactivated along the way, and the app
 * restarted mid-year on the same database. What should have been sent is worked out here, day by day, straight from
 * the career engine, and compared with what the app recorded and queued.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type App } from '../../api/app.js';
import { cliActor } from '../../core/auth/actor.js';
import { computeCareerDates, defaultCareerRules, findKpPeriod } from '../../core/career/index.js';
import { fixedClock } from '../../core/clock/clock.js';
import { parseConfig } from '../../core/config/load-config.js';
import { addDays, addMonths, type CalendarDate } from '../../core/dates/calendar-date.js';
import type { DatabaseKind } from '../../core/db/database-url.js';
import { createLogger } from '../../core/logging/logger.js';
import type { EmployeeRecord } from '../../core/records/employee.js';
import { saveEmployees } from '../../core/records/save-employees.js';
import { wibInstant, wibParts } from '../../core/scheduling/jakarta-time.js';
import { generateMixedOffice } from '../support/generate-employees.js';
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from '../support/test-databases.js';

const firstDay = '2027-01-01';
const lastDay = '2027-12-31';
const restartOn = '2027-07-01';
const triage = 'C0TRIAGE';

type Kind = 'kgb' | 'kp' | 'pensiun' | 'tenggat' | 'khusus';
interface Expected {
  employeeId: string;
  key: string;
  kind: Kind;
  route: 'telegram' | 'digest' | 'muted' | 'superseded';
}

/** Where an occurrence should go, given the person's chat and mutes (the rules as a user would state them). */
interface Person {
  id: string;
  record: EmployeeRecord;
  chatId: string | null;
  blocked: boolean;
  muted: Set<Kind>;
}

function days(from: CalendarDate, to: CalendarDate): CalendarDate[] {
  const out: CalendarDate[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
}

/** The first KP period on or after a day, and its submission window: the engine's own period search. */
function firstPeriodFrom(day: CalendarDate) {
  // An asOf before any window closes: the search then returns the first period itself.
  const choice = findKpPeriod(day, '1900-01-01', defaultCareerRules)!;
  return { period: choice.period, ...choice.submission };
}

/** Events with their stages (key, first day, last day) for one person on one day, read off computeCareerDates. */
function careerEvents(record: EmployeeRecord, day: CalendarDate) {
  const dates = computeCareerDates(record, day, defaultCareerRules);
  if (dates.pension.alreadyPast) return null;
  const events: Array<{ kind: Kind; stages: Array<{ key: string; from: CalendarDate; to: CalendarDate }> }> = [];
  const { nextDate, overdue } = dates.kgb;
  if (nextDate && !overdue) {
    events.push({ kind: 'kgb', stages: [3, 1].map((m) => ({ key: `kgb:${nextDate}:${m}m`, from: addMonths(nextDate, -m), to: addDays(nextDate, -1) })) });
  }
  const tmt = dates.pension.tmtPension;
  if (dates.promotion.eligible && dates.promotion.eligibleFrom) {
    const first = firstPeriodFrom(dates.promotion.eligibleFrom);
    if (first.period < tmt) events.push({ kind: 'kp', stages: [{ key: `kp:${first.period}`, from: first.opens, to: first.closes }] });
  }
  // The engine says who has a pension proposal at all: PPPK have an agreement that ends instead.
  if (dates.pension.kind === 'pensiun') {
    events.push({ kind: 'pensiun', stages: [12, 6].map((m) => ({ key: `pensiun:${tmt}:${m}m`, from: addMonths(tmt, -m), to: addDays(tmt, -1) })) });
  }
  return events;
}

describe.each(testDatabaseKinds)('reminders over a simulated year on %s', (kind: DatabaseKind) => {
  let database: TestDatabase;
  let app: App;
  const clock = fixedClock(wibInstant('2026-12-31', 7));
  const people = new Map<string, Person>();
  const expected = new Map<string, Expected>();
  /** Business days, with the count of digest-routed reminders the digest of that day should report. */
  const digestDays: CalendarDate[] = [];
  let lhkpnId = '';
  let skpId = '';
  let weeklyId = '';
  let onceId = '';
  let corrected: Person;
  let countsBeforeRestart: unknown;
  let countsAfterRestart: unknown;
  const logs: string[] = [];
  const counts = async () => ({
    occurrences: await app.runtime.db.reminderOccurrence.count(),
    outbox: await app.runtime.db.outboxMessage.count(),
  });
  let deactivated: Person;
  const correctionOn = '2027-04-15';
  const deactivationOn = '2027-06-01';

  const start = async () => {
    const config = parseConfig({ DATABASE_URL: database.url, LOG_LEVEL: 'silent', PORT: '0', HOST: '127.0.0.1', SLACK_TRIAGE_CHANNEL: triage });
    const started = await startApp(config, { clock, schedule: false, log: createLogger('error', { write: (line: string) => void logs.push(line) }) });
    // No chat adapter runs here: what would be delivered stays in the outbox, where it is checked.
    await started.outbox.stop();
    return started;
  };
  const caller = () => app.runtime.callerFor(cliActor);

  const expect1 = (person: Person, key: string, kind: Kind, due: 'send' | 'superseded') => {
    const id = `${person.id}|${key}`;
    if (expected.has(id)) return;
    const route = due === 'superseded' ? 'superseded' : person.muted.has(kind) ? 'muted' : person.chatId && !person.blocked ? 'telegram' : 'digest';
    expected.set(id, { employeeId: person.id, key, kind, route });
  };

  /** What one planning moment should record: per event, the latest due stage sent, earlier due ones superseded. */
  const expectPass = (day: CalendarDate, who: Iterable<Person>) => {
    for (const person of who) {
      if (!person.record.active) continue;
      const events = careerEvents(person.record, day);
      if (!events) continue;
      const position = person.record.positionType;
      if (position === 'ADMINISTRATOR' || position === 'PENGAWAS') {
        const dueOn = day <= '2027-03-31' ? '2027-03-31' : '2028-03-31';
        events.push({ kind: 'tenggat', stages: [30, 7, 1].map((n) => ({ key: `tenggat:${lhkpnId}:${dueOn}:${n}d`, from: addDays(dueOn, -n), to: dueOn })) });
      }
      const skpDue = day <= '2027-01-10' ? '2027-01-10' : '2028-01-10';
      events.push({ kind: 'tenggat', stages: [14, 3].map((n) => ({ key: `tenggat:${skpId}:${skpDue}:${n}d`, from: addDays(skpDue, -n), to: skpDue })) });
      for (const event of events) {
        const due = event.stages.filter((s) => s.from <= day && day <= s.to).sort((a, b) => (a.from < b.from ? -1 : 1));
        if (due.length === 0) continue;
        for (const stage of due.slice(0, -1)) expect1(person, stage.key, event.kind, 'superseded');
        expect1(person, due.at(-1)!.key, event.kind, 'send');
      }
    }
  };

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    app = await start();
    const db = () => app.runtime.db;
    const agency = await db().agency.findFirstOrThrow();

    const records = generateMixedOffice(300, 20270101);
    records.slice(0, 12).forEach((r) => (r.active = false));
    // Pelaksana born 20 Apr 1970: TMT pensiun 1 May 2028, twelve-month reminder due 1 May 2027 — until HR corrects
    // the birth date on 15 April to 20 January 1970 (TMT 1 February 2028).
    const correctedRecord: EmployeeRecord = {
      ...records[20]!, nip: '197004202000031999', birthDate: '1970-04-20', positionType: 'PELAKSANA', employmentType: 'PNS', golongan: 'III/b',
      tmtCpns: '2000-03-01', jenjang: null, eselon: null, active: true,
    };
    records[20] = correctedRecord;
    await saveEmployees(db(), cliActor, agency.id, records);
    const rows = await db().employee.findMany({ orderBy: { nip: 'asc' } });
    const byNip = new Map(records.map((r) => [r.nip, r]));
    rows.forEach((row, index) => {
      const linked = index % 3 !== 0;
      people.set(row.id, {
        id: row.id,
        record: byNip.get(row.nip)!,
        chatId: linked ? String(810_000 + index) : null,
        blocked: linked && index % 40 === 1,
        muted: new Set<Kind>([...(index % 7 === 1 ? (['kgb'] as const) : []), ...(index % 11 === 2 ? (['pensiun', 'khusus'] as const) : [])]),
      });
    });
    corrected = [...people.values()].find((p) => p.record.nip === correctedRecord.nip)!;
    Object.assign(corrected, { chatId: corrected.chatId ?? '899999', blocked: false, muted: new Set() });
    const all = [...people.values()];
    await db().chatIdentity.createMany({ data: all.filter((p) => p.chatId).map((p) => ({ employeeId: p.id, platform: 'telegram', externalId: p.chatId! })) });
    await db().blockedChat.createMany({ data: all.filter((p) => p.blocked).map((p) => ({ platform: 'telegram', chatId: p.chatId! })) });
    await db().reminderMute.createMany({ data: all.flatMap((p) => [...p.muted].map((k) => ({ employeeId: p.id, kind: k }))) });
    // Linked, nothing muted, with a KGB reminder due after the deactivation day.
    deactivated = all.find((p) => {
      const next = computeCareerDates(p.record, deactivationOn, defaultCareerRules).kgb.nextDate;
      return p.record.active && p.chatId && !p.blocked && p.muted.size === 0 && p !== corrected && next !== null && next > '2027-10-01' && next < '2027-12-31';
    })!;
    expect(deactivated).toBeDefined();

    lhkpnId = (await caller().reminders.createDeadline({ title: 'LHKPN', monthDay: '31 Maret', daysBefore: [30, 7, 1], audience: { positionTypes: ['ADMINISTRATOR', 'PENGAWAS'] }, note: 'Lapor lewat elhkpn.kpk.go.id' })).id;
    skpId = (await caller().reminders.createDeadline({ title: 'Unggah SKP', monthDay: '01-10', daysBefore: [14, 3] })).id;
    weeklyId = (
      await caller().reminders.createCustom({
        title: 'Apel Senin',
        text: 'Apel pagi di halaman kantor.',
        audience: { units: ['Sekretariat'] },
        startsAt: wibInstant('2027-02-01', 9),
        repeat: 'weekly',
        until: wibInstant('2027-03-01', 23, 59),
      })
    ).id;
    onceId = (await caller().reminders.createCustom({ title: 'Berkas KGB', text: 'Bawa SK KGB asli.', audience: { nips: [corrected.record.nip] }, startsAt: wibInstant('2027-06-15', 13) })).id;

    for (const day of days(firstDay, lastDay)) {
      clock.set(wibInstant(day, 8));
      const business = app.runtime.settings.businessCalendar.isBusinessDay(day);
      if (business) {
        expectPass(day, people.values());
        digestDays.push(day);
      }
      await app.tickScheduler(clock.now());
      if (day === restartOn) {
        // A crash after the pass recorded its reminders but before it marked the day done: the restarted app runs
        // the pass again, and must send nothing twice.
        countsBeforeRestart = await counts();
        await app.stop();
        app = await start();
        await db().jobRun.deleteMany({ where: { job: 'reminders', runKey: { endsWith: `:${day}` } } });
        clock.set(wibInstant(day, 8, 5));
        await app.tickScheduler(clock.now());
        countsAfterRestart = await counts();
      }
      if (day === correctionOn) {
        expect(business).toBe(true);
        clock.set(wibInstant(day, 10));
        corrected.record = { ...corrected.record, birthDate: '1970-01-20' };
        await caller().records.upsert({ record: corrected.record });
        expectPass(day, [corrected]);
      }
      if (day === deactivationOn) {
        clock.set(wibInstant(day, 10));
        await caller().records.setActive({ nip: deactivated.record.nip, active: false });
        deactivated.record = { ...deactivated.record, active: false };
      }
    }
  }, 240_000);

  afterAll(async () => {
    await app?.stop();
    await database?.drop();
  });

  const occurrences = () => app.runtime.db.reminderOccurrence.findMany();
  const telegramOutbox = async () =>
    (await app.runtime.db.outboxMessage.findMany({ where: { kind: 'telegram.text' } })).map((m) => ({ id: m.id, ...(JSON.parse(m.payload) as { chatId: string; text: string; buttons: unknown[] }) }));

  it('ran every pass without an error, and a restart mid-year sent nothing twice', () => {
    expect(logs).toEqual([]);
    expect(countsAfterRestart).toEqual(countsBeforeRestart);
  });

  it('records exactly the career and deadline reminders the career engine says were due, each once, with the right route', async () => {
    const actual = (await occurrences()).filter((o) => o.kind !== 'khusus').map((o) => ({ employeeId: o.employeeId, key: o.key, kind: o.kind, route: o.route }));
    const byId = (list: Expected[]) => list.map((e) => `${e.employeeId}|${e.key}|${e.route}`).sort();
    expect(byId(actual as Expected[])).toEqual(byId([...expected.values()]));
    const routes = new Set(actual.map((a) => a.route));
    // The simulation exercises every route and every career kind.
    expect([...routes].sort()).toEqual(['digest', 'muted', 'superseded', 'telegram']);
    expect(new Set(actual.map((a) => a.kind))).toEqual(new Set(['kgb', 'kp', 'pensiun', 'tenggat']));
  });

  it('the office is mixed, and reminds each kind of post by the KP and pension rules of that post', async () => {
    const all = [...people.values()];
    const kinds = new Map<string, number>();
    for (const p of all) {
      const label = p.record.employmentType === 'PPPK' ? 'PPPK' : computeCareerDates(p.record, firstDay, defaultCareerRules).promotion.kind!;
      kinds.set(label, (kinds.get(label) ?? 0) + 1);
    }
    expect([...kinds.keys()].sort()).toEqual(['PPPK', 'pilihan-jf', 'pilihan-struktural', 'reguler']);
    for (const count of kinds.values()) expect(count).toBeGreaterThanOrEqual(30);
    // No false data-error flag: every generated rank is inside its jenjang or eselon range, whatever the education.
    const rangeFlags = all.flatMap((p) =>
      computeCareerDates(p.record, firstDay, defaultCareerRules).problems.filter((x) => x.code.startsWith('rank-')),
    );
    expect(rangeFlags).toEqual([]);

    const rows = await occurrences();
    const kpFor = (kind: string) =>
      rows.filter((o) => o.kind === 'kp' && computeCareerDates(people.get(o.employeeId)!.record, firstDay, defaultCareerRules).promotion.kind === kind);
    expect(kpFor('pilihan-jf').length).toBeGreaterThan(0);
    expect(kpFor('pilihan-struktural').length).toBeGreaterThan(0);
    expect(kpFor('reguler').length).toBeGreaterThan(0);
    const pppkIds = new Set(all.filter((p) => p.record.employmentType === 'PPPK').map((p) => p.id));
    expect(rows.filter((o) => pppkIds.has(o.employeeId) && (o.kind === 'pensiun' || o.kind === 'kgb' || o.kind === 'kp'))).toEqual([]);
    expect(rows.filter((o) => pppkIds.has(o.employeeId) && o.kind === 'tenggat').length).toBeGreaterThan(0);
    const texts = (await telegramOutbox()).map((m) => m.text);
    expect(texts.some((t) => t.includes('kenaikan pangkat pilihan jabatan fungsional'))).toBe(true);
    expect(texts.some((t) => t.includes('kenaikan pangkat pilihan jabatan struktural'))).toBe(true);
  });

  it('queues one direct message per reminder to the linked chat, and nothing else to anyone', async () => {
    const rows = await occurrences();
    const sent = rows.filter((o) => o.route === 'telegram');
    const messages = await telegramOutbox();
    expect(messages).toHaveLength(sent.length);
    const byId = new Map(messages.map((m) => [m.id, m]));
    for (const occurrence of sent) {
      const message = byId.get(occurrence.outboxId!);
      expect(message?.chatId).toBe(people.get(occurrence.employeeId)!.chatId);
    }
    expect(rows.filter((o) => o.route !== 'telegram' && o.outboxId !== null)).toEqual([]);
    const pension = messages.find((m) => m.text.startsWith('Pengingat pensiun'));
    expect(pension?.buttons).toEqual([[{ text: 'Buka tiket pensiun', data: 'pengingat:tiket-pensiun' }]]);
  });

  it('never reminds inactive staff or anyone whose TMT pensiun had passed', async () => {
    const rows = await occurrences();
    const inactive = [...people.values()].filter((p) => !p.record.active && p !== deactivated).map((p) => p.id);
    expect(inactive.length).toBeGreaterThanOrEqual(12);
    expect(rows.filter((o) => inactive.includes(o.employeeId))).toEqual([]);
    const retired = [...people.values()].filter((p) => computeCareerDates(p.record, firstDay, defaultCareerRules).pension.alreadyPast).map((p) => p.id);
    expect(retired.length).toBeGreaterThan(0);
    expect(rows.filter((o) => retired.includes(o.employeeId))).toEqual([]);
    const afterDeactivation = rows.filter((o) => o.employeeId === deactivated.id && o.createdAt > wibInstant(deactivationOn, 9));
    expect(afterDeactivation).toEqual([]);
  });

  it('respects mutes: a muted type is recorded as muted and never queued', async () => {
    const rows = await occurrences();
    const mutedKgb = [...people.values()].filter((p) => p.muted.has('kgb')).map((p) => p.id);
    const kgbForMuted = rows.filter((o) => o.kind === 'kgb' && mutedKgb.includes(o.employeeId) && o.route !== 'superseded');
    expect(kgbForMuted.length).toBeGreaterThan(0);
    expect(kgbForMuted.every((o) => o.route === 'muted' && o.outboxId === null)).toBe(true);
  });

  it('a corrected birth date brings the reminder for the new TMT at once, and none for the old one', async () => {
    const keys = (await occurrences()).filter((o) => o.employeeId === corrected.id && o.kind === 'pensiun');
    expect(keys.map((o) => [o.key, o.route, wibParts(o.createdAt).date]).sort()).toEqual([
      ['pensiun:2028-02-01:12m', 'telegram', correctionOn],
      // 1 August 2027 is a Sunday: the six-month reminder goes the next business day.
      ['pensiun:2028-02-01:6m', 'telegram', '2027-08-02'],
    ]);
    const texts = (await telegramOutbox()).filter((m) => m.chatId === corrected.chatId).map((m) => m.text);
    expect(texts.some((t) => t.includes('TMT pensiun Anda 1 Februari 2028'))).toBe(true);
    expect(texts.some((t) => t.includes('1 Mei 2028'))).toBe(false);
  });

  it('sends each occurrence of a custom reminder once to everyone it is for, the day after a 09:00 occurrence at the latest', async () => {
    const rows = (await occurrences()).filter((o) => o.kind === 'khusus');
    const weekly = rows.filter((o) => o.key.startsWith(`khusus:${weeklyId}:`));
    const mondays = ['2027-02-01', '2027-02-08', '2027-02-15', '2027-02-22', '2027-03-01'];
    expect([...new Set(weekly.map((o) => o.key))].sort()).toEqual(mondays.map((d) => `khusus:${weeklyId}:${wibInstant(d, 9).toISOString()}`));
    for (const monday of mondays) {
      const sentOn = addDays(monday, 1);
      const sekretariat = [...people.values()].filter(
        (p) => p.record.active && p.record.unit === 'Sekretariat' && !computeCareerDates(p.record, sentOn, defaultCareerRules).pension.alreadyPast,
      );
      const key = `khusus:${weeklyId}:${wibInstant(monday, 9).toISOString()}`;
      const forKey = weekly.filter((o) => o.key === key);
      expect(forKey.map((o) => o.employeeId).sort()).toEqual(sekretariat.map((p) => p.id).sort());
      for (const o of forKey) {
        const person = people.get(o.employeeId)!;
        expect(o.route).toBe(person.muted.has('khusus') ? 'muted' : person.chatId && !person.blocked ? 'telegram' : 'digest');
        expect(wibParts(o.createdAt).date).toBe(sentOn);
      }
    }
    expect(rows.filter((o) => o.key.startsWith(`khusus:${onceId}:`)).map((o) => [o.employeeId, o.route, wibParts(o.createdAt).date])).toEqual([
      [corrected.id, 'telegram', '2027-06-16'],
    ]);
  });

  it('posts one digest each business day (weekly on the first business day of the week) counting the reminders that went to it', async () => {
    const digests = (await app.runtime.db.outboxMessage.findMany({ where: { kind: 'slack.channelMessage' } })).map(
      (m) => JSON.parse(m.payload) as { slackChannel: string; text: string },
    );
    expect(digests.every((d) => d.slackChannel === triage)).toBe(true);
    expect(digests).toHaveLength(digestDays.length);
    const rows = await occurrences();
    let previous = new Date(0);
    for (const day of digestDays) {
      const text = digests.find((d) => d.text.includes(`, ${formatLong(day)}*`))?.text;
      expect(text, `digest of ${day}`).toBeDefined();
      const weekly = isFirstOfWeek(day);
      expect(text!.startsWith(weekly ? '*Ringkasan mingguan' : '*Ringkasan harian')).toBe(true);
      const at = wibInstant(day, 8);
      const routed = rows.filter((o) => o.route === 'digest' && o.createdAt > previous && o.createdAt <= at && people.get(o.employeeId)!.record.active);
      const count = /\*Pengingat yang tidak sampai lewat Telegram \((\d+)\)\*/.exec(text!)?.[1];
      expect(Number(count ?? 0), `undelivered count in the digest of ${day}`).toBe(routed.length);
      previous = at;
    }
    const unlinked = [...people.values()].filter((p) => p.record.active && !p.chatId).length;
    expect(digests.at(-1)!.text).toContain(`Belum menautkan Telegram: ${unlinked} dari`);
  });

  function isFirstOfWeek(day: CalendarDate): boolean {
    const weekday = wibParts(wibInstant(day, 8)).weekday;
    for (let back = 1; back <= (weekday + 6) % 7; back++) if (digestDays.includes(addDays(day, -back))) return false;
    return true;
  }
});

const months = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];
function formatLong(day: CalendarDate): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return `${d} ${months[m - 1]} ${y}`;
}
