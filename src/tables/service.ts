import type { z } from 'zod';
import { getMeeting } from '../cooperation/meetings/service.ts';
import type { Project, ProjectFilter } from '../cooperation/projects/model.ts';
import { listProjects, partyNamesOf } from '../cooperation/projects/service.ts';
import type { Statement, StatementFilter } from '../cooperation/statements/model.ts';
import { listStatements, ownerNamesOf } from '../cooperation/statements/service.ts';
import type { Page, PageQuery } from '../core/model.ts';
import { textIn } from '../core/languages.ts';
import { todayIso } from '../core/records.ts';
import type { Db } from '../db/connection.ts';
import type { PartnersOverviewQuery } from '../partners/model.ts';
import { partnersOverview } from '../partners/service.ts';
import { getRelationship } from '../registry/relationships/service.ts';
import { listSectors } from '../registry/sectors/service.ts';
import { getTerritory } from '../registry/territories/service.ts';
import { partnerRanking } from '../trade/analytics/insights.ts';
import {
  rankingOptions,
  seriesOptions,
  structureOptions,
  type rankingQuery,
  type seriesQuery,
  type structureQuery,
} from '../trade/analytics/model.ts';
import { tradeSeries, tradeStructure } from '../trade/analytics/service.ts';
import { hsTitles } from '../trade/hs/service.ts';
import { formatRange, yearEarlier, type PeriodRange } from '../trade/periods.ts';
import {
  overviewTable,
  projectsTable,
  rankingTable,
  seriesTable,
  statementsTable,
  structureTable,
  type Names,
} from './compose.ts';
import { tableToCsv } from './csv.ts';
import { mediaTypes, type FigureTable, type TableFormat } from './model.ts';
import { words, type Language } from './words.ts';
import { tableToXlsx } from './xlsx.ts';

export interface Download {
  table: FigureTable;
  /** The file's name without its extension: letters, digits, dots, dashes and underscores only. */
  name: string;
}

export interface WrittenFile {
  fileName: string;
  mediaType: string;
  body: Buffer;
}

export async function writeDownload(download: Download, format: TableFormat): Promise<WrittenFile> {
  return {
    fileName: `${download.name}.${format}`,
    mediaType: mediaTypes[format],
    body: format === 'csv' ? tableToCsv(download.table) : await tableToXlsx(download.table),
  };
}

/** A file name any system and any Content-Disposition header accept as it is. */
export function safeFileName(...parts: Array<string | number>): string {
  return ['accord', ...parts]
    .map((part) =>
      String(part)
        .replaceAll('..', '_')
        .replace(/[^A-Za-z0-9._-]+/g, '-'),
    )
    .join('_')
    .slice(0, 150);
}

function territoryNames(db: Db, language: Language): Names & { load: (codes: string[]) => Promise<void> } {
  const known = new Map<string, string>();
  return {
    territory: (code) => known.get(code) ?? code,
    async load(codes) {
      for (const code of new Set(codes)) {
        if (known.has(code)) continue;
        const territory = await getTerritory(db, code).catch(() => null);
        if (territory) known.set(code, language === 'ru' ? territory.nameRu : territory.nameEn);
      }
    },
  };
}

const withLabel = (range: PeriodRange) => ({ ...range, label: formatRange(range) });

export async function structureDownload(
  db: Db,
  query: z.output<typeof structureQuery>,
  language: Language,
): Promise<Download> {
  const data = await tradeStructure(db, { ...structureOptions(query), titles: (codes) => hsTitles(db, codes) });
  const names = territoryNames(db, language);
  await names.load([data.home, data.partner]);
  return {
    table: structureTable(data, query.top, { language, today: todayIso(), names }),
    name: safeFileName('structure', data.home, data.partner, data.period.label, data.level, data.direction),
  };
}

export async function seriesDownload(db: Db, query: z.output<typeof seriesQuery>, language: Language) {
  const data = await tradeSeries(db, seriesOptions(query));
  const names = territoryNames(db, language);
  await names.load([data.home, data.partner]);
  return {
    table: seriesTable(data, { language, today: todayIso(), names }),
    name: safeFileName('series', data.home, data.partner, data.period.label, data.granularity),
  };
}

export async function rankingDownload(
  db: Db,
  query: z.output<typeof rankingQuery>,
  language: Language,
): Promise<Download> {
  const data = await partnerRanking(db, rankingOptions(query));
  const names = territoryNames(db, language);
  await names.load([data.home, ...data.lines.map((l) => l.partner)]);
  const ranking = {
    ...data,
    range: withLabel(query.period),
    previousRange: withLabel(yearEarlier(query.period)),
  };
  return {
    table: rankingTable(ranking, { language, today: todayIso(), names }),
    name: safeFileName('ranking', data.home, data.period, data.by),
  };
}

