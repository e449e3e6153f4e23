import { useEffect, useState, type ReactNode } from 'react';
import type { ReportCompleteness, Store, StoreFormatter } from '../../../../shared/src/index.js';
import { FormField } from '../../ui-kit/index.js';
import { columnGroups, shownValue, type ReportColumn } from './columns.js';
import { CompletenessBanner } from './Completeness.js';

/*
 * What the head-office reports share: the answer loading (or its problem) with its completeness, a
 * table made from the same columns as its CSV, the Download and Print buttons, and the tiles of counts.
 */

/** A report's answer: its problem, "Loading…", or what `children` makes of it beneath its completeness banner. */
export function ReportAnswer<Report extends { completeness: ReportCompleteness }>(props: { loaded: { value: Report | undefined; problem: string }; stores: readonly Store[]; children(report: Report): ReactNode }) {
  const { value, problem } = props.loaded;
  return (
    <>
      {problem ? (
        <p className="problem" role="alert">
          {problem}
        </p>
      ) : null}
      {!value ? (
        problem ? null : <p className="muted">Loading…</p>
      ) : (
        <>
          <CompletenessBanner completeness={value.completeness} stores={props.stores} />
          {props.children(value)}
        </>
      )}
    </>
  );
}

/** Download (of what is on screen, made here) and Print (the whole page, unless told not to), at the end of a report's filters. */
export function ReportActions(props: { csv: (() => { text: string; name: string }) | undefined; downloadLabel?: string; print?: boolean }) {
  const { csv } = props;
  return (
    <span className="report-actions">
      <button type="button" disabled={!csv} onClick={() => csv && downloadCsv(csv())}>
        {props.downloadLabel ?? 'Download CSV'}
      </button>
      {props.print === false ? null : (
        <button type="button" onClick={() => window.print()}>
          Print
        </button>
      )}
    </span>
  );
}

/** Saves a CSV made in the page as a file. */
export function downloadCsv(file: { text: string; name: string }) {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([file.text], { type: 'text/csv;charset=utf-8' }));
  link.download = file.name;
  link.click();
  // Long enough for the browser to have started saving it.
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}

/**
 * A report's rows under its columns (the same ones its CSV is made from), the totals beneath where
 * there are any. `cells` shows some columns otherwise than as text (a score with a label of its own).
 */
export function ReportTable<Row>(props: {
  label: string;
  columns: readonly ReportColumn<Row>[];
  rows: readonly Row[];
  rowKey(row: Row): string;
  format: StoreFormatter;
  totals?: Row;
  caption?: string;
  /** Attributes of each row: data-* names for tests and styles, a class. */
  rowProps?(row: Row): Record<`data-${string}`, string> & { className?: string };
  cells?: Partial<Record<string, (row: Row) => ReactNode>>;
  className?: string;
  testId?: string;
}) {
  const { columns, format, cells } = props;
  const grouped = columns.some((column) => column.group !== undefined);
  const cell = (column: ReportColumn<Row>, row: Row, isTotal: boolean) => {
    const content = !isTotal && cells?.[column.id] ? cells[column.id]!(row) : shownValue(column, row, format);
    const className = `${column.kind === 'text' ? '' : 'num '}${column.id}`;
    return column.rowHeader ? (
      <th key={column.id} scope="row" className={className}>
        {content}
      </th>
    ) : (
      <td key={column.id} className={className}>
        {content}
      </td>
    );
  };
  return (
    <div className={`data-table report-table${props.className ? ` ${props.className}` : ''}`} data-testid={props.testId}>
      <table aria-label={props.label}>
        {props.caption ? <caption>{props.caption}</caption> : null}
        <thead>
          {grouped ? (
            <tr className="column-groups">
              {columnGroups(columns).map((entry, index) =>
                entry.group ? (
                  <th key={index} scope="colgroup" colSpan={entry.span}>
                    {entry.group}
                  </th>
                ) : (
                  <td key={index} colSpan={entry.span} />
                ),
              )}
            </tr>
          ) : null}
          <tr>
            {columns.map((column) => (
              <th key={column.id} scope="col" className={column.kind === 'text' ? undefined : 'num'}>
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.rows.map((row) => (
            <tr key={props.rowKey(row)} {...props.rowProps?.(row)}>
              {columns.map((column) => cell(column, row, false))}
            </tr>
          ))}
        </tbody>
        {props.totals ? (
          <tfoot>
            <tr data-row="totals">{columns.map((column) => cell(column, props.totals!, true))}</tr>
          </tfoot>
        ) : null}
      </table>
    </div>
  );
}

/** A figure in a tile: its name, the figure, and a line saying what it counts. */
export function Tile(props: { label: string; testId: string; detail?: string; children: ReactNode }) {
  return (
    <div className="tile" data-testid={props.testId}>
      <dt>{props.label}</dt>
      <dd className="tile-figure">{props.children}</dd>
      {props.detail ? <dd className="tile-detail">{props.detail}</dd> : null}
    </div>
  );
}

/** An amount in the store's way, its currency smaller beside it. */
export function Amount(props: { value: string; currency: string; format: StoreFormatter }) {
  return (
    <>
      {props.format.amount(props.value, 2)} <span className="currency">{props.currency}</span>
    </>
  );
}

/** A choice among a few values kept in the address: a select with its label. */
export function Choice<Value extends string>(props: { label: string; value: Value; options: readonly Value[]; names?: Record<Value, string>; onChange(value: Value): void }) {
  return (
    <FormField label={props.label}>
      {(control) => (
        <select {...control} value={props.value} onChange={(event) => props.onChange(event.target.value as Value)}>
          {props.options.map((option) => (
            <option key={option} value={option}>
              {props.names?.[option] ?? option}
            </option>
          ))}
        </select>
      )}
    </FormField>
  );
}

/**
 * A whole number kept in the address (days, a percent): what is typed shows as typed, and goes into the
 * address (and so to the report) once it is a number from `min` to `max`.
 */
export function NumberInput(props: { label: string; value: number; min: number; max: number; unit?: string; onCommit(value: number): void }) {
  const { value, min, max, onCommit } = props;
  const [text, setText] = useState(String(value));
  // Another value from the address (Back, a link) shows here too.
  useEffect(() => setText(String(value)), [value]);
  const typed = Number(text);
  const valid = /^\d+$/.test(text) && typed >= min && typed <= max;
  return (
    <FormField label={props.label} className="number-input" error={valid ? undefined : `${min} to ${max}`}>
      {(control) => (
        <span className="with-unit">
          <input
            {...control}
            type="number"
            inputMode="numeric"
            min={min}
            max={max}
            step={1}
            value={text}
            onChange={(event) => {
              setText(event.target.value);
              const next = Number(event.target.value);
              if (/^\d+$/.test(event.target.value) && next >= min && next <= max) onCommit(next);
            }}
          />
          {props.unit ? <span aria-hidden="true">{props.unit}</span> : null}
        </span>
      )}
    </FormField>
  );
}

/** A whole number of the address from `min` to `max`, else the default. */
export function wholeNumberOf(asked: string | null, min: number, max: number, fallback: number): number {
  if (!asked || !/^\d+$/.test(asked)) return fallback;
  const value = Number(asked);
  return value >= min && value <= max ? value : fallback;
}

/** A value of the address if it is one of `options`, else the default. */
export function oneOf<Value extends string>(asked: string | null, options: readonly Value[], fallback: Value): Value {
  return options.includes(asked as Value) ? (asked as Value) : fallback;
}
