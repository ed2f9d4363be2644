/**
 * Imports a UN Comtrade-like file whose flows are listed at chapter, heading and subheading level with a
 * TOTAL row each, as Comtrade downloads are, and checks that the summary gives the file's own TOTAL once.
 * Prints the time, the peak memory and both totals.
 *
 *   npm run bench:levels -- [--subheadings 2500]
 *
 * With 2,500 subheadings per flow (240 flows) the file has about 840,000 rows and 170 MB.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabase } from '../src/db/connection.ts';
import { prepareDatabase } from '../src/db/setup.ts';
import { tradeSummary } from '../src/trade/analytics/service.ts';
import { importTradeFile } from '../src/trade/importers/service.ts';

const { values: args } = parseArgs({ options: { subheadings: { type: 'string', default: '2500' } } });
const perFlow = Number(args.subheadings);

const header =
  'typeCode,freqCode,refPeriodId,refYear,refMonth,period,reporterCode,reporterISO,reporterDesc,flowCode,flowDesc,' +
  'partnerCode,partnerISO,partnerDesc,partner2Code,partner2ISO,partner2Desc,classificationCode,' +
  'classificationSearchCode,isOriginalClassification,cmdCode,cmdDesc,aggrLevel,isLeaf,customsCode,customsDesc,' +
  'mosCode,motCode,motDesc,qtyUnitCode,qtyUnitAbbr,qty,isQtyEstimated,altQtyUnitCode,altQtyUnitAbbr,altQty,' +
  'isAltQtyEstimated,netWgt,isNetWgtEstimated,grossWgt,isGrossWgtEstimated,cifvalue,fobvalue,primaryValue,' +
  'legacyEstimationFlag,isReported,isAggregate';
const partners: Array<[number, string]> = [
  [643, 'RUS'],
  [276, 'DEU'],
  [156, 'CHN'],
  [616, 'POL'],
  [804, 'UKR'],
  [440, 'LTU'],
  [428, 'LVA'],
  [398, 'KAZ'],
  [860, 'UZB'],
  [840, 'USA'],
];
const subheadings: string[] = [];
for (let chapter = 1; chapter <= 97; chapter += 1) {
  if (chapter === 77) continue;
  for (let heading = 1; heading <= 10; heading += 1) {
    for (let sub = 10; sub < 20; sub += 1) {
      subheadings.push(`${pad(chapter)}${pad(heading)}${sub}`);
    }
  }
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** A small deterministic generator, so every run writes the same file. */
let seed = 1;
function random(): number {
  seed = (seed * 48271) % 2147483647;
  return seed / 2147483647;
}

function line(period: string, flow: string, partner: [number, string], code: string, dollars: number): string {
  const level = code === 'TOTAL' ? 0 : code.length;
  return (
    `C,M,${period}01,${period.slice(0, 4)},${Number(period.slice(4))},${period},112,BLR,Belarus,${flow},,` +
    `${partner[0]},${partner[1]},,0,W00,World,H5,HS,True,${code},,${level},${level === 6},C00,TOTAL CPC,0,0,` +
    `TOTAL MOT,-1,N/A,,False,-1,N/A,,False,,False,,False,,${dollars}.00,${dollars}.00,0,True,${level < 6}\n`
  );
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-bench-levels-'));
try {
  const file = path.join(dir, 'comtrade-levels.csv');
  const out = fs.openSync(file, 'w');
  fs.writeSync(out, `${header}\n`);
  let rows = 0;
  let exportsToRussia = 0;
  for (let month = 1; month <= 12; month += 1) {
    const period = `2017${pad(month)}`;
    for (const partner of partners) {
      for (const flow of ['X', 'M']) {
        const byHeading = new Map<string, number>();
        const byChapter = new Map<string, number>();
        let total = 0;
        const chosen = [...subheadings].sort(() => random() - 0.5).slice(0, perFlow);
        const lines: string[] = [];
        for (const code of chosen) {
          const dollars = 1000 + Math.floor(random() * 99_000);
          lines.push(line(period, flow, partner, code, dollars));
          byHeading.set(code.slice(0, 4), (byHeading.get(code.slice(0, 4)) ?? 0) + dollars);
          byChapter.set(code.slice(0, 2), (byChapter.get(code.slice(0, 2)) ?? 0) + dollars);
          total += dollars;
        }
        for (const [code, dollars] of [...byHeading, ...byChapter])
          lines.push(line(period, flow, partner, code, dollars));
        lines.push(line(period, flow, partner, 'TOTAL', total));
        fs.writeSync(out, lines.join(''));
        rows += lines.length;
        if (partner[1] === 'RUS' && flow === 'X') exportsToRussia += total * 100;
      }
    }
  }
  fs.closeSync(out);

  const databaseFile = path.join(dir, 'accord.sqlite');
  const database = await openDatabase({
    target: { dialect: 'sqlite', file: databaseFile, display: databaseFile },
    migrations: 'none',
  });
  await prepareDatabase(database.db);
  const started = performance.now();
  const report = await importTradeFile(database, {
    format: 'comtrade',
    file,
    dataset: { name: 'levels', kind: 'comtrade', source: 'bench' },
  });
  const seconds = (performance.now() - started) / 1000;
  const summary = await tradeSummary(database.db, {
    home: 'BY',
    partner: 'RU',
    range: { from: 201701, to: 201712 },
    datasetId: report.datasetId!,
  });
  await database.close();
  const megabytes = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;
  process.stdout.write(
    [
      `file: ${rows.toLocaleString('en-US')} rows, ${megabytes(fs.statSync(file).size)}`,
      `import: ${seconds.toFixed(1)} s, ${report.rowsImported.toLocaleString('en-US')} rows kept, ` +
        `${report.rowsSkipped.toLocaleString('en-US')} skipped; peak memory ${megabytes(process.resourceUsage().maxRSS * 1024)}`,
      `BY exports to RU 2017: file TOTAL ${exportsToRussia} cents, summary ${summary.current.exportsCents} cents: ` +
        (exportsToRussia === summary.current.exportsCents ? 'equal' : 'DIFFERENT'),
      ...report.notes.map((note) => `note: ${note.message}`),
      '',
    ].join('\n'),
  );
  if (exportsToRussia !== summary.current.exportsCents) process.exitCode = 1;
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
