import { describe, expect, it } from 'vitest';
import type { Block, BriefingDocument, Inline, TableBlock } from './document.ts';
import { layoutBriefing } from './layout.ts';
import type {
  Briefing,
  BriefingLanguage,
  Participant,
  ProjectDigest,
  StatementDigest,
  StructureItem,
  Text,
} from './model.ts';

const nbsp = '\u00a0';
const both = (en: string, ru: string): Text => ({ en, ru });
const usd = (dollars: number) => Math.round(dollars * 100);

function buildStatement(overrides: Partial<StatementDigest> = {}): StatementDigest {
  return {
    statementId: 'st-1',
    kind: 'commitment',
    text: both('Send a delegation of Kursk builders to Mozyr', 'Направить делегацию курских строителей в Мозырь'),
    madeOn: '2016-06-14',
    meetingId: 'm-2016',
    meetingTitle: both('Working group on industrial cooperation', 'Рабочая группа по промышленной кооперации'),
    side: 'partner',
    speaker: null,
    owner: both('Kursk Oblast Committee for Construction', 'Комитет строительства Курской области'),
    dueOn: '2017-10-30',
    status: 'open',
    statusOn: '2016-06-14',
    daysOverdue: null,
    project: null,
    sectorCode: null,
    sources: [3],
    ...overrides,
  };
}

function buildProject(overrides: Partial<ProjectDigest> = {}): ProjectDigest {
  return {
    projectId: 'p-belaz',
    title: both('BelAZ dump trucks for Mikhailovsky GOK', 'Поставка самосвалов БелАЗ Михайловскому ГОКу'),
    kind: 'supply',
    sectorCode: '0710',
    sector: both('Mining of iron ores', 'Добыча железных руд'),
    stage: 'in_execution',
    stageOn: '2017-03-01',
    startedOn: '2015-04-01',
    dateUnknown: false,
    valueMinor: usd(12_500_000),
    currency: 'USD',
    parties: [
      { name: both('BelAZ', 'БелАЗ'), role: 'supplier', side: 'home' },
      { name: both('Mikhailovsky GOK', 'Михайловский ГОК'), role: 'customer', side: 'partner' },
    ],
    sources: [3],
    ...overrides,
  };
}

function buildParticipant(overrides: Partial<Participant> = {}): Participant {
  return {
    personId: 'pe-1',
    name: both('Alexander Mikhailov', 'Александр Михайлов'),
    side: 'partner',
    role: both('head of delegation', 'глава делегации'),
    posts: [
      {
        title: both('Governor', 'Губернатор'),
        organization: both('Kursk Oblast', 'Курская область'),
        fromOn: '2000-11-18',
        toOn: null,
      },
    ],
    ...overrides,
  };
}

const item = (code: string, title: Text, current: number, previous: number, share: number): StructureItem => ({
  code,
  label: code,
  title,
  currentCents: usd(current),
  previousCents: usd(previous),
  sharePercent: share,
  growthPercent: ((current - previous) / previous) * 100,
  contributionPp: ((current - previous) / 43_000_000) * 100,
});

