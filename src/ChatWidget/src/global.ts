import type { WidgetApi } from './app';

export const GLOBAL_NAME = 'HelpdeskGamify';

/**
 * A call the host made before we loaded, as the documented stub records it:
 * [method, argumentsArray, resolve?]. `resolve` receives the method's result (the
 * unsubscribe function for `on`, completion for `identify`).
 */
export type QueuedCall = [string, unknown[]?, ((value: unknown) => void)?];

interface GlobalHolder {
  [GLOBAL_NAME]?: unknown;
}

const METHODS = ['identify', 'open', 'close', 'on'] as const;

/** True when a real widget (not the host's stub) already owns the global. */
export function alreadyLoaded(win: GlobalHolder): boolean {
  const g = win[GLOBAL_NAME] as { loaded?: unknown } | undefined;
  return !!g && g.loaded === true;
}

/**
 * Publishes the API on the existing stub object when there is one (hosts may have kept a
 * reference to it) and replays what was queued, in order.
 */
export function installGlobal(win: GlobalHolder, api: WidgetApi, version: string): void {
  const existing = win[GLOBAL_NAME];
  const target = (existing && typeof existing === 'object' ? existing : {}) as Record<string, unknown>;
  const queue: unknown[] = Array.isArray(target.q) ? target.q : [];
  for (const m of METHODS) target[m] = api[m];
  target.version = version;
  target.loaded = true;
  // Late pushes onto an old reference to the queue still run.
  target.q = { push: (entry: unknown) => replay(api, entry) };
  win[GLOBAL_NAME] = target;
  for (const entry of queue) replay(api, entry);
}

export function replay(api: WidgetApi, entry: unknown): void {
  if (!Array.isArray(entry) || typeof entry[0] !== 'string') return;
  const [method, rawArgs, resolve] = entry as QueuedCall;
  if (!(METHODS as readonly string[]).includes(method)) return;
  const args = Array.isArray(rawArgs) ? rawArgs : entry.slice(1);
  const fn = api[method as (typeof METHODS)[number]] as (...a: unknown[]) => unknown;
  let result: unknown;
  try {
    result = fn(...args);
  } catch {
    result = undefined;
  }
  if (typeof resolve === 'function') void Promise.resolve(result).then(resolve, () => resolve(undefined));
}

/** What hosts get when the embed tag is unusable: calls do nothing instead of throwing. */
export function inertApi(reason: string): WidgetApi {
  return {
    identify: () => Promise.resolve(),
    open: () => undefined,
    close: () => undefined,
    on: (event, fn) => {
      if (event === 'error' && typeof fn === 'function') queueMicrotask(() => fn({ code: 'misconfigured', message: reason }));
      return () => undefined;
    },
  };
}
