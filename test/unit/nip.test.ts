import { describe, expect, it } from 'vitest';
import { checkNipAgainstRecord, type NipCheckedRecord } from '../../core/nip/check-nip-against-record.js';
import { parseNip, type NipField } from '../../core/nip/parse-nip.js';

describe('parseNip for PNS', () => {
  it('reads the fact-sheet example 19860926 201505 1 001', () => {
    expect(parseNip('198609262015051001', 'PNS')).toEqual({
      ok: true,
      parts: { employmentType: 'PNS', birthDate: '1986-09-26', tmtCpns: '2015-05-01', gender: 'L', sequence: 1 },
    });
  });

  it('accepts the NIP as printed, in groups separated by spaces', () => {
    const parsed = parseNip('19860926 201505 1 001', 'PNS');
    expect(parsed.ok && parsed.parts.tmtCpns).toBe('2015-05-01');
  });

  it('reads a woman and a higher sequence number', () => {
    expect(parseNip('199212312019022137', 'PNS')).toEqual({
      ok: true,
      parts: { employmentType: 'PNS', birthDate: '1992-12-31', tmtCpns: '2019-02-01', gender: 'P', sequence: 137 },
    });
  });

  it.each<[string, string, NipField, string]>([
    ['17 digits', '19860926201505100', 'nip', 'NIP harus 18 digit, tetapi yang tertulis 17 digit'],
    ['19 digits', '1986092620150510011', 'nip', 'NIP harus 18 digit, tetapi yang tertulis 19 digit'],
    ['a letter', '19860926201505100A', 'nip', 'NIP hanya boleh berisi angka (18 digit)'],
    [
      '31 February',
      '198602312015051001',
      'birthDate',
      '8 digit pertama NIP (19860231) bukan tanggal lahir yang ada di kalender',
    ],
    [
      'birth month 13',
      '198613262015051001',
      'birthDate',
      '8 digit pertama NIP (19861326) bukan tanggal lahir yang ada di kalender',
    ],
    [
      'TMT month 13',
      '198609262015131001',
      'tmtCpns',
      'digit ke-13 dan ke-14 NIP (bulan TMT CPNS) harus 01 sampai 12, tertulis 13',
    ],
    [
      'TMT month 00',
      '198609262015001001',
      'tmtCpns',
      'digit ke-13 dan ke-14 NIP (bulan TMT CPNS) harus 01 sampai 12, tertulis 00',
    ],
    [
      // TMT 1 September 1986 is before the 26 September 1986 birth date
      'TMT CPNS before birth',
      '198609261986091001',
      'tmtCpns',
      'TMT CPNS menurut NIP (1 September 1986) harus sesudah tanggal lahir (26 September 1986)',
    ],
    [
      'gender digit 3',
      '198609262015053001',
      'gender',
      'digit ke-15 NIP (jenis kelamin) harus 1 (laki-laki) atau 2 (perempuan), tertulis 3',
    ],
    [
      'gender digit 0',
      '198609262015050001',
      'gender',
      'digit ke-15 NIP (jenis kelamin) harus 1 (laki-laki) atau 2 (perempuan), tertulis 0',
    ],
    ['sequence 000', '198609262015051000', 'sequence', '3 digit terakhir NIP (nomor urut) tidak boleh 000'],
  ])('rejects %s', (_case, nip, field, message) => {
    expect(parseNip(nip, 'PNS')).toEqual({ ok: false, problems: [{ field, message }] });
  });

  it('reports every problem of one NIP at once', () => {
    const parsed = parseNip('198602302015133000', 'PNS');
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.problems.map((problem) => problem.field)).toEqual([
      'birthDate',
      'gender',
      'sequence',
      'tmtCpns',
    ]);
  });
});

describe('parseNip for PPPK', () => {
  // 19900315 2023 13 2 002: digits 13–14 are "13", which is no month; for PPPK it is an opaque code.
  const pppkNip = '199003152023132002';

  it('keeps digits 13–14 as a code instead of reading a month', () => {
    expect(parseNip(pppkNip, 'PPPK')).toEqual({
      ok: true,
      parts: {
        employmentType: 'PPPK',
        birthDate: '1990-03-15',
        appointmentYear: 2023,
        code: '13',
        gender: 'P',
        sequence: 2,
      },
    });
  });

  it('would reject the same digits as a PNS NIP, because 13 is no month', () => {
    const parsed = parseNip(pppkNip, 'PNS');
    expect(!parsed.ok && parsed.problems.map((problem) => problem.field)).toEqual(['tmtCpns']);
  });

  it('rejects an appointment year that is not after the birth year', () => {
    expect(parseNip('199003151990011001', 'PPPK')).toEqual({
      ok: false,
      problems: [
        { field: 'appointmentYear', message: 'tahun pengangkatan menurut NIP (1990) harus sesudah tahun lahir (1990)' },
      ],
    });
  });

  it('checks the gender digit and sequence like a PNS NIP', () => {
    const parsed = parseNip('199003152023139000', 'PPPK');
    expect(!parsed.ok && parsed.problems.map((problem) => problem.field)).toEqual(['gender', 'sequence']);
  });
});

describe('checkNipAgainstRecord', () => {
  const matching: NipCheckedRecord = {
    nip: '198609262015051001',
    employmentType: 'PNS',
    birthDate: '1986-09-26',
    gender: 'L',
    tmtCpns: '2015-05-01',
  };

  it('finds nothing when the record agrees with the NIP', () => {
    expect(checkNipAgainstRecord(matching)).toEqual([]);
  });

  it('reports a birth date that differs from the NIP', () => {
    expect(checkNipAgainstRecord({ ...matching, birthDate: '1986-09-27' })).toEqual([
      {
        field: 'birthDate',
        message: 'NIP menunjukkan tanggal lahir 26-09-1986, tetapi data tanggal lahir 1986-09-27',
      },
    ]);
  });

  it('reports gender and TMT CPNS mismatches together', () => {
    expect(checkNipAgainstRecord({ ...matching, gender: 'P', tmtCpns: '2015-06-01' })).toEqual([
      { field: 'gender', message: 'NIP menunjukkan jenis kelamin laki-laki (L), tetapi data jenis kelamin P' },
      { field: 'tmtCpns', message: 'NIP menunjukkan TMT CPNS 01-05-2015, tetapi data TMT CPNS 2015-06-01' },
    ]);
  });

  it('does not call a missing TMT CPNS a mismatch', () => {
    expect(checkNipAgainstRecord({ ...matching, tmtCpns: null })).toEqual([]);
  });

  it('compares a PPPK record on birth date and gender only', () => {
    const pppk: NipCheckedRecord = {
      nip: '199003152023132002',
      employmentType: 'PPPK',
      birthDate: '1990-03-16',
      gender: 'P',
      tmtCpns: '2023-01-01',
    };
    expect(checkNipAgainstRecord(pppk)).toEqual([
      { field: 'birthDate', message: 'NIP menunjukkan tanggal lahir 15-03-1990, tetapi data tanggal lahir 1990-03-16' },
    ]);
  });

  it('returns the parse problems of an unreadable NIP', () => {
    expect(checkNipAgainstRecord({ ...matching, nip: '198609262015051000' })).toEqual([
      { field: 'sequence', message: '3 digit terakhir NIP (nomor urut) tidak boleh 000' },
    ]);
  });
});
