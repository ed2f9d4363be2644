import type { TFunction } from 'i18next';
import type { FieldConfig, OptionSource } from '../../components/forms/types.ts';
import { inLanguage } from '../../components/forms/options.ts';
import { pickLanguage } from '../../i18n/bilingual.ts';
import type { RecordKind } from './kinds.ts';
import type { Meeting } from '../../../../src/cooperation/meetings/model.ts';
import type { Statement } from '../../../../src/cooperation/statements/model.ts';
import type { Project } from '../../../../src/cooperation/projects/model.ts';
import type { Outlet } from '../../../../src/cooperation/outlets/model.ts';
import type { Organization } from '../../../../src/registry/organizations/model.ts';
import type { Document } from '../../../../src/documents/model.ts';
import type { Position } from '../../../../src/registry/people/model.ts';

/** All values of a union, listed once; the record type makes the compiler notice a value added to the API. */
function allOf<T extends string>(values: Record<T, true>): T[] {
  return Object.keys(values) as T[];
}

export const meetingKinds = allOf<Meeting['kind']>({
  talks: true,
  visit: true,
  forum: true,
  intergovernmental_commission: true,
  working_group: true,
  call: true,
  exhibition: true,
  other: true,
});
export const statementKinds = allOf<Statement['kind']>({
  proposal: true,
  commitment: true,
  request: true,
  assessment: true,
  invitation: true,
  target: true,
});
export const statementStatuses = allOf<Statement['status']>({
  open: true,
  in_progress: true,
  fulfilled: true,
  dropped: true,
});
export const sides = allOf<NonNullable<Statement['side']>>({ home: true, partner: true, third: true });
export const projectKinds = allOf<Project['kind']>({
  supply: true,
  joint_production: true,
  construction_contract: true,
  investment: true,
  technology: true,
  education: true,
  trade_promotion: true,
  other: true,
});
export const projectStages = allOf<Project['stage']>({
  idea: true,
  proposed: true,
  negotiating: true,
  agreed: true,
  in_execution: true,
  completed: true,
  stalled: true,
  cancelled: true,
});
export const partyRoles = allOf<Project['parties'][number]['role']>({
  supplier: true,
  customer: true,
  contractor: true,
  investor: true,
  partner: true,
  operator: true,
  financier: true,
  coordinator: true,
});
export const organizationKinds = allOf<Organization['kind']>({
  enterprise: true,
  government_body: true,
  state_corporation: true,
  association: true,
  bank: true,
  university: true,
  trading_house: true,
  other: true,
});
export const outletKinds = allOf<Outlet['kind']>({
  dealer: true,
  trading_house: true,
  distribution_centre: true,
  service_centre: true,
  assembly: true,
  retail: true,
  warehouse: true,
});
export const outletStatuses = allOf<Outlet['status']>({ planned: true, active: true, suspended: true, closed: true });
export const documentKinds = allOf<Document['kind']>({
  readout: true,
  article: true,
  agreement: true,
  statistical_release: true,
  minutes: true,
  other: true,
  briefing: true,
});

export interface KindConfig {
  /** The API collection, e.g. /api/meetings. */
  api: string;
  /** The record type provenance links name. */
  recordType: string;
  fields: FieldConfig[];
  /** Fields shown as list columns after the record's name. */
  columns: string[];
  /** The list API takes `q`. */
  searchable: boolean;
  /** The list API takes `partner`. */
  byPartner: boolean;
  /** The record's name or title as kept in English and in Russian (the same text when it has one for both). */
  titleOf: (record: Record<string, unknown>) => { en: string | null; ru: string | null };
  /** The list filters by status or stage: the API's parameter and the field whose choices it offers. */
  stateFilter?: { param: 'status' | 'stage'; field: string };
  /** The list API takes `overdue=true`. */
  overdueFilter?: boolean;
  /** A column the fields do not give, e.g. the posts a person holds now. */
  extraColumn?: { label: string; text: (record: Record<string, unknown>, language: string) => string };
}

