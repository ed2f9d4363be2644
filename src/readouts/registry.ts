/**
 * What the extraction knows of the workspace: the relationships, people with their posts, organizations
 * with their aliases, projects and meetings, and the users' own lexicon words. Read once per readout through
 * the capabilities' services, then handed to the engine as plain data so the engine runs without a database.
 */
import type { Db } from '../db/connection.ts';
import type { Page, PageQuery } from '../core/model.ts';
import { listRelationships } from '../registry/relationships/service.ts';
import { listPeople } from '../registry/people/service.ts';
import { listOrganizations } from '../registry/organizations/service.ts';
import { listProjects } from '../cooperation/projects/service.ts';
import { listMeetings } from '../cooperation/meetings/service.ts';
import type { Person } from '../registry/people/model.ts';
import type { Organization } from '../registry/organizations/model.ts';
import type { Project } from '../cooperation/projects/model.ts';
import type { Meeting } from '../cooperation/meetings/model.ts';
import * as store from './store.ts';

export interface KnownRelationship {
  id: string;
  homeCode: string;
  partnerCode: string;
}

export interface LexiconTerm {
  kind: 'commodity' | 'sector';
  term: string;
  language: 'en' | 'ru';
  code: string;
}

export interface Registry {
  relationships: KnownRelationship[];
  people: Person[];
  organizations: Organization[];
  projects: Project[];
  meetings: Meeting[];
  terms: LexiconTerm[];
}

export const emptyRegistry: Registry = {
  relationships: [],
  people: [],
  organizations: [],
  projects: [],
  meetings: [],
  terms: [],
};

async function all<T>(list: (page: PageQuery) => Promise<Page<T>>): Promise<T[]> {
  const rows: T[] = [];
  for (let offset = 0; ; offset += 200) {
    const page = await list({ limit: 200, offset });
    rows.push(...page.items);
    if (page.items.length < 200) return rows;
  }
}

export async function loadRegistry(db: Db): Promise<Registry> {
  const relationships = await all((page) => listRelationships(db, {}, page));
  return {
    relationships: relationships.map((r) => ({ id: r.id, homeCode: r.homeCode, partnerCode: r.partnerCode })),
    people: await all((page) => listPeople(db, {}, page)),
    organizations: await all((page) => listOrganizations(db, {}, page)),
    projects: await all((page) => listProjects(db, {}, page)),
    meetings: await all((page) => listMeetings(db, {}, page)),
    terms: (await store.lexiconTerms(db)).map((t) => ({
      kind: t.kind as LexiconTerm['kind'],
      term: t.term,
      language: t.language as LexiconTerm['language'],
      code: t.code,
    })),
  };
}
