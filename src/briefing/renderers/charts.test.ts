import { describe, expect, it } from 'vitest';
import { chartPng, chartSvg } from './charts.ts';

describe('charts drawn on the server', () => {
  const spec = {
    kind: 'horizontal_bar' as const,
    categories: ['Карьерные самосвалы', '<script>alert(1)</script>'],
    series: [{ name: 'Экспорт', values: [21.4, 1250.5] }],
    unit: 'млн долл. США',
    lang: 'ru' as const,
  };

  it('are SVG with the labels as escaped text in the chart language', () => {
    const { svg, width, height } = chartSvg(spec);
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain(`viewBox="0 0 ${String(width)} ${String(height)}"`);
    expect(svg).toContain('Карьерные самосвалы');
    expect(svg).toContain('21,4');
    expect(svg).toContain('&lt;script&gt;');
    expect(svg).not.toContain('<script');
  });

  it('rasterize to a PNG twice their size for formats that need one', () => {
    const drawing = chartSvg(spec);
    const png = chartPng(drawing);
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(png.readUInt32BE(16)).toBe(drawing.width * 2);
  });
});
