import { z } from 'zod';
import { isoDate, recordId, side, territoryCode, version } from '../core/model.ts';
import { meetingKind, sectorCode } from '../cooperation/meetings/model.ts';
import { statementKind } from '../cooperation/statements/model.ts';
import { projectKind } from '../cooperation/projects/model.ts';
import { organizationKind } from '../registry/organizations/model.ts';
import { figureMetric } from '../trade/figures/model.ts';

export const readoutLanguage = z.enum(['en', 'ru']);
export type ReadoutLanguage = z.infer<typeof readoutLanguage>;

/** Characters `start` (inclusive) to `end` (exclusive) of the readout's stored text, in UTF-16 units. */
export const span = z.object({ start: z.number().int().min(0), end: z.number().int().min(0) });
export type Span = z.infer<typeof span>;

export const readoutItemKinds = [
  'meeting',
  'participant',
  'organization',
  'territory',
  'sector',
  'trade_figure',
  'commodity',
  'statement',
  'project',
] as const;
export const readoutItemKind = z.enum(readoutItemKinds);
export type ReadoutItemKind = z.infer<typeof readoutItemKind>;

/** proposed: as drafted; accepted or rejected by the reviewer. Only accepted items are written. */
export const itemStatus = z.enum(['proposed', 'accepted', 'rejected']);
export type ItemStatus = z.infer<typeof itemStatus>;

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'expected a month as YYYY-MM');
const decimal = z.string().regex(/^-?\d{1,20}(\.\d{1,12})?$/, 'expected a decimal number such as 96300000');
const name = z.string().trim().min(1).max(300);
/** Another item of the same readout, so a statement can name its speaker before that person exists. */
const itemRef = z.string().min(1).max(64);

export const meetingValue = z.object({
  heldOn: isoDate.nullable(),
  place: name.nullable(),
  kind: meetingKind,
  relationshipId: recordId.nullable(),
  title: z.string().trim().max(500).nullable(),
});

export const participantValue = z.object({
  name,
  role: z.string().trim().max(300).nullable(),
  side: side.nullable(),
  /** The territory the role is of ("Governor of Kursk Oblast" → RU-KRS), for a new person's position. */
  territoryCode: territoryCode.nullable(),
});

export const organizationValue = z.object({
  name,
  kind: organizationKind,
  territoryCode: territoryCode.nullable(),
  side: side.nullable(),
});

/** A territory the readout names; home and partner are the two sides it is about. */
export const territoryValue = z.object({ code: territoryCode, name, side: side.nullable() });
export const sectorValue = z.object({ code: sectorCode, term: name });

export const tradeFigureValue = z.object({
  measure: figureMetric.exclude(['balance']),
  reporter: territoryCode,
  partner: territoryCode,
  periodFrom: month,
  periodTo: month,
  /** As quoted, in units of the currency. */
  amount: decimal,
  currency: z.string().regex(/^[A-Z]{3}$/),
  qualifier: z.enum(['more than', 'less than', 'about', 'almost']).nullable(),
  growthPercent: decimal.nullable(),
  growthMultiple: decimal.nullable(),
  basePeriodFrom: month.nullable(),
  basePeriodTo: month.nullable(),
});

export const commodityValue = z.object({
  hs: z.string().regex(/^\d{2}(\d{2}){0,2}$/, 'expected an HS chapter, heading or subheading'),
  term: name,
  flow: z.enum(['export', 'import']).nullable(),
});

export const statementValue = z.object({
  kind: statementKind,
  text: z.string().trim().min(1).max(5_000),
  /** Who said it, as the text names them. */
  by: z.string().trim().max(300).nullable(),
  /** The participant item that is the speaker, when there is one. */
  speakerItemId: itemRef.nullable(),
  side: side.nullable(),
  sectorCode: sectorCode.nullable(),
  organizationItemIds: z.array(itemRef).max(50),
  projectItemId: itemRef.nullable(),
  dueFrom: isoDate.nullable(),
  dueTo: isoDate.nullable(),
});

