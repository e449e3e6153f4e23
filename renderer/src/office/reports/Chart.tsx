import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

/** One series of a chart: its name in the legend, a value per category as a decimal string, and how it is drawn. */
export interface ChartSeries {
  label: string;
  values: readonly string[];
  /** A #rrggbb colour: the line's, or the bars' edge (their fill is it, three-quarters opaque). */
  color: string;
  /** Bars for the main figure (one bar series per chart: a second would be drawn over the first), a line for another. */
  style: 'bars' | 'line';
}

export interface ChartProps {
  /** One sentence a screen reader reads for the whole chart; the table beside it holds every figure. */
  summary: string;
  /** What each bar or point is, left to right ("Mon 7 Dec", "09:00–10:00", a cashier's name). */
  categories: readonly string[];
  series: readonly ChartSeries[];
  /**
   * Whether every category needs its label (cashiers, categories: slanted where they do not fit side by
   * side), or a label every few will do (days, hours: the order tells the ones between).
   */
  labelEvery?: boolean;
  /** The axes' titles, with their units: "Day", "Sales (EUR, with tax)". */
  xLabel: string;
  yLabel: string;
  /** The locale the store writes numbers in (the axis's figures), or none for the fixed form. */
  locale?: string;
  /** How the legend writes a value the cursor points at (an amount in the store's way). */
  formatValue(value: string): string;
  height?: number;
  testId?: string;
}

/** The reports' colours: sales with tax in the app's blue, the margin in green, a target to reach in orange. */
export const CHART_COLOURS = { gross: '#1d4ed8', margin: '#15803d', target: '#c2410c' } as const;

const INK = '#1d2330';
const GRID = '#e3e6eb';
const FONT_SIZE = 13;
const FONT = `${FONT_SIZE}px system-ui, sans-serif`;
const LABEL_FONT = `600 ${FONT_SIZE}px system-ui, sans-serif`;
/** A 13 px system font's average character is about 7 px wide. */
const CHARACTER_WIDTH = 7;
/** What an axis's figures need besides their text: its ticks (10 px), the gap to them (5 px) and some air before its title. */
const TICKS_AND_GAP = 26;
/** The y axis with its figures and title take about this much of a chart's width. */
const Y_AXIS_WIDTH = 110;
/** Labels longer than this are cut with an ellipsis on the axis (the table has them whole). */
const LONGEST_LABEL = 18;
/** Steps between labelled categories: every one, else every 2nd, 3rd, … or a week's, a month's. */
const CATEGORY_STEPS = [1, 2, 3, 4, 5, 6, 7, 10, 14, 15, 20, 25, 30, 50, 100, 200, 500, 1000];
/** Labels that do not fit side by side are slanted this far, and then need only a line's height apart. */
const SLANT_DEGREES = 40;
const SLANTED_SPACE = 18;

function shortened(label: string): string {
  return label.length > LONGEST_LABEL ? `${label.slice(0, LONGEST_LABEL - 1)}…` : label;
}

/** The room a category needs for its label side by side with the next: the longest label's characters and a gap. */
function sideBySideRoom(categories: readonly string[]): number {
  const longest = Math.max(1, ...categories.map((label) => shortened(label).length));
  return longest * CHARACTER_WIDTH + 16;
}

/** Room the slanted labels of a chart take: what its height gets besides the plot, where they do not fit side by side. */
function slantRoom(props: ChartProps, width: number): number {
  const room = sideBySideRoom(props.categories);
  const fits = props.categories.length * room <= width - Y_AXIS_WIDTH;
  return props.labelEvery && !fits ? Math.ceil(room * Math.sin((SLANT_DEGREES * Math.PI) / 180)) : 0;
}

