type Listener = () => void;
const listeners = new Set<Listener>();

/** Lets a running app start a "send now" broadcast at once instead of at the next minute tick. */
export function onBroadcastDue(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Deferred, so that the transaction that stored the broadcast has committed. */
export function notifyBroadcastDue(): void {
  setImmediate(() => listeners.forEach((listener) => listener()));
}
