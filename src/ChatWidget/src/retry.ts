import { ApiError } from './api/errors';
import { backoffDelay } from './backoff';

export interface RunOptions {
  /** Called on every failure; `retrying` says whether another attempt is scheduled. */
  failed?(error: unknown, retrying: boolean): void;
  /** Stop after this many attempts even if the failure looks transient. */
  maxAttempts?: number;
}

/**
 * Named background tasks that retry transient failures (network, 5xx) with backoff. Running a
 * name again replaces its pending retry, so a burst of "refresh" requests collapses into one.
 * Nothing here rejects: every outcome goes to `failed`, so no promise is left unhandled.
 */
export function createRetrier(setTimer = setTimeout, clearTimer = clearTimeout) {
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  const generations = new Map<string, number>();

  function run(name: string, task: () => Promise<unknown>, opts: RunOptions = {}, attempt = 0): void {
    clearTimer(timers.get(name));
    timers.delete(name);
    const generation = (generations.get(name) ?? 0) + (attempt === 0 ? 1 : 0);
    generations.set(name, generation);
    let started: Promise<unknown>;
    try {
      started = Promise.resolve(task());
    } catch (e) {
      started = Promise.reject(e);
    }
    started.catch((e: unknown) => {
      // A newer run of the same name owns the outcome now.
      if (generations.get(name) !== generation) return;
      const retrying = isTransient(e) && attempt + 1 < (opts.maxAttempts ?? Infinity);
      if (retrying) {
        timers.set(
          name,
          setTimer(() => run(name, task, opts, attempt + 1), backoffDelay(attempt)),
        );
      }
      try {
        opts.failed?.(e, retrying);
      } catch {
        // The failure handler is ours; nothing sensible is left to do if it throws.
      }
    });
  }

  return {
    run,
    cancel(...names: string[]) {
      for (const name of names) {
        clearTimer(timers.get(name));
        timers.delete(name);
        generations.set(name, (generations.get(name) ?? 0) + 1);
      }
    },
  };
}

export function isTransient(e: unknown): boolean {
  return e instanceof ApiError && e.transient;
}
