export const EVENTS = [
  'ready',
  'identified',
  'pointsAwarded',
  'badgeEarned',
  'levelChanged',
  'rewardRedeemed',
  'error',
  'open',
  'close',
] as const;
export type WidgetEvent = (typeof EVENTS)[number];
export type Handler = (payload?: unknown) => void;

/**
 * The host page's listeners. A listener that throws is the host's bug, but it must not stop
 * other listeners or our own update loop, so it is reported to the console and skipped.
 */
export function createEmitter(report: (e: unknown) => void = defaultReport) {
  const handlers = new Map<string, Set<Handler>>();
  // "ready" usually fires before an async host script gets to subscribe; late subscribers still hear it.
  const sticky = new Map<string, unknown>();

  function call(fn: Handler, payload: unknown) {
    try {
      fn(payload);
    } catch (e) {
      report(e);
    }
  }

  return {
    on(event: string, fn: Handler): () => void {
      if (typeof fn !== 'function') return () => undefined;
      let set = handlers.get(event);
      if (!set) handlers.set(event, (set = new Set()));
      set.add(fn);
      if (sticky.has(event)) {
        const payload = sticky.get(event);
        queueMicrotask(() => set.has(fn) && call(fn, payload));
      }
      return () => {
        set.delete(fn);
      };
    },
    emit(event: WidgetEvent, payload?: unknown, keep = false) {
      if (keep) sticky.set(event, payload);
      for (const fn of Array.from(handlers.get(event) ?? [])) call(fn, payload);
    },
  };
}

export type Emitter = ReturnType<typeof createEmitter>;

function defaultReport(e: unknown) {
  console.warn('[HelpdeskGamify] an event listener threw', e);
}
