import { z } from 'zod';

/** baru → ditangani → menunggu_pegawai → selesai → ditutup (auto-close after 3 business days in selesai). */
export const ticketStatuses = ['baru', 'ditangani', 'menunggu_pegawai', 'selesai', 'ditutup'] as const;
export const ticketStatusSchema = z.enum(ticketStatuses);
export type TicketStatus = z.infer<typeof ticketStatusSchema>;

export const ticketPriorities = ['rendah', 'normal', 'tinggi', 'mendesak'] as const;
export const ticketPrioritySchema = z.enum(ticketPriorities);
export type TicketPriority = z.infer<typeof ticketPrioritySchema>;

export const statusLabels: Record<TicketStatus, { id: string; en: string }> = {
  baru: { id: 'Baru', en: 'New' },
  ditangani: { id: 'Ditangani', en: 'In progress' },
  menunggu_pegawai: { id: 'Menunggu pegawai', en: 'Waiting for employee' },
  selesai: { id: 'Selesai', en: 'Resolved' },
  ditutup: { id: 'Ditutup', en: 'Closed' },
};

export const priorityLabels: Record<TicketPriority, { id: string; en: string }> = {
  rendah: { id: 'Rendah', en: 'Low' },
  normal: { id: 'Normal', en: 'Normal' },
  tinggi: { id: 'Tinggi', en: 'High' },
  mendesak: { id: 'Mendesak', en: 'Urgent' },
};

/** A ticket a staff message can still continue. */
export function isOpenStatus(status: TicketStatus): boolean {
  return status !== 'ditutup';
}
