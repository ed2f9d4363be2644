/**
 * The demo's briefings, composed and laid out for real, hold no character that PT Sans cannot draw once
 * the PDF renderer has fitted them to the font: a new sign in the layout or the data shows up here, not as
 * an empty box on a printed page.
 */
import fs from 'node:fs';
import * as fontkit from 'fontkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/support/engines.ts';
import { loadDemo } from '../../demo/load.ts';
import { composeBriefing } from '../compose.ts';
import type { Block, BriefingDocument } from '../document.ts';
import { layoutBriefing } from '../layout.ts';
import { fontFiles, inFont } from './fonts.ts';

function texts(document: BriefingDocument): string[] {
  const out = [document.title, document.subtitle, document.marking ?? '', ...document.footnotes.map((n) => n.text)];
  const runs = (content: Array<string | { text: string }>) => content.map((r) => (typeof r === 'string' ? r : r.text));
  const visit = (block: Block): void => {
    if (block.type === 'heading') out.push(block.text);
    if (block.type === 'paragraph') out.push(...runs(block.content));
    if (block.type === 'list') out.push(...block.items.flatMap(runs));
    if (block.type === 'table') out.push(block.caption, ...block.header, ...block.rows.flat().flatMap(runs));
    if (block.type === 'chart') {
      out.push(block.caption, block.chart.unit, ...block.chart.categories, ...block.chart.series.map((s) => s.name));
      visit(block.table);
    }
  };
  document.blocks.forEach(visit);
  return out;
}

describe('the demo briefings in the PDF font', () => {
  let database: TestDatabase | undefined;
  let relationshipId = '';

  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
    await loadDemo(database);
    relationshipId = (await database.db.selectFrom('relationships').select('id').executeTakeFirstOrThrow()).id;
  }, 60_000);
  afterAll(async () => {
    await database?.drop();
  });

  it('use only characters PT Sans can draw, in both languages and on every sample day', async () => {
    const font = fontkit.create(fs.readFileSync(fontFiles.regular));
    if (!('hasGlyphForCodePoint' in font)) throw new Error('PT Sans should be one font');
    const missing = new Set<string>();
    for (const asOf of ['2016-12-01', '2017-12-04', '2018-03-01']) {
      const briefing = await composeBriefing(database!.db, { relationshipId, asOf, today: '2026-12-07' });
      for (const lang of ['ru', 'en'] as const) {
        const document = layoutBriefing(briefing, lang, { marking: null, producedAt: '2026-12-07T09:00:00Z' });
        for (const text of texts(document)) {
          for (const ch of inFont(text)) {
            if (ch !== '\n' && !font.hasGlyphForCodePoint(ch.codePointAt(0) ?? 0)) missing.add(ch);
          }
        }
      }
    }
    expect([...missing]).toEqual([]);
  });
});
