/**
 * Lays a composed briefing out as a document in one language: every heading, sentence, caption and cell
 * written, figures formatted, footnote marks placed. Renderers add no words, so what a Russian document
 * says is decided here and in words.ts alone.
 */
import { placeByScript } from '../core/languages.ts';
import { localizeLocator } from '../core/locators.ts';
import type { Block, BriefingDocument, ChartSpec, Inline, TableBlock } from './document.ts';
import {
  capitalise,
  formatDate,
  formatMillions,
  formatMoney,
  formatMonthRange,
  formatPercent,
  formatRate,
  formatYearLabel,
  instrumentalRu,
  millions,
} from './format.ts';
import type {
  Briefing,
  BriefingLanguage,
  MeetingDigest,
  Participant,
  ProjectDigest,
  Source,
  StatementDigest,
  StructureDigest,
  StructureItem,
  Text,
  TradeSection,
  TrendDigest,
} from './model.ts';
import { kindWord, words, type Words } from './words.ts';
import { projectStages } from '../cooperation/projects/stages.ts';

export interface LayoutOptions {
  marking: string | null;
  producedAt: string;
}

type KnownTrade = Extract<TradeSection, { status: 'known' }>;

/** What every section needs: the language, its words, the footnotes that exist and the running numbers. */
class Writer {
  readonly w: Words;
  private readonly refs: Set<number>;
  private tables = 0;
  private figures = 0;

  constructor(
    readonly lang: BriefingLanguage,
    sources: Source[],
  ) {
    this.w = words[lang];
    this.refs = new Set(sources.map((s) => s.ref));
  }

  get other(): BriefingLanguage {
    return this.lang === 'en' ? 'ru' : 'en';
  }

  /**
   * A record's text in the document's language, else the other's, marked so (and said so when `say`).
   * `clause` drops a closing full stop, for a text that the line goes on after.
   */
  text(text: Text | null, options: { strong?: boolean; say?: boolean; clause?: boolean } = {}): Inline[] {
    const trim = (value: string) => (options.clause ? value.replace(/(?<!\.)\.$/, '') : value);
    const own = text?.[this.lang];
    const strong = options.strong ? { strong: true } : {};
    if (own) return [{ text: trim(own), ...strong }];
    const other = text?.[this.other];
    if (!other) return [];
    const marked: Inline = { text: trim(other), lang: this.other, ...strong };
    return options.say ? [marked, this.w.fallbackNote(this.other)] : [marked];
  }

  /** A record's text as a plain string, for footnotes, which carry no language marks. */
  plain(text: Text | null): string {
    return text?.[this.lang] || text?.[this.other] || '';
  }

  /** A text typed in one field only, marked with the language its script shows when that is not ours. */
  typed(text: string): Inline {
    const placed = placeByScript(text);
    const lang: BriefingLanguage = placed.ru === null ? 'en' : 'ru';
    return lang === this.lang ? text : { text, lang };
  }

  /** Footnote marks after a run: the first on the run itself, any further ones right after it. */
  noted(run: Inline, sources: readonly number[]): Inline[] {
    const refs = sources.filter((ref) => this.refs.has(ref));
    if (refs.length === 0) return [run];
    const [first, ...rest] = refs;
    const head: Inline = typeof run === 'string' ? { text: run, note: first } : { ...run, note: first };
    return [head, ...rest.map((note): Inline => ({ text: '', note }))];
  }

  /** Marks for the end of a list of runs (a text of several runs, a whole item). */
  notes(sources: readonly number[]): Inline[] {
    return sources.filter((ref) => this.refs.has(ref)).map((note): Inline => ({ text: '', note }));
  }

  date(iso: string | null): string {
    return iso ? formatDate(iso, this.lang) : this.w.dateUnknown;
  }

  table(title: string, table: Omit<TableBlock, 'type' | 'caption'>): TableBlock {
    this.tables += 1;
    return { type: 'table', caption: `${this.w.tableLabel(this.tables)} ${title}`, ...table };
  }

