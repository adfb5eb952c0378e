/**
 * `npx layani career FILE --json --as-of DATE` on a file holding every kind of post, run as HR runs it: the next
 * KGB (or every missed one), the next KP or why there is none, TMT pensiun (PPPK: the end of the agreement), and
 * no false data-error flag for functional and structural officials.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const header =
  'nip;nama;tanggal_lahir;jenis_kelamin;jenis_pegawai;golongan;tmt_golongan;pendidikan;jabatan;jenis_jabatan;unit_kerja;' +
  'tmt_cpns;tmt_kgb_terakhir;angka_kredit;jenjang;eselon';
// Born 15 Mar 1980, CPNS 1 Mar 2005 (NIP 19800315 200503 1 0xx), in rank since 1 Apr 2020 unless said otherwise.
const rows = [
  '198003152005031001;Madya S2;1980-03-15;L;PNS;IV/a;2020-04-01;S2;Analis Kebijakan Ahli Madya;JF Ahli Madya;Bidang;2005-03-01;2025-03-01;200;;',
  '198003152005031002;Madya IV/b;1980-03-15;L;PNS;IV/b;2020-04-01;S2;Analis Kebijakan Ahli Madya;JF Ahli Madya;Bidang;2005-03-01;2025-03-01;160;;',
  '198003152005031003;Muda puncak;1980-03-15;L;PNS;III/d;2020-04-01;S2;Pengawas Perikanan Ahli Muda;JF Ahli Muda;Bidang;2005-03-01;2025-03-01;150;;',
  '198003152005031004;Pranata;1980-03-15;L;PNS;3b;2020-04-01;D-III;Pranata Komputer Mahir;JF Keterampilan;Bidang;2005-03-01;2025-03-01;40;;',
  '198003152005031005;Kadis;1980-03-15;L;PNS;IV/c;2020-04-01;S2;Kepala Dinas;JPT Pratama;Dinas;2005-03-01;2025-03-01;;;II.a',
  '198003152005031006;Kasi;1980-03-15;L;PNS;III/d;2020-04-01;S1;Kepala Seksi;Pengawas;Bidang;2005-03-01;2025-03-01;;;IV.a',
  '198003152005031007;Utama;1980-03-15;L;PNS;IV/e;2020-04-01;S3;Peneliti Ahli Utama;JF Ahli Utama;Bidang;2005-03-01;2025-03-01;10;;',
  '198003152005031008;Pelaksana lama;1980-03-15;L;PNS;III/c;2020-04-01;S1;Pengadministrasi;Pelaksana;Bidang;2005-03-01;2018-05-01;;;',
  '196902102005031001;Hampir pensiun;1969-02-10;L;PNS;III/d;2020-04-01;S1;Pengadministrasi;Pelaksana;Bidang;2005-03-01;2025-03-01;;;',
  '196809102005031001;Lewat BUP;1968-09-10;L;PNS;III/d;2020-04-01;S1;Pengadministrasi;Pelaksana;Bidang;2005-03-01;2025-01-01;;;',
  '197007012005031001;Lahir tanggal 1;1970-07-01;L;PNS;III/d;2020-04-01;S1;Pengadministrasi;Pelaksana;Bidang;2005-03-01;2025-03-01;;;',
  '198506102023131001;Kontrak;1985-06-10;L;PPPK;IX;2023-01-01;S1;Penyuluh Perikanan Ahli Pertama;JF Ahli Pertama;Bidang;;;;;',
];

interface Entry {
  name: string;
  kgb: { nextDate: string | null; overdue: boolean; missed: string[] };
  promotion: { eligible: boolean; kind: string | null; nextGolongan: string | null; period: string | null; blockedBy: string | null; creditPointsShort: number | null; reason: string };
  pension: { kind: string; tmtPension: string; proposalStartsOn: string | null; urgency: string; reason: string };
  problems: Array<{ code: string; message: string }>;
}

describe('layani career --json', () => {
  const dir = mkdtempSync(join(tmpdir(), 'layani-career-'));
  const path = join(dir, 'pegawai.csv');
  writeFileSync(path, [header, ...rows].join('\n'));
  const output = JSON.parse(
    execFileSync('node', ['bin/layani.js', 'career', path, '--json', '--as-of', '2026-12-06'], { encoding: 'utf8' }),
  ) as { asOf: string; employees: Entry[]; unreadableRows: unknown[] };
  const byName = new Map(output.employees.map((e) => [e.name, e]));
  const get = (name: string) => byName.get(name)!;

  it('reads every row, "3b" included', () => {
    expect(output.unreadableRows).toEqual([]);
    expect(output.employees).toHaveLength(rows.length);
  });

  it('offers functional and structural officials their KP pilihan, never blocked by the education cap', () => {
    expect(get('Madya S2').promotion).toMatchObject({ eligible: true, kind: 'pilihan-jf', nextGolongan: 'IV/b', period: '2027-01-01' });
    expect(get('Madya IV/b').promotion).toMatchObject({ eligible: true, kind: 'pilihan-jf', nextGolongan: 'IV/c' });
    expect(get('Pranata').promotion).toMatchObject({ eligible: false, kind: 'pilihan-jf', blockedBy: 'jenjang-top', creditPointsShort: 60 });
    expect(get('Kadis').promotion).toMatchObject({ eligible: true, kind: 'pilihan-struktural', nextGolongan: 'IV/d' });
    expect(get('Kasi').promotion).toMatchObject({ eligible: false, blockedBy: 'eselon-top' });
    expect(get('Kasi').promotion.reason).toContain('sudah pangkat tertinggi untuk eselon IV.a');
  });

  it('sends a JF at the top of the jenjang to a jenjang move with the AK still needed, not a KP', () => {
    const muda = get('Muda puncak').promotion;
    expect(muda).toMatchObject({ eligible: false, blockedBy: 'jenjang-top', period: null, creditPointsShort: 50 });
    expect(muda.reason).toMatch(/^karena golongan III\/d adalah pangkat tertinggi jenjang Ahli Muda/);
    expect(muda.reason).toContain('perlu kenaikan jenjang ke Ahli Madya');
  });

  it('flags no data error for JF and structural officials above the education cap', () => {
    for (const name of ['Madya S2', 'Madya IV/b', 'Muda puncak', 'Pranata', 'Kadis', 'Kasi', 'Utama']) {
      expect(get(name).problems, name).toEqual([]);
    }
  });

  it('lists every missed KGB, and none after TMT pensiun', () => {
    expect(get('Pelaksana lama').kgb).toMatchObject({ overdue: true, missed: ['2020-05-01', '2022-05-01', '2024-05-01', '2026-05-01'] });
    expect(get('Lewat BUP').kgb).toMatchObject({ nextDate: null, overdue: false, missed: [] });
    expect(get('Lewat BUP').problems.map((p) => p.code)).toEqual(['active-after-pension']);
  });

  it('raises the late pension proposal, and tells PPPK their agreement ends', () => {
    expect(get('Hampir pensiun').pension).toMatchObject({ kind: 'pensiun', tmtPension: '2027-03-01', urgency: 'urgent' });
    expect(get('Hampir pensiun').problems.map((p) => p.code)).toEqual(['pension-proposal-late']);
    const pppk = get('Kontrak');
    expect(pppk.pension).toMatchObject({ kind: 'akhir-perjanjian', tmtPension: '2043-07-01', proposalStartsOn: null });
    expect(pppk.pension.reason).toContain('perjanjian kerja PPPK berakhir 1 Juli 2043');
    expect(pppk.pension.reason).not.toContain('usul pensiun mulai');
    expect(pppk.promotion).toMatchObject({ eligible: false, blockedBy: 'not-applicable' });
  });

  it('reads the open readings from the CAREER_* settings, as the app does', () => {
    expect(get('Lahir tanggal 1').pension.tmtPension).toBe('2028-08-01');
    const sameMonth = JSON.parse(
      execFileSync('node', ['bin/layani.js', 'career', path, '--json', '--as-of', '2026-12-06'], {
        encoding: 'utf8',
        env: { ...process.env, CAREER_PENSION_TMT_BORN_ON_FIRST: 'same-month' },
      }),
    ) as { employees: Entry[] };
    expect(sameMonth.employees.find((e) => e.name === 'Lahir tanggal 1')!.pension.tmtPension).toBe('2028-07-01');
  });

  it('prints the same in text, naming each KP kind', () => {
    const text = execFileSync('node', ['bin/layani.js', 'career', path, '--as-of', '2026-12-06'], { encoding: 'utf8' });
    expect(text).toContain('Kenaikan pangkat pilihan (jabatan fungsional): ke IV/b, periode 1 Januari 2027');
    expect(text).toContain('Kenaikan pangkat pilihan (jabatan struktural): belum ada — karena golongan III/d sudah pangkat tertinggi untuk eselon IV.a');
    expect(text).toContain('Perjanjian kerja berakhir (batas usia 58 tahun): 1 Juli 2043');
    expect(text).toContain('KGB terlambat: 1 Mei 2020, 1 Mei 2022, 1 Mei 2024, 1 Mei 2026');
  });
});
