import type { Draft } from '../extract.ts';
import type { ReadoutItem } from '../model.ts';
import type { Gold } from './gold.ts';

type Of<K extends ReadoutItem['kind']> = Extract<ReadoutItem, { kind: K }>;

/** A whole calendar year is written as the year alone, as the gold writes it. */
function periodOf(from: string, to: string): string {
  const [fromYear, fromMonth] = from.split('-');
  const [toYear, toMonth] = to.split('-');
  return fromYear === toYear && fromMonth === '01' && toMonth === '12' ? fromYear! : `${from}..${to}`;
}

const numberOrNull = (value: string | null) => (value === null ? null : Number(value));

/** The draft in the gold's shape, so the scorer can compare the two; rejected items are left out. */
export function draftToGold(draft: Draft): Gold {
  const items = draft.items.filter((i) => i.status !== 'rejected');
  const of = <K extends ReadoutItem['kind']>(kind: K) => items.filter((i): i is Of<K> => i.kind === kind);
  const meeting = of('meeting')[0];
  return {
    meeting: { date: meeting?.value.heldOn ?? null, place: meeting?.value.place ?? null },
    participants: of('participant').map((p) => ({
      name: p.value.name,
      role: p.value.role ?? '',
      side: p.value.side === 'home' ? 'home' : 'partner',
    })),
    organizations: of('organization').map((o) => ({ name: o.value.name })),
    tradeFigures: of('trade_figure').map((f) => ({
      measure: f.value.measure,
      reporter: f.value.reporter,
      partner: f.value.partner,
      period: periodOf(f.value.periodFrom, f.value.periodTo),
      value: Number(f.value.amount),
      currency: f.value.currency,
      qualifier: f.value.qualifier,
      growthPercent: numberOrNull(f.value.growthPercent),
      growthMultiple:
        f.value.growthMultiple === null || Number(f.value.growthMultiple) <= 0 ? null : Number(f.value.growthMultiple),
    })),
    commodities: of('commodity').map((c) => ({ hs: c.value.hs, flow: c.value.flow })),
    statements: of('statement').map((s) => ({
      kind: s.value.kind,
      by: s.value.by ?? '',
      text: s.value.text,
      dueFrom: s.value.dueFrom,
      dueTo: s.value.dueTo,
    })),
  };
}
