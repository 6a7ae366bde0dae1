import type { BoardEntry } from '../../types';
import type { View } from '../context';
import { h } from '../dom';
import { section } from './common';

export function boardSection({ state, t }: View): HTMLElement | null {
  const board = state.board;
  if (!board) return null;
  const mine = (e: BoardEntry) => e.participantId === board.me?.participantId || e.participantId === state.customer?.id;
  const row = (e: BoardEntry, key: string) =>
    h(
      'li',
      { class: mine(e) ? 'hg-me' : null, 'data-hg': key, 'aria-current': mine(e) ? 'true' : null },
      h('span', { class: 'hg-rank' }, `#${e.rank}`),
      h('span', { class: 'hg-name' }, e.displayName, mine(e) ? ` (${t('boardYou')})` : ''),
      h('span', { class: 'hg-cost' }, t('cost', { count: e.points })),
    );
  const meListed = board.entries.some(mine);
  return section(
    'board',
    t('board'),
    board.entries.length === 0
      ? h('p', { class: 'hg-muted' }, t('boardEmpty'))
      : h('ol', { class: 'hg-list hg-board', 'data-hg': 'board-entries' }, board.entries.map((e) => row(e, 'board-entry'))),
    // Outside the top five, the visitor still sees where they stand.
    !meListed &&
      board.me &&
      h('ol', { class: 'hg-list hg-board', 'aria-label': t('boardMe', { rank: board.me.rank }) }, row(board.me, 'board-me')),
  );
}
