import { describe, expect, it } from 'vitest';
import { maxBroadcastText, newBroadcastSchema } from '../../core/broadcasts/broadcast-input.js';
import { markdownToPlain, searchWords } from '../../core/infodesk/plain-text.js';
import { materialsText } from '../../core/sosialisasi/finish.js';
import { themeOf } from '../../core/sosialisasi/question-themes.js';

const base = { title: 'Pengumuman', text: 'Isi', audience: { everyone: true } };

describe('broadcast topics', () => {
  it('a broadcast with a topic goes to subscribers only unless marked wajib; one without a topic reaches everyone', () => {
    expect(newBroadcastSchema.parse(base).mandatory).toBe(true);
    expect(newBroadcastSchema.parse({ ...base, topic: 'kebijakan_terbaru' }).mandatory).toBe(false);
    expect(newBroadcastSchema.parse({ ...base, topic: 'kebijakan_terbaru', mandatory: true }).mandatory).toBe(true);
  });

  it('a career opportunity needs its kind and closing date, and only a career opportunity may have them', () => {
    const missing = newBroadcastSchema.safeParse({ ...base, topic: 'peluang_karir' });
    expect(missing.error?.issues.map((i) => i.path.join('.'))).toEqual(['careerKind', 'closesOn']);
    expect(newBroadcastSchema.safeParse({ ...base, topic: 'peluang_karir', careerKind: 'diklat', closesOn: '2026-12-31' }).success).toBe(true);
    expect(newBroadcastSchema.safeParse({ ...base, topic: 'aplikasi', closesOn: '2026-12-31' }).error?.issues[0]?.message).toContain('hanya untuk topik peluang_karir');
    expect(newBroadcastSchema.safeParse({ ...base, topic: 'lowongan' }).success).toBe(false);
  });
});

describe('archive search', () => {
  it('compares words without case, accents or Markdown', () => {
    expect(markdownToPlain('Unggah **SKP** di [e-Kinerja](https://x.go.id)\n- paling _lambat_ 10 Januari')).toBe('Unggah SKP di e-Kinerja paling lambat 10 Januari');
    expect(searchWords('  SKP, e-Kinerja! a ')).toEqual(['skp', 'kinerja']);
  });
});

describe('sosialisasi materials', () => {
  it('fits the answered questions into one message and says how many were left out', () => {
    const answered = Array.from({ length: 40 }, (_, i) => ({ number: i + 1, text: `Pertanyaan nomor ${i + 1} tentang aturan baru?`, answer: 'Jawaban '.repeat(20) }));
    const text = materialsText('Ringkasan materi.', answered);
    expect(text.length).toBeLessThanOrEqual(maxBroadcastText);
    const included = (text.match(/^\*\*\d+\. /gm) ?? []).length;
    expect(included).toBeGreaterThan(5);
    expect(text).toContain(`${40 - included} tanya jawab lain tidak muat di sini`);
    expect(materialsText('Ringkasan saja.', [])).toBe('Ringkasan saja.');
  });

  it('groups questions for the speaker by what they are about', () => {
    expect(themeOf('Kapan KGB saya naik?')).toBe('kenaikan_pangkat_kgb');
    expect(themeOf('Lupa password MyASN, bagaimana?')).toBe('aplikasi');
    expect(themeOf('Apakah ada diklat PIM tahun depan?')).toBe('peluang_karir');
    expect(themeOf('Siapa yang mengisi konsumsi?')).toBe('lainnya');
  });
});
