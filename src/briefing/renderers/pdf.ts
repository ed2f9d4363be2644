/**
 * A briefing as PDF drawn with pdfkit in PT Sans (embedded, so Cyrillic renders anywhere), charts as vectors
 * from ECharts' SVG, tables whose header row is drawn again on every page they continue on, the marking
 * line in every page's header, "N / M" in the footer and the sources at the end.
 */
import PDFDocument from 'pdfkit';
import SVGtoPDF from 'svg-to-pdfkit';
import type { Block, BriefingDocument, Inline, TableBlock } from '../document.ts';
import { chartSize } from '../charts.ts';
import { chartSvg } from './charts.ts';
import { fontFiles, inFont } from './fonts.ts';
import { fitColumns, followsNote, languageTag, run } from './inline.ts';

type Doc = PDFKit.PDFDocument;

const margins = { top: 62, bottom: 62, left: 71, right: 51 };
const colors = {
  ink: '#1d2330',
  accent: '#1f4e79',
  muted: '#4a5364',
  rule: '#9aa3b2',
  line: '#d5d9e0',
  head: '#e8ecf1',
  marking: '#8a1c1c',
};
const sizes = { body: 10.5, table: 9, note: 8.5, caption: 9.5 };
const cellPadding = { x: 5, y: 3.5 };

interface Segment {
  text: string;
  font: 'Regular' | 'Bold' | 'Italic';
  note?: number;
}

function destination(ref: number): string {
  return `source-${String(ref)}`;
}

function segments(content: Inline[], bold = false, italic = false): Segment[] {
  return content.flatMap((inline, index) => {
    const r = run(inline);
    const font = bold || r.strong ? 'Bold' : italic ? 'Italic' : 'Regular';
    const out: Segment[] = [];
    if (r.text !== '') out.push({ text: inFont(r.text), font });
    if (r.note !== undefined) {
      const comma = followsNote(content, index) ? ',' : '';
      out.push({ text: `${comma}${String(r.note)}`, font: 'Regular', note: r.note });
    }
    return out;
  });
}

function contentWidth(doc: Doc): number {
  return doc.page.width - margins.left - margins.right;
}

function bottom(doc: Doc): number {
  return doc.page.height - margins.bottom;
}

/** Starts a new page unless `height` points still fit on this one. */
function ensureSpace(doc: Doc, height: number): void {
  if (doc.y + height > bottom(doc)) doc.addPage();
}

const noteScale = 0.68;

function applyFont(doc: Doc, part: Segment, size: number): void {
  doc.font(part.font).fontSize(part.note === undefined ? size : size * noteScale);
}

/**
 * Writes runs as one flowing paragraph from (x, y); a footnote number is set smaller on the line's top, as a
 * superscript, and links to its source.
 */
function write(
  doc: Doc,
  parts: Segment[],
  at: { x: number; y: number; width: number; size: number; align?: 'left' | 'right'; color?: string },
): void {
  const pieces: Segment[] = parts.length ? parts : [{ text: '', font: 'Regular' }];
  const color = at.color ?? colors.ink;
  if (at.align === 'right' && pieces.length > 1) {
    // pdfkit aligns each continued piece on its own; a short right-aligned cell is placed piece by piece.
    const widths = pieces.map((part) => {
      applyFont(doc, part, at.size);
      return doc.widthOfString(part.text);
    });
    const total = widths.reduce((a, b) => a + b, 0);
    if (total <= at.width) {
      let x = at.x + at.width - total;
      pieces.forEach((part, index) => {
        applyFont(doc, part, at.size);
        doc.fillColor(part.note === undefined ? color : colors.accent);
        doc.text(part.text, x, at.y, {
          lineBreak: false,
          ...(part.note === undefined ? {} : { goTo: destination(part.note) }),
        });
        x += widths[index] ?? 0;
      });
      doc.fillColor(colors.ink);
      doc.y = at.y + doc.currentLineHeight(true);
      return;
    }
  }
  pieces.forEach((part, index) => {
    applyFont(doc, part, at.size);
    doc.fillColor(part.note === undefined ? color : colors.accent);
    const options: PDFKit.Mixins.TextOptions = {
      continued: index < pieces.length - 1,
      width: at.width,
      align: at.align ?? 'left',
      lineGap: 1.5,
      // Options carry over between continued pieces, so each piece says its own link.
      goTo: part.note === undefined ? undefined : destination(part.note),
    };
    if (index === 0) doc.text(part.text, at.x, at.y, options);
    else doc.text(part.text, options);
  });
  const last = pieces[pieces.length - 1];
  if (last?.note !== undefined) {
    // pdfkit moves down by the last piece's line height; a line ending in a superscript is still a body line.
    const small = doc.currentLineHeight(true);
    doc.fontSize(at.size);
    doc.y += doc.currentLineHeight(true) - small;
  }
  doc.fillColor(colors.ink);
}

