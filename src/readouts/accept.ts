/**
 * Writing a reviewed draft: every accepted item becomes a record (or is tied to the record it matched), all
 * in one transaction, each record linked to the readout's document at the span it was read from.
 */
import type { Db } from '../db/connection.ts';
import { AccordError, type Problem } from '../core/errors.ts';
import { placeByScript } from '../core/languages.ts';
import { createMeeting, getMeeting, updateMeeting } from '../cooperation/meetings/service.ts';
import { createStatement } from '../cooperation/statements/service.ts';
import { createProject, getProject } from '../cooperation/projects/service.ts';
import { createPerson, createPosition, getPerson } from '../registry/people/service.ts';
import { createOrganization, getOrganization } from '../registry/organizations/service.ts';
import { createRelationship, getRelationship, listRelationships } from '../registry/relationships/service.ts';
import { linkProvenance } from '../documents/provenance.ts';
import { recordOfficialFigure } from '../trade/figures/service.ts';
import type { ProvenanceRecordType } from '../documents/model.ts';
import type { ItemMatch, ItemValue, ReadoutItem } from './model.ts';
import { spanLocator } from './spans.ts';
import * as store from './store.ts';

type Item<K extends ReadoutItem['kind']> = Extract<ReadoutItem, { kind: K }>;

export interface AcceptContext {
  readoutId: string;
  documentId: string;
  relationshipId: string | null;
  /** The meeting an earlier readout of the same talks already wrote. */
  meetingId: string | null;
  text: string;
  items: ReadoutItem[];
}

/** The version a matched record has now, or null when it is gone. */
async function currentVersion(db: Db, match: ItemMatch): Promise<number | null> {
  const read: Record<ItemMatch['recordType'], (id: string) => Promise<{ version: number }>> = {
    meeting: (id) => getMeeting(db, id),
    person: (id) => getPerson(db, id),
    organization: (id) => getOrganization(db, id),
    project: (id) => getProject(db, id),
    official_figure: () => Promise.reject(new Error('figures are never matched')),
  };
  try {
    return (await read[match.recordType](match.recordId)).version;
  } catch (error) {
    if (error instanceof AccordError && error.code === 'NOT_FOUND') return null;
    throw error;
  }
}

/** Refuses the whole acceptance when a record an item was matched to changed since the draft was made. */
export async function requireMatchesUnchanged(db: Db, items: ReadoutItem[]): Promise<void> {
  const changed: Array<{ itemId: string; recordType: string; recordId: string; label: string; now: string }> = [];
  for (const item of items) {
    if (!item.match) continue;
    const version = await currentVersion(db, item.match);
    if (version === item.match.version) continue;
    changed.push({
      itemId: item.id,
      recordType: item.match.recordType,
      recordId: item.match.recordId,
      label: item.match.label,
      now: version === null ? 'deleted' : `version ${version}, drafted against ${item.match.version}`,
    });
  }
  if (changed.length === 0) return;
  throw new AccordError(
    'CONFLICT',
    `${changed.length} record(s) the draft was matched to changed since it was made: ` +
      changed.map((c) => `${c.recordType} ${c.label} (${c.now})`).join('; '),
    {
      details: { changed },
      problems: changed.map((c) => ({
        path: `items.${c.itemId}.match`,
        message: `${c.recordType} ${c.label} changed since the draft was made (${c.now})`,
        code: 'match_changed',
        params: { recordType: c.recordType, recordId: c.recordId },
      })),
    },
  );
}

/**
 * The relationship of the two sides the draft found, made when the workspace has none yet: a readout of talks
 * with a new partner region starts its relationship.
 */
async function relationshipOfSides(db: Db, items: ReadoutItem[]): Promise<string | null> {
  const side = (which: 'home' | 'partner') =>
    items.find(
      (i): i is Item<'territory'> => i.kind === 'territory' && i.status !== 'rejected' && i.value.side === which,
    )?.value.code;
  const [homeCode, partnerCode] = [side('home'), side('partner')];
  if (!homeCode || !partnerCode) return null;
  const known = await listRelationships(db, { home: homeCode, partner: partnerCode }, { limit: 1, offset: 0 });
  if (known.items[0]) return known.items[0].id;
  return (await createRelationship(db, { homeCode, partnerCode })).id;
}

function refuse(problems: Problem[]): never {
  throw new AccordError('VALIDATION_FAILED', `${problems[0]!.path}: ${problems[0]!.message}`, { problems });
}

