import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, describeOnEngines, engines, type TestDatabase } from '../../test/support/engines.ts';
import {
  makeDocument,
  makeMeeting,
  makeOrganization,
  makePerson,
  makeProject,
  makeRelationship,
} from '../../test/support/factories.ts';
import type { Db } from '../db/connection.ts';
import { migrations } from '../db/migrations/index.ts';
import { tablesInDependencyOrder } from '../db/schema.ts';
import { linkProvenance } from '../documents/provenance.ts';
import { createDocumentWithFile, documentFile } from '../documents/service.ts';
import { newId } from '../core/ids.ts';
import { nowIso } from '../core/records.ts';
import { flowsOf, insertFlows } from '../../test/support/trade.ts';
import { tradeSummary } from '../trade/analytics/service.ts';
import { tradeFacts } from '../trade/facts/index.ts';
import { submitReadout } from '../readouts/service.ts';
import { exportBundle, importBundle, userRecordCount, type Bundle } from './service.ts';

const briefingBytes = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from(Array.from({ length: 256 }, (_, i) => i))]);

/**
 * A row in every table, with Cyrillic text, nulls, composite keys and money beyond 32 bits, so a
 * round trip shows every kind of value survives.
 */
async function fillDatabase(db: Db): Promise<void> {
  const now = nowIso();
  const meta = { version: 1, createdAt: now, updatedAt: now };

  await db
    .updateTable('territories')
    .set({ nameEn: 'Hrodna Region', version: 2 })
    .where('code', '=', 'BY-HR')
    .execute();
  await db
    .insertInto('territories')
    .values({
      code: 'XK-TST',
      kind: 'region',
      parentCode: 'XK',
      alpha3: null,
      numericCode: null,
      nameEn: 'Test region',
      nameRu: 'Тестовый регион',
      searchText: 'xk-tst | test region | тестовый регион',
      ...meta,
    })
    .execute();

  const readout = await makeDocument(db, {
    titleEn: 'Negotiations with the Governor of Kursk Oblast Alexander Mikhailov',
    titleRu: 'Переговоры с губернатором Курской области Александром Михайловым',
    language: 'ru',
    sourceUrl: 'https://president.gov.by/ru',
    publisher: 'Пресс-служба Президента Республики Беларусь',
  });
  const undated = await makeDocument(db, { titleEn: 'Undated note', publishedOn: null, kind: 'other' });
  const relationship = await makeRelationship(db, { title: 'Беларусь – Курская область', notes: 'since 1999' });
  await db
    .insertInto('agreements')
    .values({
      id: newId(),
      relationshipId: relationship.id,
      title: 'Соглашение о торгово-экономическом сотрудничестве',
      kind: 'cooperation_agreement',
      signedOn: '1999-03-17',
      inForceFrom: '1999-03-17',
      inForceTo: null,
      documentId: undated.id,
      notes: null,
      ...meta,
    })
    .execute();

  const belaz = await makeOrganization(db, { nameEn: 'BelAZ', nameRu: 'ОАО «БЕЛАЗ»', website: 'https://belaz.by' });
  const gok = await makeOrganization(db, { nameEn: null, nameRu: 'Михайловский ГОК', territoryCode: 'RU-KRS' });
  await db
    .insertInto('organizationAliases')
    .values([
      { id: newId(), organizationId: belaz.id, alias: 'Belarusian Autoworks', language: 'en', position: 0 },
      { id: newId(), organizationId: belaz.id, alias: 'БелАЗ', language: 'ru', position: 1 },
      { id: newId(), organizationId: gok.id, alias: 'Mikhailovsky GOK', language: null, position: 0 },
    ])
    .execute();
  await db
    .insertInto('organizationSectors')
    .values([
      { organizationId: belaz.id, sectorCode: 'C' },
      { organizationId: gok.id, sectorCode: 'B' },
    ])
    .execute();
  await db
    .insertInto('organizationProducts')
    .values({
      id: newId(),
      organizationId: belaz.id,
      name: 'Mining dump trucks',
      hsCode: '870410',
      capacityNote: null,
      position: 0,
    })
    .execute();

  const governor = await makePerson(db, { nameEn: 'Alexander Mikhailov', nameRu: 'Александр Михайлов' });
  const president = await makePerson(db, { nameEn: 'Alexander Lukashenko', nameRu: 'Александр Лукашенко' });
  await db
    .insertInto('positions')
    .values({
      id: newId(),
      personId: governor.id,
      titleEn: 'Governor of Kursk Oblast',
      titleRu: 'Губернатор Курской области',
      organizationId: null,
      territoryCode: 'RU-KRS',
      fromOn: '2014-09-18',
      toOn: '2018-10-11',
      searchText: 'governor of kursk oblast | губернатор курской области',
      ...meta,
    })
    .execute();

  const meeting = await makeMeeting(db, { relationshipId: relationship.id, titleRu: 'Переговоры в Минске' });
  await db
    .insertInto('meetingParticipants')
    .values([
      {
        id: newId(),
        meetingId: meeting.id,
        personId: president.id,
        side: 'home',
        roleEn: 'head',
        roleRu: 'глава',
        position: 0,
      },
      {
        id: newId(),
        meetingId: meeting.id,
        personId: governor.id,
        side: 'partner',
        roleEn: null,
        roleRu: 'глава',
        position: 1,
      },
    ])
    .execute();
  await db
    .insertInto('meetingOrganizations')
    .values([
      { meetingId: meeting.id, organizationId: belaz.id, side: 'home', position: 0 },
      { meetingId: meeting.id, organizationId: gok.id, side: 'partner', position: 1 },
    ])
    .execute();
  await db
    .insertInto('meetingSectors')
    .values([
      { meetingId: meeting.id, sectorCode: 'C' },
      { meetingId: meeting.id, sectorCode: '10' },
    ])
    .execute();

  const project = await makeProject(db, {
    relationshipId: relationship.id,
    titleEn: 'BelAZ mining equipment for Mikhailovsky GOK',
    sectorCode: 'C',
    valueMinor: 12_345_678_901_234,
    currency: 'USD',
    stage: 'in_execution',
  });
  await db
    .insertInto('projectParties')
    .values([
      { id: newId(), projectId: project.id, organizationId: belaz.id, role: 'supplier', side: 'home', position: 0 },
      { id: newId(), projectId: project.id, organizationId: gok.id, role: 'customer', side: 'partner', position: 1 },
    ])
    .execute();
  await db
    .insertInto('projectStageChanges')
    .values([
      {
        id: newId(),
        projectId: project.id,
        fromStage: null,
        toStage: 'agreed',
        changedOn: '2017-12-05',
        recordedAt: now,
        note: null,
      },
      {
        id: newId(),
        projectId: project.id,
        fromStage: 'agreed',
        toStage: 'in_execution',
        changedOn: '2018-02-01',
        recordedAt: now,
        note: 'первая поставка',
      },
    ])
    .execute();
  await db
    .insertInto('projectMilestones')
    .values({
      id: newId(),
      projectId: project.id,
      title: 'First trucks',
      dueOn: '2018-06-30',
      doneOn: null,
      note: null,
      position: 0,
    })
    .execute();

  const statementId = newId();
  await db
    .insertInto('statements')
    .values({
      id: statementId,
      meetingId: meeting.id,
      kind: 'commitment',
      speakerPersonId: governor.id,
      side: 'partner',
      sectorCode: 'F',
      textEn: 'Build a trading house in Kursk',
      textRu: 'Построить торговый дом в Курске',
      projectId: project.id,
      ownerPersonId: governor.id,
      ownerOrganizationId: null,
      dueOn: '2018-12-31',
      status: 'in_progress',
      ...meta,
    })
    .execute();
  await db
    .insertInto('statementStatusChanges')
    .values({
      id: newId(),
      statementId,
      fromStatus: 'open',
      toStatus: 'in_progress',
      changedOn: '2018-03-01',
      recordedAt: now,
      note: null,
    })
    .execute();

  const outletId = newId();
  await db
    .insertInto('outlets')
    .values({
      id: outletId,
      relationshipId: relationship.id,
      territoryCode: 'RU-KRS',
      name: 'Торговый дом «Беларусь – Курск»',
      kind: 'trading_house',
      operatorOrganizationId: belaz.id,
      city: 'Курск',
      openedOn: null,
      status: 'planned',
      notes: null,
      latitude: 51.730_361,
      longitude: -36.192_647,
      ...meta,
    })
    .execute();
  await db
    .insertInto('outletLines')
    .values({
      id: newId(),
      outletId,
      organizationId: belaz.id,
      productGroup: 'Machine-building products',
      sinceOn: null,
      position: 0,
    })
    .execute();

  // A saved briefing: its file holds every byte value, so the round trip shows binary survives as it is.
  const briefing = await createDocumentWithFile(
    db,
    {
      titleEn: null,
      titleRu: 'Справка к переговорам с Курской областью',
      kind: 'briefing',
      publishedOn: '2017-12-04',
      language: 'ru',
      publisher: null,
      notes: null,
    },
    { fileName: 'справка.pdf', contentType: 'application/pdf', bytes: briefingBytes },
  );
  await db
    .insertInto('briefings')
    .values({
      documentId: briefing.id,
      relationshipId: relationship.id,
      meetingId: meeting.id,
      asOf: '2017-12-04',
      language: 'ru',
      format: 'pdf',
      marking: 'Для служебного пользования',
      author: 'Иванова',
      producedAt: now,
    })
    .execute();

  await linkProvenance(db, {
    recordType: 'organization',
    recordId: belaz.id,
    documentId: readout.id,
    locator: 'paragraph 4',
  });
  await linkProvenance(db, { recordType: 'statement', recordId: statementId, sourcePersonId: governor.id });
  await linkProvenance(db, { recordType: 'territory', recordId: 'RU-KRS', documentId: readout.id });

  await db
    .insertInto('hsCodes')
    .values({
      revision: 'H6',
      code: '4011',
      level: 4,
      parentCode: '40',
      titleEn: 'New pneumatic tyres, of rubber',
      titleRu: null,
      searchText: '4011 new pneumatic tyres, of rubber',
      source: 'test',
    })
    .execute();
  const datasetId = newId();
  const importId = newId();
  await db
    .insertInto('tradeDatasets')
    .values({
      id: datasetId,
      name: 'Таможня',
      seq: 1,
      kind: 'official_customs',
      source: 'test',
      notes: null,
      rowCount: 2,
      ...meta,
    })
    .execute();
  await db
    .insertInto('tradeImports')
    .values({
      id: importId,
      datasetId,
      seq: 1,
      format: 'mapped',
      fileName: 'customs.csv',
      fileHash: 'ab'.repeat(32),
      rowsImported: 2,
      rowsReplaced: 0,
      periodFrom: 201700,
      periodTo: 201701,
      importedAt: now,
    })
    .execute();
  await insertFlows(db, { datasetSeq: 1, importSeq: 1 }, [
    {
      line: 2,
      period: 201701,
      reporter: 'BY',
      partner: 'RU-KRS',
      flow: 'X',
      hsCode: '4011',
      hsRevision: 'H6',
      valueCents: 12_345_678_901_234,
      quantity: 1.5,
      unit: 't',
    },
    {
      line: 3,
      period: 201700,
      reporter: 'RU-KRS',
      partner: 'BY',
      flow: 'M',
      hsCode: '87',
      hsRevision: 'H6',
      valueCents: 990_000,
      quantity: null,
      unit: null,
      flag: 'estimated',
    },
  ]);
  await db
    .insertInto('officialFigures')
    .values({
      id: newId(),
      reporter: 'BY',
      partner: 'RU-KRS',
      metric: 'turnover',
      periodFrom: 201701,
      periodTo: 201709,
      valueMinor: 9_630_000_000,
      currency: 'USD',
      growthPercent: '40.5',
      documentId: readout.id,
      locator: 'paragraph 10',
      notes: null,
      ...meta,
    })
    .execute();

  // A readout as the service drafts it (its document, its items), and a word a user taught the lexicon.
  await submitReadout(db, {
    text:
      'Минск, 6 декабря 2017 г.\n\nГубернатор Курской области Александр Михайлов провёл переговоры с ' +
      'Премьер-министром Беларуси Андреем Кобяковым. Товарооборот за девять месяцев вырос на 40,5% и составил ' +
      '96,3 млн долларов. Стороны договорились о поставках белорусских шин.',
  });
  await db
    .insertInto('lexiconTerms')
    .values({ id: newId(), kind: 'commodity', term: 'самосвалы', language: 'ru', code: '8704', createdAt: now })
    .execute();
}

