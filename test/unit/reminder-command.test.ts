import { describe, expect, it } from 'vitest';
import { parseReminderCommand } from '../../bots/slack/reminder-command.js';
import { parseWhen } from '../../core/reminders/reminder-when.js';
import { wibInstant } from '../../core/scheduling/jakarta-time.js';

/** Tuesday 24 November 2026, 10:15 WIB. */
const now = wibInstant('2026-11-24', 10, 15);
const parse = (text: string) => parseReminderCommand(text, now);

describe('/layani pengingat syntax', () => {
  it('reads a date, an optional time, a repeat with an end, a target and the text', () => {
    expect(parse('2027-03-01 09.00 mingguan sampai 2027-03-29 unit Sekretariat | Apel Senin pagi di halaman kantor.')).toEqual({
      ok: true,
      request: {
        title: 'Apel Senin pagi di halaman kantor.',
        text: 'Apel Senin pagi di halaman kantor.',
        audience: { everyone: false, units: ['Sekretariat'], golongan: [], nips: [] },
        startsAt: wibInstant('2027-03-01', 9),
        repeat: 'weekly',
        until: wibInstant('2027-03-29', 23, 59),
      },
    });
  });

  it('accepts dates and times as people write them; no time means 08.00, or now for today', () => {
    const startsAt = (text: string) => {
      const parsed = parse(`${text} semua | x`);
      return parsed.ok ? parsed.request.startsAt : parsed.problem;
    };
    expect(startsAt('10-03-2027')).toEqual(wibInstant('2027-03-10', 8));
    expect(startsAt('10/03/2027 jam 13.30')).toEqual(wibInstant('2027-03-10', 13, 30));
    expect(startsAt('10 Maret 2027 pukul 7')).toEqual(wibInstant('2027-03-10', 7));
    expect(startsAt('besok 14:00')).toEqual(wibInstant('2026-11-25', 14));
    expect(startsAt('hari ini')).toEqual(now);
    expect(parseWhen('10-03-2027 09.00', now)).toEqual(wibInstant('2027-03-10', 9));
    expect(parseWhen('10-03-2027 nanti', now)).toBeNull();
  });

  it('reads targets: everyone, several units, rank groups, NIPs printed with spaces; repeats in words', () => {
    const audience = (text: string) => {
      const parsed = parse(`besok ${text} | x`);
      return parsed.ok ? parsed.request.audience : parsed.problem;
    };
    expect(audience('semua pegawai')).toMatchObject({ everyone: true });
    expect(audience('unit Sekretariat, Bidang Kelautan golongan iii/b IV')).toMatchObject({ units: ['Sekretariat', 'Bidang Kelautan'], golongan: ['III/b', 'IV'] });
    expect(audience('nip 19860926 201505 1 001 199001012015052001')).toMatchObject({ nips: ['198609262015051001', '199001012015052001'] });
    expect(audience('198609262015051001')).toMatchObject({ nips: ['198609262015051001'] });
    const repeat = parse('besok setiap bulan semua | x');
    expect(repeat.ok && repeat.request.repeat).toBe('monthly');
  });

  it('says which word it could not read', () => {
    const problem = (text: string) => {
      const parsed = parse(text);
      return parsed.ok ? 'ok' : parsed.problem;
    };
    expect(problem('besok semua')).toMatch(/setelah tanda `\|`/);
    expect(problem('besok semua |  ')).toMatch(/masih kosong/);
    expect(problem('kapan-kapan semua | x')).toMatch(/"kapan-kapan" bukan tanggal/);
    expect(problem('31-02-2027 semua | x')).toMatch(/bukan tanggal/);
    expect(problem('besok | x')).toMatch(/sebutkan sasarannya/);
    expect(problem('besok bagian umum | x')).toMatch(/"bagian" tidak dikenali sebagai sasaran/);
    expect(problem('besok nip 1986092620150510 | x')).toMatch(/tidak lengkap/);
    expect(problem('besok sampai 2027-01-01 semua | x')).toMatch(/hanya dipakai bersama ulang/);
  });

  it('takes the first sentence as the title and keeps the whole text', () => {
    const parsed = parse('besok semua | Batas unggah SKP 20 Januari. Unggah lewat e-Kinerja BKN.\nHubungi kami bila ada kendala.');
    expect(parsed.ok && [parsed.request.title, parsed.request.text]).toEqual([
      'Batas unggah SKP 20 Januari.',
      'Batas unggah SKP 20 Januari. Unggah lewat e-Kinerja BKN.\nHubungi kami bila ada kendala.',
    ]);
  });
});
