/** A briefing as Markdown (GitHub's flavour): charts become their tables, footnotes `[^N]`. */
import type { Block, BriefingDocument, Inline, TableBlock } from '../document.ts';
import { run } from './inline.ts';

/**
 * Backslashes every character that could start markup inside a line, so a name such as `<script>`, `*x*` or
 * `a | b` stays text (and stays inside its table cell); line breaks become spaces.
 */
function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>|~&$]/g, (ch) => `\\${ch}`).replace(/\s*[\r\n]+\s*/g, ' ');
}

/** What would make a line a heading, a list item or a quote when it starts one. */
function escapeLineStart(line: string): string {
  return line.replace(/^(\s*)(#|[+-](?=\s|$)|=+\s*$|\d+(?=[.)](?:\s|$)))/, (_, space: string, mark: string) =>
    /^\d/.test(mark) ? `${space}${mark}\\` : `${space}\\${mark}`,
  );
}

/** Bold with the spaces around it left outside the stars, where Markdown needs them. */
function strong(text: string): string {
  const [, before = '', words = '', after = ''] = /^(\s*)([\s\S]*?)(\s*)$/.exec(text) ?? [];
  return `${before}**${escapeMarkdown(words)}**${after}`;
}

function inlines(content: Inline[]): string {
  return content
    .map((inline) => {
      const r = run(inline);
      const text = r.strong && r.text.trim() !== '' ? strong(r.text) : escapeMarkdown(r.text);
      return r.note === undefined ? text : `${text}[^${r.note}]`;
    })
    .join('');
}

function table(block: TableBlock): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  const width = block.header.length;
  const rows = block.rows.map((row, index) => {
    const total = block.totalRow === true && index === block.rows.length - 1;
    const cells = Array.from({ length: width }, (_, column) => {
      const text = inlines(row[column] ?? []);
      return total && text !== '' && !text.startsWith('**') ? `**${text}**` : text;
    });
    return line(cells);
  });
  return [
    `**${escapeMarkdown(block.caption)}**`,
    '',
    line(block.header.map(escapeMarkdown)),
    line(block.align.slice(0, width).map((align) => (align === 'right' ? '---:' : ':---'))),
    ...rows,
  ].join('\n');
}

function block(b: Block): string {
  switch (b.type) {
    case 'heading':
      return `${'#'.repeat(b.level + 1)} ${escapeMarkdown(b.text)}`;
    case 'paragraph':
      return b.style === 'note' ? `_${inlines(b.content)}_` : escapeLineStart(inlines(b.content));
    case 'list':
      return b.items
        .map((item, index) => `${b.ordered ? `${index + 1}.` : '-'} ${escapeLineStart(inlines(item))}`)
        .join('\n');
    case 'table':
      return table(b);
    case 'chart':
      return table(b.table);
  }
}

export function renderMarkdown(document: BriefingDocument): string {
  const parts = [
    ...(document.marking ? [`**${escapeMarkdown(document.marking)}**`] : []),
    `# ${escapeMarkdown(document.title)}`,
    ...(document.subtitle ? [escapeLineStart(escapeMarkdown(document.subtitle))] : []),
    ...document.blocks.map(block),
    ...document.footnotes.map((note) => `[^${note.ref}]: ${escapeMarkdown(note.text)}`),
  ];
  return `${parts.filter((part) => part.trim() !== '').join('\n\n')}\n`;
}
