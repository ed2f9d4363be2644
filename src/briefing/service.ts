/**
 * A briefing produced as a file: composed as of a day, laid out in one language, rendered in one format.
 * The faces (HTTP, CLI, web) call this and nothing below it.
 */
import { z } from 'zod';
import type { Db } from '../db/connection.ts';
import { isoDate, parseInput, recordId } from '../core/model.ts';
import { composeBriefing } from './compose.ts';
import { layoutBriefing } from './layout.ts';
import { briefingFormats, briefingLanguages, type BriefingFormat, type BriefingLanguage } from './model.ts';
import { renderDocument } from './renderers/index.ts';

export const briefingRequest = z.object({
  relationshipId: recordId,
  /** The day the briefing is as of; by default the day before its meeting, else today. */
  asOf: isoDate.optional(),
  meetingId: recordId.optional(),
  format: z.enum(briefingFormats),
  lang: z.enum(briefingLanguages),
  /** A marking line such as «Для служебного пользования»; none by default. */
  marking: z.string().trim().max(200).optional(),
});
export type BriefingRequest = z.input<typeof briefingRequest>;

export interface ProducedBriefing {
  bytes: Buffer;
  contentType: string;
  fileName: string;
  title: string;
  asOf: string;
  lang: BriefingLanguage;
  format: BriefingFormat;
}

export async function produceBriefing(db: Db, request: unknown, now: Date = new Date()): Promise<ProducedBriefing> {
  const input = parseInput(briefingRequest, request);
  const briefing = await composeBriefing(db, {
    relationshipId: input.relationshipId,
    asOf: input.asOf,
    meetingId: input.meetingId,
    today: now.toISOString().slice(0, 10),
  });
  const document = layoutBriefing(briefing, input.lang, {
    marking: input.marking ?? null,
    producedAt: now.toISOString(),
  });
  const file = await renderDocument(document, input.format);
  return {
    bytes: file.bytes,
    contentType: file.contentType,
    fileName: file.fileName,
    title: document.title,
    asOf: briefing.asOf,
    lang: input.lang,
    format: input.format,
  };
}
