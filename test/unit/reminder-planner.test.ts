import { describe, expect, it } from 'vitest';
import { audienceMatcher } from '../../core/audience/audience-matcher.js';
import { audienceSchema, type AudienceInput } from '../../core/audience/audience.js';
import { customReminderKey, dueOccurrence, occurrencesBetween } from '../../core/reminders/custom-occurrences.js';
import { parseDayMonth, nextMonthDay } from '../../core/reminders/day-month.js';
import { parseDaysBefore, type YearlyDeadlineSpec } from '../../core/reminders/deadline-stages.js';
import { planDeadline, planDueReminders } from '../../core/reminders/plan-reminders.js';
import { customMessage, pensionTicketButtonData, stageMessage } from '../../core/reminders/reminder-messages.js';
import { employeeRecord } from '../support/employees.js';

/** Keys of what a planner run would send and mark superseded. */
function plan(...args: Parameters<typeof planDueReminders>) {
  const { send, superseded } = planDueReminders(...args);
  return { send: send.map((s) => s.key).sort(), superseded: superseded.map((s) => s.key).sort() };
}

// Last KGB 1 May 2025 → next KGB 1 May 2027. III/b since 1 Apr 2021 (S1): eligible for KP from 1 Apr 2025, long
// before these dates, so no KP reminder. Born 1986: pension far away.
const kgbOnly = employeeRecord({ lastKgbTmt: '2025-05-01', tmtGolongan: '2021-04-01' });

describe('KGB reminders', () => {
  it('go three months and one month before the KGB, each on its own day, with a stable key', () => {
    expect(plan(kgbOnly, '2027-01-31')).toEqual({ send: [], superseded: [] });
    expect(plan(kgbOnly, '2027-02-01')).toEqual({ send: ['kgb:2027-05-01:3m'], superseded: [] });
    // Still due (a pass that sees it again re-inserts nothing: the key is the same).
    expect(plan(kgbOnly, '2027-03-15').send).toEqual(['kgb:2027-05-01:3m']);
  });

  it('send only the latest stage when both are due (first run or downtime) and mark the older superseded', () => {
    expect(plan(kgbOnly, '2027-04-01')).toEqual({ send: ['kgb:2027-05-01:1m'], superseded: ['kgb:2027-05-01:3m'] });
  });

  it('stop on the KGB day, and an overdue KGB is never a staff reminder (it is in the HR digest)', () => {
    expect(plan(kgbOnly, '2027-05-01')).toEqual({ send: [], superseded: [] });
    expect(plan(employeeRecord({ lastKgbTmt: '2022-05-01', tmtGolongan: '2021-04-01' }), '2026-11-24')).toEqual({ send: [], superseded: [] });
  });
});

describe('KP reminders', () => {
  // III/b since 1 Apr 2023 (S1): four years in rank on 1 Apr 2027, first period 1 Apr 2027, window 16 Feb–15 Mar 2027.
  const soonEligible = employeeRecord({ tmtGolongan: '2023-04-01', lastKgbTmt: '2026-10-01' });

  it('go when the window of the first eligible period opens, for as long as it is open', () => {
    expect(plan(soonEligible, '2027-02-15').send).toEqual([]);
    expect(plan(soonEligible, '2027-02-16').send).toEqual(['kp:2027-04-01']);
    expect(plan(soonEligible, '2027-03-15').send).toEqual(['kp:2027-04-01']);
    expect(plan(soonEligible, '2027-03-16').send).toEqual([]);
  });

  it('are not repeated for every later monthly period someone was not proposed for', () => {
    for (const day of ['2027-04-16', '2027-05-16', '2027-09-16']) expect(plan(soonEligible, day).send).toEqual([]);
  });

  it('are not sent when something blocks the promotion (education cap)', () => {
    expect(plan(employeeRecord({ golongan: 'III/b', education: 'SLTA', tmtGolongan: '2023-04-01', lastKgbTmt: '2026-10-01' }), '2027-02-16').send).toEqual([]);
  });
});

describe('pension reminders', () => {
  // Pelaksana (BUP 58) born 10 Jun 1969: 58 on 10 Jun 2027, TMT pensiun 1 Jul 2027.
  const retiring = employeeRecord({ nip: '196906101995031001', birthDate: '1969-06-10', tmtCpns: '1995-03-01', tmtGolongan: '2024-04-01', lastKgbTmt: '2026-10-01' });

  it('go twelve and six months before TMT, only the latest when both are due', () => {
    expect(plan(retiring, '2026-06-30').send).toEqual([]);
    expect(plan(retiring, '2026-07-01').send).toEqual(['pensiun:2027-07-01:12m']);
    expect(plan(retiring, '2027-01-04')).toEqual({ send: ['pensiun:2027-07-01:6m'], superseded: ['pensiun:2027-07-01:12m'] });
  });

  it('leave someone whose TMT has come alone entirely, and anyone inactive, whatever else is due', () => {
    const lhkpn = deadline({ id: 'd1', monthDay: '07-31', daysBefore: [30] }, { everyone: true });
    expect(plan(retiring, '2027-07-05', { deadlines: [planDeadline(lhkpn.spec, lhkpn.reaches, '2027-07-05')] })).toEqual({ send: [], superseded: [] });
    expect(plan({ ...kgbOnly, active: false }, '2027-02-01')).toEqual({ send: [], superseded: [] });
  });

  it('are not sent to PPPK, whose contract ends at the BUP without a pension proposal', () => {
    const pppk = { ...retiring, employmentType: 'PPPK' as const, golongan: 'IX' };
    expect(plan(pppk, '2026-07-01').send).toEqual([]);
  });
});

