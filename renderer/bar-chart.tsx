// Bar charts for the Statistics screen, drawn by uPlot. Among the libraries the issue names, uPlot
// is the smallest (~50 kB minified, against ~200 kB for Chart.js and ~1 MB for ECharts) and the
// fastest to draw, and the bars here need nothing more. It draws on a canvas, which screen readers
// cannot read: every chart sits beside a table of its numbers (see Statistics.tsx), so the canvas
// itself is hidden from them.
import { useEffect, useRef, useState } from 'preact/hooks';
import uPlot from 'uplot';

export interface BarSeries {
  label: string;
  /** One value per slot; null leaves the slot empty (used to place grouped bars side by side). */
  values: (number | null)[];
  /** A CSS custom property of the theme, like `--due`. */
  color: string;
}

interface Props {
  /** What the x axis counts, for the hover legend. */
  slotLabel: string;
  /** One label per slot. */
  labels: string[];
  series: BarSeries[];
  /** Slots that get a label on the axis; every slot when absent. */
  ticks?: number[];
  height?: number;
}

const COUNT_STEPS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10_000, 20_000, 50_000, 100_000, 200_000, 500_000, 1_000_000];

/**
 * A colour of the theme as the canvas takes it. The palette writes each colour as light-dark(),
 * which only an element resolves (by its color-scheme), so it is read from a probe's computed colour.
 */
function themeColor(name: string): string {
  const probe = document.createElement('span');
  probe.style.color = `var(${name})`;
  document.body.append(probe);
  const color = getComputedStyle(probe).color;
  probe.remove();
  return color;
}

/** Redraws when the theme changes: a setting (data-theme) or the system's light or dark mode. */
function useThemeVersion(): number {
  const [version, setVersion] = useState(0);
  useEffect(() => {
    const bump = () => setVersion((v) => v + 1);
    const observer = new MutationObserver(bump);
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
    const media = window.matchMedia('(prefers-color-scheme: dark)');
    media.addEventListener('change', bump);
    return () => {
      observer.disconnect();
      media.removeEventListener('change', bump);
    };
  }, []);
  return version;
}

export function BarChart({ slotLabel, labels, series, ticks, height = 200 }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const theme = useThemeVersion();
  const key = JSON.stringify([labels, series, ticks]);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const text = themeColor('--muted');
    const grid = themeColor('--border');
    const slots = labels.map((_, i) => i);
    const tickSlots = ticks ?? slots;
    const chart = new uPlot(
      {
        width: Math.max(200, el.clientWidth),
        height,
        scales: { x: { time: false, range: [-0.6, labels.length - 0.4] }, y: { range: (_u, _min, max) => [0, Math.max(1, max * 1.05)] } },
        axes: [
          { stroke: text, grid: { show: false }, ticks: { stroke: grid }, splits: () => tickSlots, values: (_u, splits) => splits.map((i) => labels[i] ?? '') },
          { stroke: text, grid: { stroke: grid }, ticks: { stroke: grid }, incrs: COUNT_STEPS, size: 56 },
        ],
        series: [
          { label: slotLabel, value: (_u, v) => (v === null ? '' : (labels[v] ?? '')) },
          ...series.map((s) => ({
            label: s.label,
            fill: themeColor(s.color),
            stroke: themeColor(s.color),
            width: 0,
            paths: uPlot.paths.bars!({ size: [series.length > 1 ? 0.95 : 0.7, 48], align: 0 as const }),
            points: { show: false },
          })),
        ],
        cursor: { drag: { x: false, y: false }, points: { show: false } },
      },
      [slots, ...series.map((s) => s.values)] as uPlot.AlignedData,
      el,
    );
    const resize = new ResizeObserver(() => chart.setSize({ width: Math.max(200, el.clientWidth), height }));
    resize.observe(el);
    return () => {
      resize.disconnect();
      chart.destroy();
    };
  }, [key, theme, height]);
  return <div class="bar-chart" ref={box} aria-hidden="true" />;
}