/**
 * Writes the items given (already chosen: accepted, or also the proposed ones), returning the record each
 * became, by item id. Runs inside the caller's transaction.
 */
export async function writeAccepted(
  trx: Db,
  context: AcceptContext,
  chosen: ReadoutItem[],
): Promise<{ written: Map<string, string>; meetingId: string | null; relationshipId: string | null }> {
  const written = new Map<string, string>();
  const of = <K extends ReadoutItem['kind']>(kind: K) => chosen.filter((i): i is Item<K> => i.kind === kind);
  const meetingItem = of('meeting')[0];
  const relationshipId =
    meetingItem?.value.relationshipId ?? context.relationshipId ?? (await relationshipOfSides(trx, context.items));
  const needsMeeting = chosen.some(
    (i) => i.kind !== 'territory' && i.kind !== 'commodity' && i.kind !== 'trade_figure',
  );
  if (needsMeeting && !relationshipId && !meetingItem?.match && !context.meetingId) {
    refuse([
      {
        path: 'relationshipId',
        message: 'say which relationship the readout is about: Accord could not tell from its text',
        code: 'relationship_needed',
      },
    ]);
  }
  const relationship = relationshipId ? await getRelationship(trx, relationshipId) : null;
  const sideTerritory = (side: string | null) =>
    side === 'home' ? relationship?.homeCode : side === 'partner' ? relationship?.partnerCode : undefined;

  const link = (recordType: ProvenanceRecordType, recordId: string, item: ReadoutItem) =>
    linkProvenance(trx, {
      recordType,
      recordId,
      documentId: context.documentId,
      locator: spanLocator(item.span),
      note: context.text.slice(item.sentence.start, item.sentence.end).slice(0, 2000),
    });

  // People and organizations first: the meeting and the statements refer to them.
  for (const item of of('participant')) {
    let personId = item.match?.recordId;
    if (!personId) {
      const name = placeByScript(item.value.name);
      const person = await createPerson(trx, { nameEn: name.en, nameRu: name.ru });
      personId = person.id;
      if (item.value.role) {
        const title = placeByScript(item.value.role);
        await createPosition(trx, {
          personId,
          titleEn: title.en,
          titleRu: title.ru,
          territoryCode: item.value.territoryCode ?? sideTerritory(item.value.side) ?? null,
        });
      }
    }
    written.set(item.id, personId);
    await link('person', personId, item);
  }
  for (const item of of('organization')) {
    let organizationId = item.match?.recordId;
    if (!organizationId) {
      const territoryCode = item.value.territoryCode ?? sideTerritory(item.value.side) ?? relationship?.homeCode;
      if (!territoryCode) {
        refuse([
          {
            path: `items.${item.id}.value.territoryCode`,
            message: `say where ${item.value.name} is: Accord could not tell from the text`,
            code: 'required',
          },
        ]);
      }
      const name = placeByScript(item.value.name);
      const created = await createOrganization(trx, {
        kind: item.value.kind,
        nameEn: name.en,
        nameRu: name.ru,
        territoryCode,
      });
      organizationId = created.id;
    }
    written.set(item.id, organizationId);
    await link('organization', organizationId, item);
  }

  const sideOf = (value: { side: string | null; territoryCode?: string | null }) => {
    if (value.side === 'home' || value.side === 'partner' || value.side === 'third') return value.side;
    if (value.territoryCode && value.territoryCode === relationship?.homeCode) return 'home';
    if (value.territoryCode && value.territoryCode === relationship?.partnerCode) return 'partner';
    return 'third';
  };

  let meetingId = meetingItem?.match?.recordId ?? context.meetingId ?? null;
  if (needsMeeting) {
    const participants = of('participant').map((p) => {
      const role = placeByScript(p.value.role);
      return { personId: written.get(p.id)!, side: sideOf(p.value), roleEn: role.en, roleRu: role.ru };
    });
    const delegation = of('organization').map((o) => ({ organizationId: written.get(o.id)!, side: sideOf(o.value) }));
    const sectorCodes = [...new Set(of('sector').map((s) => s.value.code))];
    if (meetingId) {
      // A second readout of the same talks adds whom and what the first did not name.
      const meeting = await getMeeting(trx, meetingId);
      const known = new Set(meeting.participants.map((p) => p.personId));
      const knownDelegates = new Set(meeting.delegation.map((d) => d.organizationId));
      await updateMeeting(trx, meetingId, {
        version: meeting.version,
        participants: [...meeting.participants, ...participants.filter((p) => !known.has(p.personId))],
        delegation: [...meeting.delegation, ...delegation.filter((d) => !knownDelegates.has(d.organizationId))],
        sectorCodes: [...new Set([...meeting.sectorCodes, ...sectorCodes])],
      });
    } else {
      if (!meetingItem?.value.heldOn) {
        refuse([
          {
            path: meetingItem ? `items.${meetingItem.id}.value.heldOn` : 'items.meeting',
            message: 'say on which day the meeting was held: the draft has no date for it',
            code: 'meeting_date_needed',
          },
        ]);
      }
      const title = placeByScript(meetingItem.value.title);
      const meeting = await createMeeting(trx, {
        relationshipId,
        heldOn: meetingItem.value.heldOn,
        place: meetingItem.value.place,
        kind: meetingItem.value.kind,
        titleEn: title.en,
        titleRu: title.ru ?? (title.en ? null : 'Встреча'),
        participants,
        delegation,
        sectorCodes,
      });
      meetingId = meeting.id;
    }
    if (meetingItem) {
      written.set(meetingItem.id, meetingId);
      await link('meeting', meetingId, meetingItem);
    }
  }

  for (const item of of('project')) {
    let projectId = item.match?.recordId;
    if (!projectId) {
      const title = placeByScript(item.value.title);
      const project = await createProject(trx, {
        relationshipId: relationshipId!,
        titleEn: title.en,
        titleRu: title.ru,
        kind: item.value.kind,
        sectorCode: item.value.sectorCode,
        stage: 'proposed',
        stageOn: meetingItem?.value.heldOn ?? undefined,
        parties: item.value.partyItemIds
          .filter((id) => written.has(id))
          .map((id) => {
            const party = of('organization').find((o) => o.id === id)!;
            return { organizationId: written.get(id)!, role: 'partner' as const, side: sideOf(party.value) };
          }),
      });
      projectId = project.id;
    }
    written.set(item.id, projectId);
    await link('project', projectId, item);
  }

  for (const item of of('statement')) {
    const v: ItemValue<'statement'> = item.value;
    const text = placeByScript(v.text);
    const speaker = v.speakerItemId ? (written.get(v.speakerItemId) ?? null) : null;
    const owners = v.organizationItemIds.map((id) => written.get(id)).filter((id): id is string => Boolean(id));
    const statement = await createStatement(trx, {
      meetingId,
      kind: v.kind,
      speakerPersonId: speaker,
      side: v.side,
      sectorCode: v.sectorCode,
      textEn: text.en,
      textRu: text.ru,
      projectId: v.projectItemId ? (written.get(v.projectItemId) ?? null) : null,
      ownerPersonId: v.kind === 'commitment' ? speaker : null,
      ownerOrganizationId: v.kind === 'commitment' ? (owners[0] ?? null) : null,
      dueFrom: v.dueFrom,
      dueOn: v.dueTo,
    });
    written.set(item.id, statement.id);
    await link('statement', statement.id, item);
  }

  for (const item of of('trade_figure')) {
    const v = item.value;
    const figure = await recordOfficialFigure(trx, {
      reporter: v.reporter,
      partner: v.partner,
      metric: v.measure,
      periodFrom: v.periodFrom,
      periodTo: v.periodTo,
      value: v.amount,
      currency: v.currency,
      growthPercent: v.growthPercent ?? percentOfMultiple(v.growthMultiple),
      documentId: context.documentId,
      locator: spanLocator(item.span),
      notes: [v.qualifier, v.growthMultiple ? `${v.growthMultiple} times` : null].filter(Boolean).join('; ') || null,
    });
    written.set(item.id, figure.id);
  }

  for (const item of chosen) {
    await store.updateItem(trx, item.id, { status: 'accepted', recordId: written.get(item.id) ?? null });
  }
  return { written, meetingId, relationshipId };
}

/** "1.4 times" as growth in percent, exactly: 1.4 → 40. */
export function percentOfMultiple(multiple: string | null): string | null {
  if (!multiple) return null;
  const [whole, fraction = ''] = multiple.split('.');
  const unit = 10n ** BigInt(fraction.length);
  const hundred = (BigInt(`${whole}${fraction}`) - unit) * 100n;
  const size = hundred < 0n ? -hundred : hundred;
  const rest = (size % unit).toString().padStart(fraction.length, '0').replace(/0+$/, '');
  return `${hundred < 0n ? '-' : ''}${size / unit}${rest ? `.${rest}` : ''}`;
}
