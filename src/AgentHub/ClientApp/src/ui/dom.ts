// Tiny DOM helpers: every text goes in through textContent, never innerHTML.
export const $ = <T extends HTMLElement = HTMLElement>(id: string): T => document.getElementById(id) as T;

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<Record<string, string>> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined) continue;
    if (key === 'class') node.className = value;
    else if (key === 'text') node.textContent = value;
    else node.setAttribute(key, value);
  }
  node.append(...children);
  return node;
}

/** A labelled progress bar (role=progressbar, so screen readers read value and maximum). */
export function progress(label: string, value: number, max: number): HTMLElement {
  const safeMax = Math.max(max, 1);
  const pct = Math.max(0, Math.min(100, Math.round((value / safeMax) * 100)));
  const bar = el('div', { class: 'progress', role: 'progressbar', 'aria-label': label, 'aria-valuemin': '0', 'aria-valuemax': String(safeMax), 'aria-valuenow': String(Math.min(value, safeMax)) });
  bar.append(el('span', { style: `width:${pct}%` }));
  return bar;
}

export function debounce(fn: () => Promise<void>, ms: number): () => void {
  let timer: number | undefined;
  return () => {
    clearTimeout(timer);
    timer = window.setTimeout(() => { fn().catch(() => undefined); }, ms);
  };
}

export function signed(points: number): string {
  return `${points > 0 ? '+' : ''}${points}`;
}
