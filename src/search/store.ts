import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../db/connection.ts';
import { containsText, normalizeSearch } from '../core/records.ts';

function escapeLike(text: string): string {
  return normalizeSearch(text).replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * A coarse rank of a folded search column so the best candidates survive the limit: 0 when one of its
 * parts (joined by " | ") starts with the words, 1 when a word does, 2 otherwise. The service ranks finely.
 */
function candidateRank(column: string, q: string): RawBuilder<number> {
  const ref = sql.ref(column);
  const words = escapeLike(q);
  return sql<number>`case when ${ref} like ${`${words}%`} escape '\\' or ${ref} like ${`%| ${words}%`} escape '\\' then 0 when ${ref} like ${`% ${words}%`} escape '\\' then 1 else 2 end`;
}

/** Partner territories of any relationship whose code or names contain the words. */
export function partnerCandidates(db: Db, q: string, limit: number) {
  return db
    .selectFrom('relationships')
    .innerJoin('territories as partner', 'partner.code', 'relationships.partnerCode')
    .select(['partner.code', 'partner.nameEn', 'partner.nameRu', candidateRank('partner.searchText', q).as('rank')])
    .distinct()
    .where(containsText('partner.searchText', q))
    .orderBy('rank')
    .orderBy('partner.nameEn')
    .limit(limit)
    .execute();
}

/** Organizations or people: both carry names in two languages and a folded search column. */
export function namedCandidates(db: Db, table: 'organizations' | 'people', q: string, limit: number) {
  return db
    .selectFrom(table)
    .select(['id', 'nameEn', 'nameRu', candidateRank('searchText', q).as('rank')])
    .where(containsText('searchText', q))
    .orderBy('rank')
    .orderBy('nameEn')
    .orderBy('id')
    .limit(limit)
    .execute();
}

export function organizationAliases(db: Db, organizationIds: string[]) {
  if (organizationIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('organizationAliases')
    .select(['organizationId', 'alias'])
    .where('organizationId', 'in', organizationIds)
    .orderBy('organizationId')
    .orderBy('position')
    .execute();
}

export function projectCandidates(db: Db, q: string, limit: number) {
  return db
    .selectFrom('projects')
    .select(['id', 'titleEn', 'titleRu', 'description', candidateRank('searchText', q).as('rank')])
    .where(containsText('searchText', q))
    .orderBy('rank')
    .orderBy((eb) => eb.fn.coalesce('titleEn', 'titleRu'))
    .orderBy('id')
    .limit(limit)
    .execute();
}

/**
 * Meetings keep no folded search column, so their few text fields are read and matched by the service.
 * A registry holds meetings by the hundred, not the million, which keeps this cheap.
 */
export function meetingTexts(db: Db) {
  return db
    .selectFrom('meetings')
    .select(['id', 'titleEn', 'titleRu', 'place', 'summaryEn', 'summaryRu', 'heldOn'])
    .orderBy('heldOn', 'desc')
    .orderBy('id')
    .execute();
}