function paragraph(doc: Doc, parts: Segment[], size: number, color?: string, after = 6): void {
  ensureSpace(doc, size * 1.6);
  write(doc, parts, { x: margins.left, y: doc.y, width: contentWidth(doc), size, color });
  doc.y += after;
}

/** How much of a block must fit below its heading: a chart with its caption, a table's caption, header and first row. */
function leadingHeight(doc: Doc, block: Block | undefined): number {
  if (block?.type === 'chart') {
    const { width, height } = chartSize(block.chart);
    doc.font('Bold').fontSize(sizes.caption);
    const caption = doc.heightOfString(inFont(block.caption), { width: contentWidth(doc) });
    return (height / width) * contentWidth(doc) + caption + 12;
  }
  return block?.type === 'table' ? 80 : 40;
}

/** The reader's bookmarks: each heading under the last heading of the level above it. */
type Outline = Array<PDFKit.PDFOutline | undefined>;

function bookmark(doc: Doc, outline: Outline, level: 1 | 2 | 3, text: string): void {
  const parent = outline.slice(0, level).reverse().find(Boolean) ?? doc.outline;
  outline[level] = parent.addItem(text);
  outline.length = level + 1;
}

function heading(doc: Doc, outline: Outline, level: 1 | 2 | 3, text: string, next: Block | undefined): void {
  const size = level === 1 ? 14 : level === 2 ? 12 : 11;
  doc.font('Bold').fontSize(size);
  const own = (level === 1 ? 10 : 6) + doc.heightOfString(inFont(text), { width: contentWidth(doc) }) + 4;
  // A heading never ends a page: it keeps room for the start of what it introduces.
  ensureSpace(doc, own + leadingHeight(doc, next));
  bookmark(doc, outline, level, text);
  doc.y += level === 1 ? 10 : 6;
  write(doc, [{ text: inFont(text), font: level === 3 ? 'Italic' : 'Bold' }], {
    x: margins.left,
    y: doc.y,
    width: contentWidth(doc),
    size,
    color: level === 1 ? colors.accent : colors.ink,
  });
  doc.y += 4;
}

function list(doc: Doc, items: Inline[][], ordered: boolean): void {
  const indent = ordered ? 18 : 14;
  items.forEach((item, index) => {
    ensureSpace(doc, sizes.body * 1.6);
    const y = doc.y;
    doc.font('Regular').fontSize(sizes.body).fillColor(colors.ink);
    doc.text(ordered ? `${String(index + 1)}.` : '•', margins.left + 2, y, { width: indent, lineBreak: false });
    write(doc, segments(item), { x: margins.left + indent, y, width: contentWidth(doc) - indent, size: sizes.body });
    doc.y += 2;
  });
  doc.y += 4;
}

function columnWidths(doc: Doc, block: TableBlock): number[] {
  doc.fontSize(sizes.table);
  const measure = (text: string, bold: boolean) => doc.font(bold ? 'Bold' : 'Regular').widthOfString(inFont(text));
  return fitColumns(block, contentWidth(doc), measure, 2 * cellPadding.x + 2);
}

