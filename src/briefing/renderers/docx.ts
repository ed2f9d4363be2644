/**
 * A briefing as a Word document built with Word's own styles (Title, Heading 1–3, Caption, a table style
 * whose header row repeats on every page), so a desk officer can keep editing it as any other document.
 * Charts are PNG pictures of the SVG. Footnote marks are superscript numbers linked to a numbered list of
 * sources at the end: one source is cited many times, which Word footnotes (one note per mark) cannot say.
 */
import {
  AlignmentType,
  Bookmark,
  BorderStyle,
  Document,
  Footer,
  Header,
  ImageRun,
  InternalHyperlink,
  LevelFormat,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
  type ParagraphChild,
} from 'docx';
import type { Block, BriefingDocument, Inline, TableBlock } from '../document.ts';
import type { BriefingLanguage } from '../model.ts';
import { chartPng, chartSvg } from './charts.ts';
import { textWidth } from './fonts.ts';
import { fitColumns, followsNote, languageTag, run } from './inline.ts';

const font = 'Arial';
const ink = '1D2330';
const accent = '1F4E79';
const muted = '4A5364';
/** A4 with 25 mm on the left and 18 mm on the right, in twentieths of a point. */
const page = { width: 11906, height: 16838, left: 1417, right: 1020, top: 1134, bottom: 1134 };
const textWidthTwips = page.width - page.left - page.right;
/** Word places images in pixels at 96 per inch: 1 px is 15 twips. */
const textWidthPx = Math.floor(textWidthTwips / 15);

const tableStyleId = 'BriefingTable';

// docx has no builder for table styles: this one is written as Word writes its own and given as the external
// style sheet, to which docx adds its defaults and the styles below.
const tableStyleXml = `<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:style w:type="table" w:styleId="${tableStyleId}">
<w:name w:val="Briefing Table"/><w:uiPriority w:val="59"/><w:qFormat/>
<w:pPr><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:rPr><w:sz w:val="19"/></w:rPr>
<w:tblPr><w:tblBorders><w:top w:val="single" w:sz="8" w:space="0" w:color="4A5364"/><w:bottom w:val="single" w:sz="8" w:space="0" w:color="4A5364"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="D5D9E0"/></w:tblBorders>
<w:tblCellMar><w:top w:w="40" w:type="dxa"/><w:left w:w="80" w:type="dxa"/><w:bottom w:w="40" w:type="dxa"/><w:right w:w="80" w:type="dxa"/></w:tblCellMar></w:tblPr>
<w:tblStylePr w:type="firstRow"><w:rPr><w:b/></w:rPr><w:tcPr><w:tcBorders><w:bottom w:val="single" w:sz="8" w:space="0" w:color="4A5364"/></w:tcBorders><w:shd w:val="clear" w:color="auto" w:fill="E8ECF1"/></w:tcPr></w:tblStylePr>
<w:tblStylePr w:type="lastRow"><w:rPr><w:b/></w:rPr><w:tcPr><w:tcBorders><w:top w:val="single" w:sz="12" w:space="0" w:color="4A5364"/></w:tcBorders></w:tcPr></w:tblStylePr>
</w:style></w:styles>`;

function noteAnchor(ref: number): string {
  return `source_${String(ref)}`;
}

function runs(content: Inline[], lang: BriefingLanguage, bold = false): ParagraphChild[] {
  return content.flatMap((inline, index) => {
    const r = run(inline);
    const children: ParagraphChild[] = [];
    if (r.note !== undefined && followsNote(content, index))
      children.push(new TextRun({ text: ',', style: 'NoteMark' }));
    if (r.text !== '') {
      children.push(
        new TextRun({
          text: r.text,
          bold: bold || r.strong === true ? true : undefined,
          language: r.lang && r.lang !== lang ? { value: languageTag(r.lang) } : undefined,
        }),
      );
    }
    if (r.note !== undefined) {
      children.push(
        new InternalHyperlink({
          anchor: noteAnchor(r.note),
          children: [new TextRun({ text: String(r.note), style: 'NoteMark' })],
        }),
      );
    }
    return children;
  });
}

