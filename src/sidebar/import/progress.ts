/**
 * The progress region: a bar with room reserved for it (no layout jump when it appears) and a
 * status line announced to screen readers through `aria-live`.
 */
import { h } from '../dom';

export interface ProgressView {
  element: HTMLElement;
  /** Determinate progress: `done` of `total`, with a status line. */
  show(done: number, total: number, status: string): void;
  /** Work with no measurable progress yet (e.g. parsing a file). */
  busy(status: string): void;
  /** Hides the bar but keeps its space; the status line stays readable. */
  idle(status?: string): void;
}

export function createProgress(label: string): ProgressView {
  const fill = h('div', { className: 'progress-fill' });
  const bar = h(
    'div',
    {
      className: 'progress-bar',
      role: 'progressbar',
      'aria-label': label,
      'aria-valuemin': 0,
      'aria-valuemax': 100,
      'aria-valuenow': 0,
    },
    fill,
  );
  const status = h('div', { className: 'progress-status', 'aria-live': 'polite', role: 'status' });
  const element = h('div', { className: 'progress is-idle' }, bar, status);

  return {
    element,
    show(done, total, text) {
      const pct = total > 0 ? Math.min(100, Math.round((done / total) * 100)) : 0;
      element.className = 'progress';
      fill.style.width = `${pct}%`;
      bar.setAttribute('aria-valuenow', String(pct));
      bar.setAttribute('aria-valuetext', text);
      status.textContent = text;
    },
    busy(text) {
      element.className = 'progress is-busy';
      bar.removeAttribute('aria-valuenow');
      bar.setAttribute('aria-valuetext', text);
      status.textContent = text;
    },
    idle(text) {
      element.className = 'progress is-idle';
      fill.style.width = '0%';
      bar.setAttribute('aria-valuenow', '0');
      if (text !== undefined) status.textContent = text;
    },
  };
}
