import type { Badge, Quest, Summary } from '../api';
import { $, el, progress } from '../ui/dom';

// Renders what the summary has; level, badges, quests and pending points appear only when the
// engine sends them, so the page works against older servers too.
export function renderSummary(me: Summary): void {
  $('my-points').textContent = String(me.points);
  const pending = me.pendingPoints ?? 0;
  $('my-pending').hidden = pending === 0;
  $('my-pending-points').textContent = String(pending);
  $('my-rank').textContent = me.rank ? `#${me.rank}` : '–';
  const max = Math.max(1, ...Object.values(me.byCategory).map(Math.abs));
  $('categories').replaceChildren(...Object.entries(me.byCategory).map(([category, points]) =>
    el('li', {}, el('span', { text: category }), progress(`${category} points`, Math.max(points, 0), max), el('span', { class: 'num', text: String(points) }))));
  renderLevel(me);
  renderBadges(me.badges);
  renderQuests(me.quests);
  const optOut = document.getElementById('opt-out') as HTMLInputElement | null;
  if (optOut && typeof me.optedOut === 'boolean') optOut.checked = me.optedOut;
}

function renderLevel(me: Summary): void {
  const box = $('level');
  box.hidden = !me.level;
  if (!me.level) return;
  const { name, points, threshold, nextName, nextThreshold } = me.level;
  $('level-name').textContent = name;
  const children: Node[] = [];
  if (nextThreshold && nextThreshold > threshold) {
    children.push(progress(`Progress to ${nextName ?? 'the next level'}`, points - threshold, nextThreshold - threshold),
      el('p', { class: 'muted', text: `${Math.max(nextThreshold - points, 0)} points to ${nextName ?? 'the next level'}` }));
  } else {
    children.push(el('p', { class: 'muted', text: 'Top level reached' }));
  }
  $('level-progress').replaceChildren(...children);
}

function renderBadges(badges: Badge[] | null | undefined): void {
  $('badges-card').hidden = !badges;
  if (!badges) return;
  const earned = badges.filter(b => b.earned !== false);
  const next = badges.filter(b => b.earned === false);
  $('badges').replaceChildren(
    ...earned.map(b => el('li', { class: 'badge earned', title: b.description ?? '', text: `🏅 ${b.name}` })),
    ...next.map(b => el('li', { class: 'badge next' }, el('span', { text: b.name }),
      progress(`${b.name} progress`, b.progress ?? 0, b.target ?? 1))));
  if (badges.length === 0) $('badges').append(el('li', { class: 'muted', text: 'No badges yet — your first is close.' }));
}

function renderQuests(quests: Quest[] | null | undefined): void {
  $('quests-card').hidden = !quests;
  if (!quests) return;
  $('quests').replaceChildren(...quests.map(q => el('li', { class: q.completed ? 'quest done' : 'quest' },
    el('span', { text: `${q.kind === 'personal-best' ? '⭐ ' : ''}${q.name}` }),
    progress(q.name, q.progress, q.target),
    el('span', { class: 'num', text: `${Math.min(q.progress, q.target)}/${q.target}` }))));
  if (quests.length === 0) $('quests').append(el('li', { class: 'muted', text: 'No quests running.' }));
}
