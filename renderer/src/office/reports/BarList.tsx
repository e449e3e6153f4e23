import type { CSSProperties } from 'react';

/** One bar: what it is, its value as a decimal string, and that value as the page writes it. */
export interface Bar {
  key: string;
  label: string;
  value: string;
  shown: string;
}

/**
 * Horizontal bars for a ranking (the top sellers, the best customers): each name whole on the left,
 * its bar, and its figure, so long product names need neither slanting nor cutting. One image with a
 * summary for a screen reader; the table beside it holds every figure. A value below nothing gets no
 * bar, its figure marked.
 */
export function BarList(props: { bars: readonly Bar[]; summary: string; color: string; testId?: string }) {
  // The bars' lengths only: amounts are drawn, never added, so a number is exact enough.
  const highest = Math.max(0, ...props.bars.map((bar) => Number(bar.value)));
  return (
    <div className="bar-list" role="img" aria-label={props.summary} data-testid={props.testId}>
      {props.bars.map((bar) => {
        const share = highest > 0 ? Math.max(0, Number(bar.value)) / highest : 0;
        const style: CSSProperties = { width: `${(share * 100).toFixed(1)}%`, background: props.color };
        return (
          <div key={bar.key} className="bar-list-row">
            <span className="bar-list-label">{bar.label}</span>
            <span className="bar-list-track">
              <span className="bar-list-bar" style={style} />
            </span>
            <span className={`bar-list-value${Number(bar.value) < 0 ? ' negative' : ''}`}>{bar.shown}</span>
          </div>
        );
      })}
    </div>
  );
}
