import { HttpError, type HubConnection, HubConnectionBuilder, LogLevel } from '@microsoft/signalr';
import { backoffDelay } from './backoff';

/** Server -> client methods we listen to, by their camelCase hub names. */
export const HUB_METHODS = [
  'pointsAwarded',
  'badgeEarned',
  'levelChanged',
  'questProgress',
  'leaderboardChanged',
  'rewardRedeemed',
] as const;
export type HubMethod = (typeof HUB_METHODS)[number];

export interface HubCallbacks {
  message(method: HubMethod, payload: unknown): void;
  /** Connected for the first time, or again after any outage: time to refetch what we missed. */
  connected(again: boolean): void;
  disconnected(): void;
  /** The hub refused the token; the caller should renew it before the next attempt. */
  unauthorized(): void;
}

/**
 * One live connection per identified visitor. SignalR's own reconnect covers short drops;
 * when it gives up, or the first start fails, our loop keeps trying with backoff so a server
 * restart heals without a page reload.
 */
export function createHub(url: string, accessToken: () => Promise<string>, cb: HubCallbacks) {
  let connection: HubConnection | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let attempt = 0;
  let everConnected = false;
  let stopped = true;

  function build(): HubConnection {
    const c = new HubConnectionBuilder()
      // Bearer tokens only: no cookies cross-origin, so the server's CORS need not allow credentials.
      .withUrl(url, { accessTokenFactory: accessToken, withCredentials: false })
      .withAutomaticReconnect({
        nextRetryDelayInMilliseconds: (ctx) =>
          ctx.previousRetryCount < 6 ? backoffDelay(ctx.previousRetryCount, { baseMs: 500, maxMs: 15_000 }) : null,
      })
      // The host page's console is not ours to fill; failures surface through our own state.
      .configureLogging(LogLevel.None)
      .build();
    for (const method of HUB_METHODS) {
      c.on(method, (payload: unknown) => {
        try {
          cb.message(method, payload);
        } catch {
          // A malformed push must not take the connection down with it.
        }
      });
    }
    c.onreconnecting(() => cb.disconnected());
    c.onreconnected(() => cb.connected(true));
    c.onclose(() => {
      if (stopped) return;
      cb.disconnected();
      schedule();
    });
    return c;
  }

  function schedule() {
    clearTimeout(timer);
    if (stopped) return;
    timer = setTimeout(() => void connect(), backoffDelay(attempt++, { baseMs: 2000, maxMs: 60_000 }));
  }

  async function connect() {
    if (stopped) return;
    connection ??= build();
    try {
      await connection.start();
      if (stopped) {
        await connection.stop().catch(() => undefined);
        return;
      }
      attempt = 0;
      cb.connected(everConnected);
      everConnected = true;
    } catch (e) {
      if (stopped) return;
      if (e instanceof HttpError && e.statusCode === 401) cb.unauthorized();
      cb.disconnected();
      schedule();
    }
  }

  return {
    start() {
      if (!stopped) return;
      stopped = false;
      attempt = 0;
      void connect();
    },
    stop() {
      stopped = true;
      clearTimeout(timer);
      const c = connection;
      connection = null;
      everConnected = false;
      if (c) void c.stop().catch(() => undefined);
    },
  };
}

export type Hub = ReturnType<typeof createHub>;