export const projectValue = z.object({
  title: z.string().trim().min(1).max(500),
  kind: projectKind,
  sectorCode: sectorCode.nullable(),
  partyItemIds: z.array(itemRef).max(50),
});

export const itemValues = {
  meeting: meetingValue,
  participant: participantValue,
  organization: organizationValue,
  territory: territoryValue,
  sector: sectorValue,
  trade_figure: tradeFigureValue,
  commodity: commodityValue,
  statement: statementValue,
  project: projectValue,
} as const;

export type ItemValue<K extends ReadoutItemKind> = z.infer<(typeof itemValues)[K]>;

/** The kind of record an item's match names. */
export const matchRecordType = z.enum(['meeting', 'person', 'organization', 'project', 'official_figure']);

/** An existing record the item is taken to be; `version` is the one seen when drafting. */
export const itemMatch = z.object({
  recordType: matchRecordType,
  recordId: z.string(),
  version: z.number().int(),
  label: z.string(),
});
export type ItemMatch = z.infer<typeof itemMatch>;

export const candidate = itemMatch.extend({ score: z.number() });

/** What Accord computes for the same pair and period, beside a quoted figure. */
export const computedFigure = z.object({
  amount: decimal.nullable(),
  currency: z.string(),
  growthPercent: decimal.nullable(),
  /** Why there is no amount: no data for the period, or no rate for the quoted currency yet. */
  missing: z.enum(['no_data', 'no_exchange_rate']).nullable(),
});

const itemCommon = {
  id: z.string(),
  /** The words the item was read from. */
  span,
  /** The sentence those words are in. */
  sentence: span,
  confidence: z.number().min(0).max(1),
  /** The id of the extraction rule that drafted it. */
  rule: z.string(),
  status: itemStatus,
  /** Changed by the reviewer since it was drafted. */
  edited: z.boolean(),
  match: itemMatch.nullable(),
  candidates: z.array(candidate),
  /** The record written for it on acceptance. */
  recordId: z.string().nullable(),
};

export const readoutItem = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('meeting'), value: meetingValue, ...itemCommon }),
    z.object({ kind: z.literal('participant'), value: participantValue, ...itemCommon }),
    z.object({ kind: z.literal('organization'), value: organizationValue, ...itemCommon }),
    z.object({ kind: z.literal('territory'), value: territoryValue, ...itemCommon }),
    z.object({ kind: z.literal('sector'), value: sectorValue, ...itemCommon }),
    z.object({
      kind: z.literal('trade_figure'),
      value: tradeFigureValue,
      computed: computedFigure.nullable(),
      ...itemCommon,
    }),
    z.object({ kind: z.literal('commodity'), value: commodityValue, ...itemCommon }),
    z.object({ kind: z.literal('statement'), value: statementValue, ...itemCommon }),
    z.object({ kind: z.literal('project'), value: projectValue, ...itemCommon }),
  ])
  .meta({ id: 'ReadoutItem' });
export type ReadoutItem = z.infer<typeof readoutItem>;

export const readoutStatus = z.enum(['draft', 'accepted']);

export const readout = z
  .object({
    id: z.string(),
    documentId: z.string(),
    sha256: z.string(),
    language: readoutLanguage,
    title: z.string().nullable(),
    /** The day the readout was published: read from its text where stated, else as given. */
    documentDate: isoDate,
    dateStated: z.boolean(),
    sourceUrl: z.string().nullable(),
    publisher: z.string().nullable(),
    relationshipId: z.string().nullable(),
    meetingId: z.string().nullable(),
    status: readoutStatus,
    text: z.string(),
    items: z.array(readoutItem),
    createdAt: z.string(),
    acceptedAt: z.string().nullable(),
    version: z.number().int(),
  })
  .meta({ id: 'Readout' });
export type Readout = z.infer<typeof readout>;

export const readoutSummary = z
  .object({
    id: z.string(),
    title: z.string().nullable(),
    documentDate: z.string(),
    language: readoutLanguage,
    status: readoutStatus,
    relationshipId: z.string().nullable(),
    meetingId: z.string().nullable(),
    itemCount: z.number().int(),
    createdAt: z.string(),
  })
  .meta({ id: 'ReadoutSummary' });
