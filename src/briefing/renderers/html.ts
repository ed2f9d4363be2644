/**
 * A briefing as one self-contained HTML page: inline CSS with a print stylesheet, inline SVG charts. The web
 * previews this same page in an iframe, so it stands on its own.
 */
import type { Block, BriefingDocument, Inline, TableBlock } from '../document.ts';
import { chartSvg } from './charts.ts';
import { fontDataUrl, fontFamily } from './fonts.ts';
import { followsNote, run } from './inline.ts';

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/** A CSS string literal that cannot end the string or the style element it sits in. */
function cssString(text: string): string {
  return `"${text.replace(/[^\p{L}\p{N} .,:;!?()«»–—-]/gu, (ch) => `\\${ch.codePointAt(0)!.toString(16)} `)}"`;
}

function inlines(content: Inline[], documentLang: string): string {
  return content
    .map((inline, index) => {
      const r = run(inline);
      let html = escapeHtml(r.text);
      if (r.strong && html !== '') html = `<strong>${html}</strong>`;
      if (r.lang && r.lang !== documentLang && html !== '') html = `<span lang="${r.lang}">${html}</span>`;
      if (r.note !== undefined) {
        const n = String(r.note);
        const comma = followsNote(content, index) ? ',' : '';
        html += `<sup class="note">${comma}<a href="#note-${n}">${n}</a></sup>`;
      }
      return html;
    })
    .join('');
}

function table(block: TableBlock, lang: string): string {
  const align = (column: number) => (block.align[column] === 'right' ? ' class="num"' : '');
  const head = block.header.map((h, column) => `<th scope="col"${align(column)}>${escapeHtml(h)}</th>`).join('');
  const rows = block.rows
    .map((row, index) => {
      const total = block.totalRow === true && index === block.rows.length - 1;
      const cells = block.header
        .map((_, column) => `<td${align(column)}>${inlines(row[column] ?? [], lang)}</td>`)
        .join('');
      return `<tr${total ? ' class="total"' : ''}>${cells}</tr>`;
    })
    .join('\n');
  return [
    '<table>',
    block.caption ? `<caption>${escapeHtml(block.caption)}</caption>` : '',
    `<thead><tr>${head}</tr></thead>`,
    `<tbody>\n${rows}\n</tbody>`,
    '</table>',
  ].join('\n');
}

/** The SVG ECharts wrote, made to shrink with the page and announced by its caption. */
function chart(block: Extract<Block, { type: 'chart' }>): string {
  const { svg, width, height } = chartSvg(block.chart);
  const scalable = svg.replace(/^<svg\b[^>]*?>/, (open) =>
    open
      .replace(/\s(width|height)="[^"]*"/g, '')
      .replace(/<svg\b/, `<svg viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeHtml(block.caption)}"`)
      .replace(/\sviewBox="[^"]*"(?=.*viewBox=)/, ''),
  );
  return `<figure class="chart">${scalable}<figcaption>${escapeHtml(block.caption)}</figcaption></figure>`;
}

function block(b: Block, lang: string): string {
  switch (b.type) {
    case 'heading':
      return `<h${b.level + 1}>${escapeHtml(b.text)}</h${b.level + 1}>`;
    case 'paragraph':
      return `<p${b.style ? ` class="${b.style}"` : ''}>${inlines(b.content, lang)}</p>`;
    case 'list': {
      const tag = b.ordered ? 'ol' : 'ul';
      return `<${tag}>${b.items.map((item) => `<li>${inlines(item, lang)}</li>`).join('')}</${tag}>`;
    }
    case 'table':
      return table(b, lang);
    case 'chart':
      // A chart's figures stay readable and searchable: its table follows it, under the chart's caption.
      return `${chart(b)}\n${table({ ...b.table, caption: '' }, lang)}`;
  }
}

