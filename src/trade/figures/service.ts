import type { Selectable } from 'kysely';
import type { OfficialFigureTable } from '../../db/schema.ts';
import type { Db } from '../../db/connection.ts';
import { AccordError, notFound } from '../../core/errors.ts';
import { newId } from '../../core/ids.ts';
import { parseInput } from '../../core/model.ts';
import { deleteVersioned, inTransaction, nowIso, requireReferences } from '../../core/records.ts';
import { territoryLabel } from '../../registry/territories/service.ts';
import { tradeSummary, growthPercent, type DatasetRef } from '../analytics/service.ts';
import { decimalToMinor } from '../money.ts';
import { formatPeriod, parsePeriod } from '../periods.ts';
import { officialFigureInput, type OfficialFigure } from './model.ts';

type Row = Selectable<OfficialFigureTable>;

function toFigure(row: Row): OfficialFigure {
  return {
    ...row,
    metric: row.metric as OfficialFigure['metric'],
    periodFrom: formatPeriod(row.periodFrom),
    periodTo: formatPeriod(row.periodTo),
    valueMinor: Number(row.valueMinor),
  };
}

export async function recordOfficialFigure(db: Db, input: unknown): Promise<OfficialFigure> {
  const data = parseInput(officialFigureInput, input);
  const periodFrom = parsePeriod(data.periodFrom, 'periodFrom');
  const periodTo = parsePeriod(data.periodTo, 'periodTo');
  if (periodTo < periodFrom) {
    throw new AccordError('VALIDATION_FAILED', 'periodTo: the end is before the start', {
      problems: [{ path: 'periodTo', message: 'the end is before the start' }],
    });
  }
  const valueMinor = decimalToMinor(data.value, 2);
  if (valueMinor === null) throw new AccordError('VALIDATION_FAILED', `value: ${data.value} is not an amount`);
  return inTransaction(db, async (trx) => {
    await requireReferences(trx, [
      { path: 'reporter', table: 'territories', id: data.reporter, label: territoryLabel },
      { path: 'partner', table: 'territories', id: data.partner, label: territoryLabel },
      { path: 'documentId', table: 'documents', id: data.documentId, label: 'document' },
    ]);
    const now = nowIso();
    const row: Row = {
      id: newId(),
      reporter: data.reporter,
      partner: data.partner,
      metric: data.metric,
      periodFrom,
      periodTo,
      valueMinor,
      currency: data.currency,
      growthPercent: data.growthPercent,
      documentId: data.documentId,
      locator: data.locator,
      notes: data.notes,
      version: 1,
      createdAt: now,
      updatedAt: now,
    };
    await trx.insertInto('officialFigures').values(row).execute();
    return toFigure(row);
  });
}

export async function listOfficialFigures(
  db: Db,
  filter: { reporter?: string; partner?: string },
): Promise<OfficialFigure[]> {
  let query = db.selectFrom('officialFigures').selectAll();
  if (filter.reporter) query = query.where('reporter', '=', filter.reporter);
  if (filter.partner) query = query.where('partner', '=', filter.partner);
  const rows = await query.orderBy('periodTo', 'desc').orderBy('id').execute();
  return rows.map((r) => toFigure(r as Row));
}

export async function getOfficialFigure(db: Db, id: string): Promise<OfficialFigure> {
  const row = await db.selectFrom('officialFigures').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('official figure', id);
  return toFigure(row as Row);
}

export async function deleteOfficialFigure(db: Db, id: string, version: number): Promise<void> {
  await deleteVersioned(db, 'officialFigures', { column: 'id', value: id, label: 'official figure' }, version);
}

export interface Reconciliation {
  figure: OfficialFigure;
  dataset: DatasetRef | null;
  computedMinor: number | null;
  differenceMinor: number | null;
  differencePercent: number | null;
  computedGrowthPercent: number | null;
  /** Why no computed value stands beside the figure, when none does. */
  note: string | null;
}

/** Each official figure of a pair beside the same figure computed from a dataset, with the difference. */
export async function reconcileFigures(
  db: Db,
  query: { reporter: string; partner: string; datasetId?: string },
): Promise<Reconciliation[]> {
  const figures = await listOfficialFigures(db, query);
  const out: Reconciliation[] = [];
  for (const figure of figures) {
    const range = { from: parsePeriod(figure.periodFrom), to: parsePeriod(figure.periodTo) };
    const summary = await tradeSummary(db, {
      home: figure.reporter,
      partner: figure.partner,
      range,
      datasetId: query.datasetId,
    }).catch((error: unknown) => {
      if (error instanceof AccordError && error.code === 'NOT_FOUND') return null;
      throw error;
    });
    if (!summary || figure.currency !== 'USD') {
      out.push({
        figure,
        dataset: summary?.dataset ?? null,
        computedMinor: null,
        differenceMinor: null,
        differencePercent: null,
        computedGrowthPercent: null,
        note: summary
          ? `computed figures are in USD; this one is in ${figure.currency}`
          : 'no dataset covers this period',
      });
      continue;
    }
    const pick = (t: typeof summary.current) =>
      figure.metric === 'exports'
        ? t.exportsCents
        : figure.metric === 'imports'
          ? t.importsCents
          : figure.metric === 'balance'
            ? t.balanceCents
            : t.turnoverCents;
    const computed = pick(summary.current);
    out.push({
      figure,
      dataset: summary.dataset,
      computedMinor: computed,
      differenceMinor: computed - figure.valueMinor,
      differencePercent: growthPercent(computed, figure.valueMinor),
      computedGrowthPercent: growthPercent(computed, pick(summary.previous)),
      note: null,
    });
  }
  return out;
}