function table(block: TableBlock, lang: BriefingLanguage): Array<Paragraph | Table> {
  // Measured in PT Sans and widened by a tenth for Arial, at the table's 9.5 pt, in twips.
  const measure = (text: string, bold: boolean) => textWidth(text, 9.5, bold) * 20 * 1.1;
  const widths = fitColumns(block, textWidthTwips, measure, 200).map((w) => Math.floor(w));
  const alignment = (column: number) => (block.align[column] === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT);
  const cell = (children: ParagraphChild[], column: number, header: boolean) =>
    new TableCell({
      width: { size: widths[column] ?? 0, type: WidthType.DXA },
      shading: header ? { type: ShadingType.CLEAR, color: 'auto', fill: 'E8ECF1' } : undefined,
      children: [new Paragraph({ alignment: alignment(column), children })],
    });
  const lastIndex = block.rows.length - 1;
  const rows = [
    new TableRow({
      tableHeader: true,
      cantSplit: true,
      children: block.header.map((h, column) => cell([new TextRun({ text: h, bold: true })], column, true)),
    }),
    ...block.rows.map(
      (row, index) =>
        new TableRow({
          cantSplit: true,
          children: block.header.map((_, column) =>
            cell(runs(row[column] ?? [], lang, block.totalRow === true && index === lastIndex), column, false),
          ),
        }),
    ),
  ];
  return [
    ...(block.caption
      ? [new Paragraph({ style: 'Caption', keepNext: true, children: [new TextRun(block.caption)] })]
      : []),
    new Table({
      style: tableStyleId,
      width: { size: textWidthTwips, type: WidthType.DXA },
      columnWidths: widths,
      layout: TableLayoutType.FIXED,
      tableLook: { firstRow: true, lastRow: block.totalRow === true, noHBand: true, noVBand: true },
      rows,
    }),
    new Paragraph({ style: 'AfterTable', children: [] }),
  ];
}

function chart(block: Extract<Block, { type: 'chart' }>): Paragraph[] {
  const drawing = chartSvg(block.chart);
  const width = Math.min(textWidthPx, drawing.width);
  const height = Math.round((drawing.height / drawing.width) * width);
  return [
    new Paragraph({
      keepNext: true,
      alignment: AlignmentType.CENTER,
      children: [
        // A PNG, not the SVG: Word's own SVG drawing may not honour the text baselines ECharts writes.
        new ImageRun({
          type: 'png',
          data: chartPng(drawing),
          transformation: { width, height },
          altText: { name: block.caption, title: block.caption, description: block.caption },
        }),
      ],
    }),
    new Paragraph({ style: 'Caption', children: [new TextRun(block.caption)] }),
  ];
}

function blocks(document: BriefingDocument): Array<Paragraph | Table> {
  let listInstance = 0;
  return document.blocks.flatMap((b): Array<Paragraph | Table> => {
    switch (b.type) {
      case 'heading':
        return [new Paragraph({ style: `Heading${String(b.level)}`, children: [new TextRun(b.text)] })];
      case 'paragraph':
        return [
          new Paragraph({
            style: b.style === 'lead' ? 'Lead' : b.style === 'note' ? 'Note' : undefined,
            children: runs(b.content, document.lang),
          }),
        ];
      case 'list': {
        listInstance += 1;
        const instance = listInstance;
        return b.items.map(
          (item) =>
            new Paragraph({
              numbering: { reference: b.ordered ? 'ordered' : 'bullets', level: 0, instance },
              children: runs(item, document.lang),
            }),
        );
      }
      case 'table':
        return table(b, document.lang);
      case 'chart':
        // A chart's figures stay readable and searchable: its table follows it, under the chart's caption.
        return [...chart(b), ...table({ ...b.table, caption: '' }, document.lang)];
    }
  });
}

function sources(document: BriefingDocument): Paragraph[] {
  if (document.footnotes.length === 0) return [];
  return document.footnotes.map(
    (note, index) =>
      new Paragraph({
        style: 'SourceNote',
        border: index === 0 ? { top: { style: BorderStyle.SINGLE, size: 6, color: '9AA3B2', space: 6 } } : undefined,
        children: [
          new Bookmark({ id: noteAnchor(note.ref), children: [new TextRun(`${String(note.ref)}.`)] }),
          new TextRun(`\t${note.text}`),
        ],
      }),
  );
}

function marking(text: string, style: 'Marking' | 'Header'): Paragraph {
  return new Paragraph({ style, children: [new TextRun(text)] });
}

