import type { Db } from '../db/connection.ts';
import type { Briefing } from './model.ts';

export interface ComposeQuery {
  relationshipId: string;
  /** By default the day before the meeting passed in, else `today`. */
  asOf?: string;
  meetingId?: string;
  today: string;
}

export async function composeBriefing(_db: Db, _query: ComposeQuery): Promise<Briefing> {
  throw new Error('composeBriefing: under construction in this session');
}
