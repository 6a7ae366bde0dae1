import { HubConnectionBuilder, HubConnectionState, LogLevel } from '@microsoft/signalr';
import { Api, type LeaderboardPage, type LedgerEntry, type Summary } from './api';
import { takeSession } from './session';

interface PointsAwarded { participantId: string; points: number; category: string; reason: string; ticketId: string | null; total: number; }

const session = takeSession();
const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

if (!session) {
  $('signin').hidden = false;
} else {
  void start();
}

async function start(): Promise<void> {
  const api = new Api(session!);
  let period = 'week';
  $('app').hidden = false;
  $('who').textContent = session!.name ?? `Agent ${session!.subject}`;

  const refreshBoard = debounce(async () => renderBoard(await api.leaderboard('agents', period)), 150);
  const refreshMe = debounce(async () => {
    try {
      renderMe(await api.me());
      renderLedger((await api.ledger()).entries);
    } catch {
      // No activity yet: the first award will fill this in.
    }
  }, 150);

  document.querySelectorAll<HTMLButtonElement>('.tabs button').forEach(button => {
    button.addEventListener('click', () => {
      period = button.dataset.period!;
      document.querySelectorAll('.tabs button').forEach(b => b.setAttribute('aria-selected', String(b === button)));
      refreshBoard();
    });
  });

  const hub = new HubConnectionBuilder()
    .withUrl('/hubs/game', { accessTokenFactory: () => session!.token })
    .withAutomaticReconnect([0, 1000, 2000, 5000, 10000, 30000])
    .configureLogging(LogLevel.Warning)
    .build();
  hub.on('pointsAwarded', (award: PointsAwarded) => {
    toast(`${award.points > 0 ? '+' : ''}${award.points} points — ${award.reason}`);
    refreshMe();
  });
  hub.on('leaderboardChanged', (change: { board: string }) => {
    if (change.board === 'agents') refreshBoard();
  });
  hub.onreconnecting(() => setLive(false));
  // Whatever happened while we were away is caught up by reading the current state again.
  hub.onreconnected(() => { setLive(true); refreshBoard(); refreshMe(); });
  hub.onclose(() => setLive(false));

  refreshBoard();
  refreshMe();
  await connect(hub);

  async function connect(connection: typeof hub): Promise<void> {
    for (let delay = 1000; connection.state === HubConnectionState.Disconnected; delay = Math.min(delay * 2, 30000)) {
      try {
        await connection.start();
        setLive(true);
      } catch {
        await new Promise(resolve => setTimeout(resolve, delay));
      }
    }
  }
}

let previousRanks = new Map<string, number>();

function renderBoard(page: LeaderboardPage): void {
  const list = $('board');
  list.replaceChildren(...page.entries.map(entry => {
    const item = document.createElement('li');
    item.dataset.participant = entry.participantId;
    if (entry.participantId === session!.subject) item.classList.add('me');
    const before = previousRanks.get(entry.participantId);
    if (before !== undefined && before !== entry.rank) item.classList.add('moved');
    item.append(span('rank', `#${entry.rank}`), span('name', entry.displayName), span('points', String(entry.points)));
    return item;
  }));
  previousRanks = new Map(page.entries.map(e => [e.participantId, e.rank]));
  if (page.entries.length === 0) {
    const empty = document.createElement('li');
    empty.textContent = 'No points yet in this period.';
    list.append(empty);
  }
}

function renderMe(me: Summary): void {
  $('my-points').textContent = String(me.points);
  $('my-rank').textContent = me.rank ? `#${me.rank}` : '–';
  $('categories').replaceChildren(...Object.entries(me.byCategory).map(([category, points]) => {
    const item = document.createElement('li');
    item.append(span('', category), span('', String(points)));
    return item;
  }));
}

function renderLedger(entries: LedgerEntry[]): void {
  $('ledger').replaceChildren(...entries.map(entry => {
    const item = document.createElement('li');
    const pts = span(entry.points < 0 ? 'pts neg' : 'pts', `${entry.points > 0 ? '+' : ''}${entry.points}`);
    item.append(span('', entry.reason), pts);
    return item;
  }));
}

function toast(text: string): void {
  const note = document.createElement('div');
  note.className = 'toast';
  note.dataset.hg = 'toast';
  note.textContent = text;
  $('toasts').append(note);
  setTimeout(() => note.remove(), 6000);
}

function setLive(on: boolean): void {
  const live = $('live');
  live.textContent = on ? 'live' : 'offline';
  live.classList.toggle('on', on);
}

function span(className: string, text: string): HTMLSpanElement {
  const s = document.createElement('span');
  if (className) s.className = className;
  s.textContent = text;
  return s;
}

function debounce(fn: () => Promise<void>, ms: number): () => void {
  let timer: number | undefined;
  return () => {
    clearTimeout(timer);
    timer = window.setTimeout(() => { fn().catch(() => undefined); }, ms);
  };
}
