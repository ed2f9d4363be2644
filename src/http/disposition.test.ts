import { expect, it } from 'vitest';
import { attachment } from './disposition.ts';

it('names an ASCII file as it is', () => {
  expect(attachment('briefing-BY-RU-KRS-2017-12-04.pdf')).toBe(
    'attachment; filename="briefing-BY-RU-KRS-2017-12-04.pdf"',
  );
});

it('names a Russian file in UTF-8 beside a plain stand-in', () => {
  expect(attachment('Справка 2017-12-04.docx')).toBe(
    `attachment; filename="_______ 2017-12-04.docx"; filename*=UTF-8''%D0%A1%D0%BF%D1%80%D0%B0%D0%B2%D0%BA%D0%B0%202017-12-04.docx`,
  );
});

it('keeps quotes, line breaks and apostrophes out of the header', () => {
  const header = attachment('a"b\r\nc\'d.md');
  expect(header).toBe(`attachment; filename="a_b__c'd.md"; filename*=UTF-8''a%22b%0D%0Ac%27d.md`);
  expect(header).not.toMatch(/[\r\n]/);
});
