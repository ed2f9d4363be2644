/**
 * A briefing as data: what Accord knew about a relationship by the end of `asOf`, gathered by
 * `composeBriefing` and read by the layout (words, in one language) and every renderer. Texts that records
 * keep in two languages stay in both here; the layout picks one.
 */
import type { DatasetRef, Totals } from '../trade/analytics/service.ts';

export const briefingLanguages = ['en', 'ru'] as const;
export type BriefingLanguage = (typeof briefingLanguages)[number];
export const briefingFormats = ['docx', 'pdf', 'html', 'md'] as const;
export type BriefingFormat = (typeof briefingFormats)[number];

/** A text a record keeps in English and in Russian; either may be missing. */
export interface Text {
  en: string | null;
  ru: string | null;
}

export interface Territory {
  code: string;
  nameEn: string;
  nameRu: string;
}

/** A footnote: where a figure or fact comes from. `ref` is its number in the briefing, from 1. */
export type Source =
  | { ref: number; kind: 'dataset'; dataset: DatasetRef; rule: PublicationRule }
  | {
      ref: number;
      kind: 'document';
      documentId: string;
      title: Text;
      publishedOn: string | null;
      publisher: string | null;
      sourceUrl: string | null;
      /** Where in the document, as the provenance link says ("paragraph 10"). */
      locator: string | null;
    };

/** When a dataset's month becomes known: `lagDays` after the month ends (the dataset's own or its kind's). */
export interface PublicationRule {
  lagDays: number;
  /** True when the dataset overrides its kind's lag. */
  overridden: boolean;
}

export interface Post {
  title: Text;
  organization: Text | null;
  fromOn: string | null;
  toOn: string | null;
}

/** A person taking part, with the posts held on the briefing's day. */
export interface Participant {
  personId: string;
  name: Text;
  side: 'home' | 'partner';
  role: Text;
  posts: Post[];
}

export interface Occasion {
  meetingId: string;
  heldOn: string;
  place: string | null;
  kind: string;
  title: Text;
  /** Later than `asOf`: only its date, place, kind and planned participants are known. */
  planned: boolean;
  /** How the occasion was found: passed in, or the relationship's next meeting within 60 days. */
  chosen: 'given' | 'next_meeting';
  sources: number[];
}

export interface StatementDigest {
  statementId: string;
  kind: string;
  text: Text;
  /** The statement's own date, else its meeting's. */
  madeOn: string;
  meetingId: string;
  meetingTitle: Text;
  side: string | null;
  speaker: Text | null;
  owner: Text | null;
  dueOn: string | null;
  /** Status on `asOf`, and since when. */
  status: string;
  statusOn: string | null;
  /** Days past the due date on `asOf`; null unless overdue. */
  daysOverdue: number | null;
  project: Text | null;
  sectorCode: string | null;
  sources: number[];
}

export interface MeetingDigest {
  meetingId: string;
  heldOn: string;
  place: string | null;
  kind: string;
  title: Text;
  /** Proposals and commitments made at it, as known on `asOf`. */
  agreed: StatementDigest[];
  sources: number[];
}

export interface AgreementDigest {
  agreementId: string;
  title: string;
  kind: string;
  signedOn: string | null;
  inForceFrom: string | null;
  inForceTo: string | null;
  /** No signing or in-force date recorded: shown, and marked so. */
  dateUnknown: boolean;
  sources: number[];
}

export interface SectorDigest {
  code: string;
  title: Text;
}

export interface MonthRange {
  /** YYYYMM */
  from: number;
  to: number;
}

export interface YearTrade {
  year: number;
  /** The months summed: the whole year, or January to the last known month for the current year. */
  period: MonthRange;
  partial: boolean;
  totals: Totals;
}

export interface StructureItem {
  code: string;
  label: string;
  title: Text;
  currentCents: number;
  previousCents: number;
  sharePercent: number | null;
  growthPercent: number | null;
  contributionPp: number | null;
}

export interface StructureDigest {
  direction: 'exports' | 'imports';
  totalCents: number;
  previousTotalCents: number;
  growthPercent: number | null;
  items: StructureItem[];
  /** What the headings beyond the top add up to. */
  other: StructureItem | null;
}

