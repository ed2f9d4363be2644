import { z } from 'zod';
import { isoDate, longText, recordId, recordMeta, shortText, version } from '../core/model.ts';
import { pairCheck, pairOf, requirePair } from '../core/languages.ts';

export const documentKind = z.enum([
  'readout',
  'article',
  'agreement',
  'statistical_release',
  'minutes',
  'other',
  'briefing',
]);
/** A briefing is only ever a produced file saved with what it was produced for (src/briefing/saved.ts). */
const writableDocumentKind = documentKind.exclude(['briefing']);

function canonicalLanguage(value: string): string | null {
  try {
    return Intl.getCanonicalLocales(value)[0] ?? null;
  } catch {
    return null;
  }
}

/**
 * A BCP 47 language tag such as en, ru, be or en-GB, stored in its canonical spelling so that
 * `EN-gb` and `en-GB` are the same language when filtering.
 */
export const languageCode = z
  .string()
  .trim()
  .max(35)
  .refine((value) => /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(value) && canonicalLanguage(value) !== null, {
    message: 'expected a BCP 47 language code such as en, ru, be or en-GB',
    params: { code: 'language_code' },
  })
  .transform((value) => canonicalLanguage(value)!);

/** Where the document can be read; only web addresses, so a link in the UI never runs a script. */
export const sourceUrl = z.string().trim().max(2000).pipe(z.httpUrl('expected an http(s) address'));

/** A title in the languages it is known in (a Russian readout may have an English one too); one is needed. */
export const documentTitle = pairOf('title');
const title = shortText(500);

export const documentInput = z
  .object({
    titleEn: title.nullable().default(null),
    titleRu: title.nullable().default(null),
    kind: writableDocumentKind,
    publishedOn: isoDate.nullable().default(null),
    language: languageCode,
    sourceUrl: sourceUrl.nullable().default(null),
    publisher: shortText(300).nullable().default(null),
    notes: longText(20_000).nullable().default(null),
  })
  .superRefine(requirePair(documentTitle, 'the title'), pairCheck(documentTitle));
export type DocumentInput = z.input<typeof documentInput>;

// Written out rather than derived from documentInput: a default inside an optional field would fill
// omitted fields with null and so erase them.
export const documentUpdate = z.object({
  titleEn: title.nullable().optional(),
  titleRu: title.nullable().optional(),
  // A form sends the kind it shows; the service refuses making or unmaking a briefing.
  kind: documentKind.optional(),
  publishedOn: isoDate.nullable().optional(),
  language: languageCode.optional(),
  sourceUrl: sourceUrl.nullable().optional(),
  publisher: shortText(300).nullable().optional(),
  notes: longText(20_000).nullable().optional(),
  version,
});

export const document = z
  .object({
    id: z.string(),
    titleEn: z.string().nullable(),
    titleRu: z.string().nullable(),
    kind: documentKind,
    publishedOn: z.string().nullable(),
    language: z.string(),
    sourceUrl: z.string().nullable(),
    publisher: z.string().nullable(),
    notes: z.string().nullable(),
    ...recordMeta,
  })
  .meta({ id: 'Document' });
export type Document = z.infer<typeof document>;

/** What a document's file is, without its bytes. */
export const documentFileInfo = z
  .object({
    fileName: z.string(),
    contentType: z.string(),
    byteSize: z.number().int(),
    sha256: z.string().meta({ description: 'SHA-256 of the bytes, lower-case hex' }),
  })
  .meta({ id: 'DocumentFile' });
export type DocumentFileInfo = z.infer<typeof documentFileInfo>;

/** The largest file a document keeps in the database: 20 MiB. */
export const maxDocumentFileBytes = 20 * 1024 * 1024;

export const documentFilter = z.object({
  kind: documentKind.optional(),
  /** `en` also finds documents tagged `en-GB`. */
  language: languageCode.optional(),
  q: z.string().max(200).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
});
export type DocumentFilter = z.infer<typeof documentFilter>;

export const provenanceRecordType = z.enum([
  'territory',
  'relationship',
  'agreement',
  'organization',
  'person',
  'position',
  'meeting',
  'statement',
  'project',
  'outlet',
  'document',
]);
export type ProvenanceRecordType = z.infer<typeof provenanceRecordType>;

/** The record a source is given for; territories are named by their ISO code, everything else by id. */
export const provenanceSubject = z.object({
  recordType: provenanceRecordType,
  recordId: z.string().trim().min(1).max(64),
});
export type ProvenanceSubject = z.infer<typeof provenanceSubject>;

export const provenanceInput = provenanceSubject.extend({
  documentId: recordId.nullable().default(null),
  sourcePersonId: recordId.nullable().default(null),
  locator: shortText(300).nullable().default(null),
  note: longText(2000).nullable().default(null),
});

const documentSummary = z.object({
  id: z.string(),
  titleEn: z.string().nullable(),
  titleRu: z.string().nullable(),
  kind: documentKind,
  publishedOn: z.string().nullable(),
  sourceUrl: z.string().nullable(),
  publisher: z.string().nullable(),
});

const personSummary = z.object({ id: z.string(), nameEn: z.string().nullable(), nameRu: z.string().nullable() });

/** Where one record came from: a document (with the place in it) or a person who told it. */
export const provenanceLink = z
  .object({
    id: z.string(),
    recordType: provenanceRecordType,
    recordId: z.string(),
    documentId: z.string().nullable(),
    sourcePersonId: z.string().nullable(),
    locator: z.string().nullable(),
    note: z.string().nullable(),
    createdAt: z.string(),
    document: documentSummary.nullable(),
    sourcePerson: personSummary.nullable(),
  })
  .meta({ id: 'ProvenanceLink' });
export type ProvenanceLink = z.infer<typeof provenanceLink>;

/** A link seen from the document: which record cites it, named so a reader need not look it up. */
export const documentCitation = provenanceLink
  .extend({ recordLabel: z.string().nullable() })
  .meta({ id: 'DocumentCitation' });
export type DocumentCitation = z.infer<typeof documentCitation>;
