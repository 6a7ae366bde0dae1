import { levelProgress } from '../../format';
import type { View } from '../context';
import { h } from '../dom';
import { progressBar, section } from './common';

export function summarySection({ state, t }: View): HTMLElement {
  const s = state.summary;
  if (!s) return section('summary', null, h('p', { class: 'hg-muted' }, t('loading')));
  const level = s.level;
  const p = levelProgress(level);
  const progressText = p.atTop ? t('topTier') : t('toNext', { count: p.remaining, name: level.nextName ?? '' });
  return section(
    'summary',
    t('yourPoints'),
    h(
      'div',
      { class: 'hg-points' },
      h('span', { class: 'hg-big', 'data-hg': 'points', 'data-value': s.points }, t('points', { count: s.points })),
      s.pendingPoints > 0 &&
        h('span', { class: 'hg-pending', 'data-hg': 'pending', 'data-value': s.pendingPoints }, t('pending', { count: s.pendingPoints })),
    ),
    s.pendingPoints > 0 && h('p', { class: 'hg-muted' }, t('pendingHint')),
    h('p', { class: 'hg-tier', 'data-hg': 'tier', 'data-value': level.name }, t('tier', { name: level.name })),
    progressBar(
      p.percent,
      t('tier', { name: level.name }),
      p.atTop ? t('topTier') : t('progressText', { value: p.value, max: p.max }),
      p.value,
      p.atTop ? p.value : p.max,
      'progress',
    ),
    h('p', { class: 'hg-muted', 'data-hg': 'progress-text' }, progressText),
  );
}
