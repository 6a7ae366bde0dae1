import type { Translate } from '../i18n';
import type { State } from '../state/state';
import { h, ICON_STAR, icon } from './dom';

export function createLauncher(onClick: () => void) {
  const label = h('span', { 'data-hg': 'launcher-label' });
  const el = h(
    'button',
    { type: 'button', class: 'hg-launcher', 'data-hg': 'launcher', 'aria-controls': 'hg-panel', 'aria-expanded': 'false' },
    icon(ICON_STAR, 20),
    label,
  );
  el.addEventListener('click', onClick);
  return {
    el,
    update(state: State, t: Translate) {
      el.setAttribute('aria-expanded', String(state.open));
      el.setAttribute('aria-haspopup', 'dialog');
      const points = state.summary?.points;
      label.textContent = points === undefined ? t('launcher') : t('launcherPoints', { count: points });
      // The visible text names the button; the points variant needs the purpose spelled out too.
      el.setAttribute('aria-label', points === undefined ? t('launcherLabel') : `${t('launcherLabel')}: ${label.textContent}`);
    },
  };
}
