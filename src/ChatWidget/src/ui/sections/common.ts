import { type Child, h } from '../dom';

/** A titled block of the panel; the heading names the region for screen-reader navigation. */
export function section(key: string, title: string | null, ...children: Child[]): HTMLElement {
  const headingId = `hg-h-${key}`;
  return h(
    'section',
    { class: 'hg-section', 'data-hg': key, 'aria-labelledby': title ? headingId : null },
    title ? h('h3', { class: 'hg-h', id: headingId }, title) : null,
    ...children,
  );
}

export function progressBar(percent: number, label: string, valueText: string, now: number, max: number, key?: string): HTMLElement {
  const fill = h('span');
  // Set through CSSOM, not a style attribute: hosts with a strict CSP block inline style attributes.
  fill.style.width = `${Math.max(0, Math.min(100, percent))}%`;
  return h(
    'div',
    {
      class: 'hg-bar',
      role: 'progressbar',
      'aria-label': label,
      'aria-valuemin': 0,
      'aria-valuemax': max,
      'aria-valuenow': now,
      'aria-valuetext': valueText,
      'data-hg': key,
    },
    fill,
  );
}