/** The briefing for the talks of 5 December 2017, as of the day before, by hand. */
function buildBriefing(overrides: Partial<Briefing> = {}): Briefing {
  const dataset = {
    id: 'ds-1',
    name: 'Illustrative: Belarus – Kursk Oblast monthly trade 2013–2017',
    kind: 'illustrative',
    source: 'demo',
    illustrative: true,
  };
  const current = {
    exportsCents: 6_118_400_000,
    importsCents: 3_516_112_300,
    turnoverCents: 9_634_512_300,
    balanceCents: 2_602_287_700,
  };
  const previous = {
    exportsCents: 4_300_000_000,
    importsCents: 2_557_298_400,
    turnoverCents: 6_857_298_400,
    balanceCents: 1_742_701_600,
  };
  const year = (y: number, exports: number, imports: number, partial = false) => ({
    year: y,
    period: { from: y * 100 + 1, to: y * 100 + (partial ? 9 : 12) },
    partial,
    totals: {
      exportsCents: usd(exports),
      importsCents: usd(imports),
      turnoverCents: usd(exports + imports),
      balanceCents: usd(exports - imports),
    },
  });
  return {
    relationshipId: 'rel-by-krs',
    relationshipTitle: null,
    home: { code: 'BY', nameEn: 'Belarus', nameRu: 'Беларусь' },
    partner: { code: 'RU-KRS', nameEn: 'Kursk Oblast', nameRu: 'Курская область' },
    asOf: '2017-12-04',
    occasion: {
      meetingId: 'm-2017',
      heldOn: '2017-12-05',
      place: 'Минск',
      kind: 'talks',
      title: both('Talks with the Governor of Kursk Oblast', 'Переговоры с губернатором Курской области'),
      planned: true,
      chosen: 'next_meeting',
      sources: [],
    },
    counterparts: [buildParticipant()],
    ourParticipants: [
      buildParticipant({
        personId: 'pe-2',
        name: both('Vladimir Semashko', 'Владимир Семашко'),
        side: 'home',
        role: both('co-chair', 'сопредседатель'),
        posts: [
          {
            title: both('Ambassador', 'Посол'),
            organization: both('Embassy of Belarus in Russia', 'Посольство Беларуси в России'),
            fromOn: '2012-01-01',
            toOn: null,
          },
        ],
      }),
    ],
    previousMeetings: [
      {
        meetingId: 'm-2016',
        heldOn: '2016-06-14',
        place: 'Курск',
        kind: 'working_group',
        title: both('Working group on industrial cooperation', 'Рабочая группа по промышленной кооперации'),
        agreed: [buildStatement()],
        sources: [3],
      },
    ],
    agreements: [
      {
        agreementId: 'ag-1',
        title: 'Соглашение о торгово-экономическом сотрудничестве',
        kind: 'cooperation_agreement',
        signedOn: '2001-02-14',
        inForceFrom: '2001-06-01',
        inForceTo: null,
        dateUnknown: false,
        sources: [3],
      },
      {
        agreementId: 'ag-2',
        title: 'Roadmap on nuclear cooperation',
        kind: 'roadmap',
        signedOn: null,
        inForceFrom: null,
        inForceTo: null,
        dateUnknown: true,
        sources: [],
      },
    ],
    sectors: [
      { code: '0710', title: both('Mining of iron ores', 'Добыча железных руд') },
      { code: '4100', title: both('Construction of buildings', 'Строительство зданий') },
    ],
    trade: {
      status: 'known',
      dataset,
      latestKnownMonth: 201709,
      period: { from: 201701, to: 201709 },
      previousPeriod: { from: 201601, to: 201609 },
      current,
      previous,
      change: {
        exportsCents: current.exportsCents - previous.exportsCents,
        importsCents: current.importsCents - previous.importsCents,
        turnoverCents: current.turnoverCents - previous.turnoverCents,
        balanceCents: current.balanceCents - previous.balanceCents,
      },
      growthPercent: { exports: 42.29, imports: 37.49, turnover: 40.5 },
      sharePercent: 0.31,
      rank: 2,
      partners: 37,
      annual: [
        year(2013, 70_100_000, 48_200_000),
        year(2014, 61_000_000, 40_300_000),
        year(2015, 48_600_000, 30_100_000),
        year(2016, 57_900_000, 34_800_000),
        year(2017, 61_184_000, 35_161_123, true),
      ],
      exports: {
        direction: 'exports',
        totalCents: current.exportsCents,
        previousTotalCents: previous.exportsCents,
        growthPercent: 42.29,
        items: [
          item(
            '4011',
            both('New pneumatic tyres, of rubber', 'Шины и покрышки пневматические резиновые новые'),
            18_200_000,
            12_100_000,
            29.7,
          ),
          item('3104', both('Potassic fertilizers', 'Удобрения минеральные калийные'), 11_900_000, 8_300_000, 19.4),
          item('5402', both('Synthetic filament yarn', 'Нити комплексные синтетические'), 7_400_000, 6_000_000, 12.1),
          item(
            '8704',
            both('Motor vehicles for the transport of goods', 'Моторные транспортные средства для перевозки грузов'),
            6_100_000,
            2_900_000,
            10.0,
          ),
          item(
            '6403',
            both('Footwear with uppers of leather', 'Обувь с верхом из натуральной кожи'),
            3_800_000,
            3_500_000,
            6.2,
          ),
        ],
        other: {
          code: 'other',
          label: '',
          title: both('Other products', 'Прочие товары'),
          currentCents: usd(13_784_000),
          previousCents: usd(10_200_000),
          sharePercent: 22.5,
          growthPercent: 35.1,
          contributionPp: 8.3,
        },
      },
      imports: {
        direction: 'imports',
        totalCents: current.importsCents,
        previousTotalCents: previous.importsCents,
        growthPercent: 37.49,
        items: [
          item('7207', both('Semi-finished products of iron', 'Полуфабрикаты из железа'), 14_000_000, 9_000_000, 39.8),
          item('1001', { en: 'Wheat and meslin', ru: null }, 6_000_000, 5_000_000, 17.1),
        ],
        other: null,
      },
      trend: [{ code: 'recovery', years: 2, fallingYearsBefore: 2, lastChangePercent: 40.5 }],
      officialFigures: [
        {
          figureId: 'of-1',
          metric: 'turnover',
          period: { from: 201701, to: 201709 },
          valueCents: usd(96_000_000),
          currency: 'USD',
          growthPercent: 40,
          computedCents: current.turnoverCents,
          computedGrowthPercent: 40.5,
          sources: [2],
        },
      ],
      sources: [1],
    },
    projects: [
      buildProject(),
      buildProject({
        projectId: 'p-mozyr',
        title: both('A house in Mozyr built by Kursk contractors', 'Строительство жилого дома в Мозыре'),
        kind: 'construction_contract',
        sectorCode: '4100',
        sector: both('Construction of buildings', 'Строительство зданий'),
        stage: 'agreed',
        stageOn: null,
        dateUnknown: true,
        valueMinor: null,
        currency: null,
        parties: [{ name: both('Kurskpromstroy', 'Курскпромстрой'), role: 'contractor', side: 'partner' }],
        sources: [],
      }),
      buildProject({
        projectId: 'p-planar',
        title: { en: 'Planar equipment for Kursk electronics makers', ru: null },
        kind: 'joint_production',
        stage: 'negotiating',
        sector: null,
        sectorCode: null,
        sources: [],
      }),
    ],
    movedSinceLastMeeting: [
      {
        projectId: 'p-belaz',
        title: both('BelAZ dump trucks for Mikhailovsky GOK', 'Поставка самосвалов БелАЗ Михайловскому ГОКу'),
        fromStage: 'agreed',
        toStage: 'in_execution',
        changedOn: '2017-03-01',
      },
    ],
    lastMeetingOn: '2016-06-14',
    network: {
      outlets: 7,
      byKind: [
        { kind: 'dealer', count: 4 },
        { kind: 'service_centre', count: 2 },
        { kind: 'trading_house', count: 1 },
      ],
      openedSinceLastMeeting: 2,
      openedOnUnknownDay: 1,
      productGroups: ['Тракторы МТЗ', 'Грузовые автомобили МАЗ'],
      sources: [3],
    },
    commitments: {
      overdue: [buildStatement({ statementId: 'st-overdue', daysOverdue: 35 })],
      open: [
        buildStatement({ statementId: 'st-overdue', daysOverdue: 35 }),
        buildStatement({
          statementId: 'st-open',
          text: both('Prepare a programme of deliveries for 2018', 'Подготовить программу поставок на 2018 год'),
          dueOn: '2018-03-01',
          status: 'in_progress',
        }),
      ],
      fulfilledSinceLastMeeting: [
        buildStatement({
          statementId: 'st-done',
          text: both('Open a BelAZ service centre in Zheleznogorsk', 'Открыть сервисный центр БелАЗ в Железногорске'),
          status: 'fulfilled',
          statusOn: '2017-05-20',
          dueOn: null,
        }),
      ],
    },
    openProposals: [],
    talkingPoints: [
      {
        rule: 'trade-recovery',
        text: both(
          'Note the recovery of trade after two years of decline',
          'Отметить восстановление товарооборота после двух лет спада',
        ),
        facts: [
          { kind: 'trade', id: 'turnover', label: both('turnover +40.5%', 'товарооборот +40,5 %'), sources: [1] },
        ],
      },
      {
        rule: 'overdue-commitment',
        text: both('Ask about the delegation of builders', 'Поднять вопрос о делегации строителей'),
        facts: [
          {
            kind: 'commitment',
            id: 'st-overdue',
            label: both('commitment overdue by 35 days', 'обязательство просрочено на 35 дней'),
            sources: [3],
          },
        ],
      },
    ],
    sources: [
      { ref: 1, kind: 'dataset', dataset, rule: { lagDays: 45, overridden: false } },
      {
        ref: 2,
        kind: 'document',
        documentId: 'doc-1',
        title: both('Press release of the Embassy', 'Пресс-релиз посольства'),
        publishedOn: '2017-11-20',
        publisher: 'Посольство Беларуси в России',
        sourceUrl: 'https://example.org/press/2017-11-20',
        locator: 'абзац 3',
      },
      {
        ref: 3,
        kind: 'document',
        documentId: 'doc-2',
        title: both('Minutes of the working group', 'Протокол рабочей группы'),
        publishedOn: '2016-06-14',
        publisher: null,
        sourceUrl: null,
        locator: null,
      },
    ],
    ...overrides,
  };
}

