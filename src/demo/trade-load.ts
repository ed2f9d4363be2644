import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Database } from '../db/connection.ts';
import { recordOfficialFigure } from '../trade/figures/service.ts';
import { importTradeFile } from '../trade/importers/service.ts';
import { formatMinor } from '../trade/money.ts';
import { generateIllustrativeTrade } from './trade.ts';

export const illustrativeDatasetName = 'Illustrative: Belarus – Kursk Oblast monthly trade 2013–2017';

/**
 * Loads the demo's trade: the generated monthly flows through the ordinary mapped-CSV import (so the
 * demo exercises the real path), and the figure the readout quotes as an official figure with its source.
 */
export async function loadDemoTrade(database: Database, readoutId: string): Promise<{ rows: number }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-demo-'));
  const file = path.join(dir, 'belarus-kursk-illustrative.csv');
  try {
    const lines = ['period,partner,flow,hs,value_usd'];
    for (const r of generateIllustrativeTrade()) {
      lines.push(`${r.period},RU-KRS,${r.flow},${r.hsCode},${formatMinor(r.valueCents)}`);
    }
    fs.writeFileSync(file, `${lines.join('\n')}\n`);
    const report = await importTradeFile(database, {
      format: 'mapped',
      file,
      dataset: {
        name: illustrativeDatasetName,
        kind: 'illustrative',
        source: 'Accord demo generator (deterministic)',
        notes:
          'Made-up monthly flows by HS heading, calibrated to the turnover the 5 December 2017 readout quotes ' +
          '(January–September 2017: USD 96.3 million, +40.5%), to its list of main exports and to the fall in ' +
          'trade it mentions. Not statistics: do not quote.',
      },
      mapping: {
        columns: { period: 'period', partner: 'partner', flow: 'flow', hsCode: 'hs', value: 'value_usd' },
        constants: { reporter: 'BY', hsRevision: 'H4' },
      },
    });
    await recordOfficialFigure(database.db, {
      reporter: 'BY',
      partner: 'RU-KRS',
      metric: 'turnover',
      periodFrom: '2017-01',
      periodTo: '2017-09',
      value: '96300000',
      currency: 'USD',
      growthPercent: '40.5',
      documentId: readoutId,
      locator: 'paragraph 10',
      notes: 'Turnover of Belarus with Kursk Oblast, January–September 2017, against January–September 2016.',
    });
    return { rows: report.rowsImported };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
