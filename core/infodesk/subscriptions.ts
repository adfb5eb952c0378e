import type { Db } from '../db/client.js';
import { infoTopics, type InfoTopicId } from './topics.js';

/**
 * Topic subscriptions are opt-out: everyone gets every topic until they turn one off with /langganan, so a new
 * employee misses nothing. Only the opt-outs are stored.
 */
export async function subscriptionsOf(db: Db, employeeId: string): Promise<Array<{ topic: InfoTopicId; subscribed: boolean }>> {
  const off = new Set((await db.topicOptOut.findMany({ where: { employeeId }, select: { topic: true } })).map((row) => row.topic));
  return infoTopics.map((t) => ({ topic: t.id, subscribed: !off.has(t.id) }));
}

export async function setSubscription(db: Db, employeeId: string, topic: InfoTopicId, subscribed: boolean, now: Date): Promise<void> {
  if (subscribed) {
    await db.topicOptOut.deleteMany({ where: { employeeId, topic } });
    return;
  }
  await db.topicOptOut.upsert({ where: { employeeId_topic: { employeeId, topic } }, create: { employeeId, topic, createdAt: now }, update: {} });
}

/** Employees who turned a topic off: a non-mandatory broadcast on that topic skips them. */
export async function optedOutOf(db: Db, topic: string): Promise<Set<string>> {
  return new Set((await db.topicOptOut.findMany({ where: { topic }, select: { employeeId: true } })).map((row) => row.employeeId));
}