function table(doc: Doc, block: TableBlock): void {
  const widths = columnWidths(doc, block);
  const left = margins.left;
  const width = contentWidth(doc);
  const lastIndex = block.rows.length - 1;
  const cellsOf = (row: Inline[][], bold: boolean) =>
    block.header.map((_, column) => segments(row[column] ?? [], bold));
  const heightOf = (cells: Segment[][]) =>
    Math.max(
      ...cells.map((parts, column) => {
        doc.font(parts.some((p) => p.font === 'Bold') ? 'Bold' : 'Regular').fontSize(sizes.table);
        const text = parts.map((p) => p.text).join('') || ' ';
        return doc.heightOfString(text, { width: (widths[column] ?? 0) - 2 * cellPadding.x, lineGap: 1.5 });
      }),
    ) +
    2 * cellPadding.y;
  const drawRow = (cells: Segment[][], height: number, kind: 'head' | 'body' | 'total') => {
    const y = doc.y;
    if (kind === 'head') doc.rect(left, y, width, height).fill(colors.head);
    let x = left;
    cells.forEach((parts, column) => {
      const w = widths[column] ?? 0;
      write(doc, parts, {
        x: x + cellPadding.x,
        y: y + cellPadding.y,
        width: w - 2 * cellPadding.x,
        size: sizes.table,
        align: block.align[column] === 'right' ? 'right' : 'left',
      });
      x += w;
    });
    const lineY = y + height;
    if (kind === 'total')
      doc
        .moveTo(left, y)
        .lineTo(left + width, y)
        .lineWidth(1.2)
        .strokeColor(colors.muted)
        .stroke();
    doc
      .moveTo(left, lineY)
      .lineTo(left + width, lineY)
      .lineWidth(kind === 'head' ? 0.9 : 0.5)
      .strokeColor(kind === 'head' ? colors.muted : colors.line)
      .stroke();
    doc.x = left;
    doc.y = lineY;
  };
  const header = block.header.map((h) => [{ text: inFont(h), font: 'Bold' as const }]);
  const headerHeight = heightOf(header);
  const rows = block.rows.map((row, index) => {
    const total = block.totalRow === true && index === lastIndex;
    const cells = cellsOf(row, total);
    return { cells, height: heightOf(cells), kind: total ? ('total' as const) : ('body' as const) };
  });

  // The caption, the header and the first row go together.
  doc.font('Bold').fontSize(sizes.caption);
  const captionHeight = block.caption ? doc.heightOfString(inFont(block.caption), { width }) + 4 : 0;
  ensureSpace(doc, captionHeight + headerHeight + (rows[0]?.height ?? 0) + 4);
  if (block.caption) {
    write(doc, [{ text: inFont(block.caption), font: 'Bold' }], {
      x: left,
      y: doc.y,
      width,
      size: sizes.caption,
    });
    doc.y += 3;
  }
  doc
    .moveTo(left, doc.y)
    .lineTo(left + width, doc.y)
    .lineWidth(0.9)
    .strokeColor(colors.muted)
    .stroke();
  drawRow(header, headerHeight, 'head');
  for (const row of rows) {
    if (doc.y + row.height > bottom(doc)) {
      doc.addPage();
      doc
        .moveTo(left, doc.y)
        .lineTo(left + width, doc.y)
        .lineWidth(0.9)
        .strokeColor(colors.muted)
        .stroke();
      drawRow(header, headerHeight, 'head');
    }
    drawRow(row.cells, row.height, row.kind);
  }
  doc.y += 12;
}

function chart(doc: Doc, block: Extract<Block, { type: 'chart' }>): void {
  const drawing = chartSvg(block.chart);
  const width = contentWidth(doc);
  const height = (drawing.height / drawing.width) * width;
  doc.font('Bold').fontSize(sizes.caption);
  const captionHeight = doc.heightOfString(inFont(block.caption), { width }) + 6;
  ensureSpace(doc, height + captionHeight);
  const y = doc.y;
  SVGtoPDF(doc, inFont(drawing.svg), margins.left, y, {
    width,
    height,
    fontCallback: (_family, bold) => (bold ? 'Bold' : 'Regular'),
    warningCallback: () => undefined,
  });
  doc.y = y + height + 4;
  write(doc, [{ text: inFont(block.caption), font: 'Bold' }], {
    x: margins.left,
    y: doc.y,
    width,
    size: sizes.caption,
  });
  doc.y += 12;
}