function deadline(spec: Partial<YearlyDeadlineSpec>, audience: AudienceInput) {
  const full: YearlyDeadlineSpec = { id: 'lhkpn', title: 'LHKPN', monthDay: '03-31', daysBefore: [30, 7, 1], note: '', ...spec };
  return { spec: full, reaches: audienceMatcher(audienceSchema.parse(audience)) };
}

describe('yearly deadlines', () => {
  const lhkpn = deadline({}, { positionTypes: ['ADMINISTRATOR'] });
  const planned = (asOf: string) => [planDeadline(lhkpn.spec, lhkpn.reaches, asOf)];
  const kabid = employeeRecord({ positionType: 'ADMINISTRATOR', lastKgbTmt: '2026-10-01' });
  const staff = employeeRecord({ lastKgbTmt: '2026-10-01' });

  it('go the configured days before, to the audience only, the latest stage when several are due', () => {
    expect(plan(kabid, '2027-02-28', { deadlines: planned('2027-02-28') }).send).toEqual([]);
    expect(plan(kabid, '2027-03-01', { deadlines: planned('2027-03-01') }).send).toEqual(['tenggat:lhkpn:2027-03-31:30d']);
    expect(plan(kabid, '2027-03-25', { deadlines: planned('2027-03-25') })).toEqual({
      send: ['tenggat:lhkpn:2027-03-31:7d'],
      superseded: ['tenggat:lhkpn:2027-03-31:30d'],
    });
    expect(plan(staff, '2027-03-01', { deadlines: planned('2027-03-01') }).send).toEqual([]);
  });

  it('count the deadline day itself, then move on to next year', () => {
    expect(plan(kabid, '2027-03-31', { deadlines: planned('2027-03-31') }).send).toEqual(['tenggat:lhkpn:2027-03-31:1d']);
    expect(plan(kabid, '2027-04-01', { deadlines: planned('2027-04-01') }).send).toEqual([]);
    expect(plan(kabid, '2028-03-01', { deadlines: planned('2028-03-01') }).send).toEqual(['tenggat:lhkpn:2028-03-31:30d']);
  });

  it('read the day and the lead days as people write them', () => {
    expect(parseDayMonth('31-03')).toBe('03-31');
    expect(parseDayMonth('31 Maret')).toBe('03-31');
    expect(parseDayMonth('10 jan')).toBe('01-10');
    expect(parseDayMonth('31-02')).toBeNull();
    expect(parseDayMonth('maret')).toBeNull();
    expect(nextMonthDay('02-29', '2027-01-10')).toBe('2027-02-28');
    expect(nextMonthDay('02-29', '2027-03-01')).toBe('2028-02-29');
    expect(parseDaysBefore('1, 30,7,7')).toEqual([30, 7, 1]);
    expect(() => parseDaysBefore('30,-1')).toThrow(/30,7,1/);
  });
});

