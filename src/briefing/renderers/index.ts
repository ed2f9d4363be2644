/** One entry for every format: a laid-out briefing in, the bytes of a file with its type and name out. */
import { AccordError } from '../../core/errors.ts';
import type { Block, BriefingDocument } from '../document.ts';
import { briefingFormats, type BriefingFormat } from '../model.ts';
import { briefingFileName } from './inline.ts';
import { renderMarkdown } from './markdown.ts';

export interface RenderedFile {
  bytes: Buffer;
  contentType: string;
  /** A safe file name with the format's extension. */
  fileName: string;
}

const contentTypes: Record<BriefingFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  html: 'text/html; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
};

/** A table without columns has nothing to draw in any format: its caption stands alone. */
function drawable(block: Block): Block {
  if (block.type === 'table' && block.header.length === 0) return { type: 'paragraph', content: [block.caption] };
  if (block.type === 'chart' && block.table.header.length === 0) {
    return { ...block, table: { ...block.table, header: [''], align: ['left'], rows: [] } };
  }
  return block;
}

// Word, PDF and HTML draw charts with ECharts and embed fonts: loaded on the first briefing in that format, not
// by every process that merely can produce one (the server, each CLI command).
async function bytesOf(document: BriefingDocument, format: BriefingFormat): Promise<Buffer> {
  switch (format) {
    case 'docx':
      return (await import('./docx.ts')).renderDocx(document);
    case 'pdf':
      return (await import('./pdf.ts')).renderPdf(document);
    case 'html':
      return Buffer.from((await import('./html.ts')).renderHtml(document), 'utf8');
    case 'md':
      return Buffer.from(renderMarkdown(document), 'utf8');
  }
}

export async function renderDocument(document: BriefingDocument, format: BriefingFormat): Promise<RenderedFile> {
  if (!briefingFormats.includes(format)) {
    throw new AccordError('VALIDATION_FAILED', `Unsupported briefing format "${String(format)}"`, {
      problems: [{ path: 'format', message: `Use one of: ${briefingFormats.join(', ')}` }],
    });
  }
  return {
    bytes: await bytesOf({ ...document, blocks: document.blocks.map(drawable) }, format),
    contentType: contentTypes[format],
    fileName: briefingFileName(document, format),
  };
}