/** uPlot's settings for categories along x (0, 1, 2, … with their labels) and amounts up y from 0. */
function chartOptions(props: ChartProps, width: number, height: number): uPlot.Options {
  const { categories } = props;
  const sideBySide = sideBySideRoom(categories);
  // Set as uPlot lays the axis out (its slant is worked before its size).
  let slanted = false;
  const ticks = new Intl.NumberFormat(props.locale ?? 'en-US', { maximumFractionDigits: 2 });
  return {
    width,
    height,
    // A report's chart is read, not explored: no dragging to zoom.
    cursor: { drag: { x: false, y: false, setScale: false }, points: { size: 8 } },
    legend: { show: true, live: true },
    scales: {
      // Half a category of room on each side, so the first and last bars are whole; from the categories
      // themselves, so a single one sits in the middle rather than on a range uPlot widens.
      x: { time: false, range: () => [-0.5, categories.length - 0.5] },
      // From 0 (or below it, for a day of more returns than sales), with a little room above the highest.
      y: { range: (_plot, min, max) => [Math.min(0, min), max > 0 ? max * 1.1 : Math.min(0, min) < 0 ? 0 : 1] },
    },
    axes: [
      {
        label: props.xLabel,
        font: FONT,
        labelFont: LABEL_FONT,
        stroke: INK,
        grid: { show: false },
        ticks: { stroke: GRID },
        space: (_plot, _axis, _min, _max, plotWidth) => (props.labelEvery && categories.length * sideBySide > plotWidth ? SLANTED_SPACE : sideBySide),
        incrs: CATEGORY_STEPS,
        values: (_plot, splits) => splits.map((split) => (Number.isInteger(split) ? shortened(categories[split] ?? '') : '')),
        rotate: (_plot, _values, _axis, foundSpace) => {
          slanted = foundSpace < sideBySide;
          // Positive: each label ends at its bar and runs down to the left.
          return slanted ? SLANT_DEGREES : 0;
        },
        size: (plot, values) => {
          if (!slanted || !values) return FONT_SIZE + TICKS_AND_GAP;
          plot.ctx.font = FONT;
          const widest = Math.max(...values.map((value) => plot.ctx.measureText(value).width));
          const angle = (SLANT_DEGREES * Math.PI) / 180;
          return Math.ceil(widest * Math.sin(angle) + FONT_SIZE * Math.cos(angle)) + TICKS_AND_GAP;
        },
      },
      {
        label: props.yLabel,
        font: FONT,
        labelFont: LABEL_FONT,
        stroke: INK,
        grid: { stroke: GRID },
        ticks: { stroke: GRID },
        values: (_plot, splits) => splits.map((split) => ticks.format(split)),
        // As wide as its widest figure, so 12,500 is not cut.
        size: (plot, values) => {
          if (!values) return 50;
          plot.ctx.font = FONT;
          return Math.ceil(Math.max(...values.map((value) => plot.ctx.measureText(value).width))) + TICKS_AND_GAP;
        },
      },
    ],
    series: [
      // The legend names what the cursor points at, and is empty while it points at nothing.
      { label: props.xLabel, value: (_plot, index) => categories[index] ?? '' },
      ...props.series.map(
        (series): uPlot.Series => ({
          label: series.label,
          stroke: series.color,
          width: series.style === 'line' ? 2 : 1,
          fill: series.style === 'bars' ? `${series.color}bf` : undefined,
          fillTo: 0,
          paths: series.style === 'bars' ? uPlot.paths.bars!({ size: [0.6, 80] }) : undefined,
          points: { show: series.style === 'line' },
          value: (_plot, _value, _series, index) => (index === null || series.values[index] === undefined ? '' : props.formatValue(series.values[index])),
        }),
      ),
    ],
  };
}

/**
 * A bar (and line) chart of figures per category: a day, an hour, a till, a tender. It takes its
 * container's width and follows it, names its axes with their units, and is one image with a summary
 * for a screen reader; the table shown with it is the accessible version of its figures.
 */
export function Chart(props: ChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const latest = useRef(props);
  latest.current = props;
  const height = props.height ?? 260;
  // Drawn again when what it shows changes, not on every render of the page around it.
  const shown = JSON.stringify([props.categories, props.series, props.xLabel, props.yLabel, props.locale, height]);
  useEffect(() => {
    const element = box.current;
    if (!element) return;
    // y-values only: the chart draws numbers, the legend writes the decimal strings themselves.
    const data: uPlot.AlignedData = [latest.current.categories.map((_label, index) => index), ...latest.current.series.map((series) => series.values.map(Number))];
    const width = Math.max(element.clientWidth, 200);
    const plot = new uPlot(chartOptions(latest.current, width, height + slantRoom(latest.current, width)), data, element);
    const resized = new ResizeObserver(() => {
      const width = element.clientWidth;
      if (width > 0 && width !== plot.width) plot.setSize({ width, height: height + slantRoom(latest.current, width) });
    });
    resized.observe(element);
    return () => {
      resized.disconnect();
      plot.destroy();
    };
  }, [shown, height]);
  return <div className="chart" ref={box} role="img" aria-label={props.summary} data-testid={props.testId} />;
}
