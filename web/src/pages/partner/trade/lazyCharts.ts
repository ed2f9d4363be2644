import { lazy, useEffect, useState } from 'react';

// The charts (and ECharts with them) are a chunk of their own, asked for only when there is something to
// draw: fetched earlier, its 650 KB would queue ahead of the figures' requests and hold up their drawing.
const loadCharts = () => import('./charts.tsx');
export const SeriesChart = lazy(() => loadCharts().then((module) => ({ default: module.SeriesChart })));
export const StructureTreemap = lazy(() => loadCharts().then((module) => ({ default: module.StructureTreemap })));

/**
 * True from the first frame painted after `ready` became true. Charts wait for it, so evaluating the chart
 * library never delays the painting of the figures and tables that arrived with the same answer.
 */
export function usePaintedAfter(ready: boolean): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    if (!ready || painted) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    // An animation frame runs just before the paint; a task queued from it runs just after.
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => setPainted(true), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [ready, painted]);
  return painted;
}
