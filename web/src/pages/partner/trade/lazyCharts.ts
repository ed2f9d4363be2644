import { lazy } from 'react';

// The charts (and ECharts with them) are a chunk of their own: the figures and tables are drawn without
// waiting for it, and the tab starts fetching it as soon as it opens.
export const loadCharts = () => import('./charts.tsx');
export const SeriesChart = lazy(() => loadCharts().then((module) => ({ default: module.SeriesChart })));
export const StructureTreemap = lazy(() => loadCharts().then((module) => ({ default: module.StructureTreemap })));