  chart(title: string, chart: Omit<ChartSpec, 'lang'>, table: Omit<TableBlock, 'type' | 'caption'>): Block {
    this.figures += 1;
    const caption = `${this.w.figureLabel(this.figures)} ${title}`;
    // The table stands in for the chart where a format cannot draw (Markdown), so it carries the same caption.
    return {
      type: 'chart',
      caption,
      chart: { ...chart, lang: this.lang },
      table: { type: 'table', caption, ...table },
    };
  }
}

const paragraph = (content: Inline[], style?: 'lead' | 'note'): Block =>
  style ? { type: 'paragraph', content, style } : { type: 'paragraph', content };
const heading = (level: 1 | 2 | 3, text: string): Block => ({ type: 'heading', level, text });
const list = (items: Inline[][], ordered = false): Block =>
  ordered ? { type: 'list', items, ordered } : { type: 'list', items };

/** Runs ended with a full stop, unless their last word already has one («5 декабря 2017 г.»). */
function closed(runs: Inline[]): Inline[] {
  const last =
    runs
      .map(runText)
      .filter((text) => text !== '')
      .at(-1) ?? '';
  return last.endsWith('.') ? runs : [...runs, '.'];
}

const runText = (run: Inline) => (typeof run === 'string' ? run : run.text);

/** Runs joined by a separator, as a list of facts in one sentence. */
function joined(parts: Inline[][], separator: string): Inline[] {
  return parts.flatMap((part, index) => (index === 0 ? part : [separator, ...part]));
}

export function layoutBriefing(briefing: Briefing, lang: BriefingLanguage, options: LayoutOptions): BriefingDocument {
  const out = new Writer(lang, briefing.sources);
  const { w } = out;
  const partnerName = lang === 'en' ? briefing.partner.nameEn : briefing.partner.nameRu;
  const homeName = lang === 'en' ? briefing.home.nameEn : briefing.home.nameRu;
  // Russian puts the partner in the instrumental case; a name the rules cannot decline is quoted after a noun.
  const partnerWith = lang === 'en' ? partnerName : (instrumentalRu(partnerName) ?? `партнёром «${partnerName}»`);
  const title = briefing.occasion ? w.title(partnerWith) : w.titleNoOccasion(partnerWith);
  const pair = `${homeName} – ${partnerName}`;

  const blocks: Block[] = [
    ...occasionSection(out, briefing),
    ...previousSection(out, briefing.previousMeetings),
    ...relationshipSection(out, briefing),
    ...tradeSection(out, briefing, homeName, partnerName),
    ...cooperationSection(out, briefing),
    ...commitmentsSection(out, briefing),
    ...talkingPointsSection(out, briefing),
    heading(2, w.section.sources),
    paragraph([w.sources.history], 'note'),
  ];
  if (briefing.sources.length === 0) blocks.push(paragraph([w.sources.noSources]));

  return {
    lang,
    title,
    subtitle: `${pair}. ${w.asOf(formatDate(briefing.asOf, lang))}`,
    marking: options.marking,
    asOf: briefing.asOf,
    producedAt: options.producedAt,
    blocks,
    footnotes: briefing.sources.map((source) => ({ ref: source.ref, text: footnoteText(out, source) })),
  };
}

function participantItem(out: Writer, person: Participant): Inline[] {
  const posts = person.posts.map((post) => {
    const organization = out.text(post.organization);
    return organization.length > 0 ? [...out.text(post.title), ', ', ...organization] : out.text(post.title);
  });
  const role = out.text(person.role);
  return [
    ...out.text(person.name, { strong: true }),
    ...(posts.length > 0 ? [' — ', ...joined(posts, '; ')] : []),
    ...(role.length > 0 ? [' (', ...role, ')'] : []),
  ];
}