async function territoryCount(db: Db): Promise<number> {
  const row = await db
    .selectFrom('territories')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

function withRows(bundle: Bundle, table: string, rows: Record<string, unknown>[]): Bundle {
  return { ...bundle, tables: { ...bundle.tables, [table]: rows } };
}

describeOnEngines('whole-database bundle', (ctx) => {
  const fresh: TestDatabase[] = [];
  const freshDatabase = async () => {
    const database = await createTestDatabase(ctx.engine);
    fresh.push(database);
    return database.db;
  };
  let bundle: Bundle;

  beforeAll(async () => {
    await fillDatabase(ctx.db);
    bundle = await exportBundle(ctx.db);
  }, 60_000);
  afterAll(async () => {
    for (const database of fresh) await database.drop();
  });

  it('exports every table, the filled ones with their rows', () => {
    expect(bundle).toMatchObject({ format: 'accord-bundle', formatVersion: 1 });
    expect(bundle.schema).toBe(Object.keys(migrations).at(-1));
    expect(Object.keys(bundle.tables)).toEqual([...tablesInDependencyOrder.map((t) => t.table), 'tradeFacts']);
    for (const { table } of tablesInDependencyOrder) expect(bundle.tables[table]!.length, table).toBeGreaterThan(0);
    expect(bundle.tables.projects![0]).toMatchObject({ valueMinor: 12_345_678_901_234, currency: 'USD' });
  });

  it('carries trade facts as plain rows, each with its dataset, import and line', () => {
    expect(bundle.tables.tradeFacts).toEqual([
      {
        datasetSeq: 1,
        importSeq: 1,
        reporter: 'BY',
        partner: 'RU-KRS',
        period: 201701,
        flow: 'X',
        hsCode: '4011',
        hsRevision: 'H6',
        valueCents: 12_345_678_901_234,
        quantity: 1.5,
        unit: 't',
        flag: null,
        line: 2,
      },
      {
        datasetSeq: 1,
        importSeq: 1,
        reporter: 'RU-KRS',
        partner: 'BY',
        period: 201700,
        flow: 'M',
        hsCode: '87',
        hsRevision: 'H6',
        valueCents: 990_000,
        quantity: null,
        unit: null,
        flag: 'estimated',
        line: 3,
      },
    ]);
  });

  it('imports into a new database and exports the same bundle again, byte for byte', async () => {
    const target = await freshDatabase();
    const { rows } = await importBundle(target, bundle);
    expect(rows).toBe(Object.values(bundle.tables).reduce((n, t) => n + t.length, 0));
    const again = await exportBundle(target);
    expect(again).toEqual(bundle);
    expect(JSON.stringify(again)).toBe(JSON.stringify(bundle));
    // The facts answer as the trade store's own: the summary reads the pair-month sums published with them.
    const summary = await tradeSummary(target, { home: 'BY', partner: 'RU-KRS', range: { from: 201701, to: 201701 } });
    expect(summary.current).toMatchObject({ exportsCents: 12_345_678_901_234, importsCents: 0 });
    expect((await flowsOf(target, 'Таможня')).map((f) => f.sourceLine)).toEqual([2, 3]);
    expect(
      (await target.selectFrom('territories').select('nameEn').where('code', '=', 'BY-HR').executeTakeFirst())?.nameEn,
    ).toBe('Hrodna Region');
  });

  it('carries a saved briefing with its file byte for byte, and what it was produced for', async () => {
    const target = await freshDatabase();
    await importBundle(target, bundle);
    const [row] = bundle.tables.briefings!;
    expect(row).toMatchObject({ format: 'pdf', author: 'Иванова', marking: 'Для служебного пользования' });
    const file = await documentFile(target, String(row!.documentId));
    expect(file.bytes.equals(briefingBytes)).toBe(true);
    expect(file).toMatchObject({ fileName: 'справка.pdf', contentType: 'application/pdf', byteSize: 265 });
    expect(file.sha256).toBe(createHash('sha256').update(briefingBytes).digest('hex'));
  });

  it('imports a bundle written before documents kept files', async () => {
    const target = await freshDatabase();
    const old = JSON.parse(JSON.stringify(bundle)) as Bundle;
    old.schema = '0007_outlet_coordinates';
    const briefingIds = new Set(old.tables.briefings!.map((b) => b.documentId));
    old.tables.documents = old.tables.documents!.filter((d) => !briefingIds.has(d.id));
    delete old.tables.documentFiles;
    delete old.tables.briefings;
    await importBundle(target, old);
    const again = await exportBundle(target);
    expect(again.tables.briefings).toEqual([]);
    expect(again.tables.documentFiles).toEqual([]);
    expect(again.tables.documents).toHaveLength(bundle.tables.documents!.length - 1);
  });

  it('refuses to import into a database that holds records, and changes nothing there', async () => {
    const error = await importBundle(ctx.db, bundle).catch((e) => e);
    expect(error.code).toBe('NOT_EMPTY');
    expect(await exportBundle(ctx.db)).toEqual(bundle);
  });

  it('refuses a bundle of another format, with unknown or missing tables, or with cells it cannot hold', async () => {
    const target = await freshDatabase();
    const before = await exportBundle(target);
    const attempts: Array<[unknown, string]> = [
      [{ ...bundle, format: 'other-bundle' }, 'format'],
      [{ ...bundle, formatVersion: 2 }, 'formatVersion'],
      [withRows(bundle, 'secrets', []), 'tables.secrets'],
      [{ ...bundle, tables: { ...bundle.tables, outletLines: undefined } }, 'tables.outletLines'],
      [withRows(bundle, 'documents', [{ ...bundle.tables.documents![0], password: 'x' }]), 'tables.documents'],
      [
        withRows(bundle, 'projects', [{ ...bundle.tables.projects![0], valueMinor: 1.5 }]),
        'tables.projects.0.valueMinor',
      ],
      [withRows(bundle, 'people', [{ ...bundle.tables.people![0], notes: { nested: true } }]), 'tables.people.0.notes'],
      [withRows(bundle, 'outlets', [{ ...bundle.tables.outlets![0], latitude: 90.5 }]), 'tables.outlets.0.latitude'],
      [
        withRows(bundle, 'outlets', [{ ...bundle.tables.outlets![0], longitude: '36.19' }]),
        'tables.outlets.0.longitude',
      ],
      [
        withRows(bundle, 'outlets', [
          { ...bundle.tables.outlets![0] },
          { ...bundle.tables.outlets![0], id: newId(), latitude: null },
        ]),
        'tables.outlets.1.latitude',
      ],
      [{ ...bundle, schema: '0099_future' }, ''],
      [{ ...bundle, tables: { ...bundle.tables, tradeFacts: undefined } }, 'tables.tradeFacts'],
      [withRows(bundle, 'tradeFacts', [{ ...bundle.tables.tradeFacts![0], flow: 'R' }]), 'tables.tradeFacts.0.flow'],
      [
        withRows(bundle, 'tradeFacts', [{ ...bundle.tables.tradeFacts![0], hsCode: '4011\n' }]),
        'tables.tradeFacts.0.hsCode',
      ],
      [
        withRows(bundle, 'tradeFacts', [{ ...bundle.tables.tradeFacts![0], valueCents: 2 ** 53 }]),
        'tables.tradeFacts.0.valueCents',
      ],
      [
        withRows(bundle, 'tradeFacts', [{ ...bundle.tables.tradeFacts![0], importSeq: 9 }]),
        'tables.tradeFacts.0.importSeq',
      ],
      [
        withRows(bundle, 'tradeFacts', [{ ...bundle.tables.tradeFacts![0], datasetSeq: 9 }]),
        'tables.tradeFacts.0.datasetSeq',
      ],
      [
        withRows(bundle, 'tradeFacts', [{ ...bundle.tables.tradeFacts![0], partner: 'XX' }]),
        'tables.tradeFacts.0.partner',
      ],
      [
        withRows(bundle, 'tradeFacts', [{ ...bundle.tables.tradeFacts![0], source: 'customs.csv' }]),
        'tables.tradeFacts.0',
      ],
    ];
    for (const [input, path] of attempts) {
      const error = await importBundle(target, JSON.parse(JSON.stringify(input))).catch((e) => e);
      expect(error.code, path).toBe('VALIDATION_FAILED');
      if (path)
        expect(
          error.problems.map((p: { path: string }) => p.path),
          path,
        ).toContain(path);
    }
    expect(await exportBundle(target)).toEqual(before);
  });

  it('imports a bundle of the release with flow blocks when it holds no trade, and refuses one that does', async () => {
    const old = JSON.parse(JSON.stringify(bundle)) as Bundle;
    old.schema = '0010_readouts';
    delete old.tables.tradeFacts;
    const block = { datasetSeq: 1, reporter: 'BY', year: 2017, flow: 'X', bucket: 3, importSeq: 1, part: 1 };
    old.tables.tradeFlowBlocks = [{ ...block, rowCount: 1, body: 'AQAAAA==', detail: 'AQAAAA==' }];
    old.tables.tradeFlowSums = [];
    const error = await importBundle(await freshDatabase(), old).catch((e) => e);
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.message).toContain('before migration 0012_trade_blocks_to_facts');
    expect(error.message).toContain('run accord migrate with this one');

    const target = await freshDatabase();
    old.tables.tradeFlowBlocks = [];
    old.tables.tradeDatasets = [];
    old.tables.tradeImports = [];
    await importBundle(target, old);
    const again = await exportBundle(target);
    expect(again.tables.tradeFacts).toEqual([]);
    expect(again.tables.projects).toEqual(bundle.tables.projects);
  });

  it('imports a bundle written before texts had two languages, placing each text by its script', async () => {
    const target = await freshDatabase();
    const old = JSON.parse(JSON.stringify(bundle)) as Bundle;
    old.schema = '0005_trade_flow_blocks';
    const single = (table: string, column: string, text: string) => {
      for (const row of old.tables[table]!) {
        delete row[`${column}En`];
        delete row[`${column}Ru`];
        row[column] = text;
      }
    };
    single('documents', 'title', 'Переговоры в Минске');
    single('meetings', 'title', 'Talks in Minsk');
    single('meetings', 'summary', 'Обсудили поставки');
    single('meetingParticipants', 'role', 'principal');
    single('projects', 'title', 'Жилой дом');
    single('statements', 'text', 'Deliver trucks');
    await importBundle(target, old);
    const again = await exportBundle(target);
    expect(again.tables.documents!.map((d) => [d.titleEn, d.titleRu])).toEqual(
      old.tables.documents!.map(() => [null, 'Переговоры в Минске']),
    );
    expect(again.tables.meetings![0]).toMatchObject({
      titleEn: 'Talks in Minsk',
      titleRu: null,
      summaryEn: null,
      summaryRu: 'Обсудили поставки',
    });
    expect(again.tables.meetingParticipants![0]).toMatchObject({ roleEn: 'principal', roleRu: null });
    expect(again.tables.projects![0]).toMatchObject({ titleEn: null, titleRu: 'Жилой дом' });
    expect(again.tables.statements![0]).toMatchObject({ textEn: 'Deliver trucks', textRu: null });
  });

  it('imports all or nothing: a row whose parent is missing leaves the database as it was', async () => {
    const target = await freshDatabase();
    const territories = await territoryCount(target);
    const orphan = { ...bundle.tables.meetings![0], id: newId(), relationshipId: newId() };
    const broken = withRows(bundle, 'meetings', [...bundle.tables.meetings!, orphan]);
    const error = await importBundle(target, broken).catch((e) => e);
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.problems[0].path).toBe('tables.meetings');
    expect(await userRecordCount(target)).toBe(0);
    const facts: unknown[] = [];
    for await (const page of (await tradeFacts(target)).readFacts(1)) facts.push(...page);
    expect(facts).toEqual([]);
    expect(await territoryCount(target)).toBe(territories);
    expect(
      await target.selectFrom('territories').select('code').where('code', '=', 'XK-TST').executeTakeFirst(),
    ).toBeUndefined();

    await importBundle(target, bundle);
    expect(await exportBundle(target)).toEqual(bundle);
  });
});

describe.runIf(engines.includes('postgres'))('whole-database bundle across engines', () => {
  const databases: TestDatabase[] = [];
  afterAll(async () => {
    for (const database of databases) await database.drop();
  });

  it('moves a database from SQLite to PostgreSQL and exports it identically', async () => {
    const sqlite = await createTestDatabase('sqlite');
    const postgres = await createTestDatabase('postgres');
    databases.push(sqlite, postgres);
    await fillDatabase(sqlite.db);
    const fromSqlite = await exportBundle(sqlite.db);
    await importBundle(postgres.db, fromSqlite);
    const fromPostgres = await exportBundle(postgres.db);
    expect(fromPostgres).toEqual(fromSqlite);
    expect(JSON.stringify(fromPostgres)).toBe(JSON.stringify(fromSqlite));
  }, 60_000);
});
