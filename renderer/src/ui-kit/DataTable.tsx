import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef, type HTMLAttributes, type ReactNode } from 'react';

/** One column of a DataTable: its heading, what each row shows in it, and how it looks. */
export interface Column<Item> {
  id: string;
  header: ReactNode;
  cell(item: Item): ReactNode;
  /** Right-aligned, in figures of one width: amounts and quantities. */
  numeric?: boolean;
  /** On every cell of the column (tests and styles find a cell by it). */
  className?: string;
}

/** Rows a table draws, unless told otherwise, before it starts drawing only what is in view. */
const DRAW_ALL_UP_TO = 200;

/**
 * A table of records (money, stock, people) that stays quick at 100,000 rows: past a couple of
 * hundred rows only those in view are drawn, in a box of `height` that scrolls under a sticky head.
 * It stays a real <table>, so headers name every cell for a screen reader.
 */
export function DataTable<Item>(props: {
  /** Names the table for a screen reader. */
  label: string;
  columns: Column<Item>[];
  /** Undefined while they load. */
  rows: readonly Item[] | undefined;
  rowId(item: Item): string;
  /** Attributes of each row: data-* names for tests and styles, a class. */
  rowProps?(item: Item): HTMLAttributes<HTMLTableRowElement> & { [data: `data-${string}`]: string | undefined };
  /** How tall the scrolling box may be, in pixels, before it scrolls (long tables only). */
  height?: number;
  /** A row's height before it is measured. */
  rowHeight?: number;
  /** Shown instead of the table while it has no rows. */
  empty?: ReactNode;
  /**
   * Rows drawn all at once, without a scrolling box (200 unless told). A list filtered as one types
   * wants fewer: drawing 200 rows of a dozen columns costs several times a box of rows in view.
   */
  drawAllUpTo?: number;
}) {
  const { columns } = props;
  const rows = props.rows ?? [];
  const scroller = useRef<HTMLDivElement>(null);
  const virtual = rows.length > (props.drawAllUpTo ?? DRAW_ALL_UP_TO);
  const virtualizer = useVirtualizer({
    count: virtual ? rows.length : 0,
    getScrollElement: () => scroller.current,
    estimateSize: () => props.rowHeight ?? 33,
    overscan: 12,
  });
  if (!props.rows) return <p className="muted">Loading…</p>;
  // The box stays while the table is empty, so the rows found next are drawn into it rather than
  // into a new box the virtualiser has to find and measure again.
  const empty = rows.length === 0 && props.empty ? props.empty : null;

  const drawn = virtual ? virtualizer.getVirtualItems().map((item) => item.index) : rows.map((_row, index) => index);
  const items = virtualizer.getVirtualItems();
  const before = virtual && items.length > 0 ? items[0].start : 0;
  const after = virtual && items.length > 0 ? virtualizer.getTotalSize() - items[items.length - 1].end : 0;
  const cellClass = (column: Column<Item>) => [column.numeric ? 'num' : '', column.className ?? ''].filter(Boolean).join(' ') || undefined;
  return (
    <div
      className={`data-table${virtual ? ' scrolling' : ''}`}
      ref={scroller}
      style={virtual ? { maxHeight: props.height ?? 480 } : undefined}
      // A scrolling box is reached by keyboard to scroll it with the arrow keys.
      tabIndex={virtual ? 0 : undefined}
      role={virtual ? 'region' : undefined}
      aria-label={virtual ? props.label : undefined}
    >
      {empty ?? (
        <table aria-label={props.label} aria-rowcount={virtual ? rows.length + 1 : undefined}>
          <thead>
            <tr>
              {columns.map((column) => (
                <th key={column.id} scope="col" className={column.numeric ? 'num' : undefined}>
                  {column.header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {before > 0 ? (
              <tr aria-hidden="true" className="spacer">
                <td colSpan={columns.length} style={{ height: before }} />
              </tr>
            ) : null}
            {drawn.map((index) => {
              const item = rows[index];
              return (
                // A long table keys its rows by place, not by record: when a filter changes which records
                // are in view, the rows drawn stay and only their text changes, instead of every row in
                // view being removed, made again, styled and measured.
                <tr key={virtual ? index : props.rowId(item)} {...props.rowProps?.(item)} data-index={index} aria-rowindex={virtual ? index + 2 : undefined} ref={virtual ? virtualizer.measureElement : undefined}>
                  {columns.map((column) => (
                    <td key={column.id} className={cellClass(column)}>
                      {column.cell(item)}
                    </td>
                  ))}
                </tr>
              );
            })}
            {after > 0 ? (
              <tr aria-hidden="true" className="spacer">
                <td colSpan={columns.length} style={{ height: after }} />
              </tr>
            ) : null}
          </tbody>
        </table>
      )}
    </div>
  );
}