function occasionSection(out: Writer, briefing: Briefing): Block[] {
  const { w } = out;
  const blocks: Block[] = [heading(2, w.section.occasion)];
  const occasion = briefing.occasion;
  if (occasion) {
    const what = `${occasion.planned ? w.occasion.planned : w.occasion.held}: ${kindWord('meeting', occasion.kind, out.lang)}, ${out.date(occasion.heldOn)}`;
    const title = out.text(occasion.title, { strong: true, say: true });
    blocks.push(
      paragraph(
        closed([
          ...(title.length > 0 ? [...title, '. '] : []),
          ...out.noted(what, occasion.sources),
          ...(occasion.place ? [', ', out.typed(occasion.place)] : []),
        ]),
      ),
    );
  } else {
    blocks.push(paragraph([w.occasion.none]));
  }
  const groups: Array<[string, Participant[]]> = [
    [occasion ? w.occasion.counterparts : w.occasion.counterpartsLast, briefing.counterparts],
    [occasion ? w.occasion.ours : w.occasion.oursLast, briefing.ourParticipants],
  ];
  if (briefing.counterparts.length === 0 && briefing.ourParticipants.length === 0) {
    if (occasion) blocks.push(paragraph([w.occasion.noParticipants]));
    return blocks;
  }
  for (const [name, people] of groups) {
    if (people.length === 0) continue;
    blocks.push(heading(3, name), list(people.map((person) => participantItem(out, person))));
  }
  return blocks;
}

function statementLine(out: Writer, statement: StatementDigest): Inline[] {
  const { w } = out;
  const details = [kindWord('status', statement.status, out.lang)];
  if (statement.dueOn) details.push(w.previous.due(out.date(statement.dueOn)));
  return [
    `${kindWord('statementKind', statement.kind, out.lang)}: `,
    ...out.text(statement.text, { say: true, clause: true }),
    ...out.notes(statement.sources),
    ` (${details.join('; ')})`,
  ];
}

function previousSection(out: Writer, meetings: MeetingDigest[]): Block[] {
  const { w } = out;
  const blocks: Block[] = [heading(2, w.section.previous)];
  if (meetings.length === 0) return [...blocks, paragraph([w.previous.none])];
  for (const meeting of meetings) {
    blocks.push(heading(3, `${out.date(meeting.heldOn)} — ${capitalise(kindWord('meeting', meeting.kind, out.lang))}`));
    const title = out.text(meeting.title, { strong: true, say: true });
    const about = [...title, ...(meeting.place ? [title.length > 0 ? ', ' : '', out.typed(meeting.place)] : [])];
    if (about.length > 0) blocks.push(paragraph(closed([...about, ...out.notes(meeting.sources)])));
    blocks.push(
      meeting.agreed.length > 0
        ? list(meeting.agreed.map((statement) => statementLine(out, statement)))
        : paragraph([w.previous.nothingAgreed]),
    );
  }
  return blocks;
}

function relationshipSection(out: Writer, briefing: Briefing): Block[] {
  const { w } = out;
  const blocks: Block[] = [heading(2, w.section.relationship), heading(3, w.relationship.agreements)];
  if (briefing.agreements.length === 0) {
    blocks.push(paragraph([w.relationship.noAgreements]));
  } else {
    blocks.push(
      list(
        briefing.agreements.map((agreement) => {
          const dates: string[] = [];
          if (agreement.signedOn) dates.push(w.relationship.signed(out.date(agreement.signedOn)));
          if (agreement.inForceFrom) dates.push(w.relationship.inForce(out.date(agreement.inForceFrom)));
          if (agreement.inForceTo) dates.push(w.relationship.until(out.date(agreement.inForceTo)));
          if (agreement.dateUnknown || dates.length === 0) dates.push(w.dateUnknown);
          return [
            ...out.noted({ text: agreement.title, strong: true, ...langOf(out, agreement.title) }, agreement.sources),
            ` — ${kindWord('agreementKind', agreement.kind, out.lang)}; ${dates.join(', ')}`,
          ];
        }),
      ),
    );
  }
  blocks.push(heading(3, w.relationship.sectors));
  blocks.push(
    briefing.sectors.length === 0
      ? paragraph([w.relationship.noSectors])
      : list(briefing.sectors.map((sector) => [...out.text(sector.title), ` (${sector.code})`])),
  );
  return blocks;
}

