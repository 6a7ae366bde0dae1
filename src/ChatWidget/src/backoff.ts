export interface BackoffOptions {
  baseMs?: number;
  maxMs?: number;
}

/**
 * Exponential delay with "full jitter", so a server restart is not met by every open widget
 * reconnecting in the same second.
 */
export function backoffDelay(attempt: number, opts: BackoffOptions = {}, random: () => number = Math.random): number {
  const base = opts.baseMs ?? 1000;
  const max = opts.maxMs ?? 60_000;
  const ceiling = Math.min(max, base * 2 ** Math.max(0, Math.min(attempt, 16)));
  // Never below half the ceiling: a zero delay would turn an outage into a request storm.
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
