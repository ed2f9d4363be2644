import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { hsChapters, hsSections, sectionOfChapter } from './reference.ts';

const cyrillic = /[\u0400-\u04FF]/;
const romans = 'I II III IV V VI VII VIII IX X XI XII XIII XIV XV XVI XVII XVIII XIX XX XXI'.split(' ');
const twoDigit = (n: number) => String(n).padStart(2, '0');

describe('HS sections', () => {
  it('lists the 21 sections in order with codes 01–21 and roman numerals I–XXI', () => {
    expect(hsSections).toHaveLength(21);
    expect(hsSections.map((s) => s.code)).toEqual(romans.map((_, i) => twoDigit(i + 1)));
    expect(hsSections.map((s) => s.roman)).toEqual(romans);
  });

  it('covers every chapter exactly once, in ascending order across sections', () => {
    const listed = hsSections.flatMap((s) => s.chapters);
    expect(listed).toEqual(Array.from({ length: 97 }, (_, i) => twoDigit(i + 1)));
  });
});

describe('HS chapters', () => {
  it('lists the 97 chapters 01–97 with unique codes in order', () => {
    expect(hsChapters).toHaveLength(97);
    const codes = hsChapters.map((c) => c.code);
    expect(new Set(codes).size).toBe(97);
    expect(codes).toEqual(Array.from({ length: 97 }, (_, i) => twoDigit(i + 1)));
  });

  it('agrees with the sections: each chapter is listed by its section and by no other', () => {
    for (const chapter of hsChapters) {
      const holders = hsSections.filter((s) => s.chapters.includes(chapter.code));
      expect(
        holders.map((s) => s.code),
        chapter.code,
      ).toEqual([chapter.section]);
    }
    for (const section of hsSections) {
      for (const code of section.chapters) {
        expect(hsChapters.find((c) => c.code === code)?.section, `${section.roman} ${code}`).toBe(section.code);
      }
    }
  });

  it('keeps chapter 77 as reserved', () => {
    expect(hsChapters.find((c) => c.code === '77')).toEqual({
      code: '77',
      section: '15',
      titleEn: '(Reserved for possible future use)',
      titleRu: '(Зарезервирована для возможного будущего использования)',
    });
  });
});

describe('HS titles', () => {
  it('titles every section and chapter in English and Russian', () => {
    const entries = [
      ...hsSections.map((s) => ({ key: `section ${s.roman}`, titleEn: s.titleEn, titleRu: s.titleRu })),
      ...hsChapters.map((c) => ({ key: `chapter ${c.code}`, titleEn: c.titleEn, titleRu: c.titleRu })),
    ];
    for (const e of entries) {
      expect(e.titleEn.trim(), e.key).not.toBe('');
      expect(e.titleRu.trim(), e.key).not.toBe('');
      expect(e.titleEn, e.key).not.toMatch(cyrillic);
      expect(e.titleRu, e.key).toMatch(cyrillic);
      expect(e.titleEn, e.key).toBe(e.titleEn.trim());
      expect(e.titleRu, e.key).toBe(e.titleRu.trim());
    }
  });

  it('spot-checks a few titles', () => {
    const chapter = (code: string) => hsChapters.find((c) => c.code === code);
    expect(chapter('40')).toMatchObject({
      titleEn: 'Rubber and articles thereof',
      titleRu: 'Каучук, резина и изделия из них',
    });
    expect(chapter('31')).toMatchObject({ titleEn: 'Fertilisers', titleRu: 'Удобрения' });
    expect(chapter('64')?.titleRu).toBe('Обувь, гетры и аналогичные изделия; их детали');
    expect(hsSections[4]).toMatchObject({ roman: 'V', titleEn: 'Mineral products', titleRu: 'Минеральные продукты' });
  });
});

describe('sectionOfChapter', () => {
  it('finds the section of a chapter', () => {
    expect(sectionOfChapter('40')?.roman).toBe('VII');
    expect(sectionOfChapter('31')?.roman).toBe('VI');
    expect(sectionOfChapter('87')?.roman).toBe('XVII');
    expect(sectionOfChapter('01')?.roman).toBe('I');
    expect(sectionOfChapter('77')?.roman).toBe('XV');
    expect(sectionOfChapter('97')?.roman).toBe('XXI');
    expect(sectionOfChapter('7')?.roman).toBe('II');
  });

  it('returns undefined for codes that are not chapters', () => {
    for (const code of ['', '00', '98', '99', '4011', 'ab', '-1']) expect(sectionOfChapter(code), code).toBeUndefined();
  });
});

// Optional cross-check against the HS 2022 nomenclature file from UN Comtrade, when shared/ is present.
// shared/ sits beside the clone (see the developers' guide); absent elsewhere.
const datasetDir = fileURLToPath(new URL('../../../../shared/data/harmonized-system', import.meta.url));
const datasetFile = join(datasetDir, 'harmonized-system.csv');

/** Minimal RFC 4180 line parser: the dataset quotes fields that contain commas. */
function parseCsvLine(line: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      fields.push(field);
      field = '';
    } else field += ch;
  }
  fields.push(field);
  return fields;
}

describe('HS reference against the shared HS 2022 dataset', () => {
  it('has the same chapters in the same sections as the level-2 rows of harmonized-system.csv', (ctx) => {
    if (!existsSync(datasetFile)) {
      const reason = `${datasetFile} is absent; skipping the comparison with the shared HS dataset`;
      console.log(reason);
      ctx.skip(reason);
      return;
    }
    const lines = readFileSync(datasetFile, 'utf8')
      .replace(/^\uFEFF/, '')
      .split(/\r?\n/)
      .filter((l) => l !== '');
    const header = parseCsvLine(lines[0] ?? '');
    const col = (name: string) => {
      const index = header.indexOf(name);
      expect(index, `column ${name} in ${header.join(',')}`).toBeGreaterThanOrEqual(0);
      return index;
    };
    const [sectionCol, codeCol, levelCol] = [col('section'), col('hscode'), col('level')];
    const rows = lines.slice(1).map(parseCsvLine);
    // Chapter 99 ("commodities not specified according to kind") is a Comtrade reporting code under the TOTAL
    // pseudo-section, not part of the nomenclature; chapter 77 is reserved and so has no row in the dataset.
    const datasetChapters = rows
      .filter((r) => r[levelCol] === '2' && r[sectionCol] !== 'TOTAL')
      .map((r) => ({ code: r[codeCol], roman: r[sectionCol] }));
    const ours = hsChapters
      .filter((c) => c.code !== '77')
      .map((c) => ({ code: c.code, roman: hsSections.find((s) => s.code === c.section)?.roman }));
    expect(datasetChapters).toEqual(ours);
  });
});
