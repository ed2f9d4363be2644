import { ApiError, withQuery } from '../../api/client.ts';
import type { ImportJob } from '../../../../src/trade/importers/jobs.ts';

export type ImportFormat = 'comtrade' | 'baci' | 'mapped';

export interface UploadRequest {
  file: File;
  format: ImportFormat;
  dataset: string;
  kind?: string;
  source?: string;
  hsRevision?: string;
  /** The mapping as JSON text (the API's query parameter). */
  mapping?: string;
}

/**
 * Sends the file itself as the request body, as the import endpoint expects (it streams the body to disk);
 * the options travel in the query.
 */
export async function startUpload(request: UploadRequest): Promise<ImportJob> {
  const { file, ...options } = request;
  const response = await fetch(withQuery('/api/trade/imports', { ...options }), {
    method: 'POST',
    headers: { accept: 'application/json', 'content-type': 'application/octet-stream' },
    body: file,
  });
  const text = await response.text();
  let body: Record<string, unknown>;
  try {
    body = text ? (JSON.parse(text) as Record<string, unknown>) : {};
  } catch {
    body = { detail: text };
  }
  if (!response.ok) throw new ApiError(response.status, body);
  return body as unknown as ImportJob;
}

export const maxMappingLength = 20_000;

export type MappingProblem = { error: 'syntax'; detail: string } | { error: 'notObject' | 'tooLong' };

/** A mapping typed as YAML or JSON, turned into the JSON object the API takes; the reason when it is not one. */
export async function mappingAsJson(text: string): Promise<{ json: string } | MappingProblem> {
  // The YAML reader is loaded only when someone imports a mapped file.
  const { parse } = await import('yaml');
  let value: unknown;
  try {
    value = parse(text);
  } catch (error) {
    return { error: 'syntax', detail: (error as Error).message.split('\n')[0] ?? String(error) };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return { error: 'notObject' };
  const json = JSON.stringify(value);
  if (json.length > maxMappingLength) return { error: 'tooLong' };
  return { json };
}