describe('messages', () => {
  it('KGB: the date, how far off it is, and the documents, in the reader\'s language', () => {
    const text = stageMessage({ kind: 'kgb', kgbOn: '2027-05-01' }, '2027-02-01', 'id').text;
    expect(text).toContain('TMT 1 Mei 2027 (sekitar 3 bulan lagi)');
    for (const document of ['SK pangkat terakhir', 'SK KGB terakhir', 'SKP']) expect(text).toContain(document);
    expect(stageMessage({ kind: 'kgb', kgbOn: '2027-05-01' }, '2027-04-01', 'en').text).toContain('1 May 2027 (in 30 days)');
  });

  it('KP: the period, the window and the checklist (with credit points for functional posts)', () => {
    const text = stageMessage({ kind: 'kp', period: '2027-04-01', opens: '2027-02-16', closes: '2027-03-15', functional: true }, '2027-02-16', 'id').text;
    expect(text).toContain('periode 1 April 2027');
    expect(text).toContain('16 Februari 2027 s.d. 15 Maret 2027');
    expect(text).toContain('angka kredit');
  });

  it('KP: names the KP the post gets, with its target rank, in both languages', () => {
    const subject = { kind: 'kp', period: '2027-04-01', opens: '2027-02-16', closes: '2027-03-15' } as const;
    const jf = stageMessage({ ...subject, functional: true, kpKind: 'pilihan-jf', nextGolongan: 'IV/b' }, '2027-02-16', 'id').text;
    expect(jf).toContain('kenaikan pangkat pilihan jabatan fungsional ke IV/b periode 1 April 2027');
    expect(jf).toContain('angka kredit kumulatif jenjang Anda terpenuhi');
    expect(jf).not.toContain('reguler');
    const structural = stageMessage({ ...subject, functional: false, kpKind: 'pilihan-struktural', nextGolongan: 'IV/a' }, '2027-02-16', 'en').text;
    expect(structural).toContain('structural-post promotion (KP pilihan), within the range of your eselon, to IV/a with effect from 1 April 2027');
    const regular = stageMessage({ ...subject, functional: false, kpKind: 'reguler', nextGolongan: 'III/c' }, '2027-02-16', 'id').text;
    expect(regular).toContain('kenaikan pangkat reguler ke III/c periode 1 April 2027');
  });

  it('pension: TMT, the full checklist and a button that opens a retirement ticket', () => {
    const message = stageMessage({ kind: 'pensiun', tmt: '2027-07-01' }, '2026-07-01', 'id');
    expect(message.text).toContain('TMT pensiun Anda 1 Juli 2027 (sekitar 12 bulan lagi)');
    for (const document of ['DPCP', 'SK CPNS dan SK PNS', 'SK kenaikan pangkat terakhir', 'Kartu Keluarga', 'surat nikah', 'akta kelahiran anak', 'SKP', 'hukuman disiplin', 'pidana']) {
      expect(message.text).toContain(document);
    }
    expect(message.buttons).toEqual([[{ text: 'Buka tiket pensiun', data: pensionTicketButtonData }]]);
  });

  it('deadlines and custom reminders carry HR\'s title and text', () => {
    const text = stageMessage({ kind: 'tenggat', deadlineId: 'x', title: 'Lapor LHKPN', note: 'Lewat elhkpn.kpk.go.id', dueOn: '2027-03-31' }, '2027-03-24', 'id').text;
    expect(text).toContain('Pengingat: Lapor LHKPN');
    expect(text).toContain('31 Maret 2027 (7 hari lagi)');
    expect(text).toContain('elhkpn.kpk.go.id');
    expect(customMessage('Apel pagi', 'Apel Senin pukul 07.30 di halaman kantor.', 'id').text).toMatch(/^Pengingat dari petugas kepegawaian: Apel pagi\n\nApel Senin pukul 07\.30/);
  });
});

describe('custom reminder occurrences', () => {
  const at = (iso: string) => new Date(iso);
  // Monday 1 March 2027, 09:00 WIB, weekly until 29 March.
  const weekly = { startsAt: at('2027-03-01T02:00:00Z'), repeat: 'weekly' as const, until: at('2027-03-29T16:59:00Z'), createdAt: at('2027-02-20T00:00:00Z') };

  it('are due from their time, one occurrence at a time, with a key per occurrence', () => {
    expect(dueOccurrence(weekly, at('2027-03-01T01:59:00Z'), 3)).toBeNull();
    expect(dueOccurrence(weekly, at('2027-03-01T02:00:00Z'), 3)).toEqual(at('2027-03-01T02:00:00Z'));
    expect(dueOccurrence(weekly, at('2027-03-09T05:00:00Z'), 3)).toEqual(at('2027-03-08T02:00:00Z'));
    expect(customReminderKey('r1', at('2027-03-08T02:00:00Z'))).toBe('khusus:r1:2027-03-08T02:00:00.000Z');
  });

  it('are dropped when more than the grace days late, after "until", and before the reminder existed', () => {
    expect(dueOccurrence(weekly, at('2027-03-12T03:00:00Z'), 3)).toBeNull();
    expect(dueOccurrence(weekly, at('2027-03-29T03:00:00Z'), 3)).toEqual(at('2027-03-29T02:00:00Z'));
    expect(dueOccurrence(weekly, at('2027-04-05T03:00:00Z'), 3)).toBeNull();
    expect(dueOccurrence({ ...weekly, createdAt: at('2027-03-03T00:00:00Z') }, at('2027-03-03T00:00:00Z'), 3)).toBeNull();
  });

  it('keep the wall-clock time, and the 31st becomes the last day of shorter months', () => {
    const monthly = { startsAt: at('2027-01-31T01:00:00Z'), repeat: 'monthly' as const, until: null, createdAt: at('2027-01-01T00:00:00Z') };
    expect(occurrencesBetween(monthly, at('2027-01-01T00:00:00Z'), at('2027-05-01T00:00:00Z'))).toEqual(
      ['2027-01-31', '2027-02-28', '2027-03-31', '2027-04-30'].map((day) => at(`${day}T01:00:00Z`)),
    );
    const once = { ...monthly, repeat: 'none' as const };
    expect(occurrencesBetween(once, at('2027-02-01T00:00:00Z'), at('2028-01-01T00:00:00Z'))).toEqual([]);
  });
});
