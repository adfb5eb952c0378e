import Database from 'better-sqlite3';
import pg from 'pg';

let statements = 0;
let installed = false;
/** Counts by statement text, only when BENCH_DEBUG asks for it (building the key costs more than the increment). */
const byText = new Map<string, number>();

function record(sql: unknown): void {
  statements += 1;
  if (!process.env.BENCH_DEBUG) return;
  const text = typeof sql === 'string' ? sql : String((sql as { text?: unknown } | null)?.text ?? sql);
  const key = text.replace(/\s+/g, ' ').slice(0, 160);
  byText.set(key, (byText.get(key) ?? 0) + 1);
}

/**
 * Counts SQL statements sent to either driver (BEGIN and COMMIT included), so the relay benchmark can say how
 * many statements one relayed message costs. Patches the driver prototypes once for the whole process; the
 * overhead is one increment per statement.
 */
export function countStatements(): () => number {
  if (!installed) {
    installed = true;
    const prepare = Database.prototype.prepare;
    Database.prototype.prepare = function (this: Database.Database, ...args: Parameters<typeof prepare>) {
      record(args[0]);
      return prepare.apply(this, args);
    } as typeof prepare;
    const query = pg.Client.prototype.query;
    pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
      record(args[0]);
      return (query as (...a: unknown[]) => unknown).apply(this, args);
    } as typeof query;
  }
  return () => statements;
}

/** The most frequent statements since the last call (BENCH_DEBUG only), per `perMessages` messages. */
export function takeStatementProfile(perMessages: number): string[] {
  const top = [...byText].sort((a, b) => b[1] - a[1]).slice(0, 25);
  byText.clear();
  return top.map(([sql, count]) => `${(count / perMessages).toFixed(2).padStart(6)}  ${sql}`);
}
