import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sessionStorage } from '../../bots/telegram/context.js';
import { openDatabase, type OpenDatabase } from '../../core/db/open-database.js';
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from '../support/test-databases.js';

describe.each(testDatabaseKinds)('Telegram session storage on %s', (kind) => {
  let database: TestDatabase;
  let opened: OpenDatabase;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    opened = await openDatabase(database.url);
  });
  afterAll(async () => {
    await opened?.close();
    await database?.drop();
  });
  beforeEach(async () => {
    await opened.db.botSession.deleteMany();
  });

  const stored = async (key: string) => (await opened.db.botSession.findUnique({ where: { key } }))?.value;

  it('writes a new session and reads it back', async () => {
    const storage = sessionStorage(opened.db);
    expect(await storage.read('telegram:1')).toBeUndefined();
    await storage.write('telegram:1', { lang: 'en' });
    expect(await storage.read('telegram:1')).toEqual({ lang: 'en' });
    await storage.write('telegram:1', { lang: 'id', pending: { kind: 'feedback' } });
    expect(JSON.parse((await stored('telegram:1'))!)).toEqual({ lang: 'id', pending: { kind: 'feedback' } });
  });

  it('does not write back a session the update left unchanged, and does write one it changed', async () => {
    await opened.db.botSession.create({ data: { key: 'telegram:2', value: JSON.stringify({ lang: 'en' }) } });
    const storage = sessionStorage(opened.db);
    const session = (await storage.read('telegram:2'))!;
    // Meanwhile the row changed (another instance): writing back what was read must not undo that.
    await opened.db.botSession.update({ where: { key: 'telegram:2' }, data: { value: JSON.stringify({ lang: 'id' }) } });
    await storage.write('telegram:2', session);
    expect(JSON.parse((await stored('telegram:2'))!)).toEqual({ lang: 'id' });
    session.pending = { kind: 'ticket', category: 'lainnya' };
    await storage.write('telegram:2', session);
    expect(JSON.parse((await stored('telegram:2'))!)).toEqual({ lang: 'en', pending: { kind: 'ticket', category: 'lainnya' } });
  });

  it('reads a row it cannot understand as an empty session, and deletes', async () => {
    await opened.db.botSession.create({ data: { key: 'telegram:3', value: JSON.stringify({ lang: 'fr' }) } });
    const storage = sessionStorage(opened.db);
    expect(await storage.read('telegram:3')).toEqual({});
    await storage.delete('telegram:3');
    expect(await stored('telegram:3')).toBeUndefined();
  });
});
