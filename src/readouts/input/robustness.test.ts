import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AccordError } from '../../core/errors.ts';
import { readReadoutFile } from './file.ts';
import { readHtml } from './html.ts';

const htmlPieces = fc.constantFrom(
  '<p>',
  '</p>',
  '<div class="a>b">',
  '</div>',
  '<nav>',
  '</nav>',
  '<article>',
  '</article>',
  '<h1>',
  '</h1>',
  '<script>',
  '</script>',
  '<!--',
  '-->',
  '<br/>',
  '<',
  '>',
  '&amp;',
  '&#x',
  '&#150;',
  '"',
  "'",
  'text',
  'Минск',
  ' ',
  '\n',
  '<td>',
  '<pre>',
  '</pre>',
  '<svg/>',
);

describe('input nobody meant to send', () => {
  it('reads any markup without throwing, and leaves no run of blank lines', () => {
    fc.assert(
      fc.property(fc.array(htmlPieces, { maxLength: 60 }), (pieces) => {
        const { text } = readHtml(pieces.join(''));
        expect(text).not.toMatch(/\n{3}/);
        expect(text).toBe(text.trim());
      }),
      { numRuns: 3000 },
    );
  });

  it('refuses random bytes under any accepted name with a clear error, never a crash', async () => {
    const heads = fc.constantFrom('', '%PDF-1.7\n', 'PK\u0003\u0004', '<html>', '\ufeff');
    await fc.assert(
      fc.asyncProperty(
        heads,
        fc.uint8Array({ maxLength: 400 }),
        fc.constantFrom('a.txt', 'a.html', 'a.docx', 'a.pdf'),
        async (head, tail, fileName) => {
          const bytes = new Uint8Array([...new TextEncoder().encode(head), ...tail]);
          try {
            const read = await readReadoutFile({ fileName, bytes });
            expect(typeof read.text).toBe('string');
          } catch (error) {
            expect(error).toBeInstanceOf(AccordError);
            expect((error as AccordError).message).toContain(fileName);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
