import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { Chart as ChartDef, ChartCell } from '../../../../shared/charts';
import './Chart.css';

type EChartsInstance = ReturnType<typeof import('./echarts').init>;

/** The chart library, loaded once, the first time a chart is shown. */
let loading: Promise<typeof import('./echarts')> | null = null;
const loadECharts = () => (loading ??= import('./echarts'));

const cell = (c: ChartCell) => (c === null ? '—' : String(c));

/**
 * One chart from a shared definition (shared/charts): ECharts with its SVG renderer, no
 * animation, and beside it the same data as a real table, one keystroke away (T, or the button).
 * The chart is an image to assistive technology, named by its title and described by its summary.
 */
export function Chart({ chart, height = 320 }: { chart: ChartDef; height?: number }) {
  const host = useRef<HTMLDivElement>(null);
  const instance = useRef<EChartsInstance | null>(null);
  const [showTable, setShowTable] = useState(false);
  const [failed, setFailed] = useState(false);
  const id = useId();

  useEffect(() => {
    let cancelled = false;
    let observer: ResizeObserver | null = null;
    loadECharts()
      .then(({ init }) => {
        if (cancelled || !host.current) return;
        instance.current ??= init(host.current, null, { renderer: 'svg' });
        // The title and description are the figure's own (figcaption, aria-describedby).
        instance.current.setOption({ ...chart.option, aria: { enabled: false }, title: { show: false } }, true);
        observer = new ResizeObserver(() => instance.current?.resize());
        observer.observe(host.current);
      })
      .catch(() => setFailed(true));
    return () => {
      cancelled = true;
      observer?.disconnect();
    };
  }, [chart]);

  useEffect(
    () => () => {
      instance.current?.dispose();
      instance.current = null;
    },
    [],
  );

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key.toLowerCase() !== 't' || e.ctrlKey || e.metaKey || e.altKey) return;
    const t = e.target as HTMLElement;
    if (t.closest('input, select, textarea')) return;
    e.preventDefault();
    setShowTable((v) => !v);
  };

  return (
    <figure className="chart" aria-labelledby={`${id}-title`} onKeyDown={onKeyDown}>
      <div className="chart-head">
        <figcaption id={`${id}-title`}>{chart.title}</figcaption>
        <button
          type="button"
          className="chart-toggle"
          aria-expanded={showTable}
          aria-controls={`${id}-table`}
          aria-keyshortcuts="T"
          onClick={() => setShowTable((v) => !v)}
        >
          {showTable ? 'Hide the table' : 'Show as a table'} <kbd aria-hidden="true">T</kbd>
        </button>
      </div>
      <p id={`${id}-summary`} className="chart-summary">
        {chart.summary}
      </p>
      {failed ? (
        <p className="muted">The chart could not be drawn here. Its data is in the table.</p>
      ) : (
        <div
          className="chart-canvas"
          role="img"
          aria-label={chart.title}
          aria-describedby={`${id}-summary`}
          tabIndex={0}
          style={{ height }}
        >
          <div ref={host} className="chart-host" aria-hidden="true" />
        </div>
      )}
      {/* The table is built when it is shown: five years of daily entries are thousands of rows. */}
      <div id={`${id}-table`} className="chart-table" hidden={!showTable && !failed}>
        {showTable || failed ? <ChartTable chart={chart} /> : null}
      </div>
    </figure>
  );
}

function ChartTable({ chart }: { chart: ChartDef }) {
  return (
    <table>
      <caption>{chart.table.caption}</caption>
      <thead>
        <tr>
          {chart.table.columns.map((c) => (
            <th key={c} scope="col">
              {c}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {chart.table.rows.map((r, i) => (
          <tr key={i}>
            {r.map((c, j) =>
              j === 0 ? (
                <th key={j} scope="row">
                  {cell(c)}
                </th>
              ) : (
                <td key={j}>{cell(c)}</td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
