import type { Db } from '../db/connection.ts';
import { parseInput } from '../core/model.ts';
import { normalizeSearch } from '../core/records.ts';
import {
  searchKinds,
  searchQuery,
  type SearchHit,
  type SearchMatch,
  type SearchQuery,
  type SearchResults,
} from './model.ts';
import { meetingTexts, organizationAliases, namedCandidates, partnerCandidates, projectCandidates } from './store.ts';

type Field = SearchMatch['field'];
interface Candidate {
  hit: Omit<SearchHit, 'match' | 'rank'>;
  fields: Array<[Field, string | null | undefined]>;
}

const wordChar = /[\p{L}\p{N}]/u;

/** How well folded `text` holds folded `words`: see SearchHit.rank; null when it does not. */
export function matchRank(text: string, words: string): number | null {
  let at = text.indexOf(words);
  if (at < 0) return null;
  if (text === words) return 0;
  if (at === 0) return 1;
  while (at >= 0) {
    if (!wordChar.test(text[at - 1] ?? '')) return 2;
    at = text.indexOf(words, at + 1);
  }
  return 3;
}

const snippetLength = 120;

/** Long text cut to a window around the first match so the reader sees why the record was found. */
function snippet(text: string, words: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= snippetLength) return flat;
  const at = Math.max(0, normalizeSearch(flat).indexOf(words));
  const start = Math.max(0, Math.min(at - 40, flat.length - snippetLength));
  const end = Math.min(flat.length, start + snippetLength);
  return `${start > 0 ? '…' : ''}${flat.slice(start, end).trim()}${end < flat.length ? '…' : ''}`;
}

/** The best-matching field of a candidate; earlier fields win ties. */
function bestMatch(candidate: Candidate, words: string): { match: SearchMatch; rank: number } | null {
  let best: { match: SearchMatch; rank: number } | null = null;
  for (const [field, text] of candidate.fields) {
    if (!text) continue;
    const rank = matchRank(normalizeSearch(text), words);
    if (rank !== null && (best === null || rank < best.rank)) {
      best = { match: { field, text: snippet(text, words) }, rank };
    }
  }
  return best;
}

/** A partner, an organization or a person: found by either name, and by whatever else `more` lists. */
function named(
  kind: 'partner' | 'organization' | 'person',
  record: { id: string; nameEn: string | null; nameRu: string | null },
  more: [Field, string][],
): Candidate {
  return {
    hit: {
      kind,
      id: record.id,
      title: record.nameEn ?? record.nameRu ?? '',
      titleEn: record.nameEn,
      titleRu: record.nameRu,
      date: null,
    },
    fields: [['name', record.nameEn], ['name', record.nameRu], ...more],
  };
}

/**
 * Finds partners, organizations (by name or alias), people, projects and meetings whose names or texts
 * contain the words, in either alphabet and any case; whole and leading matches come first.
 */
export async function search(db: Db, input: SearchQuery): Promise<SearchResults> {
  const query = parseInput(searchQuery, input);
  const words = normalizeSearch(query.q);
  // One more than asked tells whether anything was left out.
  const take = query.limit + 1;

  const [partners, organizations, people, projects, meetings] = await Promise.all([
    partnerCandidates(db, words, take),
    namedCandidates(db, 'organizations', words, take),
    namedCandidates(db, 'people', words, take),
    projectCandidates(db, words, take),
    meetingTexts(db),
  ]);
  const aliases = await organizationAliases(
    db,
    organizations.map((o) => o.id),
  );

  const candidates: Candidate[] = [
    ...partners.map((p) => named('partner', { id: p.code, nameEn: p.nameEn, nameRu: p.nameRu }, [['code', p.code]])),
    ...organizations.map((o) =>
      named(
        'organization',
        o,
        aliases.filter((a) => a.organizationId === o.id).map((a): [Field, string] => ['alias', a.alias]),
      ),
    ),
    ...people.map((p) => named('person', p, [])),
    ...projects.map((p): Candidate => ({
      hit: {
        kind: 'project',
        id: p.id,
        title: p.titleEn ?? p.titleRu ?? '',
        titleEn: p.titleEn,
        titleRu: p.titleRu,
        date: null,
      },
      fields: [
        ['title', p.titleEn],
        ['title', p.titleRu],
        ['description', p.description],
      ],
    })),
    ...meetings.map((m): Candidate => ({
      hit: {
        kind: 'meeting',
        id: m.id,
        title: m.titleEn ?? m.titleRu ?? '',
        titleEn: m.titleEn,
        titleRu: m.titleRu,
        date: m.heldOn,
      },
      fields: [
        ['title', m.titleEn],
        ['title', m.titleRu],
        ['place', m.place],
        ['summary', m.summaryEn],
        ['summary', m.summaryRu],
      ],
    })),
  ];

  const hits: SearchHit[] = [];
  for (const candidate of candidates) {
    const best = bestMatch(candidate, words);
    if (best) hits.push({ ...candidate.hit, ...best });
  }
  const kindOrder = (kind: SearchHit['kind']) => searchKinds.indexOf(kind);
  hits.sort(
    (a, b) =>
      a.rank - b.rank ||
      kindOrder(a.kind) - kindOrder(b.kind) ||
      a.title.localeCompare(b.title, 'ru') ||
      a.id.localeCompare(b.id),
  );
  return { q: query.q, items: hits.slice(0, query.limit), truncated: hits.length > query.limit };
}
