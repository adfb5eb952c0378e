import { z } from 'zod';

/**
 * The information topics of the desk: a fixed list, because staff subscribe to them and the archive is browsed by
 * them. Ids are short (they go into Telegram callback data, which is limited to 64 bytes).
 */
export const infoTopics = [
  { id: 'kenaikan_pangkat_kgb', label: { id: 'Kenaikan pangkat & KGB', en: 'Promotion & salary steps (KGB)' }, short: { id: 'Pangkat & KGB', en: 'Promotion & KGB' } },
  {
    id: 'peluang_karir',
    label: { id: 'Peluang karier: diklat, seleksi, lowongan jabatan', en: 'Career opportunities: training, selections, vacancies' },
    short: { id: 'Peluang karier', en: 'Careers' },
  },
  { id: 'kinerja_instansi', label: { id: 'Kinerja instansi', en: 'Agency performance' }, short: { id: 'Kinerja instansi', en: 'Performance' } },
  { id: 'kebijakan_terbaru', label: { id: 'Kebijakan terbaru', en: 'Newest policies' }, short: { id: 'Kebijakan terbaru', en: 'Policies' } },
  { id: 'aplikasi', label: { id: 'Aplikasi SATAM-ASN, MyASN, ASN Digital', en: 'Apps: SATAM-ASN, MyASN, ASN Digital' }, short: { id: 'Aplikasi ASN', en: 'ASN apps' } },
] as const;

export type InfoTopicId = (typeof infoTopics)[number]['id'];
export const infoTopicIds = infoTopics.map((t) => t.id) as [InfoTopicId, ...InfoTopicId[]];
export const infoTopicSchema = z.enum(infoTopicIds, { error: `topik harus salah satu dari: ${infoTopicIds.join(', ')}` });

export const careerTopic: InfoTopicId = 'peluang_karir';

/** What kind of career opportunity a peluang_karir broadcast announces. */
export const careerKinds = [
  { id: 'diklat', label: { id: 'Diklat', en: 'Training' } },
  { id: 'seleksi', label: { id: 'Seleksi', en: 'Selection' } },
  { id: 'lowongan', label: { id: 'Lowongan jabatan', en: 'Vacancy' } },
] as const;
export type CareerKind = (typeof careerKinds)[number]['id'];
export const careerKindSchema = z.enum(careerKinds.map((k) => k.id) as [CareerKind, ...CareerKind[]], {
  error: 'jenis peluang karier harus diklat, seleksi atau lowongan',
});

export function isInfoTopic(value: string | null | undefined): value is InfoTopicId {
  return (infoTopicIds as readonly string[]).includes(value ?? '');
}

export function topicLabel(topic: string | null | undefined, lang: 'id' | 'en' = 'id'): string {
  const found = infoTopics.find((t) => t.id === topic);
  return found ? found.label[lang] : lang === 'en' ? 'General' : 'Umum';
}

export function careerKindLabel(kind: string | null | undefined, lang: 'id' | 'en' = 'id'): string | null {
  return careerKinds.find((k) => k.id === kind)?.label[lang] ?? null;
}
