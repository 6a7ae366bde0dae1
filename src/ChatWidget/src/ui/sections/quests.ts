import { formatEnds, questPercent } from '../../format';
import type { View } from '../context';
import { h, ICON_CHECK, icon } from '../dom';
import { progressBar, section } from './common';

export function questsSection({ state, t, now }: View): HTMLElement | null {
  const quests = state.summary?.quests;
  if (!quests) return null;
  return section(
    'quests',
    t('quests'),
    quests.length === 0
      ? h('p', { class: 'hg-muted' }, t('questsEmpty'))
      : h(
          'ul',
          { class: 'hg-list' },
          quests.map((q) => {
            const ends = q.completed ? null : formatEnds(state.lang, q.endsAt, now);
            const status = t('questProgress', { value: Math.min(q.progress, q.target), max: q.target });
            return h(
              'li',
              { 'data-hg': `quest-${q.id}`, 'data-completed': q.completed ? 'true' : 'false' },
              h(
                'div',
                { class: 'hg-row' },
                h('span', { class: 'hg-name' }, q.name),
                q.rewardPoints > 0 && h('span', { class: 'hg-cost' }, t('questReward', { count: q.rewardPoints })),
              ),
              q.description && h('p', { class: 'hg-muted hg-p' }, q.description),
              q.completed
                ? h('p', { class: 'hg-done hg-p' }, icon(ICON_CHECK, 16), ' ', t('questDone'))
                : [
                    progressBar(questPercent(q), q.name, status, Math.min(q.progress, q.target), q.target),
                    h('p', { class: 'hg-muted hg-p' }, status, ends ? ` · ${t('questEnds', { when: ends })}` : ''),
                  ],
            );
          }),
        ),
  );
}
