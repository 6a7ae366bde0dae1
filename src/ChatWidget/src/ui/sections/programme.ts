import type { View } from '../context';
import { h } from '../dom';
import { section } from './common';

export function introSection({ state, t }: View): HTMLElement | null {
  if (state.auth === 'identified') return null;
  return section('intro', null, h('p', { class: 'hg-p' }, t('anonIntro')), h('p', { class: 'hg-muted hg-p' }, t('anonSignIn')));
}

export function earnSection({ state, t }: View): HTMLElement | null {
  const earn = state.programme?.earn;
  if (!earn || earn.length === 0) return null;
  return section(
    'earn',
    t('earn'),
    h(
      'ul',
      { class: 'hg-list' },
      earn.map((e) =>
        h('li', { class: 'hg-row' }, h('span', {}, e.description), h('span', { class: 'hg-cost' }, t('earnPoints', { count: e.points }))),
      ),
    ),
  );
}

export function tiersSection({ state, t }: View): HTMLElement | null {
  const tiers = state.programme?.tiers;
  if (state.auth === 'identified' || !tiers || tiers.length === 0) return null;
  return section(
    'tiers',
    t('tiers'),
    h(
      'ul',
      { class: 'hg-list' },
      tiers.map((tier) =>
        h(
          'li',
          {},
          h(
            'div',
            { class: 'hg-row' },
            h('span', { class: 'hg-name' }, tier.name),
            h('span', { class: 'hg-muted' }, t('tierFrom', { count: tier.threshold })),
          ),
          tier.perks.length > 0 && h('ul', { class: 'hg-muted' }, tier.perks.map((p) => h('li', {}, p))),
        ),
      ),
    ),
  );
}
