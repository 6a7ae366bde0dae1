import { failureText, perkText } from '../../redeemText';
import type { RedeemStep } from '../../state/state';
import type { Redemption, Reward } from '../../types';
import type { View } from '../context';
import { h } from '../dom';
import { section } from './common';

export function rewardsSection(view: View): HTMLElement | null {
  const { state, t } = view;
  const identified = state.auth === 'identified';
  // Anonymous visitors see the catalogue as a preview of what they could earn, without actions.
  const rewards = identified ? state.rewards : (state.programme?.rewards ?? null);
  if (!rewards) return identified ? section('rewards', t('rewards'), h('p', { class: 'hg-muted' }, t('loading'))) : null;
  return section(
    'rewards',
    t('rewards'),
    rewards.length === 0
      ? h('p', { class: 'hg-muted' }, t('rewardsEmpty'))
      : h('ul', { class: 'hg-list' }, rewards.map((r) => rewardItem(r, view, identified))),
  );
}

function rewardItem(r: Reward, view: View, canRedeem: boolean): HTMLElement {
  const { t } = view;
  const meta: string[] = [];
  if (r.stock !== null && r.stock !== undefined) meta.push(r.stock > 0 ? t('stockLeft', { count: r.stock }) : t('outOfStock'));
  if (r.perCustomerLimit) meta.push(t('limitPer', { count: r.perCustomerLimit }));
  return h(
    'li',
    { 'data-hg': `reward-${r.id}`, 'data-kind': r.kind, tabindex: -1 },
    h('div', { class: 'hg-row' }, h('span', { class: 'hg-name' }, r.name), h('span', { class: 'hg-cost' }, t('cost', { count: r.cost }))),
    r.description && h('p', { class: 'hg-muted hg-p' }, r.description),
    meta.length > 0 && h('p', { class: 'hg-muted hg-p' }, meta.join(' · ')),
    canRedeem && controls(r, view, view.state.redeem[r.id]),
  );
}

function controls(r: Reward, view: View, step: RedeemStep | undefined) {
  const { t, actions } = view;
  if (step?.phase === 'confirm') {
    const questionId = `hg-q-${r.id}`;
    return h(
      'div',
      { class: 'hg-confirm', role: 'group', 'aria-labelledby': questionId },
      h('p', { class: 'hg-p', id: questionId }, t('confirmQuestion', { count: r.cost, name: r.name })),
      h('button', { type: 'button', class: 'hg-btn', 'data-hg': `confirm-${r.id}`, onclick: () => actions.confirm(r.id) }, t('confirm')),
      h(
        'button',
        { type: 'button', class: 'hg-btn hg-secondary', 'data-hg': `cancel-${r.id}`, onclick: () => actions.cancel(r.id) },
        t('cancel'),
      ),
    );
  }
  if (step?.phase === 'pending') {
    const busy = { type: 'button', class: 'hg-btn', 'data-hg': `redeem-${r.id}`, disabled: true, 'aria-busy': 'true' };
    return h('button', busy, t('redeeming'));
  }
  const soldOut = r.stock !== null && r.stock !== undefined && r.stock <= 0;
  return [
    h(
      'button',
      {
        type: 'button',
        class: 'hg-btn',
        'data-hg': `redeem-${r.id}`,
        'aria-label': t('redeemLabel', { name: r.name }),
        // Kept focusable when unavailable so keyboard users can still reach it and hear why.
        'aria-disabled': soldOut ? 'true' : null,
        onclick: () => actions.redeem(r),
      },
      soldOut ? t('outOfStock') : t('redeem'),
    ),
    step?.phase === 'done' && result(r, step.redemption, view),
    step?.phase === 'error' &&
      h(
        'p',
        { class: 'hg-error', 'data-hg': `redeem-error-${r.id}`, 'data-reason': step.reason, tabindex: -1 },
        failureText(step.reason, step.need, view),
      ),
  ];
}

function result(r: Reward, redemption: Redemption, view: View): HTMLElement {
  const { t, actions } = view;
  const box = h('div', { class: 'hg-result', 'data-hg': `redeem-result-${r.id}`, tabindex: -1 });
  if (redemption.code) {
    const copy = h('button', { type: 'button', class: 'hg-btn hg-secondary', 'data-hg': `copy-${r.id}` }, t('copy'));
    copy.addEventListener('click', () => {
      void actions.copy(redemption.code ?? '').then((ok) => {
        if (ok) copy.textContent = t('copied');
      });
    });
    box.append(h('div', {}, t('yourCode')), h('code', { class: 'hg-code', 'data-hg': 'code' }, redemption.code), copy);
  } else {
    box.append(perkText(r, view));
  }
  return box;
}
