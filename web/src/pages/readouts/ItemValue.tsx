import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Typed } from '../../components/Typed.tsx';
import { useOptions } from '../../components/forms/options.ts';
import { formatDate, formatMoneyShort, formatPercent, localeOf } from '../../i18n/format.ts';
import { parseMonth, rangeLabel } from '../partner/trade/period.ts';
import type { ReadoutItem } from './api.ts';

/** A decimal kept as text, in minor units for the money formatter; display only, never summed. */
function centsOf(amount: string): number {
  return Math.round(Number(amount) * 100);
}

function periodLabel(from: string, to: string, language: string): string {
  const start = parseMonth(from);
  const end = parseMonth(to);
  return start !== null && end !== null ? rangeLabel({ from: start, to: end }, language) : `${from}–${to}`;
}

/** "1.4 times" / "в 1,4 раза". */
function multiple(value: string, language: string): string {
  return new Intl.NumberFormat(localeOf(language), { maximumFractionDigits: 2 }).format(Number(value));
}

/** An ISIC code with its title in the reader's language, as the sector choices name it. */
function SectorName({ code }: { code: string }) {
  const sectors = useOptions('sectors');
  return <>{sectors.labelOf(code)}</>;
}

/** What a draft says, in a line or two: the name, figure or words it would become a record with. */
export function ItemValue({ item, language }: { item: ReadoutItem; language: string }) {
  const { t, i18n } = useTranslation('readouts');
  const ui = i18n.language;
  const typed = (text: string | null) => (text ? <Typed text={text} lang={language} /> : '—');
  switch (item.kind) {
    case 'meeting': {
      const v = item.value;
      return (
        <Text size="sm">
          {t(`enums.meetingKind.${v.kind}`, { ns: 'records' })} · {formatDate(v.heldOn, ui)}
          {v.place && <> · {typed(v.place)}</>}
          {v.title && (
            <>
              <br />
              {typed(v.title)}
            </>
          )}
        </Text>
      );
    }
    case 'participant': {
      const v = item.value;
      return (
        <Text size="sm">
          <strong>{typed(v.name)}</strong>
          {v.role && <> — {typed(v.role)}</>}
          {v.side && <> ({t(`enums.side.${v.side}`, { ns: 'records' })})</>}
        </Text>
      );
    }
    case 'organization': {
      const v = item.value;
      return (
        <Text size="sm">
          <strong>{typed(v.name)}</strong> ({t(`enums.organizationKind.${v.kind}`, { ns: 'records' })}
          {v.territoryCode && `, ${v.territoryCode}`})
        </Text>
      );
    }
    case 'territory':
      return (
        <Text size="sm">
          <strong>{typed(item.value.name)}</strong> ({item.value.code})
        </Text>
      );
    case 'sector':
      return (
        <Text size="sm">
          {typed(item.value.term)} → <SectorName code={item.value.code} />
        </Text>
      );
    case 'commodity': {
      const v = item.value;
      return (
        <Text size="sm">
          {typed(v.term)} → {t('values.hs', { code: v.hs })}
          {v.flow && ` (${t(`enums.flow.${v.flow}`)})`}
        </Text>
      );
    }
    case 'trade_figure': {
      const v = item.value;
      const growth = [
        v.growthPercent !== null ? formatPercent(Number(v.growthPercent), ui) : null,
        v.growthMultiple !== null ? t('values.times', { value: multiple(v.growthMultiple, ui) }) : null,
      ].filter((part) => part !== null);
      return (
        <Text size="sm">
          <strong>{t(`enums.measure.${v.measure}`)}</strong> {v.reporter}–{v.partner},{' '}
          {periodLabel(v.periodFrom, v.periodTo, ui)}: {v.qualifier && `${t(`enums.qualifier.${v.qualifier}`)} `}
          <strong>{formatMoneyShort(centsOf(v.amount), v.currency, ui)}</strong>
          {growth.length > 0 && ` (${growth.join(', ')})`}
        </Text>
      );
    }
    case 'statement': {
      const v = item.value;
      return (
        <Text size="sm">
          <strong>{t(`enums.statementKind.${v.kind}`, { ns: 'records' })}</strong>
          {v.by && <> · {typed(v.by)}</>}: {typed(v.text)}
          {(v.dueFrom || v.dueTo) && (
            <>
              {' '}
              ·{' '}
              {t(v.dueFrom && v.dueTo ? 'values.dueRange' : v.dueTo ? 'values.dueBy' : 'values.dueFrom', {
                from: formatDate(v.dueFrom, ui),
                to: formatDate(v.dueTo, ui),
              })}
            </>
          )}
        </Text>
      );
    }
    case 'project': {
      const v = item.value;
      return (
        <Text size="sm">
          <strong>{typed(v.title)}</strong> ({t(`enums.projectKind.${v.kind}`, { ns: 'records' })})
        </Text>
      );
    }
  }
}

/** Beside a quoted figure: what Accord computes for the same pair and period, or why it cannot. */
export function ComputedFigure({ item }: { item: Extract<ReadoutItem, { kind: 'trade_figure' }> }) {
  const { t, i18n } = useTranslation('readouts');
  const computed = item.computed;
  if (!computed) return null;
  let said: string;
  if (computed.missing === 'no_exchange_rate') said = t('computed.noRate');
  else if (computed.missing === 'no_data' || computed.amount === null) said = t('computed.noData');
  else {
    const growth =
      computed.growthPercent !== null ? ` (${formatPercent(Number(computed.growthPercent), i18n.language)})` : '';
    said = `${formatMoneyShort(centsOf(computed.amount), computed.currency, i18n.language)}${growth}`;
  }
  return (
    <Text size="sm" data-testid="computed-figure">
      {t('computed.label')}: {said}
    </Text>
  );
}
