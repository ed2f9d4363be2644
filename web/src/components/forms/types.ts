/** Where a select takes its choices from: another kind of record, or a fixed list of values. */
export type OptionSource =
  | 'relationships'
  | 'people'
  | 'organizations'
  | 'sectors'
  | 'territories'
  | 'meetings'
  | 'projects'
  | { values: readonly string[]; labels: (value: string) => string };

export interface Option {
  value: string;
  label: string;
}

interface BaseField {
  name: string;
  label: string;
  required?: boolean;
  description?: string;
  /** Only when creating: the update refuses it (e.g. stage, whose changes have their own operation). */
  createOnly?: boolean;
  /** Left out of the input when empty: the API takes no null for it, only its absence (e.g. "today"). */
  omitEmpty?: boolean;
  /** A web address, shown as a link to follow. */
  link?: boolean;
}

export type FieldConfig =
  | (BaseField & { type: 'text' | 'textarea' | 'date' })
  /** A language code typed as text (en, ru, be), shown as the language's name. */
  | (BaseField & { type: 'language' })
  /** Money in the API's integer minor units, typed as a decimal amount. */
  | (BaseField & { type: 'money' })
  /** A number with a fraction (degrees of latitude…), typed with a point or a comma. */
  | (BaseField & { type: 'decimal' })
  | (BaseField & { type: 'select'; options: OptionSource })
  | (BaseField & { type: 'multiselect'; options: OptionSource })
  /** A list of sub-records (participants, parties, milestones…), each row with its own fields. */
  | (BaseField & { type: 'rows'; fields: FieldConfig[]; rowLabel: string; addLabel: string });

export type FormValue = string | string[] | FormValues[];
export interface FormValues {
  [name: string]: FormValue;
}

/** Messages by dotted field path (participants.0.role), plus those no field can show. */
export interface PlacedErrors {
  byPath: Record<string, string>;
  /** The same messages, each after its field's label, for a summary on top of the form. */
  named: string[];
  unplaced: string[];
}
