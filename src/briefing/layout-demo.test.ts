import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/support/engines.ts';
import { loadDemo } from '../demo/load.ts';
import { composeBriefing } from './compose.ts';
import type { Block, BriefingDocument, Inline } from './document.ts';
import { layoutBriefing } from './layout.ts';
import type { Briefing } from './model.ts';

const nbsp = '\u00a0';
const options = { marking: 'Для служебного пользования', producedAt: '2026-12-07T09:00:00.000Z' };

const runText = (run: Inline) => (typeof run === 'string' ? run : run.text);
const ownText = (runs: Inline[]) =>
  runs
    .filter((run) => typeof run === 'string' || run.lang === undefined)
    .map(runText)
    .join('');

/** The document's words in reading order; runs marked as typed in the other language are left out. */
function ownLines(doc: BriefingDocument): string[] {
  const lines = [doc.title, doc.subtitle];
  const visit = (block: Block): void => {
    if (block.type === 'heading') lines.push(block.text);
    if (block.type === 'paragraph') lines.push(ownText(block.content));
    if (block.type === 'list') lines.push(...block.items.map(ownText));
    if (block.type === 'table') {
      lines.push(block.caption, ...block.header, ...block.rows.flatMap((row) => row.map(ownText)));
    }
    if (block.type === 'chart') {
      lines.push(block.chart.unit, ...block.chart.categories, ...block.chart.series.map((s) => s.name));
      visit(block.table);
    }
  };
  doc.blocks.forEach(visit);
  return lines;
}

function notesOf(doc: BriefingDocument): number[] {
  const notes = (runs: Inline[]) =>
    runs.flatMap((r) => (typeof r !== 'string' && r.note !== undefined ? [r.note] : []));
  return doc.blocks.flatMap((block) => {
    if (block.type === 'paragraph') return notes(block.content);
    if (block.type === 'list') return block.items.flatMap(notes);
    const table = block.type === 'table' ? block : block.type === 'chart' ? block.table : null;
    return table ? table.rows.flatMap((row) => row.flatMap(notes)) : [];
  });
}

// Layout is pure, so one engine is enough: the demo composed once, laid out in both languages.
describe('the demo briefing for the talks of 5 December 2017, laid out', () => {
  let database: TestDatabase | undefined;
  let briefing: Briefing;

  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
    await loadDemo(database);
    const talks = await database.db
      .selectFrom('meetings')
      .select(['id', 'relationshipId'])
      .where('heldOn', '=', '2017-12-05')
      .executeTakeFirstOrThrow();
    briefing = await composeBriefing(database.db, {
      relationshipId: talks.relationshipId,
      meetingId: talks.id,
      today: '2026-12-07',
    });
  }, 60_000);
  afterAll(async () => {
    await database?.drop();
  });

  it('says in Russian what was known the day before the talks', () => {
    const text = ownLines(layoutBriefing(briefing, 'ru', options)).join('\n');
    for (const phrase of [
      'Справка к переговорам с Курской областью',
      'По состоянию на 4 декабря 2017 г.',
      `В январе–сентябре 2017 года товарооборот составил 96,3 млн долл. США (+40,5${nbsp}% к январю–сентябрю 2016 года)`,
      'Условные данные, не официальная статистика.',
      '2017 (янв.–сент.)',
      'БелАЗ',
      'Михайловск',
      'Планар',
      'Минский моторный завод',
      'Мозыр',
      'Дилер',
      'просрочено на 65 дней',
      'Товарооборот восстанавливается',
    ]) {
      expect(text).toContain(phrase);
    }
    for (const code of ['4011', '3104', '5402', '8704', '6403']) expect(text).toContain(code);
    expect(text).not.toMatch(/семян|АЭС/);
  });

  it('says the same in English', () => {
    const text = ownLines(layoutBriefing(briefing, 'en', options)).join('\n');
    for (const phrase of [
      'Briefing for the talks with Kursk Oblast',
      'As of 4 December 2017',
      'In January–September 2017 turnover was USD 96.3 million, +40.5% on January–September 2016',
      'Illustrative data, not official statistics.',
      '2017 (Jan–Sep)',
      'overdue by 65 days',
      'Rosatom',
    ]) {
      expect(text).toContain(phrase);
    }
  });

  it('keeps the Russian text free of English words it did not mark as typed in English', () => {
    const latin = ownLines(layoutBriefing(briefing, 'ru', options))
      .flatMap((line) => line.match(/[A-Za-z]+/g) ?? [])
      // Accord is the product's name; a single capital is an ISIC section code («Строительство (F)»).
      .filter((word) => word !== 'Accord' && !/^[A-Z]$/.test(word));
    expect(latin).toEqual([]);
  });

  it('cites only footnotes the document holds, and holds a footnote for the dataset', () => {
    for (const lang of ['en', 'ru'] as const) {
      const doc = layoutBriefing(briefing, lang, options);
      const refs = new Set(doc.footnotes.map((f) => f.ref));
      expect(notesOf(doc).filter((ref) => !refs.has(ref))).toEqual([]);
      expect(notesOf(doc).length).toBeGreaterThan(0);
    }
    expect(layoutBriefing(briefing, 'ru', options).footnotes.map((f) => f.text)).toContainEqual(
      expect.stringContaining(
        'условные данные, не официальная статистика; данные за месяц становятся известны через 45 дней',
      ),
    );
  });
});