/** The `lang` mark of a single-field text, as an object to spread into a run. */
function langOf(out: Writer, text: string): { lang?: BriefingLanguage } {
  const run = out.typed(text);
  return typeof run === 'string' ? {} : { lang: run.lang };
}

function tradeSection(out: Writer, briefing: Briefing, home: string, partner: string): Block[] {
  const { w } = out;
  const trade = briefing.trade;
  const blocks: Block[] = [heading(2, w.section.trade)];
  if (trade.status === 'no_data') blocks.push(paragraph([w.trade.noData]));
  if (trade.status === 'not_yet_known') blocks.push(paragraph([w.trade.notYetKnown(out.date(briefing.asOf))]));
  if (trade.status === 'known') blocks.push(...knownTrade(out, trade, home, partner));
  blocks.push(...officialFigures(out, trade));
  return blocks;
}

function knownTrade(out: Writer, trade: KnownTrade, home: string, partner: string): Block[] {
  const { w, lang } = out;
  const money = (cents: number) => formatMoney(cents, 'USD', lang);
  const period = formatMonthRange(trade.period, lang, 'in');
  const previous = formatMonthRange(trade.previousPeriod, lang, 'to');
  const growth = trade.growthPercent;
  const lead =
    growth.turnover === null
      ? w.trade.leadNoGrowth(capitalise(period), money(trade.current.turnoverCents))
      : w.trade.lead(
          capitalise(period),
          money(trade.current.turnoverCents),
          formatPercent(growth.turnover, lang),
          previous,
        );
  const parts = w.trade.parts(
    money(trade.current.exportsCents),
    formatPercent(growth.exports, lang),
    money(trade.current.importsCents),
    formatPercent(growth.imports, lang),
    money(trade.current.balanceCents),
  );
  const blocks: Block[] = [paragraph([...out.noted(lead, trade.sources), parts], 'lead')];
  // With a single partner the rank is first and the share the whole: saying so tells the principal nothing.
  const ranked = trade.partners > 1;
  const rank = ranked ? trade.rank : null;
  const share = ranked ? trade.sharePercent : null;
  const standing =
    rank !== null
      ? `${w.trade.rank(partner, home, rank, trade.partners)}${share !== null ? w.trade.shareOf(formatPercent(share, lang, false)) : ''}.`
      : share !== null
        ? `${w.trade.shareOnly(partner, home, formatPercent(share, lang, false))}.`
        : null;
  if (standing) blocks.push(paragraph([standing]));
  if (trade.dataset.illustrative) blocks.push(paragraph([{ text: w.trade.illustrative, strong: true }], 'note'));
  const latest = { from: trade.latestKnownMonth, to: trade.latestKnownMonth };
  blocks.push(paragraph([endSentence(w.trade.latestKnown(formatMonthRange(latest, lang)))], 'note'));

  const periodName = formatMonthRange(trade.period, lang);
  const previousName = formatMonthRange(trade.previousPeriod, lang);
  const illustrativeTag = trade.dataset.illustrative ? ` (${w.trade.illustrativeShort})` : '';
  const measures = ['turnover', 'exports', 'imports', 'balance'] as const;
  const cents = (totals: typeof trade.current, measure: (typeof measures)[number]) => totals[`${measure}Cents`];
  const rows: Inline[][][] = measures.map((measure) => [
    [w.trade.measure[measure]],
    out.noted(formatMillions(cents(trade.current, measure), lang), trade.sources),
    [formatMillions(cents(trade.previous, measure), lang)],
    [formatMillions(cents(trade.change, measure), lang, true)],
    [measure === 'balance' ? w.none : formatRate(growth[measure], lang)],
  ]);
  if (share !== null)
    rows.push([[w.trade.shareRow(home)], [formatRate(share, lang, false)], [w.none], [w.none], [w.none]]);
  if (rank !== null)
    rows.push([[w.trade.rankRow], [w.trade.rankCell(rank, trade.partners)], [w.none], [w.none], [w.none]]);
  blocks.push(
    out.table(`${w.trade.summaryCaption(home, partner, periodName)}${illustrativeTag}`, {
      header: [w.trade.indicator, capitalise(periodName), capitalise(previousName), w.trade.changeUsd, w.trade.growth],
      rows,
      align: ['left', 'right', 'right', 'right', 'right'],
    }),
  );

  if (trade.annual.length > 0) {
    const labels = trade.annual.map((year) => formatYearLabel(year.year, year.period, year.partial, lang));
    blocks.push(
      heading(3, w.trade.annualHeading),
      out.chart(
        `${w.trade.annualCaption(home, partner)}${illustrativeTag}`,
        {
          kind: 'stacked_bar',
          categories: labels,
          series: [
            { name: w.trade.measure.exports, values: trade.annual.map((year) => millions(year.totals.exportsCents)) },
            { name: w.trade.measure.imports, values: trade.annual.map((year) => millions(year.totals.importsCents)) },
          ],
          unit: w.trade.unit,
        },
        {
          header: [
            w.trade.year,
            w.trade.measure.exports,
            w.trade.measure.imports,
            w.trade.measure.turnover,
            w.trade.measure.balance,
          ],
          rows: trade.annual.map((year, index) => [
            [labels[index] ?? String(year.year)],
            [formatMillions(year.totals.exportsCents, lang)],
            [formatMillions(year.totals.importsCents, lang)],
            out.noted(formatMillions(year.totals.turnoverCents, lang), trade.sources),
            [formatMillions(year.totals.balanceCents, lang, true)],
          ]),
          align: ['left', 'right', 'right', 'right', 'right'],
        },
      ),
    );
  }

  for (const structure of [trade.exports, trade.imports]) {
    blocks.push(
      ...structureBlocks(out, structure, home, partner, periodName, previousName, illustrativeTag, trade.sources),
    );
  }

  const trend = trade.trend.flatMap((signal) => {
    const sentence = trendSentence(out, signal, trade);
    return sentence === null ? [] : [out.noted(sentence, trade.sources)];
  });
  if (trend.length > 0) blocks.push(heading(3, w.trade.trendHeading), list(trend));
  return blocks;
}

