import { Api, type LeaderboardPage } from './api';
import { Board, type Scope } from './agent/board';
import { renderHistory } from './agent/history';
import { wireSocial } from './agent/social';
import { renderSummary } from './agent/summary';
import { takeSession } from './session';
import { $, debounce, signed } from './ui/dom';
import { buildHub, connect, setLive } from './ui/live';
import { toast } from './ui/toasts';

interface PointsAwarded { participantId: string; ledgerId: number; points: number; category: string; reason: string; ticketId: string | null; total: number; pendingPoints?: number; }
interface CatchUp { awards: { ledgerId: number; points: number; reason: string }[]; board: LeaderboardPage; truncated: boolean; }

const session = takeSession();
if (!session) {
  $('signin').hidden = false;
} else {
  void start();
}

async function start(): Promise<void> {
  const s = session!;
  const api = new Api(s);
  const board = new Board(api, s.subject);
  const social = wireSocial(api, s.subject);
  let lastLedgerId = 0;
  let ticketUrl: string | null = null;
  $('app').hidden = false;
  $('who').textContent = s.name ?? `Agent ${s.subject}`;

  const refreshBoard = debounce(() => board.refresh(), 150);
  const refreshMe = debounce(async () => {
    try {
      renderSummary(await api.me());
      const { entries } = await api.ledger();
      lastLedgerId = Math.max(lastLedgerId, ...entries.map(e => e.id));
      renderHistory(entries, ticketUrl);
    } catch {
      renderHistory([], ticketUrl);
    }
  }, 150);

  wireTabs('.tabs[data-kind="period"] button', b => { board.period = b.dataset.period!; refreshBoard(); });
  wireTabs('.tabs[data-kind="scope"] button', b => { board.scope = b.dataset.scope as Scope; refreshBoard(); });

  const hub = buildHub(s);
  hub.on('pointsAwarded', (award: PointsAwarded) => {
    lastLedgerId = Math.max(lastLedgerId, award.ledgerId);
    // A solve waiting for its rating changes pending points, not the balance: say so.
    const pendingOnly = award.points === 0 && (award.pendingPoints ?? 0) !== 0;
    toast(pendingOnly ? `${signed(award.pendingPoints!)} pending points — ${award.reason}` : `${signed(award.points)} points — ${award.reason}`);
    refreshMe();
  });
  hub.on('leaderboardChanged', (change: { board: string }) => { if (change.board === 'agents') refreshBoard(); });
  for (const name of ['badgeEarned', 'levelChanged', 'questProgress']) {
    // badgeEarned carries {badge: {name, tier}}, levelChanged {level: {name}, direction}.
    hub.on(name, (m: { badge?: { name?: string; tier?: string }; level?: { name?: string }; direction?: string }) => {
      const what = name === 'badgeEarned'
        ? [m?.badge?.name, m?.badge?.tier].filter(Boolean).join(' — ')
        : m?.level?.name;
      if (name !== 'questProgress' && what) toast(name === 'badgeEarned' ? `New badge: ${what}` : `${m?.direction === 'down' ? 'Level down' : 'Level up'}: ${what}`);
      refreshMe();
    });
  }
  // A client that was away asks what it missed since the last ledger entry it saw.
  hub.onreconnected(async () => {
    setLive(true);
    try {
      const missed = await hub.invoke<CatchUp>('CatchUp', lastLedgerId, board.period);
      const total = missed.awards.reduce((sum, a) => sum + a.points, 0);
      if (missed.awards.length === 1) toast(`${signed(missed.awards[0].points)} points — ${missed.awards[0].reason}`);
      else if (missed.awards.length > 1) toast(`While you were away: ${signed(total)} points from ${missed.awards.length}${missed.truncated ? '+' : ''} awards`);
      if (missed.awards.length) lastLedgerId = Math.max(lastLedgerId, ...missed.awards.map(a => a.ledgerId));
      board.show(missed.board);
    } catch { /* the refreshes below still bring the page up to date */ }
    refreshBoard();
    refreshMe();
  });

  try {
    ticketUrl = (await api.get<{ ticketUrl: string | null }>('/links')).ticketUrl;
  } catch { /* history then shows ticket numbers without links */ }
  refreshBoard();
  refreshMe();
  void social.loadTeammates();
  await connect(hub);
}

function wireTabs(selector: string, onSelect: (button: HTMLButtonElement) => void): void {
  const buttons = document.querySelectorAll<HTMLButtonElement>(selector);
  buttons.forEach(button => button.addEventListener('click', () => {
    buttons.forEach(b => b.setAttribute('aria-selected', String(b === button)));
    onSelect(button);
  }));
}
