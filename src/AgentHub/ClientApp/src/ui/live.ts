import { HubConnectionBuilder, HubConnectionState, LogLevel, type HubConnection } from '@microsoft/signalr';
import { $ } from './dom';
import type { Session } from '../session';

const delays = [0, 1000, 2000, 5000, 10000, 30000];

/**
 * The game hub. Reconnecting is done here rather than by SignalR's automatic reconnect, so a page comes
 * back one way only — a fresh start followed by the page's catch-up — whether it was away for a second
 * (the old retry path) or for minutes (the old fresh-start path), and it never gives up.
 */
export function buildHub(session: Session): HubConnection {
  return new HubConnectionBuilder()
    .withUrl('/hubs/game', { accessTokenFactory: () => session.token })
    .configureLogging(LogLevel.Warning)
    .build();
}

/** Starts the hub, restarts it whenever it closes, and calls <c>onBack</c> after every restart (not the first start). */
export async function keepConnected(hub: HubConnection, onBack: () => Promise<void>): Promise<void> {
  let started = false;
  let running = false;
  const run = async (): Promise<void> => {
    if (running) return;
    running = true;
    try {
      for (let attempt = 0; hub.state === HubConnectionState.Disconnected; attempt++) {
        try {
          await hub.start();
        } catch {
          await new Promise(resolve => setTimeout(resolve, delays[Math.min(attempt + 1, delays.length - 1)]));
          continue;
        }
        setLive(true);
        if (started) await onBack().catch(() => undefined);
        started = true;
      }
    } finally {
      running = false;
    }
  };
  hub.onclose(() => {
    setLive(false);
    void run();
  });
  await run();
}

export function setLive(on: boolean): void {
  const live = $('live');
  live.textContent = on ? 'live' : 'offline';
  live.classList.toggle('on', on);
}
