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
 * the options travel in the query. XMLHttpRequest rather than fetch, because only it reports how much of
 * a large file has been sent.
 */
export function startUpload(request: UploadRequest, onProgress?: (fraction: number) => void): Promise<ImportJob> {
  const { file, ...options } = request;
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', withQuery('/api/trade/imports', { ...options, fileName: file.name }));
    xhr.setRequestHeader('accept', 'application/json');
    xhr.setRequestHeader('content-type', 'application/octet-stream');
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress?.(event.loaded / event.total);
    };
    xhr.onerror = () => reject(new Error('the upload did not reach the server'));
    xhr.onload = () => {
      let body: Record<string, unknown>;
      try {
        body = xhr.responseText ? (JSON.parse(xhr.responseText) as Record<string, unknown>) : {};
      } catch {
        body = { detail: xhr.responseText };
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(body as unknown as ImportJob);
      else reject(new ApiError(xhr.status, body));
    };
    xhr.send(file);
  });
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
