/** A piece of a PDF's text layer as PDF.js gives it (unpdf's `extractTextItems`). */
export interface PdfTextItem {
  str: string;
  x: number;
  y: number;
  width: number;
  fontSize: number;
  hasEOL: boolean;
}

interface Line {
  text: string;
  left: number;
  right: number;
  y: number;
  size: number;
}

/**
 * A gap this many times the line spacing separates paragraphs. The spacing is the page's usual one, but at
 * most 1.3 times the type size: on a page where every line is a paragraph, the usual gap is a paragraph's.
 */
const paragraphGap = 1.4;
const maxLineSpacing = 1.3;

/**
 * A page's text with its paragraphs put back together: a PDF only knows printed lines, so lines wrapped by
 * the layout are joined with a space, a line that stops short (the next line's first word would have fitted
 * on it: a dateline, a signature, a list item) ends with a line break, and a wider gap or a change of type
 * size (a heading) makes a paragraph break.
 */
export function pageText(items: PdfTextItem[]): string {
  const lines = linesOf(items);
  if (lines.length === 0) return '';
  const spacing = usualSpacing(lines);
  const right = Math.max(...lines.map((line) => line.right));
  let text = lines[0]!.text;
  for (let i = 1; i < lines.length; i += 1) {
    const above = lines[i - 1]!;
    const line = lines[i]!;
    const gap = above.y - line.y;
    const lineSpacing = Math.min(spacing, above.size * maxLineSpacing);
    const newParagraph =
      gap <= 0 || gap > lineSpacing * paragraphGap || Math.abs(line.size - above.size) > above.size * 0.15;
    text += newParagraph ? '\n\n' : stopsShort(above, line, right) ? '\n' : joiner(above.text);
    text += line.text;
  }
  return text;
}

function linesOf(items: PdfTextItem[]): Line[] {
  const lines: Line[] = [];
  let current: Line | null = null;
  for (const item of items) {
    if (item.str !== '') {
      if (!current) {
        current = { text: item.str, left: item.x, right: item.x + item.width, y: item.y, size: item.fontSize };
      } else {
        // Pieces of one line come apart at a change of font; a visible gap between them is a space.
        const apart = item.x - current.right > item.fontSize * 0.15;
        const spaced = current.text.endsWith(' ') || item.str.startsWith(' ');
        current.text += apart && !spaced ? ` ${item.str}` : item.str;
        current.right = Math.max(current.right, item.x + item.width);
      }
    }
    if (item.hasEOL && current) {
      current.text = current.text.trim();
      if (current.text !== '') lines.push(current);
      current = null;
    }
  }
  if (current && current.text.trim() !== '') lines.push({ ...current, text: current.text.trim() });
  return lines;
}

/** The most common distance between one line and the next, which is the body text's. */
function usualSpacing(lines: Line[]): number {
  const gaps = lines
    .slice(1)
    .map((line, i) => Math.round((lines[i]!.y - line.y) * 2) / 2)
    .filter((gap) => gap > 0);
  if (gaps.length === 0) return lines[0]!.size * 1.2;
  const counts = new Map<number, number>();
  for (const gap of gaps) counts.set(gap, (counts.get(gap) ?? 0) + 1);
  let best = gaps[0]!;
  for (const [gap, count] of counts) {
    if (count > counts.get(best)! || (count === counts.get(best)! && gap < best)) best = gap;
  }
  return best;
}

/** Whether the next line's first word would have fitted at the end of this one. */
function stopsShort(line: Line, next: Line, right: number): boolean {
  const charWidth = (line.right - line.left) / Math.max(1, line.text.length);
  const firstWord = next.text.split(' ', 1)[0]!;
  return right - line.right > (firstWord.length + 1) * charWidth;
}

/** A word broken with a soft hyphen joins up; any other wrapped line goes on after a space. */
function joiner(text: string): string {
  return text.endsWith('\u00ad') ? '' : ' ';
}
