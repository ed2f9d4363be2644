import type { Db } from '../../db/connection.ts';

/**
 * Reads for the timeline of one relationship: a few narrow queries, each over one kind of record and
 * bounded by the relationship, so the whole history costs six round trips however long it is.
 */

export function meetingsOf(db: Db, relationshipId: string) {
  return db
    .selectFrom('meetings')
    .select(['id', 'heldOn', 'titleEn', 'titleRu', 'kind', 'place'])
    .where('relationshipId', '=', relationshipId)
    .execute();
}

export function statementsOf(db: Db, relationshipId: string) {
  return db
    .selectFrom('statements')
    .innerJoin('meetings', 'meetings.id', 'statements.meetingId')
    .select([
      'statements.id',
      'statements.kind',
      'statements.textEn',
      'statements.textRu',
      'statements.status',
      'statements.dueOn',
      'meetings.id as meetingId',
      'meetings.titleEn as meetingTitleEn',
      'meetings.titleRu as meetingTitleRu',
      'meetings.heldOn',
    ])
    .where('meetings.relationshipId', '=', relationshipId)
    .execute();
}

/** Changes of a statement's status after it was recorded (fulfilled, dropped, reopened…). */
export function statusChangesOf(db: Db, relationshipId: string) {
  return db
    .selectFrom('statementStatusChanges')
    .innerJoin('statements', 'statements.id', 'statementStatusChanges.statementId')
    .innerJoin('meetings', 'meetings.id', 'statements.meetingId')
    .select([
      'statements.id',
      'statements.kind',
      'statements.textEn',
      'statements.textRu',
      'meetings.id as meetingId',
      'meetings.titleEn as meetingTitleEn',
      'meetings.titleRu as meetingTitleRu',
      'statementStatusChanges.fromStatus',
      'statementStatusChanges.toStatus',
      'statementStatusChanges.changedOn',
      'statementStatusChanges.recordedAt',
    ])
    .where('meetings.relationshipId', '=', relationshipId)
    .where('statementStatusChanges.fromStatus', 'is not', null)
    .execute();
}

export function stageChangesOf(db: Db, relationshipId: string) {
  return db
    .selectFrom('projectStageChanges')
    .innerJoin('projects', 'projects.id', 'projectStageChanges.projectId')
    .select([
      'projects.id as projectId',
      'projects.titleEn',
      'projects.titleRu',
      'projectStageChanges.fromStage',
      'projectStageChanges.toStage',
      'projectStageChanges.changedOn',
      'projectStageChanges.recordedAt',
    ])
    .where('projects.relationshipId', '=', relationshipId)
    .execute();
}

export function milestonesOf(db: Db, relationshipId: string) {
  return db
    .selectFrom('projectMilestones')
    .innerJoin('projects', 'projects.id', 'projectMilestones.projectId')
    .select([
      'projects.id as projectId',
      'projects.titleEn as projectTitleEn',
      'projects.titleRu as projectTitleRu',
      'projectMilestones.title',
      'projectMilestones.dueOn',
      'projectMilestones.doneOn',
    ])
    .where('projects.relationshipId', '=', relationshipId)
    .execute();
}

/** Documents an agreement of the relationship was published in, or that any of its records cite as a source. */
export function documentsOf(db: Db, relationshipId: string) {
  return db
    .selectFrom('documents')
    .select(['documents.id', 'documents.titleEn', 'documents.titleRu', 'documents.kind', 'documents.publishedOn'])
    .where((eb) =>
      eb.or([
        eb(
          'documents.id',
          'in',
          eb
            .selectFrom('agreements')
            .select('agreements.documentId')
            .where('agreements.relationshipId', '=', relationshipId)
            .where('agreements.documentId', 'is not', null)
            .$narrowType<{ documentId: string }>(),
        ),
        eb(
          'documents.id',
          'in',
          eb
            .selectFrom('provenanceLinks')
            .select('provenanceLinks.documentId')
            .where('provenanceLinks.documentId', 'is not', null)
            .where((link) =>
              link.or([
                link.and([
                  link('provenanceLinks.recordType', '=', 'relationship'),
                  link('provenanceLinks.recordId', '=', relationshipId),
                ]),
                ...(['meeting', 'project', 'outlet', 'agreement'] as const).map((type) =>
                  link.and([
                    link('provenanceLinks.recordType', '=', type),
                    link(
                      'provenanceLinks.recordId',
                      'in',
                      link.selectFrom(tableOf[type]).select('id').where('relationshipId', '=', relationshipId),
                    ),
                  ]),
                ),
                link.and([
                  link('provenanceLinks.recordType', '=', 'statement'),
                  link(
                    'provenanceLinks.recordId',
                    'in',
                    link
                      .selectFrom('statements')
                      .innerJoin('meetings', 'meetings.id', 'statements.meetingId')
                      .select('statements.id')
                      .where('meetings.relationshipId', '=', relationshipId),
                  ),
                ]),
              ]),
            )
            .$narrowType<{ documentId: string }>(),
        ),
      ]),
    )
    .execute();
}

const tableOf = {
  meeting: 'meetings',
  project: 'projects',
  outlet: 'outlets',
  agreement: 'agreements',
} as const;
