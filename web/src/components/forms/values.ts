import type { TFunction } from 'i18next';
import type { Problem } from '../../api/client.ts';
import { formatDate } from '../../i18n/format.ts';
import type { FieldConfig, FormValue, FormValues, PlacedErrors } from './types.ts';

function fieldsFor(fields: FieldConfig[], mode: 'create' | 'edit'): FieldConfig[] {
  return mode === 'edit' ? fields.filter((field) => !field.createOnly) : fields;
}

/** Integer minor units as the decimal amount a person types: 150000050 → "1500000.5". */
export function centsToText(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  const whole = Math.trunc(abs / 100);
  const fraction = abs % 100;
  return fraction === 0 ? `${sign}${whole}` : `${sign}${whole}.${String(fraction).padStart(2, '0')}`;
}

/** The typed amount in minor units, parsed as text so no float rounding creeps in; undefined if malformed. */
export function textToCents(text: string): number | undefined {
  const match = /^(\d+)(?:[.,](\d{1,2}))?$/.exec(text.replace(/[\s\u00a0]/g, ''));
  if (!match) return undefined;
  const cents = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  return Number.isSafeInteger(cents) ? cents : undefined;
}

/** A typed decimal such as "51,73" or "-36.19" as a number; undefined if it is not one. */
export function textToDecimal(text: string): number | undefined {
  const normalized = text
    .replace(/[\s\u00a0]/g, '')
    .replace(/^[\u2212\u2013]/, '-')
    .replace(',', '.');
  return /^[-+]?(\d+(\.\d*)?|\.\d+)$/.test(normalized) ? Number(normalized) : undefined;
}

export function emptyValues(fields: FieldConfig[]): FormValues {
  const values: FormValues = {};
  for (const field of fields) {
    values[field.name] = field.type === 'rows' || field.type === 'multiselect' ? [] : '';
  }
  return values;
}

/** A record as the form edits it: every scalar as text, lists as arrays. */
export function toFormValues(fields: FieldConfig[], record: Record<string, unknown>): FormValues {
  const values: FormValues = {};
  for (const field of fields) {
    const value = record[field.name];
    if (field.type === 'rows') {
      values[field.name] = Array.isArray(value)
        ? value.map((row) => toFormValues(field.fields, row as Record<string, unknown>))
        : [];
    } else if (field.type === 'multiselect') {
      values[field.name] = Array.isArray(value) ? value.map(String) : [];
    } else if (field.type === 'money') {
      values[field.name] = typeof value === 'number' ? centsToText(value) : '';
    } else {
      values[field.name] = value === null || value === undefined ? '' : String(value);
    }
  }
  return values;
}

/**
 * The form's values as the API's input. Empty optional fields become null; an empty required one is
 * sent as it is, so the API names it and the message lands next to it. Only a malformed amount is
 * caught here, since it cannot be sent as a number at all.
 */
export function toInput(
  fields: FieldConfig[],
  values: FormValues,
  mode: 'create' | 'edit',
  prefix = '',
): { body: Record<string, unknown>; problems: Problem[] } {
  const body: Record<string, unknown> = {};
  const problems: Problem[] = [];
  for (const field of fieldsFor(fields, mode)) {
    const value = values[field.name];
    const path = `${prefix}${field.name}`;
    if (field.type === 'rows') {
      body[field.name] = ((value ?? []) as FormValues[]).map((row, index) => {
        const converted = toInput(field.fields, row, 'create', `${path}.${index}.`);
        problems.push(...converted.problems);
        return converted.body;
      });
    } else if (field.type === 'multiselect') {
      body[field.name] = (value ?? []) as string[];
    } else {
      const text = typeof value === 'string' ? value.trim() : '';
      if (field.type === 'money') {
        if (text === '') body[field.name] = null;
        else {
          const cents = textToCents(text);
          if (cents === undefined) problems.push({ path, message: 'forms:errors.amount' });
          body[field.name] = cents ?? null;
        }
      } else if (field.type === 'decimal') {
        if (text === '') body[field.name] = null;
        else {
          const number = textToDecimal(text);
          if (number === undefined) problems.push({ path, message: 'forms:errors.decimal' });
          body[field.name] = number ?? null;
        }
      } else if (text === '') {
        if (!field.omitEmpty) body[field.name] = field.required ? '' : null;
      } else {
        body[field.name] = text;
      }
    }
  }
  return { body, problems };
}

