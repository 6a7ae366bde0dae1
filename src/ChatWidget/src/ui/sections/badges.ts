import type { View } from '../context';
import { h, ICON_STAR, icon, slug } from '../dom';
import { section } from './common';

export function badgesSection({ state, t }: View): HTMLElement | null {
  const badges = state.summary?.badges;
  if (!badges) return null;
  return section(
    'badges',
    t('badges'),
    badges.length === 0
      ? h('p', { class: 'hg-muted' }, t('badgesEmpty'))
      : h(
          'ul',
          { class: 'hg-badges' },
          badges.map((b) =>
            h(
              'li',
              { class: 'hg-badge', 'data-hg': `badge-${b.id}` },
              h('span', { class: `hg-medal hg-tier-${slug(b.tier ?? '')}` }, icon(ICON_STAR, 20)),
              h('div', { class: 'hg-name' }, b.name),
              b.description && h('div', { class: 'hg-muted' }, b.description),
            ),
          ),
        ),
  );
}
