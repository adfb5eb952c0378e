import { describe, expect, it } from 'vitest';
import { createNameMasker, maskIdentifiers, maskPersonalData } from '../../core/faq/answer/mask.js';

describe('masking personal data before it leaves for an LLM', () => {
  it('masks a NIP written plainly or in its printed groups', () => {
    expect(maskIdentifiers('nip saya 198609262015051001 ya')).toBe('nip saya [NIP] ya');
    expect(maskIdentifiers('NIP 19860926 201505 1 001, cuti')).toBe('NIP [NIP], cuti');
    expect(maskIdentifiers('NIP: 19860926-201505-1-001')).toBe('NIP: [NIP]');
    expect(maskIdentifiers('19860926.201505.1.001')).toBe('[NIP]');
  });

  it('masks a NIK of 16 digits, also in groups', () => {
    expect(maskIdentifiers('NIK 3201010101900001')).toBe('NIK [NIK]');
    expect(maskIdentifiers('NIK 320101 010190 0001')).toBe('NIK [NIK]');
    expect(maskIdentifiers('NIK 3201 0101 0190 0001')).toBe('NIK [NIK]');
  });

  it('masks mobile numbers in the ways people write them', () => {
    for (const phone of ['081234567890', '0812-3456-7890', '0812 3456 7890', '+6281234567890', '+62 812-3456-7890', '62 813 1111 2222', '0813.1111.2222']) {
      expect(maskIdentifiers(`hubungi ${phone} ya`)).toBe('hubungi [TELEPON] ya');
    }
    expect(maskIdentifiers('kantor (0717) 439 123')).toBe('kantor [TELEPON]');
  });

  it('masks e-mail addresses, digits included', () => {
    expect(maskIdentifiers('email budi.santoso86@dkp.babelprov.go.id tolong')).toBe('email [EMAIL] tolong');
    expect(maskIdentifiers('kirim ke sari_dewi+hr@gmail.com')).toBe('kirim ke [EMAIL]');
  });

  it('masks any other long number but leaves dates, times, rules and amounts of days alone', () => {
    expect(maskIdentifiers('rekening 1234567890123')).toBe('rekening [ANGKA]');
    const text = 'PP 11/2017 Pasal 310–341, 12 hari kerja, 37,5 jam, pukul 07.30–16.00 dan 08.00, TMT 2025-10-01, 1 Oktober 2025, Surat BKN 13749/B-MP.01.01/SD/D/2025';
    expect(maskIdentifiers(text)).toBe(text);
  });

  it('masks names from the records: whole names always, single name words unless they are ordinary words', () => {
    const masker = createNameMasker(['Budi Santoso', 'Dr. Sari Dewi Lestari, S.E.', 'Ahmad Cahaya'], { isCommonWord: (w) => ['cahaya'].includes(w) });
    expect(masker.size).toBe(3);
    expect(masker.mask('saya Budi Santoso mau tanya')).toBe('saya [NAMA] mau tanya');
    expect(masker.mask('BUDI SANTOSO dan budi')).toBe('[NAMA] dan [NAMA]');
    expect(masker.mask('bu Sari Dewi Lestari dan pak Santoso')).toBe('bu [NAMA] dan pak [NAMA]');
    expect(masker.mask('dewi lestari')).toBe('[NAMA]');
    expect(masker.mask('ada cahaya di kantor, kata Ahmad')).toBe('ada cahaya di kantor, kata [NAMA]');
    expect(masker.mask('cuti tahunan berapa hari')).toBe('cuti tahunan berapa hari');
    expect(masker.find('kapan Sari Dewi pensiun')).toEqual(['sari dewi']);
  });

  it('masks everything in one pass, identifiers before names', () => {
    const text =
      'Saya Budi Santoso, NIP 19860926 201505 1 001, NIK 3201010101900001, HP 0812-3456-7890, email budi.santoso@dkp.go.id';
    const masked = maskPersonalData(text, ['Budi Santoso']);
    expect(masked).toBe('Saya [NAMA], NIP [NIP], NIK [NIK], HP [TELEPON], email [EMAIL]');
  });

  it('handles 10,000 known names without slowing a question down', () => {
    const names = Array.from({ length: 10_000 }, (_, i) => `Pegawai${i} Nama${i % 97}`);
    const masker = createNameMasker(names);
    const started = performance.now();
    for (let i = 0; i < 100; i++) masker.mask('saya pegawai42 nama42 mau tanya cuti tahunan berapa hari dan kgb kapan');
    expect((performance.now() - started) / 100).toBeLessThan(2);
    expect(masker.mask('pegawai42 nama42')).toBe('[NAMA]');
  });
});
