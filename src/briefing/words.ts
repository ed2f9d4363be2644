/**
 * The words of a briefing in English and in Russian: headings, captions, sentences and the names of every
 * kind of record. The server writes the document, so it keeps these itself rather than reading the web's
 * locale files. Figures arrive already formatted (format.ts); sentences here only place them.
 */
import { words as tableWords } from '../tables/words.ts';
import type { BriefingLanguage } from './model.ts';
import { ordinalEn, pluralRu } from './format.ts';

type Kinds = Record<string, string>;

// Small counts of years are written in words, as a note to a principal would; larger ones in figures.
const numberWords = {
  en: ['', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'],
  ru: ['', 'один', 'два', 'три', 'четыре', 'пять', 'шесть', 'семь', 'восемь', 'девять', 'десять'],
  ruGenitive: ['', 'одного', 'двух', 'трёх', 'четырёх', 'пяти', 'шести', 'семи', 'восьми', 'девяти', 'десяти'],
};
const counted = (list: string[], n: number) => list[n] || String(n);
const countEn = (n: number) => counted(numberWords.en, n);
const countRu = (n: number) => counted(numberWords.ru, n);
const countRuGenitive = (n: number) => counted(numberWords.ruGenitive, n);

const en = {
  title: (partner: string) => `Briefing for the talks with ${partner}`,
  titleNoOccasion: (partner: string) => `Briefing on relations with ${partner}`,
  asOf: (date: string) => `As of ${date}`,
  fallbackNote: (other: BriefingLanguage): string => (other === 'ru' ? ' (in Russian only)' : ' (in English only)'),
  dateUnknown: 'date unknown',
  quotes: ['“', '”'] as [string, string],
  tableLabel: (n: number) => `Table ${n}.`,
  figureLabel: (n: number) => `Figure ${n}.`,
  none: '—',
  section: {
    occasion: 'The meeting',
    previous: 'Previous meetings',
    relationship: 'The relationship',
    trade: 'Trade',
    cooperation: 'Cooperation',
    commitments: 'Commitments',
    talkingPoints: 'Talking points',
    sources: 'Sources',
  },
  occasion: {
    planned: 'Planned',
    held: 'Held',
    none: 'No meeting is set for this briefing: it describes the relationship as it stands.',
    counterparts: 'Counterparts',
    ours: 'Our participants',
    counterpartsLast: 'Counterparts at the last meeting',
    oursLast: 'Our participants at the last meeting',
    noParticipants: 'No participants are recorded.',
  },
  previous: {
    none: 'No earlier meetings are recorded.',
    nothingAgreed: 'Nothing agreed at this meeting is recorded.',
    due: (date: string) => `due ${date}`,
  },
  relationship: {
    agreements: 'Agreements in force',
    noAgreements: 'No agreement in force is recorded.',
    signed: (date: string) => `signed ${date}`,
    inForce: (date: string) => `in force from ${date}`,
    until: (date: string) => `until ${date}`,
    sectors: 'Sectors of cooperation',
    noSectors: 'No sector of cooperation is recorded.',
  },
  trade: {
    lead: (period: string, turnover: string, growth: string, previous: string) =>
      `In ${period} turnover was ${turnover}, ${growth} on ${previous}`,
    leadNoGrowth: (period: string, turnover: string) => `In ${period} turnover was ${turnover}`,
    parts: (exports: string, exportsGrowth: string, imports: string, importsGrowth: string, balance: string) =>
      `: exports ${exports} (${exportsGrowth}), imports ${imports} (${importsGrowth}), balance ${balance}.`,
    rank: (partner: string, home: string, rank: number, partners: number) =>
      `${partner} is the ${ordinalEn(rank)} of ${partners} partners of ${home} by turnover`,
    shareOf: (share: string) => `, with ${share} of its turnover`,
    shareOnly: (partner: string, home: string, share: string) =>
      `${partner} accounts for ${share} of the turnover of ${home}`,
    rankCell: (rank: number, partners: number) => `${ordinalEn(rank)} of ${partners} partners`,
    illustrative: 'Illustrative data, not official statistics.',
    illustrativeShort: 'illustrative data, not official statistics',
    noData: 'No trade data are held for this pair of territories.',
    notYetKnown: (date: string) => `Trade data for this pair exist, but no month of them was published by ${date}.`,
    latestKnown: (month: string) => `The latest month known on the briefing's day: ${month}`,
    summaryCaption: (home: string, partner: string, period: string) =>
      `Trade of ${home} with ${partner}, ${period}, USD million`,
    indicator: 'Indicator',
    changeUsd: 'Change, USD million',
    growth: 'Growth, %',
    measure: { turnover: 'Turnover', exports: 'Exports', imports: 'Imports', balance: 'Balance' },
    shareRow: (home: string) => `Share in the turnover of ${home}, %`,
    rankRow: 'Rank among partners',
    annualHeading: 'Dynamics by year',
    annualCaption: (home: string, partner: string) => `Trade of ${home} with ${partner} by year, USD million`,
    year: 'Year',
    structureHeading: { exports: 'Structure of exports', imports: 'Structure of imports' },
    structureCaption: (direction: 'exports' | 'imports', home: string, partner: string, period: string) =>
      direction === 'exports'
        ? `Exports of ${home} to ${partner} by HS heading, ${period}, USD million`
        : `Imports of ${home} from ${partner} by HS heading, ${period}, USD million`,
    code: 'HS code',
    product: 'Product',
    value: 'Value, USD million',
    share: 'Share, %',
    contribution: 'Contribution to growth, pp',
    other: 'Other products',
    total: 'Total',
    emptyStructure: (direction: 'exports' | 'imports') => `No ${direction} are recorded for the period.`,
    trendHeading: 'Trend',
    officialHeading: 'Figures quoted in documents',
    officialCaption: 'Figures quoted in documents beside those computed by Accord for the same months',
    period: 'Period',
    quoted: 'Quoted figure',
    quotedGrowth: 'Quoted growth, %',
    computed: 'Computed by Accord',
    computedGrowth: 'Computed growth, %',
    notComputed: 'not held',
    unit: 'USD million',
  },
  trend: {
    decline: (years: number, change: string) =>
      years <= 1
        ? `Turnover fell on a year earlier (${change}).`
        : `Turnover has fallen for ${countEn(years)} years running (${change} in the last).`,
    recovery: (falling: number, change: string) =>
      `Turnover recovered (${change}) after ${countEn(falling)} ${falling === 1 ? 'year' : 'years'} of decline.`,
    growth: (years: number, change: string) =>
      years <= 1
        ? `Turnover grew on a year earlier (${change}).`
        : `Turnover has grown for ${countEn(years)} years running (${change} in the last).`,
    balanceTurned: (positive: boolean | null) =>
      positive === null
        ? 'The balance of trade changed sign.'
        : `The balance of trade turned ${positive ? 'positive' : 'negative'}.`,
  },
  cooperation: {
    projects: 'Projects',
    noProjects: 'No cooperation projects are recorded.',
    valueNotRecorded: 'value not recorded',
    sector: 'sector',
    parties: 'parties',
    stageSince: (date: string) => `at this stage since ${date}`,
    moved: 'What moved since the last meeting',
    movedNone: (date: string) => `No project changed stage since the last meeting (${date}).`,
    movedLine: (from: string, to: string, date: string) => `${from} → ${to}, ${date}`,
    movedStart: 'new',
    network: 'Distribution network',
    noNetwork: 'No distribution network is recorded.',
    outlets: (count: number) => `The distribution network has ${count} ${count === 1 ? 'outlet' : 'outlets'} open.`,
    openedSince: (count: number, date: string) => ` Opened since the last meeting (${date}): ${count}.`,
    openedUnknown: (count: number) => ` Opened on a day not recorded: ${count}.`,
    byKindCaption: 'Distribution network by kind of outlet',
    kind: 'Kind of outlet',
    count: 'Outlets',
    productGroups: 'Product groups',
  },
  commitments: {
    none: 'No commitments are recorded.',
    overdue: 'Overdue',
    open: 'Open',
    fulfilled: 'Fulfilled since the last meeting',
    proposals: 'Open proposals',
    noneOverdue: (date: string) => `No commitment is overdue on ${date}.`,
    owner: 'who acts',
    due: (date: string) => `due ${date}`,
    overdueBy: (days: number) => `overdue by ${days} ${days === 1 ? 'day' : 'days'}`,
    madeAt: 'made at',
    proposedAt: 'made at',
    madeOn: (date: string) => `made ${date}`,
    fulfilledOn: (date: string) => `fulfilled ${date}`,
  },
  talkingPoints: {
    none: 'The data give no talking point.',
    restsOn: 'rests on: ',
  },
  sources: {
    history: "Fields without history, such as a project's value or an organization's name, are shown as they are now.",
    noSources: 'No sources are cited.',
    dataset: (name: string, kind: string) => `${name}, ${kind}`,
    rule: (days: number, overridden: boolean) =>
      `a month becomes known ${days} ${days === 1 ? 'day' : 'days'} after it ends${overridden ? " (this dataset's own rule)" : ''}`,
  },
};

export type Words = typeof en;

const ru: Words = {
  title: (partner) => `Справка к переговорам с ${partner}`,
  titleNoOccasion: (partner) => `Справка о сотрудничестве с ${partner}`,
  asOf: (date) => `По состоянию на ${date}`,
  fallbackNote: (other) => (other === 'en' ? ' (только на английском)' : ' (только на русском)'),
  dateUnknown: 'дата не известна',
  quotes: ['«', '»'],
  tableLabel: (n) => `Таблица ${n}.`,
  figureLabel: (n) => `Рисунок ${n}.`,
  none: '—',
  section: {
    occasion: 'Встреча',
    previous: 'Предыдущие встречи',
    relationship: 'Договорная база и отрасли',
    trade: 'Торговля',
    cooperation: 'Сотрудничество',
    commitments: 'Обязательства',
    talkingPoints: 'Предлагаемые темы для беседы',
    sources: 'Источники',
  },
  occasion: {
    planned: 'Планируется',
    held: 'Состоялась',
    none: 'Встреча для этой справки не назначена: справка описывает сотрудничество в целом.',
    counterparts: 'Участники со стороны партнёра',
    ours: 'Участники с нашей стороны',
    counterpartsLast: 'Участники со стороны партнёра на последней встрече',
    oursLast: 'Участники с нашей стороны на последней встрече',
    noParticipants: 'Участники не указаны.',
  },
  previous: {
    none: 'Сведений о предыдущих встречах нет.',
    nothingAgreed: 'Договорённости этой встречи не зафиксированы.',
    due: (date) => `срок — ${date}`,
  },
  relationship: {
    agreements: 'Действующие соглашения',
    noAgreements: 'Сведений о действующих соглашениях нет.',
    signed: (date) => `подписано ${date}`,
    inForce: (date) => `действует с ${date}`,
    until: (date) => `по ${date}`,
    sectors: 'Отрасли сотрудничества',
    noSectors: 'Отрасли сотрудничества не указаны.',
  },
  trade: {
    lead: (period, turnover, growth, previous) => `${period} товарооборот составил ${turnover} (${growth} ${previous})`,
    leadNoGrowth: (period, turnover) => `${period} товарооборот составил ${turnover}`,
    parts: (exports, exportsGrowth, imports, importsGrowth, balance) =>
      `: экспорт — ${exports} (${exportsGrowth}), импорт — ${imports} (${importsGrowth}), сальдо — ${balance}.`,
    rank: (partner, _home, rank, partners) =>
      `По объёму товарооборота ${partner} занимает ${rank}-е место из ${partners} ${pluralRu(partners, 'партнёра', 'партнёров', 'партнёров')}`,
    shareOf: (share) => `, доля в товарообороте — ${share}`,
    shareOnly: (partner, _home, share) => `Доля (${partner}) в товарообороте — ${share}`,
    rankCell: (rank, partners) =>
      `${rank}-е место из ${partners} ${pluralRu(partners, 'партнёра', 'партнёров', 'партнёров')}`,
    illustrative: 'Условные данные, не официальная статистика.',
    illustrativeShort: 'условные данные, не официальная статистика',
    noData: 'Данных о торговле между этими территориями нет.',
    notYetKnown: (date) => `Данные о торговле есть, но по состоянию на ${date} ни один месяц ещё не опубликован.`,
    latestKnown: (month) => `Последний месяц, известный на дату справки: ${month}`,
    summaryCaption: (home, partner, period) => `Торговля: ${home} – ${partner}, ${period}, млн долл. США`,
    indicator: 'Показатель',
    changeUsd: 'Изменение, млн долл. США',
    growth: 'Темп прироста, %',
    measure: { turnover: 'Товарооборот', exports: 'Экспорт', imports: 'Импорт', balance: 'Сальдо' },
    shareRow: () => 'Доля в общем товарообороте нашей стороны, %',
    rankRow: 'Место среди партнёров',
    annualHeading: 'Динамика по годам',
    annualCaption: (home, partner) => `Торговля по годам: ${home} – ${partner}, млн долл. США`,
    year: 'Год',
    structureHeading: { exports: 'Структура экспорта', imports: 'Структура импорта' },
    structureCaption: (direction, home, partner, period) =>
      `${direction === 'exports' ? 'Экспорт' : 'Импорт'} по товарным позициям ТН ВЭД: ${home} – ${partner}, ${period}, млн долл. США`,
    code: 'Код ТН ВЭД',
    product: 'Товар',
    value: 'Стоимость, млн долл. США',
    share: 'Доля, %',
    contribution: 'Вклад в прирост, п. п.',
    other: 'Прочие товары',
    total: 'Итого',
    emptyStructure: (direction) => `${direction === 'exports' ? 'Экспорт' : 'Импорт'} за период не зафиксирован.`,
    trendHeading: 'Тенденция',
    officialHeading: 'Данные, приводимые в документах',
    officialCaption: 'Данные, приводимые в документах, и расчёт Accord за те же месяцы',
    period: 'Период',
    quoted: 'Приводимое значение',
    quotedGrowth: 'Приводимый темп прироста, %',
    computed: 'Расчёт Accord',
    computedGrowth: 'Темп прироста по расчёту, %',
    notComputed: 'нет данных',
    unit: 'млн долл. США',
  },
  trend: {
    decline: (years, change) =>
      years <= 1
        ? `Товарооборот снизился к предыдущему году (${change}).`
        : `Товарооборот снижается ${countRu(years)} ${pluralRu(years, 'год', 'года', 'лет')} подряд (${change} за последний год).`,
    recovery: (falling, change) =>
      `Товарооборот восстанавливается (${change}) после ${countRuGenitive(falling)} ${pluralRu(falling, 'года', 'лет', 'лет')} спада.`,
    growth: (years, change) =>
      years <= 1
        ? `Товарооборот вырос к предыдущему году (${change}).`
        : `Товарооборот растёт ${countRu(years)} ${pluralRu(years, 'год', 'года', 'лет')} подряд (${change} за последний год).`,
    balanceTurned: (positive) =>
      positive === null
        ? 'Сальдо торговли сменило знак.'
        : `Сальдо торговли стало ${positive ? 'положительным' : 'отрицательным'}.`,
  },
  cooperation: {
    projects: 'Проекты',
    noProjects: 'Проекты сотрудничества не зарегистрированы.',
    valueNotRecorded: 'стоимость не указана',
    sector: 'отрасль',
    parties: 'участники',
    stageSince: (date) => `на этой стадии с ${date}`,
    moved: 'Изменения со дня последней встречи',
    movedNone: (date) => `Со дня последней встречи (${date}) ни один проект не сменил стадию.`,
    movedLine: (from, to, date) => `${from} → ${to}, ${date}`,
    movedStart: 'новый',
    network: 'Товаропроводящая сеть',
    noNetwork: 'Сведений о товаропроводящей сети нет.',
    outlets: (count) =>
      `Товаропроводящая сеть насчитывает ${count} ${pluralRu(count, 'действующий субъект', 'действующих субъекта', 'действующих субъектов')}.`,
    openedSince: (count, date) => ` Открыто со дня последней встречи (${date}): ${count}.`,
    openedUnknown: (count) => ` Дата открытия не известна: ${count}.`,
    byKindCaption: 'Товаропроводящая сеть по видам субъектов',
    kind: 'Вид субъекта',
    count: 'Количество',
    productGroups: 'Товарные группы',
  },
  commitments: {
    none: 'Сведений об обязательствах нет.',
    overdue: 'Просроченные',
    open: 'Открытые',
    fulfilled: 'Выполненные со дня последней встречи',
    proposals: 'Открытые предложения',
    noneOverdue: (date) => `Просроченных на ${date} обязательств нет.`,
    owner: 'исполнитель',
    due: (date) => `срок — ${date}`,
    overdueBy: (days) => `просрочено на ${days} ${pluralRu(days, 'день', 'дня', 'дней')}`,
    madeAt: 'принято на встрече',
    proposedAt: 'внесено на встрече',
    madeOn: (date) => `принято ${date}`,
    fulfilledOn: (date) => `выполнено ${date}`,
  },
  talkingPoints: {
    none: 'Данные не дают оснований для предлагаемых тем.',
    restsOn: 'основание: ',
  },
  sources: {
    history:
      'Сведения, история изменения которых не ведётся (стоимость проекта, наименование организации), приведены в текущем виде.',
    noSources: 'Источники не приводятся.',
    dataset: (name, kind) => `${name}, ${kind}`,
    rule: (days, overridden) =>
      `данные за месяц становятся известны через ${days} ${pluralRu(days, 'день', 'дня', 'дней')} после его окончания${overridden ? ' (правило этого набора данных)' : ''}`,
  },
};

export const words: Record<BriefingLanguage, Words> = { en, ru };

/** The names of every kind of record, by enum, in both languages: a lexicon a newcomer extends. */
export const kindWords = {
  meeting: {
    en: {
      talks: 'talks',
      visit: 'visit',
      forum: 'forum',
      intergovernmental_commission: 'session of the intergovernmental commission',
      working_group: 'working group meeting',
      call: 'telephone call',
      exhibition: 'exhibition',
      other: 'meeting',
    },
    ru: {
      talks: 'переговоры',
      visit: 'визит',
      forum: 'форум',
      intergovernmental_commission: 'заседание межправительственной комиссии',
      working_group: 'заседание рабочей группы',
      call: 'телефонный разговор',
      exhibition: 'выставка',
      other: 'встреча',
    },
  },
  projectKind: {
    en: {
      supply: 'supply',
      joint_production: 'joint production',
      construction_contract: 'construction contract',
      investment: 'investment',
      technology: 'technology',
      education: 'education',
      trade_promotion: 'trade promotion',
      other: 'other',
    },
    ru: {
      supply: 'поставки',
      joint_production: 'совместное производство',
      construction_contract: 'строительный подряд',
      investment: 'инвестиции',
      technology: 'технологии',
      education: 'образование',
      trade_promotion: 'продвижение торговли',
      other: 'другое',
    },
  },
  // The same words as the downloaded tables use, so a stage or a kind reads alike in both.
  stage: { en: tableWords.en.stage, ru: tableWords.ru.stage },
  statementKind: { en: tableWords.en.statementKind, ru: tableWords.ru.statementKind },
  status: {
    en: { open: 'open', in_progress: 'in progress', fulfilled: 'fulfilled', dropped: 'dropped' },
    ru: { open: 'открыто', in_progress: 'выполняется', fulfilled: 'выполнено', dropped: 'снято' },
  },
  partyRole: {
    en: {
      supplier: 'supplier',
      customer: 'customer',
      contractor: 'contractor',
      investor: 'investor',
      partner: 'partner',
      operator: 'operator',
      financier: 'financier',
      coordinator: 'coordinator',
    },
    ru: {
      supplier: 'поставщик',
      customer: 'заказчик',
      contractor: 'подрядчик',
      investor: 'инвестор',
      partner: 'партнёр',
      operator: 'оператор',
      financier: 'финансирующая сторона',
      coordinator: 'координатор',
    },
  },
  side: {
    en: { home: 'our side', partner: 'partner side', third: 'third party' },
    ru: { home: 'наша сторона', partner: 'сторона партнёра', third: 'третья сторона' },
  },
  outletKind: {
    en: {
      dealer: 'Dealer',
      trading_house: 'Trading house',
      distribution_centre: 'Distribution centre',
      service_centre: 'Service centre',
      assembly: 'Assembly plant',
      retail: 'Retail',
      warehouse: 'Warehouse',
    },
    ru: {
      dealer: 'Дилер',
      trading_house: 'Торговый дом',
      distribution_centre: 'Распределительный центр',
      service_centre: 'Сервисный центр',
      assembly: 'Сборочное производство',
      retail: 'Розничная торговля',
      warehouse: 'Склад',
    },
  },
  agreementKind: {
    en: {
      treaty: 'treaty',
      cooperation_agreement: 'cooperation agreement',
      programme: 'programme',
      memorandum: 'memorandum',
      roadmap: 'roadmap',
      contract: 'contract',
      other: 'other',
    },
    ru: {
      treaty: 'договор',
      cooperation_agreement: 'соглашение о сотрудничестве',
      programme: 'программа',
      memorandum: 'меморандум',
      roadmap: 'дорожная карта',
      contract: 'контракт',
      other: 'другое',
    },
  },
  datasetKind: {
    en: {
      official_customs: 'official customs statistics',
      national_statistics: 'national statistics',
      comtrade: 'UN Comtrade',
      baci: 'CEPII BACI',
      illustrative: 'illustrative data set',
    },
    ru: {
      official_customs: 'официальная таможенная статистика',
      national_statistics: 'национальная статистика',
      comtrade: 'база данных ООН Comtrade',
      baci: 'база данных CEPII BACI',
      illustrative: 'условный набор данных',
    },
  },
  metric: {
    en: { turnover: 'Turnover', exports: 'Exports', imports: 'Imports', balance: 'Balance' },
    ru: { turnover: 'Товарооборот', exports: 'Экспорт', imports: 'Импорт', balance: 'Сальдо' },
  },
} satisfies Record<string, Record<BriefingLanguage, Kinds>>;

export type KindGroup = keyof typeof kindWords;

/**
 * The words for an enum value; a value these lists do not know yet (a kind added later) is shown readably,
 * its underscores as spaces, rather than failing the whole document.
 */
export function kindWord(group: KindGroup, value: string, lang: BriefingLanguage): string {
  return (kindWords[group][lang] as Kinds)[value] ?? value.replace(/_/g, ' ');
}
