/**
 * What Accord knew about a relationship by the end of a day, gathered for a briefing. Every record counts
 * from the date that decides when it became known (issue #17's table): trade months from their
 * publication under the dataset's rule, meetings and statements from their dates, statuses and stages from
 * their history, posts from their terms, outlets from opening to closing, documents from publication.
 */
import type { Db } from '../db/connection.ts';
import { invalid } from '../core/errors.ts';
import type { Page, PageQuery } from '../core/model.ts';
import { meetingsOf, participantsOf, sectorsOf as meetingSectors } from '../cooperation/meetings/service.ts';
import { outletLines, outletsOf } from '../cooperation/outlets/service.ts';
import { listProjects } from '../cooperation/projects/service.ts';
import type { Project } from '../cooperation/projects/model.ts';
import { listStatements } from '../cooperation/statements/service.ts';
import { pendingStatuses } from '../cooperation/statements/overdue.ts';
import type { Statement } from '../cooperation/statements/model.ts';
import { citedDocuments } from '../documents/provenance.ts';
import { organizationNames } from '../registry/organizations/service.ts';
import { personNames, postsHeldOn } from '../registry/people/service.ts';
import { agreementsOf, getRelationship } from '../registry/relationships/service.ts';
import { sectorTitles } from '../registry/sectors/service.ts';
import { addDays, daysBetween } from '../core/days.ts';
import { composeTrade } from './trade.ts';
import { SourceList } from './sources.ts';
import { talkingPoints } from './talking-points.ts';
import type {
  AgreementDigest,
  Briefing,
  MeetingDigest,
  NetworkDigest,
  Occasion,
  Participant,
  ProjectDigest,
  StageMove,
  StatementDigest,
  Text,
} from './model.ts';

export interface ComposeQuery {
  relationshipId: string;
  /** By default the day before the meeting passed in, else `today`. */
  asOf?: string;
  meetingId?: string;
  today: string;
}

/** How far ahead a briefing looks for the meeting it prepares, when none is named. */
const occasionWindowDays = 60;

async function everyPage<T>(fetch: (page: PageQuery) => Promise<Page<T>>): Promise<T[]> {
  const items: T[] = [];
  for (let offset = 0; ; offset += 200) {
    const page = await fetch({ limit: 200, offset });
    items.push(...page.items);
    if (items.length >= page.total || page.items.length === 0) return items;
  }
}

const pair = (en: string | null, ru: string | null): Text => ({ en, ru });

type Named = { id: string; nameEn: string | null; nameRu: string | null };

/** Both names of each person or organization asked for, by id. */
async function namesOf(ask: (db: Db, ids: string[]) => Promise<Named[]>, db: Db, ids: string[]) {
  const rows = await ask(db, [...new Set(ids)]);
  return new Map(rows.map((r) => [r.id, pair(r.nameEn, r.nameRu)]));
}

/** Both titles of each sector asked for, by code. */
async function titlesOf(db: Db, codes: string[]): Promise<Map<string, Text>> {
  return new Map((await sectorTitles(db, codes)).map((s) => [s.code, pair(s.titleEn, s.titleRu)]));
}

