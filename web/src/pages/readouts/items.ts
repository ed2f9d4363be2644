import type { TFunction } from 'i18next';
import { localeOf } from '../../i18n/format.ts';
import type { FieldConfig, FormValues, OptionSource } from '../../components/forms/types.ts';
import { toFormValues, toInput } from '../../components/forms/values.ts';
import type { Problem } from '../../api/client.ts';
import { meetingKinds, organizationKinds, projectKinds, statementKinds } from '../records/config.ts';
import type { ItemValue, ReadoutItemKind } from '../../../../src/readouts/model.ts';
import type { ReadoutItem } from './api.ts';

/** The order the drafts are grouped in, as an analyst checks a readout: who met, then what was said. */
export const kindOrder: ReadoutItemKind[] = [
  'meeting',
  'participant',
  'organization',
  'territory',
  'trade_figure',
  'commodity',
  'sector',
  'statement',
  'project',
];

/** A Mantine colour per kind, for the highlight in the text and the mark beside its draft. */
export const kindColour: Record<ReadoutItemKind, string> = {
  meeting: 'grape',
  participant: 'blue',
  organization: 'orange',
  territory: 'cyan',
  trade_figure: 'teal',
  commodity: 'yellow',
  sector: 'lime',
  statement: 'pink',
  project: 'indigo',
};

const measures: Array<ItemValue<'trade_figure'>['measure']> = ['turnover', 'exports', 'imports'];
const qualifiers: Array<NonNullable<ItemValue<'trade_figure'>['qualifier']>> = [
  'more than',
  'less than',
  'about',
  'almost',
];
const flows: Array<NonNullable<ItemValue<'commodity'>['flow']>> = ['export', 'import'];
const twoSides = ['home', 'partner'] as const;

/** Values kept as exact decimals in text ("96300000", "40.5"); typed with a comma or spaces, sent without. */
const decimalFields = new Set(['amount', 'growthPercent', 'growthMultiple']);

/**
 * The fields an analyst may correct in a draft of each kind. Links between drafts (a statement's speaker,
 * a project's parties) are not edited here: they follow the drafts they point at.
 */
export function itemFields(kind: ReadoutItemKind, t: TFunction): FieldConfig[] {
  const label = (name: string) => t(`readouts:fields.${name}`);
  const text = (name: string, required = false): FieldConfig => ({ name, label: label(name), type: 'text', required });
  const date = (name: string, required = false): FieldConfig => ({ name, label: label(name), type: 'date', required });
  const month = (name: string, required = false): FieldConfig => ({
    ...text(name, required),
    description: t('readouts:hints.month'),
  });
  const decimal = (name: string, required = false): FieldConfig => ({
    ...text(name, required),
    description: t('readouts:hints.decimal'),
  });
  const select = (name: string, options: OptionSource, required = false): FieldConfig => ({
    name,
    label: label(name),
    type: 'select',
    options,
    required,
  });
  // Kinds the records already name keep the records' words; the readout's own lists have theirs.
  const choices = (prefix: string, values: readonly string[]): OptionSource => ({
    values,
    labels: (value) => t(`${prefix}.${value}`),
  });
  const side = select('side', choices('records:enums.side', twoSides));

  switch (kind) {
    case 'meeting':
      return [
        date('heldOn'),
        select('kind', choices('records:enums.meetingKind', meetingKinds), true),
        text('place'),
        text('title'),
        select('relationshipId', 'relationships'),
      ];
    case 'participant':
      return [text('name', true), text('role'), side, select('territoryCode', 'territories')];
    case 'organization':
      return [
        text('name', true),
        select('kind', choices('records:enums.organizationKind', organizationKinds), true),
        select('territoryCode', 'territories'),
        side,
      ];
    case 'territory':
      return [select('code', 'territories', true), text('name', true), side];
    case 'sector':
      return [select('code', 'sectors', true), text('term', true)];
    case 'trade_figure':
      return [
        select('measure', choices('readouts:enums.measure', measures), true),
        select('reporter', 'territories', true),
        select('partner', 'territories', true),
        month('periodFrom', true),
        month('periodTo', true),
        decimal('amount', true),
        { ...text('currency', true), description: t('records:hints.currency') },
        select('qualifier', choices('readouts:enums.qualifier', qualifiers)),
        decimal('growthPercent'),
        decimal('growthMultiple'),
        month('basePeriodFrom'),
        month('basePeriodTo'),
      ];
    case 'commodity':
      return [
        { ...text('hs', true), description: t('readouts:hints.hs') },
        text('term', true),
        select('flow', choices('readouts:enums.flow', flows)),
      ];
    case 'statement':
      return [
        select('kind', choices('records:enums.statementKind', statementKinds), true),
        { ...text('text', true), type: 'textarea' },
        text('by'),
        side,
        select('sectorCode', 'sectors'),
        date('dueFrom'),
        date('dueTo'),
      ];
    case 'project':
      return [
        text('title', true),
        select('kind', choices('records:enums.projectKind', projectKinds), true),
        select('sectorCode', 'sectors'),
      ];
  }
}

export function itemFormValues(item: ReadoutItem, fields: FieldConfig[]): FormValues {
  return toFormValues(fields, item.value as Record<string, unknown>);
}

/**
 * The whole corrected value the API takes: the draft's value with the edited fields laid over it, so
 * what the form does not show (a statement's speaker) stays as drafted.
 */
export function itemValueFrom(
  item: ReadoutItem,
  fields: FieldConfig[],
  values: FormValues,
): { value: Record<string, unknown>; problems: Problem[] } {
  const { body, problems } = toInput(fields, values, 'edit');
  for (const name of decimalFields) {
    const typed = body[name];
    if (typeof typed === 'string') body[name] = typed.replace(/[\s\u00a0]/g, '').replace(',', '.');
  }
  return { value: { ...(item.value as Record<string, unknown>), ...body }, problems };
}

/** The API names a value's fields under `value.`; the form knows them by their own names. */
export function problemsOfValue(problems: Problem[]): Problem[] {
  return problems.map((problem) => ({ ...problem, path: problem.path.replace(/^value\./, '') }));
}

/** A confidence or a match score, 0..1, as a whole percentage: "90%" / "90 %". */
export function formatShare(value: number, language: string): string {
  return new Intl.NumberFormat(localeOf(language), { style: 'percent', maximumFractionDigits: 0 }).format(value);
}

/**
 * A readout's title for a heading or a list: a title taken from the text's first line may run to a whole
 * paragraph, so it is cut at a word near 140 characters; the page still shows the text whole.
 */
export function shortTitle(title: string): string {
  if (title.length <= 140) return title;
  const cut = title.slice(0, 140);
  const space = cut.lastIndexOf(' ');
  return `${(space > 80 ? cut.slice(0, space) : cut).replace(/[\s,;:.–—-]+$/, '')}…`;
}
