import { z } from 'zod';

/**
 * Ticket categories with their SLA targets in business minutes (ConsDesk hours). Confidential categories go to
 * the HR leads' channel only.
 */
export const ticketCategories = [
  { id: 'kenaikan_pangkat', id_label: 'Kenaikan pangkat', en_label: 'Promotion (KP)', firstResponse: 240, resolution: 3 * 450, confidential: false },
  { id: 'kgb', id_label: 'Kenaikan gaji berkala (KGB)', en_label: 'Salary step (KGB)', firstResponse: 240, resolution: 3 * 450, confidential: false },
  { id: 'cuti', id_label: 'Cuti', en_label: 'Leave', firstResponse: 120, resolution: 2 * 450, confidential: false },
  { id: 'pensiun', id_label: 'Pensiun', en_label: 'Retirement', firstResponse: 240, resolution: 5 * 450, confidential: false },
  { id: 'pemutakhiran_data', id_label: 'Pemutakhiran data', en_label: 'Data correction', firstResponse: 240, resolution: 5 * 450, confidential: false },
  { id: 'aplikasi', id_label: 'Aplikasi (SATAM-ASN/MyASN/ASN Digital)', en_label: 'Apps (SATAM-ASN/MyASN/ASN Digital)', firstResponse: 120, resolution: 2 * 450, confidential: false },
  { id: 'presensi', id_label: 'Presensi', en_label: 'Attendance', firstResponse: 120, resolution: 450, confidential: false },
  { id: 'kinerja', id_label: 'Kinerja/SKP', en_label: 'Performance/SKP', firstResponse: 240, resolution: 3 * 450, confidential: false },
  { id: 'lainnya', id_label: 'Lainnya', en_label: 'Other', firstResponse: 240, resolution: 3 * 450, confidential: false },
  { id: 'masalah_atasan_rekan', id_label: 'Masalah dengan atasan/rekan (rahasia)', en_label: 'Issue with a superior/colleague (confidential)', firstResponse: 120, resolution: 5 * 450, confidential: true },
] as const;

export type TicketCategoryId = (typeof ticketCategories)[number]['id'];
export type TicketCategory = (typeof ticketCategories)[number];

export const ticketCategoryIds = ticketCategories.map((c) => c.id) as [TicketCategoryId, ...TicketCategoryId[]];
export const ticketCategorySchema = z.enum(ticketCategoryIds, { error: 'kategori tidak dikenal' });

export function categoryOf(id: string): TicketCategory {
  const found = ticketCategories.find((c) => c.id === id);
  if (!found) throw new Error(`unknown ticket category ${id}`);
  return found;
}

export function categoryLabel(id: string, lang: 'id' | 'en'): string {
  const category = categoryOf(id);
  return lang === 'en' ? category.en_label : category.id_label;
}
