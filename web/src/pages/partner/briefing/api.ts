import { useQuery } from '@tanstack/react-query';
import { api, ApiError, withQuery } from '../../../api/client.ts';
import type { SavedBriefing } from '../../../../../src/briefing/saved-model.ts';
import type { BriefingFormat, BriefingLanguage } from '../../../../../src/briefing/model.ts';

export type { BriefingFormat, BriefingLanguage, SavedBriefing };
export const formats: BriefingFormat[] = ['docx', 'pdf', 'html', 'md'];
export const languages: BriefingLanguage[] = ['ru', 'en'];

export interface BriefingChoice {
  relationshipId: string;
  meetingId?: string;
  asOf: string;
  lang: BriefingLanguage;
  format: BriefingFormat;
  marking: string;
}

function query(choice: BriefingChoice) {
  return {
    asOf: choice.asOf,
    meetingId: choice.meetingId,
    format: choice.format,
    lang: choice.lang,
    marking: choice.marking.trim() || undefined,
  };
}

/** Where the briefing is produced as a file; a plain link to it downloads it under the server's name. */
export function briefingUrl(choice: BriefingChoice): string {
  return withQuery(`/api/relationships/${choice.relationshipId}/briefing`, query(choice));
}

/** The HTML briefing as text, for the preview; a refusal arrives as the API's problem. */
export async function fetchPreview(choice: BriefingChoice): Promise<string> {
  const response = await fetch(briefingUrl({ ...choice, format: 'html' }));
  const text = await response.text();
  if (!response.ok) {
    let problem: Record<string, unknown> = { detail: text };
    try {
      problem = JSON.parse(text) as Record<string, unknown>;
    } catch {
      // not problem+json: the text stands as the detail
    }
    throw new ApiError(response.status, problem);
  }
  return text;
}

export function saveBriefing(choice: BriefingChoice, author: string): Promise<SavedBriefing> {
  return api.post<SavedBriefing>(`/api/relationships/${choice.relationshipId}/briefings`, {
    ...query(choice),
    author: author.trim() || undefined,
  });
}

export const savedBriefingsKey = (relationshipId: string) => ['briefings', relationshipId] as const;

export function useSavedBriefings(relationshipId: string) {
  return useQuery({
    queryKey: savedBriefingsKey(relationshipId),
    queryFn: () => api.get<SavedBriefing[]>(`/api/relationships/${relationshipId}/briefings`),
  });
}