export function kindConfig(kind: RecordKind, t: TFunction): KindConfig {
  const label = (name: string) => t(`records:fields.${name}`);
  const choices = (group: string, values: readonly string[]): OptionSource => ({
    values,
    labels: (value) => t(`records:enums.${group}.${value}`),
  });
  const text = (name: string, required = false): FieldConfig => ({ name, label: label(name), type: 'text', required });
  const textarea = (name: string, required = false): FieldConfig => ({
    name,
    label: label(name),
    type: 'textarea',
    required,
  });
  // A text users write in English, Russian or both: two fields, the first saying that one of them is needed.
  const pair = (make: (name: string) => FieldConfig, base: string, hint?: string): FieldConfig[] => [
    { ...make(`${base}En`), ...(hint ? { description: t(`records:hints.${hint}`) } : {}) },
    make(`${base}Ru`),
  ];
  // Positions own the plain titleEn/titleRu labels ("post in English"); records' titles have theirs.
  const recordTitle = (name: string) => ({ ...text(name), label: label(name.replace('title', 'recordTitle')) });
  const date = (name: string, required = false): FieldConfig => ({ name, label: label(name), type: 'date', required });
  const decimal = (name: string, description: string): FieldConfig => ({
    name,
    label: label(name),
    type: 'decimal',
    description,
  });
  const select = (name: string, options: OptionSource, required = false): FieldConfig => ({
    name,
    label: label(name),
    type: 'select',
    options,
    required,
  });
  const rows = (name: string, fields: FieldConfig[]): FieldConfig => ({
    name,
    label: label(name),
    type: 'rows',
    fields,
    rowLabel: t(`records:rows.${name}.one`),
    addLabel: t(`records:rows.${name}.add`),
  });
  const side = (required: boolean) => select('side', choices('side', sides), required);
  const sectors: FieldConfig = {
    name: 'sectorCodes',
    label: label('sectorCodes'),
    type: 'multiselect',
    options: 'sectors',
  };
  const pairOf = (record: Record<string, unknown>, base: string) => ({
    en: (record[`${base}En`] as string | null) ?? null,
    ru: (record[`${base}Ru`] as string | null) ?? null,
  });
  const named = (record: Record<string, unknown>) => pairOf(record, 'name');
  const titled = (record: Record<string, unknown>) => pairOf(record, 'title');

  switch (kind) {
    case 'meetings':
      return {
        api: '/api/meetings',
        recordType: 'meeting',
        searchable: true,
        byPartner: true,
        columns: ['heldOn', 'kind', 'place'],
        titleOf: titled,
        fields: [
          select('relationshipId', 'relationships', true),
          date('heldOn', true),
          select('kind', choices('meetingKind', meetingKinds), true),
          ...pair(recordTitle, 'title', 'oneRecordTitle'),
          text('place'),
          ...pair(textarea, 'summary'),
          rows('participants', [select('personId', 'people', true), side(true), ...pair(text, 'role', 'oneRole')]),
          rows('delegation', [select('organizationId', 'organizations', true), side(true)]),
          sectors,
        ],
      };
    case 'statements':
      return {
        api: '/api/statements',
        recordType: 'statement',
        searchable: false,
        byPartner: true,
        stateFilter: { param: 'status', field: 'status' },
        overdueFilter: true,
        columns: ['kind', 'status', 'dueOn'],
        titleOf: (record) => {
          const short = (words: string | null) => (words && words.length > 90 ? `${words.slice(0, 88)}…` : words);
          const text = pairOf(record, 'text');
          return { en: short(text.en), ru: short(text.ru) };
        },
        fields: [
          select('meetingId', 'meetings', true),
          select('kind', choices('statementKind', statementKinds), true),
          ...pair(textarea, 'text', 'oneText'),
          select('speakerPersonId', 'people'),
          side(false),
          select('sectorCode', 'sectors'),
          select('projectId', 'projects'),
          select('ownerPersonId', 'people'),
          select('ownerOrganizationId', 'organizations'),
          date('dueFrom'),
          date('dueOn'),
          date('statedOn'),
          { ...select('status', choices('statementStatus', statementStatuses), true), createOnly: true },
        ],
      };
    case 'projects':
      return {
        api: '/api/projects',
        recordType: 'project',
        searchable: true,
        byPartner: true,
        stateFilter: { param: 'stage', field: 'stage' },
        columns: ['kind', 'stage', 'valueMinor'],
        titleOf: titled,
        fields: [
          select('relationshipId', 'relationships', true),
          ...pair(recordTitle, 'title', 'oneRecordTitle'),
          select('kind', choices('projectKind', projectKinds), true),
          select('sectorCode', 'sectors'),
          textarea('description'),
          { name: 'valueMinor', label: label('valueMinor'), type: 'money' },
          { ...text('currency'), description: t('records:hints.currency') },
          { ...select('stage', choices('stage', projectStages), true), createOnly: true },
          { ...date('stageOn'), createOnly: true, omitEmpty: true },
          rows('parties', [
            select('organizationId', 'organizations', true),
            select('role', choices('partyRole', partyRoles), true),
            side(true),
          ]),
          rows('milestones', [text('title', true), date('dueOn'), date('doneOn'), text('note')]),
        ],
      };
    case 'organizations':
      return {
        api: '/api/organizations',
        recordType: 'organization',
        searchable: true,
        byPartner: false,
        columns: ['kind', 'territoryCode'],
        titleOf: named,
        fields: [
          select('kind', choices('organizationKind', organizationKinds), true),
          { ...text('nameEn'), description: t('records:hints.oneName') },
          text('nameRu'),
          select('territoryCode', 'territories', true),
          textarea('description'),
          textarea('spareCapacityNote'),
          { ...text('website'), description: t('records:hints.website'), link: true },
          rows('aliases', [
            text('alias', true),
            { ...text('language'), type: 'language', description: t('records:hints.language') },
          ]),
          sectors,
          rows('products', [text('name', true), text('hsCode'), text('capacityNote')]),
        ],
      };
    case 'people':
      return {
        api: '/api/people',
        recordType: 'person',
        searchable: true,
        byPartner: false,
        columns: [],
        titleOf: named,
        extraColumn: {
          label: t('records:list.currentPosts'),
          text: (record, language) =>
            ((record.positions ?? []) as Position[])
              .filter((position) => position.toOn === null)
              .map((position) => inLanguage(position.titleEn, position.titleRu, language))
              .join('; ') || '—',
        },
        fields: [{ ...text('nameEn'), description: t('records:hints.oneName') }, text('nameRu'), textarea('notes')],
      };
    case 'outlets':
      return {
        api: '/api/outlets',
        recordType: 'outlet',
        searchable: false,
        byPartner: true,
        stateFilter: { param: 'status', field: 'status' },
        columns: ['kind', 'status', 'city'],
        // An outlet's name is kept as it is written on its sign, in one language for every reader.
        titleOf: (record) => ({ en: String(record.name ?? ''), ru: String(record.name ?? '') }),
        fields: [
          select('relationshipId', 'relationships', true),
          text('name', true),
          select('kind', choices('outletKind', outletKinds), true),
          select('territoryCode', 'territories', true),
          text('city'),
          decimal('latitude', t('records:hints.latitude')),
          decimal('longitude', t('records:hints.longitude')),
          select('operatorOrganizationId', 'organizations'),
          date('openedOn'),
          date('closedOn'),
          select('status', choices('outletStatus', outletStatuses), true),
          textarea('notes'),
          rows('lines', [select('organizationId', 'organizations'), text('productGroup', true), date('sinceOn')]),
        ],
      };
    case 'documents':
      return {
        api: '/api/documents',
        recordType: 'document',
        searchable: true,
        byPartner: false,
        columns: ['kind', 'publishedOn', 'language'],
        titleOf: titled,
        fields: [
          ...pair(recordTitle, 'title', 'oneRecordTitle'),
          select('kind', choices('documentKind', documentKinds), true),
          date('publishedOn'),
          { ...text('language', true), type: 'language', description: t('records:hints.language') },
          { ...text('sourceUrl'), description: t('records:hints.website'), link: true },
          text('publisher'),
          textarea('notes'),
        ],
      };
  }
}

/** A record's title as plain text (a heading, a confirmation), in the reader's language when it has one. */
export function titleText(config: KindConfig, record: Record<string, unknown>, language: string): string {
  const title = config.titleOf(record);
  return pickLanguage(title.en, title.ru, language)?.text ?? '';
}

/** A post a person holds; positions are their own records, edited from the person's page. */
export function positionFields(t: TFunction): FieldConfig[] {
  const label = (name: string) => t(`records:fields.${name}`);
  return [
    { name: 'titleEn', label: label('titleEn'), type: 'text', description: t('records:hints.oneTitle') },
    { name: 'titleRu', label: label('titleRu'), type: 'text' },
    { name: 'organizationId', label: label('organizationId'), type: 'select', options: 'organizations' },
    { name: 'territoryCode', label: label('territoryCode'), type: 'select', options: 'territories' },
    { name: 'fromOn', label: label('fromOn'), type: 'date' },
    { name: 'toOn', label: label('toOn'), type: 'date' },
  ];
}
