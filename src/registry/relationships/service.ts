import type { Db } from '../../db/connection.ts';
import { removeProvenanceOf } from '../../documents/provenance.ts';
import { AccordError, notFound, ProblemList } from '../../core/errors.ts';
import { newId } from '../../core/ids.ts';
import { parseInput, type Page, type PageQuery } from '../../core/model.ts';
import {
  asConstraintError,
  deleteVersioned,
  inTransaction,
  nowIso,
  paged,
  requireReferences,
  todayIso,
  updateVersioned,
} from '../../core/records.ts';
import { countActiveProjects } from '../../cooperation/projects/service.ts';
import { countCommitments } from '../../cooperation/statements/service.ts';
import { tradeSeries, tradeSummary } from '../../trade/analytics/service.ts';
import { listDatasets } from '../../trade/datasets/service.ts';
import {
  formatRange,
  isYear,
  monthOf,
  parsePeriodRange,
  yearEarlier,
  yearOf,
  type PeriodRange,
} from '../../trade/periods.ts';
import { territoryLabel } from '../territories/service.ts';
import {
  agreementInput,
  agreementUpdate,
  partnersOverviewQuery,
  partnersQuery,
  relationshipInput,
  relationshipUpdate,
  type Agreement,
  type AgreementFilter,
  type PartnerOverview,
  type PartnersOverview,
  type PartnersOverviewQuery,
  type PartnerTrade,
  type PartnerTradeOverview,
  type Relationship,
  type RelationshipFilter,
} from './model.ts';
import * as store from './store.ts';

const relationshipKey = (id: string) => ({ column: 'id', value: id, label: 'relationship' });
const agreementKey = (id: string) => ({ column: 'id', value: id, label: 'agreement' });