export async function composeBriefing(db: Db, query: ComposeQuery): Promise<Briefing> {
  const relationship = await getRelationship(db, query.relationshipId);
  const meetings = await meetingsOf(db, relationship.id);
  const given = query.meetingId === undefined ? undefined : meetings.find((m) => m.id === query.meetingId);
  if (query.meetingId !== undefined && !given) {
    throw invalid(
      'meetingId',
      `meeting ${query.meetingId} is not a meeting of the relationship ${relationship.title ?? relationship.id}`,
      'not_found',
    );
  }
  const asOf = query.asOf ?? (given ? addDays(given.heldOn, -1) : query.today);
  const sources = new SourceList();

  const occasionRow = given ?? meetings.find((m) => m.heldOn > asOf && m.heldOn <= addDays(asOf, occasionWindowDays));
  const before = meetings
    .filter((m) => m.heldOn <= asOf && m.id !== occasionRow?.id)
    .sort((a, b) => b.heldOn.localeCompare(a.heldOn) || b.id.localeCompare(a.id));
  const lastMeetingOn = before[0]?.heldOn ?? null;

  const statements = await everyPage((page) => listStatements(db, { relationshipId: relationship.id, asOf }, page));
  const projects = await everyPage((page) => listProjects(db, { relationshipId: relationship.id, asOf }, page));
  const statementDigests = await digestStatements(db, statements, meetings, projects, asOf, sources);

  const occasion: Occasion | null = occasionRow
    ? {
        meetingId: occasionRow.id,
        heldOn: occasionRow.heldOn,
        place: occasionRow.place,
        kind: occasionRow.kind,
        title: pair(occasionRow.titleEn, occasionRow.titleRu),
        planned: occasionRow.heldOn > asOf,
        chosen: given ? 'given' : 'next_meeting',
        sources: sources.cite(await citedDocuments(db, 'meeting', [occasionRow.id], asOf)),
      }
    : null;
  const participantsFrom = occasionRow ?? before[0];
  const participants = participantsFrom ? await participantsOn(db, participantsFrom.id, asOf) : [];

  const previousMeetings: MeetingDigest[] = [];
  for (const m of before.slice(0, 3)) {
    previousMeetings.push({
      meetingId: m.id,
      heldOn: m.heldOn,
      place: m.place,
      kind: m.kind,
      title: pair(m.titleEn, m.titleRu),
      agreed: statementDigests.filter(
        (s) => s.meetingId === m.id && (s.kind === 'proposal' || s.kind === 'commitment'),
      ),
      sources: sources.cite(await citedDocuments(db, 'meeting', [m.id], asOf)),
    });
  }

  const projectDigests = await digestProjects(db, projects, asOf, sources);
  const commitments = statementDigests.filter((s) => s.kind === 'commitment');
  const pending = (s: StatementDigest) => (pendingStatuses as readonly string[]).includes(s.status);
  const briefing: Omit<Briefing, 'talkingPoints'> = {
    relationshipId: relationship.id,
    relationshipTitle: relationship.title,
    home: relationship.home,
    partner: relationship.partner,
    asOf,
    occasion,
    counterparts: participants.filter((p) => p.side === 'partner'),
    ourParticipants: participants.filter((p) => p.side === 'home'),
    previousMeetings,
    agreements: await agreementsInForce(db, relationship.id, asOf, sources),
    sectors: await sectorsOf(
      db,
      before.map((m) => m.id),
      projects,
    ),
    trade: await composeTrade(db, { home: relationship.homeCode, partner: relationship.partnerCode, asOf }, sources),
    projects: projectDigests,
    movedSinceLastMeeting: movesSince(projects, lastMeetingOn),
    lastMeetingOn,
    network: await networkOn(db, relationship.id, asOf, lastMeetingOn, sources),
    commitments: {
      overdue: commitments
        .filter((s) => s.daysOverdue !== null)
        .sort((a, b) => b.daysOverdue! - a.daysOverdue! || a.statementId.localeCompare(b.statementId)),
      open: commitments.filter((s) => pending(s) && s.daysOverdue === null),
      fulfilledSinceLastMeeting: commitments.filter(
        (s) => s.status === 'fulfilled' && (lastMeetingOn === null || (s.statusOn ?? '') > lastMeetingOn),
      ),
    },
    openProposals: statementDigests.filter((s) => s.kind === 'proposal' && pending(s)),
    sources: sources.list,
  };
  return { ...briefing, talkingPoints: talkingPoints(briefing), sources: sources.list };
}

