import type { StatementStatus } from './model.ts';

/**
 * Only a commitment can be overdue: someone undertook to act by its due date. A date on a proposal,
 * request or assessment says when it was meant for, and missing it leaves no one behind on a promise.
 */
export const kindsThatFallDue = ['commitment'] as const;

/** A commitment still open or in progress has not been kept yet; fulfilled and dropped ones are settled. */
export const pendingStatuses: readonly StatementStatus[] = ['open', 'in_progress'];

/**
 * Accord's one rule for "overdue", which every count, list, badge and briefing applies: a commitment whose
 * status on `asOf` is open or in progress and whose due date is before `asOf` (due on the day itself is not
 * late yet). The stores build their SQL condition from the same two lists.
 */
export function isOverdue(
  statement: { kind: string; status: StatementStatus; dueOn: string | null },
  asOf: string,
): boolean {
  return (
    (kindsThatFallDue as readonly string[]).includes(statement.kind) &&
    pendingStatuses.includes(statement.status) &&
    statement.dueOn !== null &&
    statement.dueOn < asOf
  );
}

/**
 * The status a statement had on `day` by its history (read in the order recorded): the last change dated
 * on or before it, or null when the statement had not been made yet.
 */
export function statusOn(
  history: ReadonlyArray<{ toStatus: StatementStatus; changedOn: string }>,
  day: string,
): StatementStatus | null {
  let status: StatementStatus | null = null;
  for (const change of history) if (change.changedOn <= day) status = change.toStatus;
  return status;
}