/** A briefing on a relationship Accord knows nothing about yet. */
function buildEmptyBriefing(): Briefing {
  return buildBriefing({
    occasion: null,
    counterparts: [],
    ourParticipants: [],
    previousMeetings: [],
    agreements: [],
    sectors: [],
    trade: { status: 'no_data', officialFigures: [] },
    projects: [],
    movedSinceLastMeeting: [],
    lastMeetingOn: null,
    network: null,
    commitments: { open: [], overdue: [], fulfilledSinceLastMeeting: [] },
    talkingPoints: [],
    sources: [],
  });
}

const options = { marking: 'Для служебного пользования', producedAt: '2017-12-04T09:00:00.000Z' };
const lay = (lang: BriefingLanguage, briefing = buildBriefing()) => layoutBriefing(briefing, lang, options);

const runText = (run: Inline) => (typeof run === 'string' ? run : run.text);
const lineText = (runs: Inline[]) => runs.map(runText).join('');

function tablesOf(doc: BriefingDocument): TableBlock[] {
  return doc.blocks.flatMap((b) => (b.type === 'table' ? [b] : b.type === 'chart' ? [b.table] : []));
}

/** Every line of the document as plain text, in reading order. */
function linesOf(doc: BriefingDocument): string[] {
  const lines = [doc.title, doc.subtitle];
  for (const block of doc.blocks) lines.push(...blockLines(block));
  lines.push(...doc.footnotes.map((f) => f.text));
  return lines;
}

