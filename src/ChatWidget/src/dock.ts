export type DockKind = 'standalone' | 'zendesk' | 'freshchat';

/** Only what we call on the two messengers; anything else on them is theirs. */
interface ZendeskWindow {
  zE?: (...args: unknown[]) => unknown;
}
interface FreshchatWindow {
  fcWidget?: { on?: (event: string, fn: () => void) => unknown };
}
export type DockWindow = ZendeskWindow & FreshchatWindow;

export interface DockHooks {
  opened(): void;
  closed(): void;
}

export function detectDock(win: DockWindow): DockKind {
  if (typeof win.zE === 'function') return 'zendesk';
  if (win.fcWidget && typeof win.fcWidget.on === 'function') return 'freshchat';
  return 'standalone';
}

/**
 * Follows the messenger's open/close. Neither messenger offers a way to unsubscribe, so the
 * returned function mutes our callbacks instead. Their APIs throwing (an older Zendesk Web
 * Widget does not know "messenger:on") leaves us standalone rather than broken.
 */
export function attachDock(win: DockWindow, kind: DockKind, hooks: DockHooks): (() => void) | null {
  let live = true;
  const opened = () => live && hooks.opened();
  const closed = () => live && hooks.closed();
  try {
    if (kind === 'zendesk' && win.zE) {
      win.zE('messenger:on', 'open', opened);
      win.zE('messenger:on', 'close', closed);
    } else if (kind === 'freshchat' && win.fcWidget?.on) {
      win.fcWidget.on('widget:opened', opened);
      win.fcWidget.on('widget:closed', closed);
    } else {
      return null;
    }
  } catch {
    return null;
  }
  return () => {
    live = false;
  };
}

export interface WatchOptions {
  intervalMs?: number;
  timeoutMs?: number;
  setTimer?: (fn: () => void, ms: number) => unknown;
}

/**
 * Messenger snippets load asynchronously, often after us, so we look again for a while before
 * settling on the standalone launcher. Calls `found` at most once.
 */
export function watchForDock(win: DockWindow, found: (kind: DockKind) => void, opts: WatchOptions = {}): () => void {
  const interval = opts.intervalMs ?? 1000;
  const limit = opts.timeoutMs ?? 20_000;
  const setTimer = opts.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
  let waited = 0;
  let stopped = false;
  const look = () => {
    if (stopped) return;
    const kind = detectDock(win);
    if (kind !== 'standalone') {
      stopped = true;
      found(kind);
    } else if (waited < limit) {
      waited += interval;
      setTimer(look, interval);
    }
  };
  look();
  return () => {
    stopped = true;
  };
}
