/** callback_data of the "Saya sudah membaca dan memahami" button: `ack:<broadcastId>` (cuid, well under 64 bytes). */
export const ackCallbackPrefix = 'ack:';
export const ackDoneCallback = 'ack:done';
