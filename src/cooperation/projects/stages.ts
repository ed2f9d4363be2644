/**
 * The life of a cooperation project as a state machine: the stages in the order a board shows them,
 * and where each may go next. Kept as plain data so the web board can draw it from GET /api/projects/stages.
 */
export const projectStages = [
  'idea',
  'proposed',
  'negotiating',
  'agreed',
  'in_execution',
  'completed',
  'stalled',
  'cancelled',
] as const;
export type ProjectStage = (typeof projectStages)[number];

/** The stage a project starts in when nothing else is said. */
export const initialStage: ProjectStage = 'idea';

/**
 * A project may skip negotiation when terms are simply accepted, may stall at any live stage and pick up
 * again where it makes sense, and may be cancelled until it is completed. Completed and cancelled are final.
 */
export const nextStages: Readonly<Record<ProjectStage, readonly ProjectStage[]>> = {
  idea: ['proposed', 'cancelled'],
  proposed: ['negotiating', 'agreed', 'stalled', 'cancelled'],
  negotiating: ['agreed', 'stalled', 'cancelled'],
  agreed: ['in_execution', 'stalled', 'cancelled'],
  in_execution: ['completed', 'stalled', 'cancelled'],
  stalled: ['proposed', 'negotiating', 'agreed', 'in_execution', 'cancelled'],
  completed: [],
  cancelled: [],
};

/** Stages of a project still under way: every stage but the final ones. */
export const activeStages: readonly ProjectStage[] = projectStages.filter((stage) => nextStages[stage].length > 0);

export function isFinalStage(stage: ProjectStage): boolean {
  return nextStages[stage].length === 0;
}

export type StageMove = { allowed: true } | { allowed: false; reason: string; allowedNext: readonly ProjectStage[] };

/**
 * Whether a project in `from` may move to `to`, and if not, why: a phrase to follow the project's name,
 * such as "cannot go from idea to completed; from idea it can go to proposed, cancelled".
 */
export function checkStageMove(from: ProjectStage, to: ProjectStage): StageMove {
  const allowedNext = nextStages[from];
  if (allowedNext.includes(to)) return { allowed: true };
  if (allowedNext.length === 0) {
    return { allowed: false, reason: `is ${from}, a final stage, and cannot move any more`, allowedNext };
  }
  const why = from === to ? `is already ${from}` : `cannot go from ${from} to ${to}`;
  return { allowed: false, reason: `${why}; from ${from} it can go to ${allowedNext.join(', ')}`, allowedNext };
}