export async function overviewDownload(db: Db, query: PartnersOverviewQuery, language: Language): Promise<Download> {
  const data = await partnersOverview(db, query);
  const names = territoryNames(db, language);
  return {
    table: overviewTable(data, { language, today: todayIso(), names }),
    name: safeFileName('partners', data.period?.label ?? 'no-trade', data.asOf),
  };
}

// A download holds every matching record, fetched a page at a time, up to this many.
const maxRows = 10_000;
const pageSize = 200;

async function everyPage<T>(list: (page: PageQuery) => Promise<Page<T>>): Promise<T[]> {
  const items: T[] = [];
  for (let offset = 0; offset < maxRows; offset += pageSize) {
    const page = await list({ limit: pageSize, offset });
    items.push(...page.items);
    if (offset + page.items.length >= page.total || page.items.length === 0) break;
  }
  return items;
}

/** Whom a filter concerns: the partner it names, or the partner of the relationship it names. */
async function partnerOf(
  db: Db,
  filter: { partner?: string; relationshipId?: string },
  language: Language,
): Promise<{ code: string; name: string } | null> {
  const code =
    filter.partner ?? (filter.relationshipId ? (await getRelationship(db, filter.relationshipId)).partnerCode : null);
  if (!code) return null;
  const names = territoryNames(db, language);
  await names.load([code]);
  return { code, name: names.territory(code) };
}

export async function statementsDownload(db: Db, filter: StatementFilter, language: Language): Promise<Download> {
  const w = words[language];
  const asOf = filter.asOf ?? todayIso();
  const statements: Statement[] = await everyPage((page) => listStatements(db, { ...filter, asOf }, page));
  const meetings = new Map<string, { heldOn: string; title: string }>();
  for (const id of new Set(statements.map((s) => s.meetingId))) {
    const meeting = await getMeeting(db, id);
    meetings.set(id, { heldOn: meeting.heldOn, title: textIn(meeting.titleEn, meeting.titleRu, language) });
  }
  const partner = await partnerOf(db, filter, language);
  const commitmentsOnly = filter.kind === 'commitment';
  const filters = [
    filter.kind && !commitmentsOnly ? `${w.statements.kind}: ${w.statementKind[filter.kind]}` : null,
    filter.status ? `${w.statements.status}: ${w.status[filter.status]}` : null,
    filter.overdue ? w.statements.overdueOnly : null,
    filter.dueBefore ? `${w.statements.due} < ${filter.dueBefore}` : null,
  ].filter((f): f is string => f !== null);
  return {
    table: statementsTable(
      {
        statements,
        partner: partner?.name ?? null,
        commitmentsOnly,
        asOf,
        filters,
        meetings,
        owners: await ownerNamesOf(db, statements, language),
      },
      { language, today: todayIso(), names: territoryNames(db, language) },
    ),
    name: safeFileName(commitmentsOnly ? 'commitments' : 'statements', partner?.code ?? 'all', asOf),
  };
}

export async function projectsDownload(db: Db, filter: ProjectFilter, language: Language): Promise<Download> {
  const w = words[language];
  const projects: Project[] = await everyPage((page) => listProjects(db, filter, page));
  const sectors = new Map(
    (await listSectors(db, {})).map((s) => [s.code, `${s.code} ${language === 'ru' ? s.titleRu : s.titleEn}`]),
  );
  const partner = await partnerOf(db, filter, language);
  const filters = [
    filter.stage ? `${w.projects.stage}: ${filter.stage.map((s) => w.stage[s]).join(', ')}` : null,
    filter.kind ? `${w.projects.kind}: ${w.projectKind[filter.kind]}` : null,
    filter.sector ? `${w.projects.sector}: ${sectors.get(filter.sector) ?? filter.sector}` : null,
    filter.q ? `«${filter.q}»` : null,
  ].filter((f): f is string => f !== null);
  return {
    table: projectsTable(
      {
        projects,
        partner: partner?.name ?? null,
        filters,
        parties: await partyNamesOf(db, projects, language),
        sectors,
      },
      { language, today: todayIso(), names: territoryNames(db, language) },
    ),
    name: safeFileName('projects', partner?.code ?? 'all', todayIso()),
  };
}
