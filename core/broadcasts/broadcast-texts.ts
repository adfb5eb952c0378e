/** The confirmation button under a "perlu konfirmasi" broadcast (Bahasa Indonesia: broadcasts are for everyone). */
export const ackButtonLabel = 'Saya sudah membaca dan memahami';
export const ackedButtonLabel = '✅ Sudah dikonfirmasi';
export const nudgeTitlePrefix = 'Pengingat konfirmasi: ';
