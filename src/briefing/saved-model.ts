/** A briefing kept as it was handed over: the schemas the API, the CLI and the web share. */
import { z } from 'zod';
import { shortText } from '../core/model.ts';
import { briefingFormats, briefingLanguages } from './model.ts';

/** Who produced it, in their own words: there are no accounts yet. */
export const briefingAuthor = shortText(200).nullable().optional();

export const savedBriefing = z
  .object({
    id: z.string().meta({ description: 'The document id; the file is at /api/documents/{id}/file' }),
    title: z.string(),
    relationshipId: z.string(),
    meetingId: z.string().nullable(),
    asOf: z.string(),
    lang: z.enum(briefingLanguages),
    format: z.enum(briefingFormats),
    marking: z.string().nullable(),
    author: z.string().nullable(),
    producedAt: z.string(),
    fileName: z.string(),
    contentType: z.string(),
    byteSize: z.number().int(),
    sha256: z.string().meta({ description: 'SHA-256 of the file, lower-case hex' }),
    version: z.number().int().meta({ description: 'The document version, which deleting it names' }),
  })
  .meta({ id: 'SavedBriefing' });
export type SavedBriefing = z.infer<typeof savedBriefing>;