export interface OfficialFigureDigest {
  figureId: string;
  metric: 'turnover' | 'exports' | 'imports' | 'balance';
  period: MonthRange;
  valueCents: number;
  currency: string;
  growthPercent: number | null;
  /** Accord's figure for the same pair, metric and months, where the data hold them (USD only). */
  computedCents: number | null;
  computedGrowthPercent: number | null;
  sources: number[];
}

export interface TrendDigest {
  code: 'decline' | 'recovery' | 'growth' | 'balance_turned';
  /** Consecutive years of the trend, and for a recovery the falling years before it. */
  years: number;
  fallingYearsBefore: number;
  lastChangePercent: number;
}

export type TradeSection =
  | {
      status: 'known';
      dataset: DatasetRef;
      /** The latest month known on `asOf` under the dataset's publication rule. */
      latestKnownMonth: number;
      period: MonthRange;
      previousPeriod: MonthRange;
      current: Totals;
      previous: Totals;
      change: Totals;
      growthPercent: { exports: number | null; imports: number | null; turnover: number | null };
      sharePercent: number | null;
      rank: number | null;
      partners: number;
      annual: YearTrade[];
      exports: StructureDigest;
      imports: StructureDigest;
      trend: TrendDigest[];
      officialFigures: OfficialFigureDigest[];
      sources: number[];
    }
  /** no_data: no dataset holds the pair; not_yet_known: data exist, none published by `asOf`. */
  | { status: 'no_data' | 'not_yet_known'; officialFigures: OfficialFigureDigest[] };

export interface PartyDigest {
  name: Text;
  role: string;
  side: string;
}

export interface ProjectDigest {
  projectId: string;
  title: Text;
  kind: string;
  sectorCode: string | null;
  sector: Text | null;
  /** Stage on `asOf`, and the day it was entered. */
  stage: string;
  stageOn: string | null;
  startedOn: string | null;
  /** No start or stage date recorded: the project is shown, marked so. */
  dateUnknown: boolean;
  valueMinor: number | null;
  currency: string | null;
  parties: PartyDigest[];
  sources: number[];
}

export interface StageMove {
  projectId: string;
  title: Text;
  fromStage: string | null;
  toStage: string;
  changedOn: string;
}

export interface NetworkDigest {
  /** Outlets open on `asOf` (opened by then or on an unknown day, and not closed). */
  outlets: number;
  byKind: Array<{ kind: string; count: number }>;
  openedSinceLastMeeting: number;
  openedOnUnknownDay: number;
  productGroups: string[];
  sources: number[];
}

/** A fact a talking point rests on, with where it comes from. */
export interface Fact {
  kind: 'trade' | 'structure' | 'commitment' | 'statement' | 'project' | 'meeting';
  /** The record's id, or for trade facts a key such as `turnover` or `exports:4011`. */
  id: string;
  label: Text;
  sources: number[];
}

export interface TalkingPoint {
  /** The rule that produced it (see talking-points.ts). */
  rule: string;
  text: Text;
  facts: Fact[];
}

export interface Briefing {
  relationshipId: string;
  relationshipTitle: string | null;
  home: Territory;
  partner: Territory;
  asOf: string;
  occasion: Occasion | null;
  /** With posts held on `asOf`: the occasion's participants, else those of the last meeting before. */
  counterparts: Participant[];
  ourParticipants: Participant[];
  /** The last three meetings before the occasion (and not after `asOf`), newest first. */
  previousMeetings: MeetingDigest[];
  agreements: AgreementDigest[];
  sectors: SectorDigest[];
  trade: TradeSection;
  projects: ProjectDigest[];
  movedSinceLastMeeting: StageMove[];
  /** The day of the last meeting before, from which "since the last meeting" counts; null when none. */
  lastMeetingOn: string | null;
  network: NetworkDigest | null;
  commitments: {
    open: StatementDigest[];
    overdue: StatementDigest[];
    fulfilledSinceLastMeeting: StatementDigest[];
  };
  /** Proposals still open on `asOf` (not commitments), for the talking points and the record. */
  openProposals: StatementDigest[];
  talkingPoints: TalkingPoint[];
  sources: Source[];
}
