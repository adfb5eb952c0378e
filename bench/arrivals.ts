import { setTimeout as sleep } from 'node:timers/promises';

/** A message seen arriving at a fake: its text carries the token it was sent with. */
export interface Arrival {
  text: string;
  at: number | Date;
}

/**
 * Waits (up to 60 s after the last send) until every token sent has arrived, then returns each one's latency: its
 * first arrival minus when it was sent. `token` finds the token in an arrival's text.
 */
export async function collectLatencies(sentAt: Map<string, number>, arrivals: () => Arrival[], token: RegExp): Promise<number[]> {
  const deadline = Date.now() + 60_000;
  let latencies: number[] = [];
  while (Date.now() < deadline) {
    const arrived = new Map<string, number>();
    for (const call of arrivals()) {
      const match = token.exec(call.text);
      if (match && sentAt.has(match[0]) && !arrived.has(match[0])) arrived.set(match[0], new Date(call.at).getTime());
    }
    latencies = [...arrived].map(([sent, at]) => at - sentAt.get(sent)!);
    if (arrived.size === sentAt.size) break;
    await sleep(200);
  }
  return latencies;
}
