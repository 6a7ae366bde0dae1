import { Api, ApiError, type LeaderboardPage } from './api';
import { Board, type Scope } from './agent/board';
import { renderHistory } from './agent/history';
import { wireSocial } from './agent/social';
import { renderSummary } from './agent/summary';
import { takeSession } from './session';
import { Avatars } from './ui/avatar';
import { $, debounce, el, signed } from './ui/dom';
import { buildHub, keepConnected } from './ui/live';
import { toast } from './ui/toasts';

interface PointsAwarded { participantId: string; ledgerId: number; points: number; category: string; reason: string; ticketId: string | null; total: number; pendingPoints?: number; }
interface MissedAward { ledgerId: number; points: number; pendingPoints?: number; reason: string; }
interface CatchUp { awards: MissedAward[]; board: LeaderboardPage; truncated: boolean; }

const session = takeSession();
if (!session) {
  $('signin').hidden = false;
} else {
  void start();
}

async function start(): Promise<void> {
  const s = session!;
  const api = new Api(s);
  const avatars = new Avatars(api);
  const board = new Board(api, s.subject, avatars);
  const social = wireSocial(api, s.subject);
  let lastLedgerId = 0;
  let historyLoaded = false;
  let ticketUrl: string | null = null;
  $('app').hidden = false;
  $('who').textContent = s.name ?? `Agent ${s.subject}`;

  const refreshBoard = debounce(() => board.refresh(), 150);
  const refreshMe = debounce(async () => {
    try {
      renderSummary(await api.me());
    } catch { /* nothing scored yet: the summary keeps its zeros */ }
    try {
      const { entries } = await api.ledger();
      // The first history sets where catch-ups start; later refreshes do not move it (only pushes and catch-ups
      // do), so an award written while the page was away is still reported after a refresh listed it.
      if (!historyLoaded) lastLedgerId = Math.max(lastLedgerId, ...entries.map(e => e.id));
      historyLoaded = true;
      renderHistory(entries, ticketUrl);
    } catch (e) {
      // An agent with nothing scored yet has no ledger: everything after entry 0 is then what a catch-up reports.
      if (e instanceof ApiError && e.status === 404) historyLoaded = true;
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
  // A page that was away asks what it missed since the last ledger entry it saw. Every way back (a blip or
  // a server restart) comes through here, and what was missed stays listed until the next time, so it is
  // not only a toast that may have faded.
  const catchUp = async (): Promise<void> => {
    try {
      const missed = await hub.invoke<CatchUp>('CatchUp', lastLedgerId, board.period);
      // Before the history first loaded, "after 0" is everything: the history below shows it instead.
      if (historyLoaded && missed.awards.length) {
        showMissed(missed);
        lastLedgerId = Math.max(lastLedgerId, ...missed.awards.map(a => a.ledgerId));
      }
      board.show(missed.board);
    } catch (e) {
      // The refreshes below still bring the page up to date; say why the list of missed awards is not there.
      console.warn('catch-up failed', e);
    }
    await avatars.load();
    refreshBoard();
    refreshMe();
  };

  try {
    ticketUrl = (await api.get<{ ticketUrl: string | null }>('/links')).ticketUrl;
  } catch { /* history then shows ticket numbers without links */ }
  await avatars.load();
  refreshBoard();
  refreshMe();
  void social.loadTeammates();
  await keepConnected(hub, catchUp);
}

function describe(a: MissedAward): string {
  const pendingOnly = a.points === 0 && (a.pendingPoints ?? 0) !== 0;
  return pendingOnly ? `${signed(a.pendingPoints!)} pending points — ${a.reason}` : `${signed(a.points)} points — ${a.reason}`;
}

function showMissed(missed: CatchUp): void {
  const total = missed.awards.reduce((sum, a) => sum + a.points, 0);
  toast(missed.awards.length === 1 ? describe(missed.awards[0])
    : `While you were away: ${signed(total)} points from ${missed.awards.length}${missed.truncated ? '+' : ''} awards`);
  const lines = missed.awards.map(a => el('li', { 'data-ledger': String(a.ledgerId), text: describe(a) }));
  if (missed.truncated) lines.push(el('li', { class: 'muted', text: 'And more: see the history below.' }));
  $('caught-up').replaceChildren(...lines);
  $('caught-up-card').hidden = false;
}

function wireTabs(selector: string, onSelect: (button: HTMLButtonElement) => void): void {
  const buttons = document.querySelectorAll<HTMLButtonElement>(selector);
  buttons.forEach(button => button.addEventListener('click', () => {
    buttons.forEach(b => b.setAttribute('aria-selected', String(b === button)));
    onSelect(button);
  }));
}