function structureBlocks(
  out: Writer,
  structure: StructureDigest,
  home: string,
  partner: string,
  periodName: string,
  previousName: string,
  illustrativeTag: string,
  sources: number[],
): Block[] {
  const { w, lang } = out;
  const blocks: Block[] = [heading(3, w.trade.structureHeading[structure.direction])];
  if (structure.items.length === 0 && structure.totalCents === 0) {
    return [...blocks, paragraph([w.trade.emptyStructure(structure.direction)])];
  }
  const items = structure.other ? [...structure.items, structure.other] : structure.items;
  // A chart's labels carry no language mark, so a title kept only in the other language leaves just the code.
  const name = (item: StructureItem) => item.title[lang] ?? '';
  const short = (text: string) => (text.length > 48 ? `${text.slice(0, 47).trimEnd()}…` : text);
  const row = (item: StructureItem, isOther: boolean): Inline[][] => [
    [isOther ? '' : item.label || item.code],
    isOther ? [w.trade.other] : out.text(item.title).length > 0 ? out.text(item.title) : [item.label],
    [formatMillions(item.currentCents, lang)],
    [formatRate(item.sharePercent, lang, false)],
    [formatRate(item.growthPercent, lang)],
    [formatRate(item.contributionPp, lang)],
  ];
  const rows = items.map((item) => row(item, item === structure.other));
  rows.push([
    [''],
    [w.trade.total],
    out.noted(formatMillions(structure.totalCents, lang), sources),
    [formatRate(structure.totalCents === 0 ? null : 100, lang, false)],
    [formatRate(structure.growthPercent, lang)],
    [formatRate(structure.growthPercent, lang)],
  ]);
  blocks.push(
    out.chart(
      `${w.trade.structureCaption(structure.direction, home, partner, periodName)}${illustrativeTag}`,
      {
        kind: 'horizontal_bar',
        categories: items.map((item) => {
          if (item === structure.other) return w.trade.other;
          return short(`${item.label || item.code} ${name(item)}`.trim());
        }),
        series: [
          { name: capitalise(periodName), values: items.map((item) => millions(item.currentCents)) },
          { name: capitalise(previousName), values: items.map((item) => millions(item.previousCents)) },
        ],
        unit: w.trade.unit,
      },
      {
        header: [w.trade.code, w.trade.product, w.trade.value, w.trade.share, w.trade.growth, w.trade.contribution],
        rows,
        align: ['left', 'left', 'right', 'right', 'right', 'right'],
        totalRow: true,
      },
    ),
  );
  return blocks;
}

