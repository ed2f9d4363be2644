import type { BriefingDocument } from '../document.ts';
import type { BriefingFormat } from '../model.ts';

export interface RenderedFile {
  bytes: Buffer;
  contentType: string;
  /** A safe file name with the format's extension. */
  fileName: string;
}

export async function renderDocument(_document: BriefingDocument, _format: BriefingFormat): Promise<RenderedFile> {
  throw new Error('renderDocument: under construction in this session');
}
