import { describe, expect, it } from 'vitest';
import { pageText, type PdfTextItem } from './pdf-lines.ts';

/** A printed line at height `y`, five points wide a character so the arithmetic stays readable. */
function line(str: string, y: number, options: { x?: number; size?: number; width?: number } = {}): PdfTextItem {
  const size = options.size ?? 10;
  return { str, x: options.x ?? 50, y, width: options.width ?? str.length * 5, fontSize: size, hasEOL: true };
}

describe('putting a PDF page’s paragraphs back together', () => {
  it('joins the lines the layout wrapped a paragraph into', () => {
    const items = [line('Trade between the two grew by', 700), line('forty per cent in nine months.', 688)];
    expect(pageText(items)).toBe('Trade between the two grew by forty per cent in nine months.');
  });

  it('keeps a short line (a dateline, a signature) on its own line', () => {
    const items = [
      line('Minsk, 5 December 2017', 700),
      line('The President held talks with the Governor of', 688),
      line('Kursk Oblast on trade and industry in Minsk.', 676),
    ];
    expect(pageText(items)).toBe(
      'Minsk, 5 December 2017\nThe President held talks with the Governor of Kursk Oblast on trade and industry in Minsk.',
    );
  });

  it('starts a paragraph after a wider gap or at a heading in another type size', () => {
    const items = [
      line('Talks in Minsk', 720, { size: 16 }),
      line('The parties met in the morning and agreed', 700),
      line('to meet again.', 688),
      line('Trade grew by forty per cent this year and', 660),
      line('will grow more.', 648),
    ];
    expect(pageText(items)).toBe(
      'Talks in Minsk\n\nThe parties met in the morning and agreed to meet again.\n\nTrade grew by forty per cent this year and will grow more.',
    );
  });

  it('puts a space between pieces of one line that stand apart', () => {
    const items = [
      { ...line('BelAZ', 700), hasEOL: false },
      { ...line('trucks', 700, { x: 80 }), hasEOL: true },
    ];
    expect(pageText(items)).toBe('BelAZ trucks');
  });

  it('gives nothing for a page without text', () => {
    expect(pageText([{ ...line('', 700), width: 0 }])).toBe('');
  });
});
