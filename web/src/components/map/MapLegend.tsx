import { Group, Text } from '@mantine/core';

/** ECharts symbol names with the SVG path that draws the same shape in a 12×12 box. */
const shapes = {
  circle: 'M6 1a5 5 0 1 0 0.001 0Z',
  rect: 'M1.5 1.5h9v9h-9Z',
  triangle: 'M6 1l5 9.5h-10Z',
  diamond: 'M6 0.5l5 5.5-5 5.5-5-5.5Z',
  roundRect:
    'M3 1.5h6a1.5 1.5 0 0 1 1.5 1.5v6a1.5 1.5 0 0 1-1.5 1.5h-6a1.5 1.5 0 0 1-1.5-1.5v-6a1.5 1.5 0 0 1 1.5-1.5Z',
  pin: 'M6 11.5c-3-3.5-4.5-5.5-4.5-7.2a4.5 4.5 0 0 1 9 0c0 1.7-1.5 3.7-4.5 7.2Z',
  arrow: 'M6 0.5l4.5 11-4.5-3-4.5 3Z',
} as const;

export interface PinStyle {
  symbol: keyof typeof shapes;
  colour: string;
}

/** One symbol and colour per pin kind, each pair telling apart from the others without colour too. */
export const pinStyles: PinStyle[] = [
  { symbol: 'circle', colour: '#c92a2a' },
  { symbol: 'rect', colour: '#1864ab' },
  { symbol: 'triangle', colour: '#5f3dc4' },
  { symbol: 'diamond', colour: '#d9480f' },
  { symbol: 'roundRect', colour: '#087f5b' },
  { symbol: 'pin', colour: '#862e9c' },
  { symbol: 'arrow', colour: '#5c940d' },
];

export interface LegendEntry {
  key: string;
  text: string;
  swatch?: { fill: string } | { gradient: string[] };
  pin?: PinStyle & { hollow: boolean };
}

function Mark({ entry }: { entry: LegendEntry }) {
  if (entry.pin) {
    const { symbol, colour, hollow } = entry.pin;
    return (
      <svg width="14" height="14" viewBox="-1 -1 14 14" aria-hidden="true" data-symbol={symbol}>
        <path
          d={shapes[symbol]}
          fill={hollow ? '#fff' : colour}
          stroke={hollow ? colour : '#fff'}
          strokeWidth={hollow ? 1.5 : 1}
          strokeDasharray={hollow ? '2 1.5' : undefined}
        />
      </svg>
    );
  }
  const swatch = entry.swatch;
  const background =
    swatch && 'gradient' in swatch ? `linear-gradient(to right, ${swatch.gradient.join(', ')})` : swatch?.fill;
  return (
    <span
      aria-hidden="true"
      style={{
        display: 'inline-block',
        width: swatch && 'gradient' in swatch ? 36 : 14,
        height: 12,
        background,
        border: '1px solid #868e96',
      }}
    />
  );
}

/** What each colour and symbol of a map means, as text beside the chart so everyone can read it. */
export function MapLegend({ entries, title }: { entries: LegendEntry[]; title: string }) {
  return (
    <Group
      gap="md"
      component="ul"
      aria-label={title}
      data-testid="map-legend"
      style={{ listStyle: 'none', padding: 0, margin: 0 }}
    >
      {entries.map((entry) => (
        <Group key={entry.key} gap={6} component="li" wrap="nowrap" data-entry={entry.key}>
          <Mark entry={entry} />
          <Text size="sm" span>
            {entry.text}
          </Text>
        </Group>
      ))}
    </Group>
  );
}
