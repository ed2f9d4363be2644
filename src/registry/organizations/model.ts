import { z } from 'zod';
import { languageCode, sourceUrl } from '../../documents/model.ts';
import { longText, recordMeta, shortText, territoryCode, version } from '../../core/model.ts';

export const organizationKind = z.enum([
  'enterprise',
  'government_body',
  'state_corporation',
  'association',
  'bank',
  'university',
  'trading_house',
  'other',
]);

/** Another name the organization goes by, e.g. its legal form "OAO Planar" or a Russian spelling. */
export const alias = z.object({
  alias: shortText(500),
  language: languageCode.nullable().default(null),
});
export type Alias = z.output<typeof alias>;

/** A Harmonized System heading or subheading: 2 to 10 digits (chapter, heading, national lines). */
const hsCode = z
  .string()
  .trim()
  .regex(/^\d{2}(\d{2}){0,4}$/, 'expected an HS code of 2, 4, 6, 8 or 10 digits');

export const product = z.object({
  name: shortText(500),
  hsCode: hsCode.nullable().default(null),
  /** What it could make or deliver beyond current orders, in the organization's own terms. */
  capacityNote: longText(2_000).nullable().default(null),
});
export type Product = z.output<typeof product>;

const sectorCodes = z
  .array(z.string().trim().min(1).max(4))
  .max(50)
  .superRefine((codes, ctx) => {
    const seen = new Set<string>();
    codes.forEach((code, index) => {
      if (seen.has(code)) ctx.addIssue({ code: 'custom', path: [index], message: `sector ${code} is listed twice` });
      seen.add(code);
    });
  });
const aliases = z.array(alias).max(100);
const products = z.array(product).max(200);

const name = shortText(500);

/** Names are kept in the languages they are known in; at least one of the two is needed. */
function requireName(value: { nameEn?: string | null; nameRu?: string | null }, ctx: z.RefinementCtx): void {
  if (!value.nameEn && !value.nameRu) {
    ctx.addIssue({
      code: 'custom',
      path: ['nameEn'],
      message: 'give a name in English (nameEn) or Russian (nameRu)',
      params: { code: 'name_needed' },
    });
  }
}

export const organizationInput = z
  .object({
    kind: organizationKind,
    nameEn: name.nullable().default(null),
    nameRu: name.nullable().default(null),
    territoryCode,
    description: longText(20_000).nullable().default(null),
    spareCapacityNote: longText(5_000).nullable().default(null),
    website: sourceUrl.nullable().default(null),
    aliases: aliases.default([]),
    sectorCodes: sectorCodes.default([]),
    products: products.default([]),
  })
  .superRefine(requireName);
export type OrganizationInput = z.input<typeof organizationInput>;

// Written out rather than derived from organizationInput: defaults inside optional fields would erase
// the fields an editor left out. Whether a name remains is checked against the stored record.
export const organizationUpdate = z.object({
  kind: organizationKind.optional(),
  nameEn: name.nullable().optional(),
  nameRu: name.nullable().optional(),
  territoryCode: territoryCode.optional(),
  description: longText(20_000).nullable().optional(),
  spareCapacityNote: longText(5_000).nullable().optional(),
  website: sourceUrl.nullable().optional(),
  aliases: aliases.optional(),
  sectorCodes: sectorCodes.optional(),
  products: products.optional(),
  version,
});

export const organization = z
  .object({
    id: z.string(),
    kind: organizationKind,
    nameEn: z.string().nullable(),
    nameRu: z.string().nullable(),
    territoryCode: z.string(),
    description: z.string().nullable(),
    spareCapacityNote: z.string().nullable(),
    website: z.string().nullable(),
    aliases: z.array(z.object({ alias: z.string(), language: z.string().nullable() })),
    sectorCodes: z.array(z.string()),
    products: z.array(
      z.object({ name: z.string(), hsCode: z.string().nullable(), capacityNote: z.string().nullable() }),
    ),
    ...recordMeta,
  })
  .meta({ id: 'Organization' });
export type Organization = z.infer<typeof organization>;

export const organizationFilter = z.object({
  /** A name or alias contains, in English or Russian, in any case. */
  q: z.string().max(200).optional(),
  /** Exactly this territory. */
  territory: territoryCode.optional(),
  /** This country or any of its regions. */
  country: z
    .string()
    .regex(/^[A-Z]{2}$/, 'expected an ISO 3166-1 alpha-2 country code such as BY')
    .optional(),
  kind: organizationKind.optional(),
  /** An ISIC section (C) also finds organizations filed under its divisions (26). */
  sector: z.string().trim().min(1).max(4).optional(),
});
export type OrganizationFilter = z.infer<typeof organizationFilter>;
