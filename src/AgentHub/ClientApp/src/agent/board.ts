import type { Api, LeaderboardPage } from '../api';
import type { Avatars } from '../ui/avatar';
import { $, el } from '../ui/dom';

export type Scope = 'everyone' | 'team' | 'around';

/** The live leaderboard: everyone, my team or around me, for a period. */
export class Board {
  scope: Scope = 'everyone';
  period = 'week';
  private previousRanks = new Map<string, number>();

  constructor(private readonly api: Api, private readonly me: string, private readonly avatars: Avatars) {}

  async refresh(): Promise<void> {
    try {
      this.render(await this.load());
    } catch {
      this.render({ board: 'agents', period: this.period, entries: [], me: null }, this.scope === 'team' ? 'Your team is not known yet.' : 'The board is not available right now.');
    }
  }

  /** Shows a page the hub sent on catch-up (only for the default scope, which it describes). */
  show(page: LeaderboardPage): void {
    if (this.scope === 'everyone' && page.period === this.period) this.render(page);
  }

  private load(): Promise<LeaderboardPage> {
    switch (this.scope) {
      case 'team': return this.api.get(`/leaderboards/agents/my-team?period=${this.period}`);
      case 'around': return this.api.get(`/leaderboards/agents/around-me?period=${this.period}&radius=3`);
      default: return this.api.leaderboard('agents', this.period);
    }
  }

  private render(page: LeaderboardPage, emptyText = 'No points yet in this period.'): void {
    const list = $('board');
    list.replaceChildren(...page.entries.map(entry => {
      const item = el('li', { 'data-participant': entry.participantId },
        el('span', { class: 'rank', text: `#${entry.rank}` }), this.avatars.of(entry.participantId, entry.displayName),
        el('span', { class: 'name', text: entry.displayName }), el('span', { class: 'points', text: String(entry.points) }));
      if (entry.participantId === this.me) item.classList.add('me');
      const before = this.previousRanks.get(entry.participantId);
      if (before !== undefined && before !== entry.rank) item.classList.add('moved');
      return item;
    }));
    this.previousRanks = new Map(page.entries.map(e => [e.participantId, e.rank]));
    const mine = page.me && !page.entries.some(e => e.participantId === page.me!.participantId) ? page.me : null;
    if (mine) list.append(el('li', { class: 'me gap', 'data-participant': mine.participantId }, el('span', { class: 'rank', text: `#${mine.rank}` }),
      this.avatars.of(mine.participantId, mine.displayName), el('span', { class: 'name', text: mine.displayName }), el('span', { class: 'points', text: String(mine.points) })));
    if (page.entries.length === 0) list.append(el('li', { class: 'muted', text: emptyText }));
    $('board-caption').textContent = `${this.scope === 'team' ? 'My team' : this.scope === 'around' ? 'Around me' : 'Everyone'} · ${this.period}`;
  }
}