export async function renderDocx(document: BriefingDocument): Promise<Buffer> {
  const language = { value: languageTag(document.lang) };
  const body = [
    ...(document.marking ? [marking(document.marking, 'Marking')] : []),
    new Paragraph({ style: 'Title', children: [new TextRun(document.title)] }),
    ...(document.subtitle ? [new Paragraph({ style: 'Subtitle', children: [new TextRun(document.subtitle)] })] : []),
    ...blocks(document),
    ...sources(document),
  ];
  const word = new Document({
    title: document.title,
    subject: document.subtitle,
    creator: 'Accord',
    customProperties: [
      { name: 'AsOf', value: document.asOf },
      { name: 'ProducedAt', value: document.producedAt },
    ],
    externalStyles: tableStyleXml,
    styles: {
      default: {
        document: {
          run: { font, size: 21, color: ink, language },
          paragraph: { spacing: { after: 120, line: 264 } },
        },
        title: {
          run: { font, size: 36, bold: true, color: ink },
          paragraph: { spacing: { before: 0, after: 80 }, keepNext: true },
        },
        heading1: {
          run: { font, size: 28, bold: true, color: accent },
          paragraph: { spacing: { before: 360, after: 120 }, keepNext: true, keepLines: true },
        },
        heading2: {
          run: { font, size: 24, bold: true, color: ink },
          paragraph: { spacing: { before: 240, after: 100 }, keepNext: true, keepLines: true },
        },
        heading3: {
          run: { font, size: 22, bold: true, italics: true, color: ink },
          paragraph: { spacing: { before: 200, after: 80 }, keepNext: true, keepLines: true },
        },
        caption: {
          run: { font, size: 19, bold: true, italics: false, color: ink },
          paragraph: { spacing: { before: 120, after: 80 } },
        },
      },
      paragraphStyles: [
        {
          id: 'Subtitle',
          name: 'Subtitle',
          basedOn: 'Normal',
          next: 'Normal',
          run: { size: 26, color: muted },
          paragraph: { spacing: { after: 360 } },
        },
        {
          id: 'Marking',
          name: 'Marking',
          basedOn: 'Normal',
          next: 'Normal',
          run: { bold: true, color: '8A1C1C' },
          paragraph: { alignment: AlignmentType.RIGHT, spacing: { after: 240 } },
        },
        { id: 'Lead', name: 'Lead', basedOn: 'Normal', next: 'Normal', run: { size: 23 } },
        { id: 'Note', name: 'Note', basedOn: 'Normal', next: 'Normal', run: { size: 18, color: muted } },
        {
          id: 'SourceNote',
          name: 'Source Note',
          basedOn: 'Normal',
          run: { size: 17, color: muted },
          paragraph: { spacing: { after: 40 }, indent: { left: 400, hanging: 400 } },
        },
        { id: 'AfterTable', name: 'After Table', basedOn: 'Normal', paragraph: { spacing: { after: 120, line: 120 } } },
        {
          id: 'Header',
          name: 'header',
          basedOn: 'Normal',
          run: { size: 16, color: muted },
          paragraph: { alignment: AlignmentType.RIGHT, spacing: { after: 0 } },
        },
        {
          id: 'Footer',
          name: 'footer',
          basedOn: 'Normal',
          run: { size: 16, color: muted },
          paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 0 } },
        },
      ],
      characterStyles: [
        {
          id: 'NoteMark',
          name: 'Note Mark',
          basedOn: 'DefaultParagraphFont',
          run: { superScript: true, color: accent },
        },
      ],
    },
    numbering: {
      config: [
        {
          reference: 'bullets',
          levels: [
            {
              level: 0,
              format: LevelFormat.BULLET,
              text: '•',
              alignment: AlignmentType.LEFT,
              style: { paragraph: { indent: { left: 400, hanging: 260 } } },
            },
          ],
        },
        {
          reference: 'ordered',
          levels: [
            {
              level: 0,
              format: LevelFormat.DECIMAL,
              text: '%1.',
              alignment: AlignmentType.LEFT,
              style: { paragraph: { indent: { left: 400, hanging: 320 } } },
            },
          ],
        },
      ],
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: page.width, height: page.height },
            margin: {
              top: page.top,
              bottom: page.bottom,
              left: page.left,
              right: page.right,
              header: 567,
              footer: 567,
            },
          },
        },
        headers: document.marking
          ? { default: new Header({ children: [marking(document.marking, 'Header')] }) }
          : undefined,
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                style: 'Footer',
                children: [new TextRun({ children: [PageNumber.CURRENT, ' / ', PageNumber.TOTAL_PAGES] })],
              }),
            ],
          }),
        },
        children: body,
      },
    ],
  });
  return Packer.toBuffer(word);
}