export type ReadoutSummary = z.infer<typeof readoutSummary>;

/** A pasted readout. An uploaded file comes as the request body instead, these fields in the query. */
export const readoutTextInput = z
  .object({
    text: z.string().max(200_000),
    /** The day it was published; needed where the text does not state it. */
    documentDate: isoDate.nullable().default(null),
    title: z.string().trim().max(500).nullable().default(null),
    sourceUrl: z.string().trim().max(2000).nullable().default(null),
    publisher: z.string().trim().max(300).nullable().default(null),
    /** The relationship it is about, where the reader knows better than the text says. */
    relationshipId: recordId.nullable().default(null),
  })
  .strict();
export type ReadoutTextInput = z.input<typeof readoutTextInput>;

export const readoutFileQuery = readoutTextInput.omit({ text: true }).extend({
  fileName: z.string().trim().min(1).max(255),
});

export const itemPatch = z
  .object({
    status: itemStatus.optional(),
    /** The corrected value, whole, of the item's kind. */
    value: z.record(z.string(), z.unknown()).optional(),
    /** Another existing record, or null for a new one. */
    match: z
      .object({ recordId: z.string().min(1).max(64) })
      .nullable()
      .optional(),
    version,
  })
  .strict();
export type ItemPatch = z.infer<typeof itemPatch>;

export const acceptInput = z
  .object({
    /** Also write the items still only proposed (not rejected), as the CLI's `--all` does. */
    proposed: z.enum(['skip', 'accept']).default('skip'),
    version,
  })
  .strict();

/** What a user's lexicon word stands for: goods (an HS code) or a branch of the economy (an ISIC code). */
export const lexiconKind = z.enum(['commodity', 'sector']);
export type LexiconKind = z.infer<typeof lexiconKind>;

const cyrillicLetter = /\p{Script=Cyrillic}/u;
const latinLetter = /\p{Script=Latin}/u;

/** The language a term is taken to be in when none is given: Russian when it has a Cyrillic letter. */
export function languageOfTerm(term: string): ReadoutLanguage {
  return cyrillicLetter.test(term) ? 'ru' : 'en';
}

/**
 * A word a user teaches the extraction. A term in a script its language is not written in would never match the
 * readouts it was meant for, so it is refused (`wrong_script`) rather than stored.
 */
export const lexiconTermInput = z
  .object({
    kind: lexiconKind,
    term: z.string().trim().min(1).max(200),
    /** Detected from the term's letters when left out. */
    language: readoutLanguage.optional(),
    /** For a commodity an HS chapter, heading or subheading (07, 0704, 070490); for a sector an ISIC code (C, 10). */
    code: z.string().trim().min(1).max(12),
  })
  .strict()
  .superRefine((input, ctx) => {
    const cyrillic = cyrillicLetter.test(input.term);
    if (!cyrillic && !latinLetter.test(input.term)) {
      ctx.addIssue({
        code: 'custom',
        path: ['term'],
        message: 'has no letters; a term is a word or phrase as readouts write it',
        params: { code: 'no_letters' },
      });
    } else if (input.language === 'en' && cyrillic) {
      ctx.addIssue({
        code: 'custom',
        path: ['term'],
        message: 'is written in Cyrillic letters, so it cannot be an English term; give language ru',
        params: { code: 'wrong_script', language: 'en' },
      });
    } else if (input.language === 'ru' && !cyrillic) {
      ctx.addIssue({
        code: 'custom',
        path: ['term'],
        message: 'has no Cyrillic letters, so it cannot be a Russian term; give language en',
        params: { code: 'wrong_script', language: 'ru' },
      });
    }
  });
export type LexiconTermInput = z.input<typeof lexiconTermInput>;

export const lexiconTerm = z
  .object({
    id: z.string(),
    kind: lexiconKind,
    term: z.string(),
    language: readoutLanguage,
    code: z.string(),
    createdAt: z.string(),
  })
  .meta({ id: 'LexiconTerm' });
export type LexiconTermRecord = z.infer<typeof lexiconTerm>;
