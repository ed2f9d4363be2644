interface SparklineProps {
  values: number[];
  /** Read out instead of the drawing, with the same figures. */
  label: string;
  width?: number;
  height?: number;
}

/**
 * A few values as a small line, drawn as plain SVG: the overview draws one per partner and must not wait for
 * a chart library. The last value gets a dot, since it is the period the row is about.
 */
export function Sparkline({ values, label, width = 96, height = 28 }: SparklineProps) {
  if (values.length === 0) return null;
  const pad = 3;
  const max = Math.max(...values);
  const min = Math.min(...values);
  const span = max - min || 1;
  const step = values.length > 1 ? (width - pad * 2) / (values.length - 1) : 0;
  const points = values.map((value, i) => {
    const x = pad + i * step;
    const y = height - pad - ((value - min) / span) * (height - pad * 2);
    return [Math.round(x * 10) / 10, Math.round(y * 10) / 10] as const;
  });
  const [lastX, lastY] = points[points.length - 1]!;
  return (
    <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label}>
      <polyline
        points={points.map(([x, y]) => `${x},${y}`).join(' ')}
        fill="none"
        stroke="var(--mantine-color-teal-8)"
        strokeWidth={1.5}
        strokeLinejoin="round"
        strokeLinecap="round"
      />
      <circle cx={lastX} cy={lastY} r={2.5} fill="var(--mantine-color-teal-9)" />
    </svg>
  );
}