/** The meeting's participants, each with the posts held on `day`. */
async function participantsOn(db: Db, meetingId: string, day: string): Promise<Participant[]> {
  const rows = await participantsOf(db, [meetingId]);
  const ids = rows.map((r) => r.personId);
  const [names, posts] = await Promise.all([namesOf(personNames, db, ids), postsHeldOn(db, ids, day)]);
  return rows.map((r) => ({
    personId: r.personId,
    name: names.get(r.personId) ?? pair(null, null),
    side: r.side === 'partner' ? 'partner' : 'home',
    role: pair(r.roleEn, r.roleRu),
    posts: posts
      .filter((p) => p.personId === r.personId)
      .map((p) => ({
        title: pair(p.titleEn, p.titleRu),
        organization: p.organizationEn || p.organizationRu ? pair(p.organizationEn, p.organizationRu) : null,
        fromOn: p.fromOn,
        toOn: p.toOn,
      })),
  }));
}

type MeetingRow = Awaited<ReturnType<typeof meetingsOf>>[number];

async function digestStatements(
  db: Db,
  statements: Statement[],
  meetings: MeetingRow[],
  projects: Project[],
  asOf: string,
  sources: SourceList,
): Promise<StatementDigest[]> {
  const meetingById = new Map(meetings.map((m) => [m.id, m]));
  const people = await namesOf(
    personNames,
    db,
    statements.flatMap((s) => [s.speakerPersonId, s.ownerPersonId]).filter((id): id is string => id !== null),
  );
  const organizations = await namesOf(
    organizationNames,
    db,
    statements.map((s) => s.ownerOrganizationId).filter((id): id is string => id !== null),
  );
  const projectById = new Map(projects.map((p) => [p.id, p]));
  const cited = await citedDocuments(
    db,
    'statement',
    statements.map((s) => s.id),
    asOf,
  );
  return statements
    .map((s): StatementDigest => {
      const meeting = meetingById.get(s.meetingId)!;
      const project = s.projectId ? projectById.get(s.projectId) : undefined;
      const owner =
        (s.ownerOrganizationId && organizations.get(s.ownerOrganizationId)) ||
        (s.ownerPersonId && people.get(s.ownerPersonId)) ||
        null;
      return {
        statementId: s.id,
        kind: s.kind,
        text: pair(s.textEn, s.textRu),
        madeOn: s.statedOn ?? meeting.heldOn,
        meetingId: s.meetingId,
        meetingTitle: pair(meeting.titleEn, meeting.titleRu),
        side: s.side,
        speaker: s.speakerPersonId ? (people.get(s.speakerPersonId) ?? null) : null,
        owner,
        dueOn: s.dueOn,
        status: s.status,
        statusOn: s.history.at(-1)?.changedOn ?? null,
        daysOverdue: s.overdue && s.dueOn ? daysBetween(s.dueOn, asOf) : null,
        // A project the statement concerns that did not exist yet on the day is not named.
        project: project ? pair(project.titleEn, project.titleRu) : null,
        sectorCode: s.sectorCode,
        sources: sources.cite(cited.filter((c) => c.recordId === s.id)),
      };
    })
    .sort((a, b) => a.madeOn.localeCompare(b.madeOn) || a.statementId.localeCompare(b.statementId));
}

async function digestProjects(db: Db, projects: Project[], asOf: string, sources: SourceList) {
  const organizations = await namesOf(
    organizationNames,
    db,
    projects.flatMap((p) => p.parties.map((party) => party.organizationId)),
  );
  const sectors = await titlesOf(
    db,
    projects.map((p) => p.sectorCode).filter((c): c is string => c !== null),
  );
  const cited = await citedDocuments(
    db,
    'project',
    projects.map((p) => p.id),
    asOf,
  );
  return projects.map((p): ProjectDigest => ({
    projectId: p.id,
    title: pair(p.titleEn, p.titleRu),
    kind: p.kind,
    sectorCode: p.sectorCode,
    sector: p.sectorCode ? (sectors.get(p.sectorCode) ?? null) : null,
    stage: p.stage,
    stageOn: p.stageHistory.at(-1)?.changedOn ?? null,
    startedOn: p.stageHistory[0]?.changedOn ?? null,
    dateUnknown: p.stageHistory.length === 0,
    valueMinor: p.valueMinor,
    currency: p.currency,
    parties: p.parties.map((party) => ({
      name: organizations.get(party.organizationId) ?? pair(null, null),
      role: party.role,
      side: party.side,
    })),
    sources: sources.cite(cited.filter((c) => c.recordId === p.id)),
  }));
}