/** Every path a message can be shown at, for the values as they are now (rows come and go). */
export function knownPaths(fields: FieldConfig[], values: FormValues, prefix = ''): string[] {
  return walk(fields, values, prefix).map((entry) => entry.path);
}

/** The label a person reads for each path: "Participant 2 — Role" for a field in the second row. */
export function labelsByPath(fields: FieldConfig[], values: FormValues): Record<string, string> {
  return Object.fromEntries(walk(fields, values, '').map((entry) => [entry.path, entry.label]));
}

/** The required fields left empty, where any complaint of the API is best said as "required". */
export function emptyRequiredPaths(fields: FieldConfig[], values: FormValues): Set<string> {
  return new Set(walk(fields, values, '').flatMap((entry) => (entry.emptyRequired ? [entry.path] : [])));
}

interface PathEntry {
  path: string;
  label: string;
  emptyRequired: boolean;
}

function walk(fields: FieldConfig[], values: FormValues, prefix: string, labelPrefix = ''): PathEntry[] {
  const paths: PathEntry[] = [];
  for (const field of fields) {
    const path = `${prefix}${field.name}`;
    const label = `${labelPrefix}${field.label}`;
    paths.push({ path, label, emptyRequired: !!field.required && isEmptyValue(values[field.name]) });
    if (field.type === 'rows') {
      ((values[field.name] ?? []) as FormValues[]).forEach((row, index) => {
        const rowLabel = `${field.rowLabel} ${index + 1}`;
        paths.push({ path: `${path}.${index}`, label: rowLabel, emptyRequired: false });
        paths.push(...walk(field.fields, row, `${path}.${index}.`, `${rowLabel} — `));
      });
    }
  }
  return paths;
}

/**
 * Puts each problem at the deepest field its path falls under (sectorCodes.1 → the sector list,
 * participants.0.role → the role in the first participant row); the rest go to the top of the form.
 * Each placed one is also listed by its field's label, for the summary on top of the form.
 */
export function placeProblems(
  problems: Problem[],
  fields: FieldConfig[],
  values: FormValues,
  t: TFunction,
  language: string,
): PlacedErrors {
  const labels = labelsByPath(fields, values);
  const emptyRequired = emptyRequiredPaths(fields, values);
  const placed: PlacedErrors = { byPath: {}, named: [], unplaced: [] };
  for (const problem of problems) {
    const segments = problem.path.split('.');
    let target: string | undefined;
    for (let length = segments.length; length > 0 && !target; length--) {
      const candidate = segments.slice(0, length).join('.');
      if (candidate in labels) target = candidate;
    }
    const message =
      target && emptyRequired.has(target) ? t('forms:problem.required') : problemMessage(problem, t, language);
    if (target) {
      if (placed.byPath[target] !== undefined) continue;
      placed.byPath[target] = message;
      placed.named.push(t('forms:named', { field: labels[target], message }));
    } else placed.unplaced.push(message);
  }
  return placed;
}

/** Parameters worth saying: dates in the reader's way, the rest as they are. */
function sayable(params: Problem['params'], language: string): Record<string, unknown> {
  const said: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(params ?? {})) {
    said[name] = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? formatDate(value, language) : value;
  }
  return said;
}

/**
 * A problem said in the reader's language from its code, with plural forms for bounds ("не длиннее
 * 500 знаков"). A code the web does not know gets a general sentence in the reader's language.
 */
export function problemMessage(problem: Problem, t: TFunction, language: string): string {
  if (problem.message.startsWith('forms:')) return t(problem.message);
  const params = sayable(problem.params, language);
  const bound = typeof params.maximum === 'number' ? params.maximum : params.minimum;
  // Bounds read differently for text, lists and numbers; formats by what was expected (url…).
  const variant = params.origin ?? params.format;
  const options = { ...params, count: typeof bound === 'number' ? bound : undefined, defaultValue: '' };
  const varied = problem.code === 'too_big' || problem.code === 'too_small' || problem.code === 'invalid_format';
  const keys = varied
    ? [`forms:problem.${problem.code}.${String(variant)}`, `forms:problem.${problem.code}.other`]
    : problem.code
      ? [`forms:problem.${problem.code}`]
      : [];
  for (const key of keys) {
    const said = t(key, options);
    if (typeof said === 'string' && said !== '') return said;
  }
  // The API's own sentence is English: English readers get it as it is, others a general one in their language.
  return language === 'en' ? problem.message : t('forms:problem.unknown');
}

export function isEmptyValue(value: FormValue | undefined): boolean {
  return value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
}
