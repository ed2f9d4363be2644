import { z } from 'zod';
import {
  currencyCode,
  isoDate,
  longText,
  recordId,
  recordMeta,
  shortText,
  side,
  territoryCode,
  valueList,
  version,
} from '../../core/model.ts';
import { pairCheck, pairOf, requirePair } from '../../core/languages.ts';
import { sectorCode } from '../meetings/model.ts';
import { initialStage, projectStages } from './stages.ts';

export const projectKind = z.enum([
  'supply',
  'joint_production',
  'construction_contract',
  'investment',
  'technology',
  'education',
  'trade_promotion',
  'other',
]);
export type ProjectKind = z.infer<typeof projectKind>;

export const projectStage = z.enum(projectStages);

export const partyRole = z.enum([
  'supplier',
  'customer',
  'contractor',
  'investor',
  'partner',
  'operator',
  'financier',
  'coordinator',
]);

export const party = z.object({ organizationId: recordId, role: partyRole, side });
export type Party = z.infer<typeof party>;

export const milestone = z.object({
  title: shortText(500),
  dueOn: isoDate.nullable().default(null),
  doneOn: isoDate.nullable().default(null),
  note: longText(2_000).nullable().default(null),
});
export type Milestone = z.output<typeof milestone>;

// One organization may hold several roles (supplier and investor), but each role once.
const parties = z
  .array(party)
  .max(100)
  .superRefine((items, ctx) => {
    const seen = new Set<string>();
    items.forEach((p, index) => {
      const key = `${p.organizationId} as ${p.role}`;
      if (seen.has(key)) {
        ctx.addIssue({
          code: 'custom',
          path: [index, 'organizationId'],
          message: `organization ${p.organizationId} is listed twice as ${p.role}`,
        });
      }
      seen.add(key);
    });
  });
const milestones = z.array(milestone).max(200);

/** Money in minor units (kopecks, cents): integers only, so sums never drift. */
const valueMinor = z.number().int().nonnegative();

/** Titles are kept in the languages users write them in; at least one of the two is needed. */
export const projectTitle = pairOf('title');
const title = shortText(500);

export const projectInput = z
  .object({
    relationshipId: recordId,
    titleEn: title.nullable().default(null),
    titleRu: title.nullable().default(null),
    kind: projectKind,
    sectorCode: sectorCode.nullable().default(null),
    description: longText(20_000).nullable().default(null),
    valueMinor: valueMinor.nullable().default(null),
    currency: currencyCode.nullable().default(null),
    /** Where the project stands when it is recorded, e.g. in_execution for one already running. */
    stage: projectStage.default(initialStage),
    /** The day it reached that stage; today when not given. */
    stageOn: isoDate.optional(),
    parties: parties.default([]),
    milestones: milestones.default([]),
  })
  .superRefine(requirePair(projectTitle, 'the title'), pairCheck(projectTitle));
export type ProjectInput = z.input<typeof projectInput>;

// Written out rather than derived from projectInput: defaults inside optional fields would erase the
// fields an editor left out. `stage` is refused so that every change of it lands in the history.
export const projectUpdate = z.object({
  relationshipId: recordId.optional(),
  titleEn: title.nullable().optional(),
  titleRu: title.nullable().optional(),
  kind: projectKind.optional(),
  sectorCode: sectorCode.nullable().optional(),
  description: longText(20_000).nullable().optional(),
  valueMinor: valueMinor.nullable().optional(),
  currency: currencyCode.nullable().optional(),
  stage: z.never({ error: 'the stage changes only through the stage operation, which records its history' }).optional(),
  parties: parties.optional(),
  milestones: milestones.optional(),
  version,
});

export const stageMoveInput = z.object({
  stage: projectStage,
  version,
  /** The day it happened; today when not given. */
  on: isoDate.optional(),
  note: longText(2_000).nullable().optional(),
});

export const stageChange = z.object({
  fromStage: projectStage.nullable(),
  toStage: projectStage,
  changedOn: z.string(),
  note: z.string().nullable(),
});
export type StageChange = z.infer<typeof stageChange>;

export const project = z
  .object({
    id: z.string(),
    relationshipId: z.string(),
    titleEn: z.string().nullable(),
    titleRu: z.string().nullable(),
    kind: projectKind,
    sectorCode: z.string().nullable(),
    description: z.string().nullable(),
    valueMinor: z.number().int().nullable(),
    currency: z.string().nullable(),
    stage: projectStage,
    parties: z.array(z.object({ organizationId: z.string(), role: partyRole, side })),
    milestones: z.array(
      z.object({
        title: z.string(),
        dueOn: z.string().nullable(),
        doneOn: z.string().nullable(),
        note: z.string().nullable(),
      }),
    ),
    stageHistory: z.array(stageChange),
    ...recordMeta,
  })
  .meta({ id: 'Project' });
export type Project = z.infer<typeof project>;

const stageList = valueList(projectStages);

export const projectFilter = z.object({
  relationshipId: recordId.optional(),
  /** The partner territory, through the project's relationship. */
  partner: territoryCode.optional(),
  stage: stageList.optional(),
  kind: projectKind.optional(),
  /** An ISIC section (C) also finds projects filed under its divisions (29). */
  sector: sectorCode.optional(),
  /** Projects this organization is a party to. */
  organizationId: recordId.optional(),
  /** Title (in either language) or description, or the name or alias of a party, contains. */
  q: z.string().max(200).optional(),
  /** As known on this day: projects that existed then, each in the stage it was in then. */
  asOf: isoDate.optional(),
});
export type ProjectFilter = z.infer<typeof projectFilter>;

/** The stage machine as data, for boards that draw columns and offer only the moves allowed. */
export const stageMachine = z
  .object({
    initial: projectStage,
    stages: z.array(z.object({ stage: projectStage, next: z.array(projectStage), final: z.boolean() })),
  })
  .meta({ id: 'ProjectStageMachine' });
export type StageMachine = z.infer<typeof stageMachine>;