function toRelationship(row: store.RelationshipRow): Relationship {
  return {
    id: row.id,
    homeCode: row.homeCode,
    partnerCode: row.partnerCode,
    title: row.title,
    notes: row.notes,
    home: { code: row.homeCode, nameEn: row.homeNameEn, nameRu: row.homeNameRu },
    partner: { code: row.partnerCode, nameEn: row.partnerNameEn, nameRu: row.partnerNameRu },
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

export function listRelationships(db: Db, filter: RelationshipFilter, page: PageQuery): Promise<Page<Relationship>> {
  return paged(
    page,
    () => store.countRelationships(db, filter),
    async (limit, offset) => (await store.listRelationships(db, filter, limit, offset)).map(toRelationship),
  );
}

export async function getRelationship(db: Db, id: string): Promise<Relationship> {
  const row = await store.findRelationship(db, id);
  if (!row) throw notFound('relationship', id);
  return toRelationship(row);
}

/** The relationship of a home and a partner territory, as `accord brief BY RU-KRS` names it. */
export async function getRelationshipOfPair(db: Db, homeCode: string, partnerCode: string): Promise<Relationship> {
  const row = await store.findRelationshipByPair(db, homeCode, partnerCode);
  if (!row) {
    throw new AccordError('NOT_FOUND', `there is no relationship of ${homeCode} with ${partnerCode}`, {
      details: { what: 'relationship', homeCode, partnerCode },
    });
  }
  return getRelationship(db, row.id);
}

/**
 * A territory cannot be its own partner, both codes must be territories Accord knows, and each pair is
 * recorded once, so every meeting and project of a pair lands on the same relationship.
 */
async function checkPair(db: Db, homeCode: string, partnerCode: string, ownId?: string): Promise<void> {
  if (homeCode === partnerCode) {
    const problems = new ProblemList();
    problems.add('partnerCode', `the partner must differ from the home territory ${homeCode}`);
    problems.throwIfAny();
  }
  await requireReferences(db, [
    { path: 'homeCode', table: 'territories', id: homeCode, label: territoryLabel },
    { path: 'partnerCode', table: 'territories', id: partnerCode, label: territoryLabel },
  ]);
  const existing = await store.findRelationshipByPair(db, homeCode, partnerCode);
  if (existing && existing.id !== ownId) throw pairTaken(homeCode, partnerCode, existing.id);
}

function pairTaken(homeCode: string, partnerCode: string, existingId?: string): AccordError {
  return new AccordError('CONFLICT', `a relationship between ${homeCode} and ${partnerCode} already exists`, {
    problems: [{ path: 'partnerCode', message: `${homeCode} already has a relationship with ${partnerCode}` }],
    details: existingId ? { existingId } : {},
  });
}

/** Two editors may add the same pair at once; the unique constraint decides and the loser hears CONFLICT. */
function asPairConflict(error: unknown, homeCode: string, partnerCode: string): unknown {
  const mapped = asConstraintError(error, `relationship ${homeCode}–${partnerCode}`);
  return mapped instanceof AccordError && mapped.code === 'CONFLICT' ? pairTaken(homeCode, partnerCode) : mapped;
}

export async function createRelationship(db: Db, input: unknown): Promise<Relationship> {
  const data = parseInput(relationshipInput, input);
  return inTransaction(db, async (trx) => {
    await checkPair(trx, data.homeCode, data.partnerCode);
    const now = nowIso();
    const id = newId();
    await store
      .insertRelationship(trx, { id, ...data, version: 1, createdAt: now, updatedAt: now })
      .catch((error: unknown) => {
        throw asPairConflict(error, data.homeCode, data.partnerCode);
      });
    return getRelationship(trx, id);
  });
}

export async function updateRelationship(db: Db, id: string, input: unknown): Promise<Relationship> {
  const { version, ...patch } = parseInput(relationshipUpdate, input);
  return inTransaction(db, async (trx) => {
    const current = await store.findRelationship(trx, id);
    if (!current) throw notFound('relationship', id);
    const homeCode = patch.homeCode ?? current.homeCode;
    const partnerCode = patch.partnerCode ?? current.partnerCode;
    await checkPair(trx, homeCode, partnerCode, id);
    await updateVersioned(trx, 'relationships', relationshipKey(id), version, patch).catch((error: unknown) => {
      throw asPairConflict(error, homeCode, partnerCode);
    });
    return getRelationship(trx, id);
  });
}

/** A relationship with agreements, meetings, projects or outlets stays until they are gone. */
export async function deleteRelationship(db: Db, id: string, version: number): Promise<void> {
  await inTransaction(db, async (trx) => {
    await deleteVersioned(trx, 'relationships', relationshipKey(id), version);
    await removeProvenanceOf(trx, { recordType: 'relationship', recordId: id });
  });
}

/** In force on `on` when it falls within the agreement's dates; a missing date leaves that end open. */
export function isInForce(dates: { inForceFrom: string | null; inForceTo: string | null }, on: string): boolean {
  return (dates.inForceFrom === null || dates.inForceFrom <= on) && (dates.inForceTo === null || on <= dates.inForceTo);
}

function toAgreement(row: store.AgreementRow, today: string): Agreement {
  return { ...row, kind: row.kind as Agreement['kind'], inForce: isInForce(row, today) };
}

export function listAgreements(db: Db, filter: AgreementFilter, page: PageQuery): Promise<Page<Agreement>> {
  const today = filter.asOf ?? todayIso();
  return paged(
    page,
    () => store.countAgreements(db, filter),
    async (limit, offset) => (await store.listAgreements(db, filter, limit, offset)).map((r) => toAgreement(r, today)),
  );
}

export async function getAgreement(db: Db, id: string): Promise<Agreement> {
  const row = await store.findAgreement(db, id);
  if (!row) throw notFound('agreement', id);
  return toAgreement(row, todayIso());
}

function requireOrderedDates(inForceFrom: string | null, inForceTo: string | null): void {
  if (inForceFrom !== null && inForceTo !== null && inForceTo < inForceFrom) {
    const problems = new ProblemList();
    problems.add(
      'inForceTo',
      `the agreement cannot leave force (${inForceTo}) before it enters it (${inForceFrom})`,
      'ends_before_start',
      { start: inForceFrom },
    );
    problems.throwIfAny();
  }
}

function agreementReferences(data: { relationshipId?: string; documentId?: string | null }) {
  return [
    { path: 'relationshipId', table: 'relationships' as const, id: data.relationshipId, label: 'relationship' },
    { path: 'documentId', table: 'documents' as const, id: data.documentId, label: 'document' },
  ];
}

export async function createAgreement(db: Db, input: unknown): Promise<Agreement> {
  const data = parseInput(agreementInput, input);
  requireOrderedDates(data.inForceFrom, data.inForceTo);
  return inTransaction(db, async (trx) => {
    await requireReferences(trx, agreementReferences(data));
    const now = nowIso();
    const id = newId();
    await store.insertAgreement(trx, { id, ...data, version: 1, createdAt: now, updatedAt: now });
    return getAgreement(trx, id);
  });
}

export async function updateAgreement(db: Db, id: string, input: unknown): Promise<Agreement> {
  const { version, ...patch } = parseInput(agreementUpdate, input);
  return inTransaction(db, async (trx) => {
    const current = await store.findAgreement(trx, id);
    if (!current) throw notFound('agreement', id);
    requireOrderedDates(
      patch.inForceFrom === undefined ? current.inForceFrom : patch.inForceFrom,
      patch.inForceTo === undefined ? current.inForceTo : patch.inForceTo,
    );
    await requireReferences(trx, agreementReferences(patch));
    await updateVersioned(trx, 'agreements', agreementKey(id), version, patch);
    return getAgreement(trx, id);
  });
}

export async function deleteAgreement(db: Db, id: string, version: number): Promise<void> {
  await inTransaction(db, async (trx) => {
    await deleteVersioned(trx, 'agreements', agreementKey(id), version);
    await removeProvenanceOf(trx, { recordType: 'agreement', recordId: id });
  });
}

/**
 * One line per partner: the agreements in force, the commitments still open (and of them the overdue ones)
 * and the projects still under way. With `asOf`, as known on that day, by the rules the statements' and
 * projects' own lists apply; else as the records stand today. Limited to one home territory when `home` is given.
 */
export async function listPartners(db: Db, query: { home?: string; asOf?: string } = {}): Promise<PartnerOverview[]> {
  const { home, asOf } = parseInput(partnersQuery, query);
  const day = asOf ?? todayIso();
  const rows = await store.listAllRelationships(db, home);
  const ids = rows.map((r) => r.id);
  const [agreements, commitments, projects] = await Promise.all([
    store.countAgreementsInForce(db, ids, day),
    countCommitments(db, ids, asOf),
    countActiveProjects(db, ids, asOf),
  ]);
  return rows.map((row) => {
    const { id, title, home: homeTerritory, partner } = toRelationship(row);
    return {
      relationshipId: id,
      title,
      home: homeTerritory,
      partner,
      agreementsInForce: agreements.get(id) ?? 0,
      openCommitments: commitments.open.get(id) ?? 0,
      overdueCommitments: commitments.overdue.get(id) ?? 0,
      activeProjects: projects.get(id) ?? 0,
    };
  });
}

/** How many years the sparkline of each partner covers, the period itself included. */
const sparklineYears = 5;

interface Pair {
  home: string;
  partner: string;
}

/** The pair's trade in the range, or null when no dataset holds any (the analytics answer NOT_FOUND then). */
async function summaryOrNull(db: Db, pair: Pair, range: PeriodRange) {
  try {
    return await tradeSummary(db, { ...pair, range });
  } catch (error) {
    if (error instanceof AccordError && error.code === 'NOT_FOUND') return null;
    throw error;
  }
}

/**
 * The latest cumulative period the data hold for any of the pairs: January to the last month of the most
 * recent dataset that has the pairs' trade in that month, or a whole year for annual data.
 */
async function latestCumulativePeriod(db: Db, pairs: Pair[]): Promise<PeriodRange | null> {
  const ends = [...new Set((await listDatasets(db)).map((d) => d.periodTo))]
    .filter((end): end is number => end !== null)
    .sort((a, b) => b - a);
  for (const end of ends) {
    const lastMonths = isYear(end) ? { from: end + 1, to: end + 12 } : { from: end, to: end };
    for (const pair of pairs) {
      if (await summaryOrNull(db, pair, lastMonths)) {
        return isYear(end) ? lastMonths : { from: yearOf(end) * 100 + 1, to: end };
      }
    }
  }
  return null;
}

/** Turnover in the same months of each of the last years, from one series of the dataset the summary used. */
async function sameMonthsOverYears(db: Db, pair: Pair, range: PeriodRange, datasetId: string) {
  const shift = (sparklineYears - 1) * 100;
  // Whole years are summed by year so that annual rows (BACI, annual Comtrade) count; other ranges by month.
  const wholeYears = monthOf(range.from) === 1 && monthOf(range.to) === 12;
  const series = await tradeSeries(db, {
    ...pair,
    range: { from: range.from - shift, to: range.to },
    datasetId,
    granularity: wholeYears ? 'year' : 'month',
  });
  return Array.from({ length: sparklineYears }, (_, i) => {
    const back = (sparklineYears - 1 - i) * 100;
    const window = { from: range.from - back, to: range.to - back };
    const turnoverCents = series.points
      .filter((p) => p.period >= window.from && p.period <= window.to)
      .reduce((sum, p) => sum + p.totals.turnoverCents, 0);
    return { label: formatRange(window), from: window.from, turnoverCents };
  });
}

async function partnerTradeOf(db: Db, pair: Pair, range: PeriodRange): Promise<PartnerTrade | null> {
  const summary = await summaryOrNull(db, pair, range);
  if (!summary) return null;
  return {
    dataset: summary.dataset,
    exportsCents: summary.current.exportsCents,
    importsCents: summary.current.importsCents,
    turnoverCents: summary.current.turnoverCents,
    previousTurnoverCents: summary.previous.turnoverCents,
    growthPercent: summary.growthPercent.turnover,
    sparkline: await sameMonthsOverYears(db, pair, range, summary.dataset.id),
  };
}

/**
 * Every partner with its registry counts and its trade over a period: turnover, growth on the same months a
 * year earlier, a five-year sparkline of those months and the dataset the figures come from. Each pair's
 * figures come from the most authoritative dataset covering it, as on the partner's own trade page.
 */
export async function partnersOverview(db: Db, query: PartnersOverviewQuery = {}): Promise<PartnersOverview> {
  const parsed = parseInput(partnersOverviewQuery, query);
  const asOf = parsed.asOf ?? todayIso();
  const asked = parsed.period === undefined ? null : parsePeriodRange(parsed.period);
  const partners = await listPartners(db, { home: parsed.home, asOf: parsed.asOf });
  const pairs = partners.map((p) => ({ home: p.home.code, partner: p.partner.code }));
  const range = asked ?? (await latestCumulativePeriod(db, pairs));
  const withTrade: PartnerTradeOverview[] = [];
  // One pair at a time: each summary already runs its queries in turn, and SQLite serves one at a time anyway.
  for (const [i, partner] of partners.entries()) {
    withTrade.push({ ...partner, trade: range ? await partnerTradeOf(db, pairs[i]!, range) : null });
  }
  const info = (r: PeriodRange) => ({ from: r.from, to: r.to, label: formatRange(r) });
  return {
    currency: 'USD',
    asOf,
    period: range && info(range),
    previousPeriod: range && info(yearEarlier(range)),
    periodIsDefault: asked === null,
    partners: withTrade,
  };
}
