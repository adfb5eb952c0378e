import Database from 'better-sqlite3';
import pg from 'pg';

let statements = 0;
let installed = false;
/** Per statement text: how often it ran and how long it took (BENCH_DEBUG only). */
const byText = new Map<string, { count: number; ms: number; slowest: number }>();

const keyOf = (sql: unknown) => {
  const text = typeof sql === 'string' ? sql : String((sql as { text?: unknown } | null)?.text ?? sql);
  return text.replace(/\s+/g, ' ').slice(0, 150);
};

function record(sql: unknown, ms: number): void {
  statements += 1;
  if (!process.env.BENCH_DEBUG) return;
  const key = keyOf(sql);
  const entry = byText.get(key) ?? { count: 0, ms: 0, slowest: 0 };
  entry.count += 1;
  entry.ms += ms;
  entry.slowest = Math.max(entry.slowest, ms);
  byText.set(key, entry);
}

function counted<F extends (this: { source: string }, ...args: never[]) => unknown>(execute: F): F {
  return function (this: { source: string }, ...args: never[]) {
    const started = performance.now();
    try {
      return execute.apply(this, args);
    } finally {
      record(this.source, performance.now() - started);
    }
  } as F;
}

/**
 * Counts SQL statements executed by either driver (BEGIN and COMMIT included), so the relay benchmark can say how
 * many statements one relayed message costs. Patches the driver prototypes once for the whole process.
 */
export function countStatements(): () => number {
  if (!installed) {
    installed = true;
    const probe = new Database(':memory:');
    const statement = Object.getPrototypeOf(probe.prepare('SELECT 1')) as Record<'run' | 'all' | 'get', (...args: never[]) => unknown>;
    probe.close();
    for (const method of ['run', 'all', 'get'] as const) statement[method] = counted(statement[method] as never);
    const query = pg.Client.prototype.query;
    pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
      const started = performance.now();
      const result = (query as (...a: unknown[]) => unknown).apply(this, args);
      // Round trip to the server, from when the pool handed out the connection.
      if (result instanceof Promise) void result.finally(() => record(args[0], performance.now() - started)).catch(() => undefined);
      else record(args[0], 0);
      return result;
    } as typeof query;
  }
  return () => statements;
}

/** The most frequent statements since the last call (BENCH_DEBUG only), per `perMessages` messages. */
export function takeStatementProfile(perMessages: number): string[] {
  const top = [...byText].sort((a, b) => b[1].count - a[1].count).slice(0, 25);
  byText.clear();
  return top.map(
    ([sql, { count, ms, slowest }]) =>
      `${(count / perMessages).toFixed(2).padStart(6)}/msg ${((ms * 1000) / Math.max(1, count)).toFixed(0).padStart(6)} µs (slowest ${slowest.toFixed(1).padStart(5)} ms)  ${sql}`,
  );
}