function styles(document: BriefingDocument): string {
  // The page carries PT Sans, so the charts' labels fit as measured on the server and Cyrillic never depends on the reader's fonts.
  return `
@font-face { font-family: "${fontFamily}"; font-weight: 400; src: url(${fontDataUrl('regular')}) format("truetype"); }
@font-face { font-family: "${fontFamily}"; font-weight: 700; src: url(${fontDataUrl('bold')}) format("truetype"); }
:root { color-scheme: light; }
html { background: #f4f5f7; }
body { margin: 0; font-family: "${fontFamily}", "Segoe UI", Roboto, Arial, sans-serif; font-size: 15px;
  line-height: 1.5; color: #1d2330; }
main { max-width: 50rem; margin: 1.5rem auto; padding: 2.5rem 3rem; background: #fff;
  box-shadow: 0 1px 4px rgba(0, 0, 0, 0.12); }
.marking { margin: 0 0 1rem; text-align: right; font-weight: 700; letter-spacing: 0.02em; color: #8a1c1c; }
h1 { margin: 0 0 0.25rem; font-size: 1.75rem; line-height: 1.25; }
.subtitle { margin: 0 0 1.5rem; font-size: 1.1rem; color: #4a5364; }
h2 { margin: 2rem 0 0.5rem; font-size: 1.35rem; border-bottom: 1px solid #d5d9e0; padding-bottom: 0.2rem; }
h3 { margin: 1.5rem 0 0.5rem; font-size: 1.15rem; }
h4 { margin: 1.25rem 0 0.4rem; font-size: 1rem; }
p.lead { font-size: 1.05rem; }
p.note { font-size: 0.85rem; color: #4a5364; }
sup.note { font-size: 0.7em; line-height: 0; }
sup.note a { color: #1f4e79; text-decoration: none; padding-left: 0.1em; }
table { width: 100%; border-collapse: collapse; margin: 0.5rem 0 1.25rem; font-size: 0.9rem; }
caption { caption-side: top; text-align: left; font-weight: 700; padding-bottom: 0.35rem; }
th, td { padding: 0.3rem 0.5rem; border-bottom: 1px solid #e1e4e9; vertical-align: top; text-align: left; }
th { background: #e8ecf1; border-bottom: 1px solid #9aa3b2; }
.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tr.total td { font-weight: 700; border-top: 1.5px solid #4a5364; }
figure.chart { margin: 0.75rem 0 1.25rem; }
figure.chart svg { display: block; width: 100%; height: auto; }
figcaption { font-weight: 700; font-size: 0.9rem; margin-top: 0.3rem; }
.notes { margin-top: 2rem; border-top: 1px solid #9aa3b2; padding-top: 0.5rem; font-size: 0.85rem; color: #333b48; }
.notes ol { padding-left: 1.75rem; margin: 0; }
.notes li:target { background: #fff6d6; }
@media (max-width: 40rem) { main { margin: 0; padding: 1.25rem; } }
@page { size: A4; margin: 20mm 18mm 20mm 25mm;${
    document.marking
      ? `\n  @top-right { content: ${cssString(document.marking)}; font-family: "${fontFamily}", sans-serif; font-size: 8pt; color: #555; }`
      : ''
  }
  @bottom-center { content: counter(page) " / " counter(pages); font-family: "${fontFamily}", sans-serif; font-size: 8pt; color: #555; } }
@media print {
  html { background: none; }
  body { font-size: 10.5pt; }
  main { max-width: none; margin: 0; padding: 0; box-shadow: none; }
  thead { display: table-header-group; }
  tr, figure, li { break-inside: avoid; }
  h2, h3, h4, caption { break-after: avoid; }
  a { color: inherit; }
}`;
}

export function renderHtml(document: BriefingDocument): string {
  const lang = document.lang;
  const notes = document.footnotes.length
    ? `<section class="notes"><ol>${document.footnotes
        .map((n) => `<li id="note-${String(n.ref)}" value="${String(n.ref)}">${escapeHtml(n.text)}</li>`)
        .join('')}</ol></section>`
    : '';
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="dcterms.date" content="${escapeHtml(document.asOf)}">
<meta name="dcterms.created" content="${escapeHtml(document.producedAt)}">
<title>${escapeHtml(document.title)}</title>
<style>${styles(document)}
</style>
</head>
<body>
<main>
<header>
${document.marking ? `<p class="marking">${escapeHtml(document.marking)}</p>\n` : ''}<h1>${escapeHtml(document.title)}</h1>
${document.subtitle ? `<p class="subtitle">${escapeHtml(document.subtitle)}</p>` : ''}
</header>
${document.blocks.map((b) => block(b, lang)).join('\n')}
${notes}
</main>
</body>
</html>
`;
}