function trendSentence(out: Writer, signal: TrendDigest, trade: KnownTrade): string | null {
  const { w, lang } = out;
  const change = formatPercent(signal.lastChangePercent, lang);
  switch (signal.code) {
    case 'decline':
      return w.trend.decline(signal.years, change);
    case 'recovery':
      return w.trend.recovery(signal.fallingYearsBefore, change);
    case 'growth':
      return w.trend.growth(signal.years, change);
    case 'balance_turned':
      return w.trend.balanceTurned(trade.current.balanceCents === 0 ? null : trade.current.balanceCents > 0);
    default:
      // A signal added to compose before the layout has words for it is left out rather than shown raw.
      return null;
  }
}

function officialFigures(out: Writer, trade: TradeSection): Block[] {
  const { w, lang } = out;
  if (trade.officialFigures.length === 0) return [];
  return [
    heading(3, w.trade.officialHeading),
    out.table(w.trade.officialCaption, {
      header: [
        w.trade.indicator,
        w.trade.period,
        w.trade.quoted,
        w.trade.quotedGrowth,
        w.trade.computed,
        w.trade.computedGrowth,
      ],
      rows: trade.officialFigures.map((figure) => [
        [kindWord('metric', figure.metric, lang)],
        [capitalise(formatMonthRange(figure.period, lang))],
        out.noted(formatMoney(figure.valueCents, figure.currency, lang), figure.sources),
        [formatRate(figure.growthPercent, lang)],
        [figure.computedCents === null ? w.trade.notComputed : formatMoney(figure.computedCents, 'USD', lang)],
        [figure.computedCents === null ? w.none : formatRate(figure.computedGrowthPercent, lang)],
      ]),
      align: ['left', 'left', 'right', 'right', 'right', 'right'],
    }),
  ];
}

function projectItem(out: Writer, project: ProjectDigest): Inline[] {
  const { w, lang } = out;
  const sector = out.text(project.sector);
  const value =
    project.valueMinor !== null && project.currency
      ? formatMoney(project.valueMinor, project.currency, lang)
      : w.cooperation.valueNotRecorded;
  const parties = project.parties.map((party) => [
    ...out.text(party.name),
    ` (${kindWord('partyRole', party.role, lang)}, ${kindWord('side', party.side, lang)})`,
  ]);
  const since = project.dateUnknown
    ? w.dateUnknown
    : project.stageOn
      ? w.cooperation.stageSince(out.date(project.stageOn))
      : null;
  return [
    ...out.text(project.title, { strong: true, say: true }),
    ...out.notes(project.sources),
    ` — ${kindWord('projectKind', project.kind, lang)}`,
    ...(sector.length > 0 ? [`; ${w.cooperation.sector}: `, ...sector] : []),
    `; ${value}`,
    ...(parties.length > 0 ? [`; ${w.cooperation.parties}: `, ...joined(parties, ', ')] : []),
    ...(since ? [`; ${since}`] : []),
  ];
}

