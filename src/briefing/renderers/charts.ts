/** Charts drawn on the server: ECharts' SVG renderer without a DOM, and a PNG from that SVG where a format needs a raster. */
import { Resvg } from '@resvg/resvg-js';
import * as echarts from 'echarts';
import { chartOption, chartSize } from '../charts.ts';
import type { ChartSpec } from '../document.ts';
import { fontFamily, fontFiles, textWidth, inFont } from './fonts.ts';

// ECharts guesses text widths without a canvas; measuring with the font the chart is drawn in keeps labels from overlapping.
echarts.setPlatformAPI({
  measureText(text, font) {
    const size = /(\d+(?:\.\d+)?)px/.exec(font ?? '');
    return {
      width: textWidth(inFont(text), size ? Number(size[1]) : 12, /\bbold\b|\b[6-9]00\b/.test(font ?? '')),
    };
  },
});

export interface ChartDrawing {
  svg: string;
  width: number;
  height: number;
}

export function chartSvg(spec: ChartSpec): ChartDrawing {
  const { width, height } = chartSize(spec);
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption(chartOption(spec, { fontFamily, width }));
    return { svg: chart.renderToSVGString(), width, height };
  } finally {
    chart.dispose();
  }
}

/** A PNG of the chart at `scale` times its size, drawn with PT Sans only so Cyrillic never turns into boxes. */
export function chartPng(drawing: ChartDrawing, scale = 2): Buffer {
  const resvg = new Resvg(inFont(drawing.svg), {
    fitTo: { mode: 'width', value: drawing.width * scale },
    background: '#ffffff',
    font: {
      fontFiles: Object.values(fontFiles),
      loadSystemFonts: false,
      defaultFontFamily: fontFamily,
      sansSerifFamily: fontFamily,
    },
  });
  return resvg.render().asPng();
}