function blockLines(block: Block): string[] {
  switch (block.type) {
    case 'heading':
      return [block.text];
    case 'paragraph':
      return [lineText(block.content)];
    case 'list':
      return block.items.map(lineText);
    case 'table':
      return [block.caption, ...block.header, ...block.rows.flatMap((row) => row.map(lineText))];
    case 'chart':
      return [
        block.caption,
        block.chart.unit,
        ...block.chart.categories,
        ...block.chart.series.map((s) => s.name),
        ...blockLines(block.table),
      ];
  }
}

/** Runs the document says in its own language: those marked as typed in the other are left out. */
function ownRuns(doc: BriefingDocument): string[] {
  const own = (runs: Inline[]) => runs.filter((r) => typeof r === 'string' || r.lang === undefined).map(runText);
  const texts = [doc.title, doc.subtitle, ...doc.footnotes.map((f) => f.text)];
  const visit = (block: Block): void => {
    if (block.type === 'heading') texts.push(block.text);
    if (block.type === 'paragraph') texts.push(...own(block.content));
    if (block.type === 'list') texts.push(...block.items.flatMap(own));
    if (block.type === 'table') {
      texts.push(block.caption, ...block.header, ...block.rows.flatMap((row) => row.flatMap(own)));
    }
    if (block.type === 'chart') {
      texts.push(block.caption, block.chart.unit, ...block.chart.categories, ...block.chart.series.map((s) => s.name));
      visit(block.table);
    }
  };
  doc.blocks.forEach(visit);
  return texts;
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

const headingsOf = (doc: BriefingDocument, level: 1 | 2 | 3) =>
  doc.blocks.flatMap((b) => (b.type === 'heading' && b.level === level ? [b.text] : []));

describe('a briefing before the talks of 5 December 2017', () => {
  it('names the partner in the title and the day it is as of, in each language', () => {
    const en = lay('en');
    const ru = lay('ru');
    expect(en.title).toBe('Briefing for the talks with Kursk Oblast');
    expect(en.subtitle).toBe('Belarus – Kursk Oblast. As of 4 December 2017');
    expect(ru.title).toBe('Справка к переговорам с Курской областью');
    expect(ru.subtitle).toBe('Беларусь – Курская область. По состоянию на 4 декабря 2017 г.');
    expect(ru.marking).toBe('Для служебного пользования');
    expect(ru.asOf).toBe('2017-12-04');
    expect(ru.producedAt).toBe(options.producedAt);
  });

  it('keeps the sections in the order a principal reads them', () => {
    expect(headingsOf(lay('en'), 2)).toEqual([
      'The meeting',
      'Previous meetings',
      'The relationship',
      'Trade',
      'Cooperation',
      'Commitments',
      'Talking points',
      'Sources',
    ]);
    expect(headingsOf(lay('ru'), 2)).toEqual([
      'Встреча',
      'Предыдущие встречи',
      'Договорная база и отрасли',
      'Торговля',
      'Сотрудничество',
      'Обязательства',
      'Предлагаемые темы для беседы',
      'Источники',
    ]);
  });

  it('says only what is planned for the coming talks, and who takes part in which post', () => {
    const en = linesOf(lay('en'));
    const ru = linesOf(lay('ru'));
    expect(en).toContain('Talks with the Governor of Kursk Oblast. Planned: talks, 5 December 2017, Минск.');
    expect(ru).toContain(
      'Переговоры с губернатором Курской области. Планируется: переговоры, 5 декабря 2017 г., Минск.',
    );
    expect(en).toContain('Alexander Mikhailov — Governor, Kursk Oblast (head of delegation)');
    expect(ru).toContain('Владимир Семашко — Посол, Посольство Беларуси в России (сопредседатель)');
  });

  it('ends a sentence on a Russian date with one full stop', () => {
    const briefing = buildBriefing();
    briefing.occasion!.place = null;
    expect(linesOf(lay('ru', briefing))).toContain(
      'Переговоры с губернатором Курской области. Планируется: переговоры, 5 декабря 2017 г.',
    );
  });

  it('drops the full stop of a commitment whose line goes on', () => {
    const briefing = buildBriefing();
    briefing.commitments.overdue[0]!.text = both('Send builders to Mozyr.', 'Направить строителей в Мозырь.');
    expect(linesOf(lay('ru', briefing)).some((l) => l.startsWith('Направить строителей в Мозырь; исполнитель:'))).toBe(
      true,
    );
  });

  it('marks a place typed in Russian as Russian in the English document', () => {
    const meeting = lay('en').blocks.find(
      (b): b is Extract<Block, { type: 'paragraph' }> =>
        b.type === 'paragraph' && lineText(b.content).includes('Planned'),
    );
    expect(meeting?.content).toContainEqual({ text: 'Минск', lang: 'ru' });
  });

  it('lists what was agreed at earlier meetings with status and due date', () => {
    expect(linesOf(lay('en'))).toContain(
      'Commitment: Send a delegation of Kursk builders to Mozyr (open; due 30 October 2017)',
    );
    expect(linesOf(lay('ru'))).toContain(
      'Обязательство: Направить делегацию курских строителей в Мозырь (открыто; срок — 30 октября 2017 г.)',
    );
    expect(headingsOf(lay('ru'), 3)).toContain('14 июня 2016 г. — Заседание рабочей группы');
  });

  it('shows agreements in force with their dates, and marks one with none', () => {
    const ru = linesOf(lay('ru'));
    expect(ru).toContain(
      'Соглашение о торгово-экономическом сотрудничестве — соглашение о сотрудничестве; подписано 14 февраля 2001 г., действует с 1 июня 2001 г.',
    );
    expect(ru).toContain('Roadmap on nuclear cooperation — дорожная карта; дата не известна');
    expect(linesOf(lay('en'))).toContain('Roadmap on nuclear cooperation — roadmap; date unknown');
  });

  it('opens the trade section with the period, turnover and growth in prose', () => {
    const en = linesOf(lay('en'));
    const ru = linesOf(lay('ru'));
    expect(
      en.some((l) =>
        l.startsWith(
          'In January–September 2017 turnover was USD 96.3 million, +40.5% on January–September 2016: exports USD 61.2 million (+42.3%)',
        ),
      ),
    ).toBe(true);
    expect(
      ru.some((l) =>
        l.startsWith(
          `В январе–сентябре 2017 года товарооборот составил 96,3 млн долл. США (+40,5${nbsp}% к январю–сентябрю 2016 года): экспорт — 61,2 млн долл. США (+42,3${nbsp}%)`,
        ),
      ),
    ).toBe(true);
    expect(en).toContain('Kursk Oblast is the 2nd of 37 partners of Belarus by turnover, with 0.3% of its turnover.');
    expect(ru).toContain(
      `По объёму товарооборота Курская область занимает 2-е место из 37 партнёров, доля в товарообороте — 0,3${nbsp}%.`,
    );
  });

  it('leaves out rank and share when home trades with this partner alone', () => {
    const briefing = buildBriefing();
    if (briefing.trade.status !== 'known') throw new Error('fixture has trade');
    Object.assign(briefing.trade, { rank: 1, partners: 1, sharePercent: 100 });
    const lines = linesOf(lay('ru', briefing));
    expect(lines.filter((l) => l.includes('место'))).toEqual([]);
    expect(lines.filter((l) => l.startsWith('Доля в'))).toEqual([]);
    expect(tablesOf(lay('ru', briefing))[0]!.rows).toHaveLength(4);
  });

  it('says plainly beside the figures that the data are illustrative', () => {
    expect(linesOf(lay('en'))).toContain('Illustrative data, not official statistics.');
    expect(linesOf(lay('ru'))).toContain('Условные данные, не официальная статистика.');
    expect(linesOf(lay('ru'))).toContain('Последний месяц, известный на дату справки: сентябрь 2017 г.');
    expect(linesOf(lay('en'))).toContain("The latest month known on the briefing's day: September 2017.");
    const caption = tablesOf(lay('ru'))[0]!.caption;
    expect(caption).toBe(
      'Таблица 1. Торговля: Беларусь – Курская область, январь–сентябрь 2017 г., млн долл. США (условные данные, не официальная статистика)',
    );
  });

  it('sums up trade in a table of current, year-earlier, change and growth, with rank', () => {
    const table = tablesOf(lay('en'))[0]!;
    expect(table.header).toEqual([
      'Indicator',
      'January–September 2017',
      'January–September 2016',
      'Change, USD million',
      'Growth, %',
    ]);
    const rows = table.rows.map((row) => row.map(lineText));
    expect(rows[0]).toEqual(['Turnover', '96.3', '68.6', '+27.8', '+40.5']);
    expect(rows[3]).toEqual(['Balance', '26.0', '17.4', '+8.6', '—']);
    expect(rows[4]).toEqual(['Share in the turnover of Belarus, %', '0.3', '—', '—', '—']);
    expect(rows.at(-1)).toEqual(['Rank among partners', '2nd of 37 partners', '—', '—', '—']);
    expect(tablesOf(lay('ru'))[0]!.rows.at(-1)!.map(lineText)[1]).toBe('2-е место из 37 партнёров');
  });

  it('draws the yearly dynamics with the partial year labelled by its months', () => {
    const chart = lay('ru').blocks.find((b) => b.type === 'chart');
    expect(chart?.type).toBe('chart');
    if (chart?.type !== 'chart') return;
    expect(chart.caption).toMatch(/^Рисунок 1\. Торговля по годам: Беларусь – Курская область, млн долл\. США/);
    expect(chart.chart.kind).toBe('stacked_bar');
    expect(chart.chart.categories).toEqual(['2013', '2014', '2015', '2016', '2017 (янв.–сент.)']);
    expect(chart.chart.series.map((s) => s.name)).toEqual(['Экспорт', 'Импорт']);
    expect(chart.chart.series[0]!.values.at(-1)).toBe(61.2);
    expect(chart.chart.unit).toBe('млн долл. США');
    expect(chart.table.rows.at(-1)!.map(lineText)).toEqual(['2017 (янв.–сент.)', '61,2', '35,2', '96,3', '+26,0']);
    expect(chart.table.rows.at(-1)![3]).toEqual([{ text: '96,3', note: 1 }]);
  });

  it('shows the five leading exports with share, growth and contribution, then other products and the total', () => {
    const charts = lay('en').blocks.filter((b) => b.type === 'chart');
    const exports = charts[1];
    if (exports?.type !== 'chart') throw new Error('no exports chart');
    expect(exports.caption).toMatch(
      /^Figure 2\. Exports of Belarus to Kursk Oblast by HS heading, January–September 2017/,
    );
    expect(exports.chart.kind).toBe('horizontal_bar');
    const rows = exports.table.rows.map((row) => row.map(lineText));
    expect(rows.map((r) => r[0])).toEqual(['4011', '3104', '5402', '8704', '6403', '', '']);
    expect(rows[0]).toEqual(['4011', 'New pneumatic tyres, of rubber', '18.2', '29.7', '+50.4', '+14.2']);
    expect(rows[5]![1]).toBe('Other products');
    expect(rows[6]!.slice(1, 3)).toEqual(['Total', '61.2']);
    expect(exports.table.totalRow).toBe(true);
    const ru = lay('ru').blocks.filter((b) => b.type === 'chart')[1];
    if (ru?.type !== 'chart') throw new Error('no exports chart');
    expect(ru.table.header).toContain('Вклад в прирост, п. п.');
    expect(ru.table.rows[0]!.map(lineText)[5]).toBe('+14,2');
  });

  it('reads the trend in words', () => {
    expect(linesOf(lay('en'))).toContain('Turnover recovered (+40.5%) after two years of decline.');
    expect(linesOf(lay('ru'))).toContain(`Товарооборот восстанавливается (+40,5${nbsp}%) после двух лет спада.`);
  });

  it('quotes official figures beside Accord’s own for the same months, with their source', () => {
    const table = tablesOf(lay('ru')).find((t) => t.caption.includes('приводимые в документах'))!;
    const row = table.rows[0]!;
    expect(row.map(lineText)).toEqual([
      'Товарооборот',
      'Январь–сентябрь 2017 г.',
      '96,0 млн долл. США',
      '+40,0',
      '96,3 млн долл. США',
      '+40,5',
    ]);
    expect(row[2]).toContainEqual({ text: '96,0 млн долл. США', note: 2 });
  });

  it('groups projects by stage with value, parties and the day they reached it', () => {
    const en = linesOf(lay('en'));
    expect(en).toContain(
      'BelAZ dump trucks for Mikhailovsky GOK — supply; sector: Mining of iron ores; USD 12.5 million; parties: BelAZ (supplier, our side), Mikhailovsky GOK (customer, partner side); at this stage since 1 March 2017',
    );
    const ru = linesOf(lay('ru'));
    expect(ru.indexOf('Согласован (1)')).toBeGreaterThan(ru.indexOf('Переговоры (1)'));
    expect(ru.indexOf('Реализуется (1)')).toBeGreaterThan(ru.indexOf('Согласован (1)'));
    expect(ru).toContain(
      'Строительство жилого дома в Мозыре — строительный подряд; отрасль: Строительство зданий; стоимость не указана; участники: Курскпромстрой (подрядчик, сторона партнёра); дата не известна',
    );
    expect(en).toContain('BelAZ dump trucks for Mikhailovsky GOK: Agreed → In execution, 1 March 2017');
  });

  it('marks a project title kept only in English and says so in the Russian document', () => {
    const ru = lay('ru');
    const item = ru.blocks
      .flatMap((b) => (b.type === 'list' ? b.items : []))
      .find((runs) => lineText(runs).startsWith('Planar'))!;
    expect(item[0]).toEqual({ text: 'Planar equipment for Kursk electronics makers', lang: 'en', strong: true });
    expect(item[1]).toBe(' (только на английском)');
  });

  it('counts the distribution network', () => {
    const ru = linesOf(lay('ru'));
    expect(ru).toContain(
      'Товаропроводящая сеть насчитывает 7 действующих субъектов. Открыто со дня последней встречи (14 июня 2016 г.): 2. Дата открытия не известна: 1.',
    );
    expect(ru).toContain('Товарные группы: Тракторы МТЗ, Грузовые автомобили МАЗ.');
    const table = tablesOf(lay('ru')).find((t) => t.caption.includes('по видам субъектов'))!;
    expect(table.rows.map((r) => r.map(lineText))).toEqual([
      ['Дилер', '4'],
      ['Сервисный центр', '2'],
      ['Торговый дом', '1'],
    ]);
  });

  it('puts overdue commitments first with days overdue, once, then open, then fulfilled', () => {
    const en = lay('en');
    const ru = lay('ru');
    expect(headingsOf(en, 3).slice(-3)).toEqual(['Overdue', 'Open', 'Fulfilled since the last meeting']);
    const lines = linesOf(ru);
    const overdue = lines.filter((l) => l.startsWith('Направить') && l.includes('просрочено на 35 дней'));
    expect(overdue).toEqual([
      'Направить делегацию курских строителей в Мозырь; исполнитель: Комитет строительства Курской области; срок — 30 октября 2017 г.; просрочено на 35 дней (принято на встрече «Рабочая группа по промышленной кооперации», 14 июня 2016 г.)',
    ]);
    expect(linesOf(en).some((l) => l.includes('overdue by 35 days'))).toBe(true);
    expect(lines.some((l) => l.startsWith('Подготовить программу поставок на 2018 год;'))).toBe(true);
    expect(lines.some((l) => l.includes('выполнено 20 мая 2017 г.'))).toBe(true);
  });

  it('lists proposals still open after the commitments, with the side that made them', () => {
    const briefing = buildBriefing();
    briefing.openProposals = [
      buildStatement({
        statementId: 'st-seeds',
        kind: 'proposal',
        text: both('Discuss supplies of elite seeds', 'Обсудить поставки элитных семян'),
        side: 'home',
        owner: null,
        dueOn: null,
        madeOn: '2017-12-05',
        meetingTitle: both('Talks', 'Переговоры'),
        sources: [2],
      }),
    ];
    const doc = lay('ru', briefing);
    expect(headingsOf(doc, 3)).toContain('Открытые предложения');
    expect(linesOf(doc)).toContain(
      'Обсудить поставки элитных семян; наша сторона (внесено на встрече «Переговоры», 5 декабря 2017 г.)',
    );
    const empty = buildEmptyBriefing();
    empty.openProposals = briefing.openProposals;
    expect(linesOf(lay('en', empty))).toContain(
      'Discuss supplies of elite seeds; our side (made at “Talks”, 5 December 2017)',
    );
  });

  it('numbers the talking points and cites the facts behind each', () => {
    const list = lay('ru').blocks.find((b) => b.type === 'list' && b.ordered);
    if (list?.type !== 'list') throw new Error('no talking points');
    expect(list.items.map(lineText)).toEqual([
      'Отметить восстановление товарооборота после двух лет спада (основание: товарооборот +40,5 %)',
      'Поднять вопрос о делегации строителей (основание: обязательство просрочено на 35 дней)',
    ]);
    expect(list.items[0]).toContainEqual({ text: '', note: 1 });
  });

  it('writes footnotes for the dataset and the documents, and says which fields have no history', () => {
    const en = lay('en');
    expect(en.footnotes).toEqual([
      {
        ref: 1,
        text: 'Illustrative: Belarus – Kursk Oblast monthly trade 2013–2017, illustrative data set; illustrative data, not official statistics; a month becomes known 45 days after it ends.',
      },
      {
        ref: 2,
        text: 'Press release of the Embassy, Посольство Беларуси в России, 20 November 2017, paragraph 3, https://example.org/press/2017-11-20.',
      },
      { ref: 3, text: 'Minutes of the working group, 14 June 2016.' },
    ]);
    expect(lay('ru').footnotes[0]!.text).toBe(
      'Illustrative: Belarus – Kursk Oblast monthly trade 2013–2017, условный набор данных; условные данные, не официальная статистика; данные за месяц становятся известны через 45 дней после его окончания.',
    );
    expect(lay('ru').footnotes[2]!.text).toBe('Протокол рабочей группы, 14 июня 2016 г.');
    expect(linesOf(en)).toContain(
      "Fields without history, such as a project's value or an organization's name, are shown as they are now.",
    );
  });

  it('marks every sourced figure with a footnote that exists', () => {
    for (const lang of ['en', 'ru'] as const) {
      const doc = lay(lang);
      const refs = new Set(doc.footnotes.map((f) => f.ref));
      const used = notesOf(doc);
      expect(new Set(used)).toEqual(new Set([1, 2, 3]));
      expect(used.filter((ref) => !refs.has(ref))).toEqual([]);
    }
  });

  it('drops a footnote mark whose source the briefing does not hold', () => {
    const briefing = buildBriefing();
    briefing.agreements[0]!.sources = [9];
    expect(notesOf(lay('en', briefing))).not.toContain(9);
  });

  it('numbers tables and figures in order', () => {
    const captions = lay('ru').blocks.flatMap((b) => (b.type === 'table' || b.type === 'chart' ? [b.caption] : []));
    expect(captions.map((c) => c.split('. ')[0])).toEqual([
      'Таблица 1',
      'Рисунок 1',
      'Рисунок 2',
      'Рисунок 3',
      'Таблица 2',
      'Таблица 3',
    ]);
  });

  it('leaves no English word in the Russian document beyond names typed in one language', () => {
    // Proper names and codes that have no Russian form here: the dataset's name as typed, its URL, Accord.
    const allowed = new Set([
      'Accord',
      'Illustrative',
      'Belarus',
      'Kursk',
      'Oblast',
      'monthly',
      'trade',
      'https',
      'example',
      'org',
      'press',
    ]);
    const latin = ownRuns(lay('ru'))
      .flatMap((text) => text.match(/[A-Za-z]+/g) ?? [])
      .filter((word) => !allowed.has(word));
    expect(latin).toEqual([]);
  });

  it('finds the Latin word a Russian document would wrongly hold', () => {
    const briefing = buildBriefing();
    briefing.projects[0]!.kind = 'barter';
    const latin = ownRuns(lay('ru', briefing)).flatMap((text) => text.match(/[A-Za-z]+/g) ?? []);
    expect(latin).toContain('barter');
  });
});

describe('a briefing with nothing to say', () => {
  it('calls itself a briefing on relations when no meeting is set', () => {
    expect(lay('en', buildEmptyBriefing()).title).toBe('Briefing on relations with Kursk Oblast');
    expect(lay('ru', buildEmptyBriefing()).title).toBe('Справка о сотрудничестве с Курской областью');
  });

  it('says in a sentence that each section is empty, and holds no table or chart', () => {
    const en = lay('en', buildEmptyBriefing());
    expect(en.blocks.filter((b) => b.type === 'table' || b.type === 'chart')).toEqual([]);
    expect(en.blocks.filter((b) => b.type === 'list')).toEqual([]);
    const lines = linesOf(en);
    for (const sentence of [
      'No meeting is set for this briefing: it describes the relationship as it stands.',
      'No earlier meetings are recorded.',
      'No agreement in force is recorded.',
      'No trade data are held for this pair of territories.',
      'No cooperation projects are recorded.',
      'No distribution network is recorded.',
      'No commitments are recorded.',
      'The data give no talking point.',
      'No sources are cited.',
    ]) {
      expect(lines).toContain(sentence);
    }
    const ru = linesOf(lay('ru', buildEmptyBriefing()));
    expect(ru).toContain('Данных о торговле между этими территориями нет.');
    expect(ru).toContain('Сведений об обязательствах нет.');
    expect(ru).toContain('Проекты сотрудничества не зарегистрированы.');
    expect(lay('ru', buildEmptyBriefing()).footnotes).toEqual([]);
  });

  it('says when trade data exist but none were published by the day', () => {
    const briefing = buildEmptyBriefing();
    briefing.trade = { status: 'not_yet_known', officialFigures: [] };
    expect(linesOf(lay('ru', briefing))).toContain(
      'Данные о торговле есть, но по состоянию на 4 декабря 2017 г. ни один месяц ещё не опубликован.',
    );
  });

  it('never leaves a table without rows', () => {
    const briefing = buildBriefing();
    briefing.network!.byKind = [];
    briefing.trade = { status: 'not_yet_known', officialFigures: [] };
    for (const doc of [lay('en'), lay('ru'), lay('en', buildEmptyBriefing()), lay('ru', briefing)]) {
      expect(tablesOf(doc).filter((table) => table.rows.length === 0)).toEqual([]);
    }
  });

  it('leaves out a trend signal it has no words for', () => {
    const briefing = buildBriefing();
    if (briefing.trade.status !== 'known') throw new Error('fixture has trade');
    briefing.trade.trend = [{ code: 'plateau' as 'growth', years: 2, fallingYearsBefore: 0, lastChangePercent: 0.1 }];
    const doc = lay('en', briefing);
    expect(headingsOf(doc, 3)).not.toContain('Trend');
    expect(linesOf(doc).some((line) => line.includes('plateau'))).toBe(false);
  });

  it('writes kinds it does not know yet in a readable form instead of failing', () => {
    const briefing = buildBriefing();
    briefing.projects[0]!.stage = 'on_hold';
    briefing.occasion!.kind = 'video_conference';
    const lines = linesOf(lay('en', briefing));
    expect(lines).toContain('on hold (1)');
    expect(lines.some((l) => l.includes('Planned: video conference, 5 December 2017'))).toBe(true);
  });
});
