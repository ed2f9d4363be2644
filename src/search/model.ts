import { z } from 'zod';

export const searchKinds = ['partner', 'organization', 'person', 'project', 'meeting'] as const;
export const searchKind = z.enum(searchKinds);
export type SearchKind = z.infer<typeof searchKind>;

export const maxQueryLength = 100;
export const maxResults = 50;

export const searchQuery = z.object({
  q: z.string().trim().min(1, 'type something to search for').max(maxQueryLength),
  limit: z.coerce.number().int().min(1).max(maxResults).default(20),
});
export type SearchQuery = z.input<typeof searchQuery>;

/** Which field of a record the words were found in, and that field's text (clipped around the match). */
export const searchMatch = z.object({
  field: z.enum(['code', 'name', 'alias', 'title', 'place', 'description', 'summary']),
  text: z.string(),
});
export type SearchMatch = z.infer<typeof searchMatch>;

export const searchHit = z
  .object({
    kind: searchKind,
    /** The record id, or the territory code of a partner. */
    id: z.string(),
    /** The record's own title (in whichever language it was written). */
    title: z.string(),
    titleEn: z.string().nullable(),
    titleRu: z.string().nullable(),
    /** The day a meeting was held (ISO date); null for other kinds. */
    date: z.string().nullable(),
    match: searchMatch,
    /** 0 the whole field, 1 the field's start, 2 a word's start, 3 inside a word: lower comes first. */
    rank: z.number().int().min(0).max(3),
  })
  .meta({ id: 'SearchHit' });
export type SearchHit = z.infer<typeof searchHit>;

export const searchResults = z
  .object({
    q: z.string(),
    items: z.array(searchHit),
    /** More records matched than `limit` allowed. */
    truncated: z.boolean(),
  })
  .meta({ id: 'SearchResults' });
export type SearchResults = z.infer<typeof searchResults>;