/** Stage changes after the last meeting (projects begun since included), oldest first. */
function movesSince(projects: Project[], lastMeetingOn: string | null): StageMove[] {
  return projects
    .flatMap((p) =>
      p.stageHistory
        .filter((c) => lastMeetingOn === null || c.changedOn > lastMeetingOn)
        .map((c) => ({
          projectId: p.id,
          title: pair(p.titleEn, p.titleRu),
          fromStage: c.fromStage,
          toStage: c.toStage,
          changedOn: c.changedOn,
        })),
    )
    .sort((a, b) => a.changedOn.localeCompare(b.changedOn) || a.projectId.localeCompare(b.projectId));
}

/**
 * Agreements in force on the day: from their entry into force (or signature) to their end. One with no
 * date at all is shown, marked so, rather than hidden: it was mentioned as in force.
 */
async function agreementsInForce(db: Db, relationshipId: string, asOf: string, sources: SourceList) {
  const rows = await agreementsOf(db, relationshipId);
  const inForce = rows.filter((a) => {
    const start = a.inForceFrom ?? a.signedOn;
    return (start === null || start <= asOf) && (a.inForceTo === null || a.inForceTo >= asOf);
  });
  const cited = await citedDocuments(
    db,
    'agreement',
    inForce.map((a) => a.id),
    asOf,
  );
  return inForce.map((a): AgreementDigest => ({
    agreementId: a.id,
    title: a.title,
    kind: a.kind,
    signedOn: a.signedOn,
    inForceFrom: a.inForceFrom,
    inForceTo: a.inForceTo,
    dateUnknown: (a.inForceFrom ?? a.signedOn) === null,
    sources: sources.cite(cited.filter((c) => c.recordId === a.id)),
  }));
}

/** The sectors the relationship worked in by then: those of its meetings and of its projects. */
async function sectorsOf(db: Db, meetingIds: string[], projects: Project[]) {
  const codes = [
    ...(await meetingSectors(db, meetingIds)).map((s) => s.sectorCode),
    ...projects.map((p) => p.sectorCode).filter((c): c is string => c !== null),
  ];
  const titles = await titlesOf(db, codes);
  return [...new Set(codes)].sort().map((code) => ({ code, title: titles.get(code) ?? pair(code, code) }));
}

/**
 * The network on the day: outlets opened by then or on a day not recorded, and not closed by then. One
 * marked closed without a closing day is left out: when it closed is not known, only that it did.
 */
async function networkOn(
  db: Db,
  relationshipId: string,
  asOf: string,
  lastMeetingOn: string | null,
  sources: SourceList,
): Promise<NetworkDigest | null> {
  const outlets = (await outletsOf(db, relationshipId)).filter(
    (o) =>
      o.status !== 'planned' &&
      (o.openedOn === null || o.openedOn <= asOf) &&
      (o.closedOn === null ? o.status !== 'closed' : o.closedOn > asOf),
  );
  if (outlets.length === 0) return null;
  const kinds = new Map<string, number>();
  for (const o of outlets) kinds.set(o.kind, (kinds.get(o.kind) ?? 0) + 1);
  const lines = await outletLines(
    db,
    outlets.map((o) => o.id),
  );
  const cited = await citedDocuments(
    db,
    'outlet',
    outlets.map((o) => o.id),
    asOf,
  );
  return {
    outlets: outlets.length,
    byKind: [...kinds].map(([kind, count]) => ({ kind, count })).sort((a, b) => b.count - a.count),
    openedSinceLastMeeting: outlets.filter(
      (o) => o.openedOn !== null && lastMeetingOn !== null && o.openedOn > lastMeetingOn,
    ).length,
    openedOnUnknownDay: outlets.filter((o) => o.openedOn === null).length,
    productGroups: [
      ...new Set(lines.filter((l) => l.sinceOn === null || l.sinceOn <= asOf).map((l) => l.productGroup)),
    ],
    sources: sources.cite(cited),
  };
}