function cooperationSection(out: Writer, briefing: Briefing): Block[] {
  const { w, lang } = out;
  const blocks: Block[] = [heading(2, w.section.cooperation), heading(3, w.cooperation.projects)];
  if (briefing.projects.length === 0) {
    blocks.push(paragraph([w.cooperation.noProjects]));
  } else {
    // Stages in the order a board shows them; a stage added later comes after, in the order met.
    const stages = [...new Set<string>([...projectStages, ...briefing.projects.map((p) => p.stage)])];
    for (const stage of stages) {
      const projects = briefing.projects.filter((project) => project.stage === stage);
      if (projects.length === 0) continue;
      blocks.push(paragraph([{ text: `${kindWord('stage', stage, lang)} (${projects.length})`, strong: true }]));
      blocks.push(list(projects.map((project) => projectItem(out, project))));
    }
  }

  if (briefing.lastMeetingOn !== null) {
    const since = out.date(briefing.lastMeetingOn);
    blocks.push(heading(3, w.cooperation.moved));
    blocks.push(
      briefing.movedSinceLastMeeting.length === 0
        ? paragraph([w.cooperation.movedNone(since)])
        : list(
            briefing.movedSinceLastMeeting.map((move) => [
              ...out.text(move.title, { strong: true, say: true }),
              ': ',
              w.cooperation.movedLine(
                move.fromStage === null ? w.cooperation.movedStart : kindWord('stage', move.fromStage, lang),
                kindWord('stage', move.toStage, lang),
                out.date(move.changedOn),
              ),
            ]),
          ),
    );
  }

  blocks.push(heading(3, w.cooperation.network));
  const network = briefing.network;
  if (network === null) return [...blocks, paragraph([w.cooperation.noNetwork])];
  const counts = [
    ...out.noted(w.cooperation.outlets(network.outlets), network.sources),
    ...(briefing.lastMeetingOn !== null
      ? [w.cooperation.openedSince(network.openedSinceLastMeeting, out.date(briefing.lastMeetingOn))]
      : []),
    ...(network.openedOnUnknownDay > 0 ? [w.cooperation.openedUnknown(network.openedOnUnknownDay)] : []),
  ];
  blocks.push(paragraph(counts));
  if (network.byKind.length > 0) {
    blocks.push(
      out.table(w.cooperation.byKindCaption, {
        header: [w.cooperation.kind, w.cooperation.count],
        rows: network.byKind.map((entry) => [[kindWord('outletKind', entry.kind, lang)], [String(entry.count)]]),
        align: ['left', 'right'],
      }),
    );
  }
  if (network.productGroups.length > 0) {
    blocks.push(
      paragraph([
        `${w.cooperation.productGroups}: `,
        ...joined(
          network.productGroups.map((group) => [out.typed(group)]),
          ', ',
        ),
        '.',
      ]),
    );
  }
  return blocks;
}

/** A statement as a line: its text, who acts, when it is due, how late, and where it was made. */
function commitmentItem(out: Writer, statement: StatementDigest, as: 'pending' | 'fulfilled' | 'proposal'): Inline[] {
  const { w } = out;
  const fulfilled = as === 'fulfilled';
  const owner = out.text(statement.owner);
  const details: Inline[] = [];
  if (as === 'proposal' && statement.side) details.push(`; ${kindWord('side', statement.side, out.lang)}`);
  if (owner.length > 0) details.push(`; ${w.commitments.owner}: `, ...owner);
  if (statement.dueOn) details.push(`; ${w.commitments.due(out.date(statement.dueOn))}`);
  if (statement.daysOverdue !== null && statement.daysOverdue > 0 && !fulfilled)
    details.push('; ', { text: w.commitments.overdueBy(statement.daysOverdue), strong: true });
  if (fulfilled && statement.statusOn) details.push(`; ${w.commitments.fulfilledOn(out.date(statement.statusOn))}`);
  const meeting = out.text(statement.meetingTitle);
  const [open, close] = w.quotes;
  const made: Inline[] =
    meeting.length > 0
      ? [
          ` (${as === 'proposal' ? w.commitments.proposedAt : w.commitments.madeAt} ${open}`,
          ...meeting,
          `${close}, ${out.date(statement.madeOn)})`,
        ]
      : [` (${w.commitments.madeOn(out.date(statement.madeOn))})`];
  return [
    ...out.text(statement.text, { say: true, clause: true }),
    ...out.notes(statement.sources),
    ...details,
    ...made,
  ];
}