function sources(doc: Doc, document: BriefingDocument): void {
  if (document.footnotes.length === 0) return;
  ensureSpace(doc, 40);
  doc.y += 8;
  doc
    .moveTo(margins.left, doc.y)
    .lineTo(margins.left + 120, doc.y)
    .lineWidth(0.6)
    .strokeColor(colors.rule)
    .stroke();
  doc.y += 6;
  for (const note of document.footnotes) {
    doc.font('Regular').fontSize(sizes.note);
    const text = inFont(note.text);
    ensureSpace(doc, doc.heightOfString(text, { width: contentWidth(doc) - 18 }) + 2);
    const y = doc.y;
    doc.addNamedDestination(destination(note.ref), 'XYZ', margins.left, doc.page.height - y, null);
    doc.fillColor(colors.muted).text(`${String(note.ref)}.`, margins.left, y, { width: 18, lineBreak: false });
    doc.text(text, margins.left + 18, y, { width: contentWidth(doc) - 18, lineGap: 1 });
    doc.y += 2;
  }
  doc.fillColor(colors.ink);
}

/** The marking line and "N / M" on every page, drawn once the page count is known. */
function pageFurniture(doc: Doc, document: BriefingDocument): void {
  const range = doc.bufferedPageRange();
  for (let index = range.start; index < range.start + range.count; index += 1) {
    doc.switchToPage(index);
    // Text in the margins must not make pdfkit start another page.
    const saved = doc.page.margins;
    doc.page.margins = { top: 0, bottom: 0, left: 0, right: 0 };
    doc.font('Regular').fontSize(8).fillColor(colors.muted);
    if (document.marking) {
      doc.text(inFont(document.marking), margins.left, 30, {
        width: contentWidth(doc),
        align: 'right',
        lineBreak: false,
      });
    }
    doc.text(`${String(index + 1)} / ${String(range.count)}`, margins.left, doc.page.height - 40, {
      width: contentWidth(doc),
      align: 'center',
      lineBreak: false,
    });
    doc.page.margins = saved;
  }
}

/** The document's own production time, so the same briefing gives the same metadata; none when unreadable. */
function producedDate(document: BriefingDocument): { CreationDate?: Date } {
  const date = new Date(document.producedAt);
  return Number.isNaN(date.getTime()) ? {} : { CreationDate: date };
}

export function renderPdf(document: BriefingDocument): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins,
    bufferPages: true,
    lang: languageTag(document.lang),
    displayTitle: true,
    pdfVersion: '1.7',
    info: {
      Title: document.title,
      Subject: document.subtitle,
      Creator: 'Accord',
      ...producedDate(document),
    },
  });
  doc.registerFont('Regular', fontFiles.regular);
  doc.registerFont('Bold', fontFiles.bold);
  doc.registerFont('Italic', fontFiles.italic);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  if (document.marking) {
    write(doc, [{ text: inFont(document.marking), font: 'Bold' }], {
      x: margins.left,
      y: doc.y,
      width: contentWidth(doc),
      size: 10,
      align: 'right',
      color: colors.marking,
    });
    doc.y += 10;
  }
  write(doc, [{ text: inFont(document.title), font: 'Bold' }], {
    x: margins.left,
    y: doc.y,
    width: contentWidth(doc),
    size: 19,
  });
  doc.y += 3;
  if (document.subtitle) {
    write(doc, [{ text: inFont(document.subtitle), font: 'Regular' }], {
      x: margins.left,
      y: doc.y,
      width: contentWidth(doc),
      size: 12.5,
      color: colors.muted,
    });
  }
  doc.y += 14;

  const outline: Outline = [];
  for (const [index, b] of document.blocks.entries()) {
    switch (b.type) {
      case 'heading':
        heading(doc, outline, b.level, b.text, document.blocks[index + 1]);
        break;
      case 'paragraph':
        if (b.style === 'note') paragraph(doc, segments(b.content, false, true), sizes.note, colors.muted);
        else paragraph(doc, segments(b.content), b.style === 'lead' ? 11.5 : sizes.body);
        break;
      case 'list':
        list(doc, b.items, b.ordered === true);
        break;
      case 'table':
        table(doc, b);
        break;
      case 'chart':
        // A chart's figures stay readable and searchable: its table follows it, under the chart's caption.
        chart(doc, b);
        table(doc, { ...b.table, caption: '' });
        break;
    }
  }
  sources(doc, document);
  pageFurniture(doc, document);
  doc.end();
  return done;
}
