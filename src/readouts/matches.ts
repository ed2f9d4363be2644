import type { Db } from '../db/connection.ts';
import { AccordError } from '../core/errors.ts';
import { getMeeting } from '../cooperation/meetings/service.ts';
import { getProject } from '../cooperation/projects/service.ts';
import { getPerson } from '../registry/people/service.ts';
import { getOrganization } from '../registry/organizations/service.ts';
import type { ItemMatch, ReadoutItem } from './model.ts';

/** The match a reviewer chose for an item: an existing record of the item's kind, as it stands now. */
export async function matchFor(db: Db, item: ReadoutItem, recordId: string): Promise<ItemMatch> {
  try {
    switch (item.kind) {
      case 'participant': {
        const person = await getPerson(db, recordId);
        return {
          recordType: 'person',
          recordId,
          version: person.version,
          label: person.nameEn ?? person.nameRu ?? recordId,
        };
      }
      case 'organization': {
        const org = await getOrganization(db, recordId);
        return {
          recordType: 'organization',
          recordId,
          version: org.version,
          label: org.nameEn ?? org.nameRu ?? recordId,
        };
      }
      case 'project': {
        const project = await getProject(db, recordId);
        return {
          recordType: 'project',
          recordId,
          version: project.version,
          label: project.titleEn ?? project.titleRu ?? recordId,
        };
      }
      case 'meeting': {
        const meeting = await getMeeting(db, recordId);
        return {
          recordType: 'meeting',
          recordId,
          version: meeting.version,
          label: `${meeting.heldOn} ${meeting.titleEn ?? meeting.titleRu ?? ''}`.trim(),
        };
      }
      default:
        throw new AccordError('VALIDATION_FAILED', `match: a ${item.kind} item is never matched to a record`, {
          problems: [
            { path: 'match', message: `a ${item.kind} item is written as it is, not matched`, code: 'not_matched' },
          ],
        });
    }
  } catch (error) {
    if (error instanceof AccordError && error.code === 'NOT_FOUND') {
      throw new AccordError('VALIDATION_FAILED', `match.recordId: ${recordId} does not exist`, {
        problems: [
          {
            path: 'match.recordId',
            message: `no such record: ${recordId}`,
            code: 'not_found',
            params: { id: recordId },
          },
        ],
      });
    }
    throw error;
  }
}