function commitmentsSection(out: Writer, briefing: Briefing): Block[] {
  const { w } = out;
  const { overdue, open, fulfilledSinceLastMeeting } = briefing.commitments;
  const blocks: Block[] = [heading(2, w.section.commitments)];
  // Overdue commitments are open too; each is listed once, under the more pressing heading.
  const overdueIds = new Set(overdue.map((s) => s.statementId));
  const stillOpen = open.filter((s) => !overdueIds.has(s.statementId));
  const proposals = briefing.openProposals.length > 0 ? openProposals(out, briefing.openProposals) : [];
  if (overdue.length === 0 && stillOpen.length === 0 && fulfilledSinceLastMeeting.length === 0) {
    return [...blocks, paragraph([w.commitments.none]), ...proposals];
  }
  blocks.push(heading(3, w.commitments.overdue));
  blocks.push(
    overdue.length === 0
      ? paragraph([w.commitments.noneOverdue(out.date(briefing.asOf))])
      : list(overdue.map((s) => commitmentItem(out, s, 'pending'))),
  );
  if (stillOpen.length > 0)
    blocks.push(heading(3, w.commitments.open), list(stillOpen.map((s) => commitmentItem(out, s, 'pending'))));
  if (fulfilledSinceLastMeeting.length > 0)
    blocks.push(
      heading(3, w.commitments.fulfilled),
      list(fulfilledSinceLastMeeting.map((s) => commitmentItem(out, s, 'fulfilled'))),
    );
  return [...blocks, ...proposals];
}

/** Proposals still open: not binding, but what either side may ask about. */
function openProposals(out: Writer, proposals: StatementDigest[]): Block[] {
  return [
    heading(3, out.w.commitments.proposals),
    list(proposals.map((proposal) => commitmentItem(out, proposal, 'proposal'))),
  ];
}

function talkingPointsSection(out: Writer, briefing: Briefing): Block[] {
  const { w } = out;
  const blocks: Block[] = [heading(2, w.section.talkingPoints)];
  if (briefing.talkingPoints.length === 0) return [...blocks, paragraph([w.talkingPoints.none])];
  blocks.push(
    list(
      briefing.talkingPoints.map((point) => {
        const facts = point.facts.map((fact) => [...out.text(fact.label, { say: true }), ...out.notes(fact.sources)]);
        return [
          ...out.text(point.text, { say: true }),
          ...(facts.length > 0 ? [` (${w.talkingPoints.restsOn}`, ...joined(facts, '; '), ')'] : []),
        ];
      }),
      true,
    ),
  );
  return blocks;
}

function footnoteText(out: Writer, source: Source): string {
  const { w, lang } = out;
  if (source.kind === 'dataset') {
    const parts = [w.sources.dataset(source.dataset.name, kindWord('datasetKind', source.dataset.kind, lang))];
    if (source.dataset.illustrative) parts.push(w.trade.illustrativeShort);
    parts.push(w.sources.rule(source.rule.lagDays, source.rule.overridden));
    return endSentence(parts.join('; '));
  }
  const parts = [out.plain(source.title)];
  if (source.publisher) parts.push(source.publisher);
  if (source.publishedOn) parts.push(out.date(source.publishedOn));
  if (source.locator) parts.push(localizeLocator(source.locator, lang));
  if (source.sourceUrl) parts.push(source.sourceUrl);
  return endSentence(parts.filter((part) => part !== '').join(', '));
}

/** A full stop, unless the text already ends with one («2016 г.»). */
function endSentence(text: string): string {
  return text.endsWith('.') ? text : `${text}.`;
}
