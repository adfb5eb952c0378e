import { describe, expect, it } from 'vitest';
import { maskForReaders, readableMasked } from '../../core/faq/answer/readable-mask.js';

describe('readable masking (materials and FAQ drafts)', () => {
  it.each([
    ['Apakah kenaikan pangkat saya (NIP [NIP]) ikut terpengaruh nilai SKP?', 'Apakah kenaikan pangkat saya ikut terpengaruh nilai SKP?'],
    ['Kapan aturan presensi yang baru mulai berlaku? Hubungi saya di [TELEPON]', 'Kapan aturan presensi yang baru mulai berlaku? Hubungi saya lewat telepon'],
    ['Nama saya [NAMA], NIP saya [NIP]. mohon dibantu', 'Mohon dibantu'],
    ['Saya [NAMA] dari Sekretariat, email [EMAIL]', 'Saya seorang pegawai dari Sekretariat'],
    ['Apakah NIP saya [NIP] sudah aktif?', 'Apakah NIP saya sudah aktif?'],
    ['Bu [NAMA] [NAMA] bilang begitu (HP: [TELEPON])', 'Seorang pegawai bilang begitu'],
  ])('%s', (masked, readable) => {
    expect(readableMasked(masked)).toBe(readable);
  });

  it('masks first, so nothing personal is left and no token shows', () => {
    const text = maskForReaders('Saya Budi Santoso, NIP 19860926 201505 1 001, HP 0812-3456-7890, tanya cuti', ['Budi Santoso']);
    expect(text).toBe('Saya seorang pegawai, tanya cuti');
  });
});
