import { HubConnectionBuilder, HubConnectionState, LogLevel, type HubConnection } from '@microsoft/signalr';
import { $ } from './dom';
import type { Session } from '../session';

/** The game hub with automatic reconnect; the caller decides what a reconnect catches up. */
export function buildHub(session: Session): HubConnection {
  const hub = new HubConnectionBuilder()
    .withUrl('/hubs/game', { accessTokenFactory: () => session.token })
    .withAutomaticReconnect([0, 1000, 2000, 5000, 10000, 30000])
    .configureLogging(LogLevel.Warning)
    .build();
  hub.onreconnecting(() => setLive(false));
  hub.onclose(() => setLive(false));
  return hub;
}

export async function connect(hub: HubConnection): Promise<void> {
  for (let delay = 1000; hub.state === HubConnectionState.Disconnected; delay = Math.min(delay * 2, 30000)) {
    try {
      await hub.start();
      setLive(true);
    } catch {
      await new Promise(resolve => setTimeout(resolve, delay));
    }
  }
}

export function setLive(on: boolean): void {
  const live = $('live');
  live.textContent = on ? 'live' : 'offline';
  live.classList.toggle('on', on);
}
