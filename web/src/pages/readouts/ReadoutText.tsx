import { Paper } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReadoutItem } from './api.ts';
import { formatShare, kindColour } from './items.ts';
import { piecesOf } from './spans.ts';

/**
 * The readout's text with each draft's words highlighted in its kind's colour and struck out once rejected.
 * A click on a highlight goes to the draft; hovering names the kind, the rule and the confidence.
 */
export function ReadoutText({
  text,
  language,
  items,
  activeItemId,
  onPick,
}: {
  text: string;
  language: string;
  items: ReadoutItem[];
  activeItemId: string | null;
  onPick: (itemId: string) => void;
}) {
  const { t, i18n } = useTranslation('readouts');
  const pieces = useMemo(() => piecesOf(text, items), [text, items]);
  const describe = (item: ReadoutItem) =>
    t('text.hover', {
      kind: t(`kinds.${item.kind}`),
      rule: item.rule,
      confidence: formatShare(item.confidence, i18n.language),
      status: t(`status.${item.status}`),
    });

  return (
    <Paper
      withBorder
      p="md"
      lang={language}
      data-testid="readout-text"
      style={{ whiteSpace: 'pre-wrap', lineHeight: 1.7, overflowWrap: 'anywhere' }}
    >
      {pieces.map((piece) => {
        const words = text.slice(piece.start, piece.end);
        const shown = piece.items[0];
        if (!shown) return <span key={piece.start}>{words}</span>;
        const colour = kindColour[shown.kind];
        const active = piece.items.some((item) => item.id === activeItemId);
        return (
          <mark
            key={piece.start}
            role="button"
            tabIndex={0}
            title={piece.items.map(describe).join('\n')}
            data-item-id={shown.id}
            data-kind={shown.kind}
            data-status={shown.status}
            onClick={() => onPick(shown.id)}
            onKeyDown={(event) => {
              if (event.key === 'Enter' || event.key === ' ') {
                event.preventDefault();
                onPick(shown.id);
              }
            }}
            style={{
              cursor: 'pointer',
              color: 'inherit',
              background: `var(--mantine-color-${colour}-1)`,
              borderBottom: `2px solid var(--mantine-color-${colour}-8)`,
              textDecoration: shown.status === 'rejected' ? 'line-through' : undefined,
              outline: active ? `2px solid var(--mantine-color-${colour}-8)` : undefined,
            }}
          >
            {words}
          </mark>
        );
      })}
    </Paper>
  );
}
