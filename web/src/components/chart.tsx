import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ECElementEvent, EChartsCoreOption, EChartsType } from 'echarts/core';

type EChartsSetup = typeof import('./echarts-setup.ts');

let loading: Promise<EChartsSetup> | null = null;

/** ECharts, fetched once on first use (a chunk of its own: pages without charts never load it). */
function loadECharts(): Promise<EChartsSetup> {
  loading ??= import('./echarts-setup.ts').catch((error: unknown) => {
    // A failed download may succeed on the next page: do not remember the failure.
    loading = null;
    throw error;
  });
  return loading;
}

export type ChartClick = ECElementEvent;

export interface ChartProps {
  /** The ECharts option; a new object redraws the chart (without losing its size or listeners). */
  option: EChartsCoreOption;
  /** What the chart shows, in words: its accessible name (the drawing itself is an image). */
  label: string;
  /** The text alternative (a table, a summary), under the chart in a disclosure everyone can open. */
  children: ComponentChildren;
  /** The disclosure's text, e.g. "Show the figures as a table". */
  tableSummary: string;
  /** Said in place of the chart when ECharts could not be loaded (the table then opens by itself). */
  failedText: string;
  /** Height of the drawing in CSS pixels (the width follows the container). */
  height?: number;
  /** A click on a bar, cell, slice… (the table's links are the keyboard way to the same places). */
  onClick?: (event: ChartClick) => void;
  testId?: string;
}

/** Without animation for people who asked their system for less motion. */
function withMotionPreference(option: EChartsCoreOption): EChartsCoreOption {
  const reduce =
    typeof window.matchMedia === 'function' && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  return reduce ? { ...option, animation: false } : option;
}

/**
 * One ECharts chart as a Preact component: created on mount (SVG renderer), given the new
 * option when it changes, resized with its container, disposed on unmount. Generic on purpose:
 * every page that draws a chart uses it, each with an accessible text alternative.
 */
export function Chart({
  option,
  label,
  children,
  tableSummary,
  failedText,
  height = 320,
  onClick,
  testId,
}: ChartProps) {
  const host = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);
  // The latest option and click handler, for a chart created after an await and for its one listener.
  const latestOption = useRef(option);
  latestOption.current = option;
  const latestClick = useRef(onClick);
  latestClick.current = onClick;
  const [state, setState] = useState<'loading' | 'ready' | 'error'>('loading');

  useEffect(() => {
    let disposed = false;
    let observer: ResizeObserver | null = null;
    loadECharts().then(
      ({ init }) => {
        const element = host.current;
        if (disposed || element === null) return;
        // The page's own font (full Vietnamese coverage) instead of ECharts' default.
        const theme = { textStyle: { fontFamily: getComputedStyle(element).fontFamily } };
        const instance = init(element, theme, { renderer: 'svg' });
        chart.current = instance;
        instance.on('click', (event) => latestClick.current?.(event));
        instance.setOption(withMotionPreference(latestOption.current), { notMerge: true });
        observer = new ResizeObserver(() => instance.resize());
        observer.observe(element);
        setState('ready');
      },
      () => {
        if (!disposed) setState('error');
      },
    );
    return () => {
      disposed = true;
      observer?.disconnect();
      chart.current?.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    // Merged into what is drawn, so new figures (a live refresh) move smoothly from the old ones.
    chart.current?.setOption(withMotionPreference(option));
  }, [option]);

  return (
    <figure class="chart" data-testid={testId} data-state={state}>
      {state === 'error' ? (
        <p class="chart__failed">{failedText}</p>
      ) : (
        <div
          ref={host}
          class="chart__drawing"
          role="img"
          aria-label={label}
          style={{ height: `${height}px` }}
          data-testid={testId === undefined ? undefined : `${testId}-drawing`}
        />
      )}
      <details class="chart__data" open={state === 'error'}>
        <summary>{tableSummary}</summary>
        {children}
      </details>
    </figure>
  );
}
