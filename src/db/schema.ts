/**
 * Table types as Kysely sees them, in camelCase (CamelCasePlugin maps them to the snake_case columns).
 * Dates are ISO `YYYY-MM-DD` text, timestamps ISO 8601 text, money integer minor units.
 */
interface Versioned {
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface TerritoryTable extends Versioned {
  code: string;
  kind: string;
  parentCode: string | null;
  alpha3: string | null;
  numericCode: string | null;
  nameEn: string;
  nameRu: string;
  searchText: string;
}

export interface SectorTable extends Versioned {
  code: string;
  level: string;
  parentCode: string | null;
  titleEn: string;
  titleRu: string;
}

export interface DocumentTable extends Versioned {
  id: string;
  titleEn: string | null;
  titleRu: string | null;
  kind: string;
  publishedOn: string | null;
  language: string;
  sourceUrl: string | null;
  publisher: string | null;
  notes: string | null;
}

export interface RelationshipTable extends Versioned {
  id: string;
  homeCode: string;
  partnerCode: string;
  title: string | null;
  notes: string | null;
}

export interface AgreementTable extends Versioned {
  id: string;
  relationshipId: string;
  title: string;
  kind: string;
  signedOn: string | null;
  inForceFrom: string | null;
  inForceTo: string | null;
  documentId: string | null;
  notes: string | null;
}

export interface OrganizationTable extends Versioned {
  id: string;
  kind: string;
  nameEn: string | null;
  nameRu: string | null;
  territoryCode: string;
  description: string | null;
  spareCapacityNote: string | null;
  website: string | null;
  searchText: string;
}

export interface OrganizationAliasTable {
  id: string;
  organizationId: string;
  alias: string;
  language: string | null;
  position: number;
}

export interface OrganizationSectorTable {
  organizationId: string;
  sectorCode: string;
}

export interface OrganizationProductTable {
  id: string;
  organizationId: string;
  name: string;
  hsCode: string | null;
  capacityNote: string | null;
  position: number;
}

export interface PersonTable extends Versioned {
  id: string;
  nameEn: string | null;
  nameRu: string | null;
  notes: string | null;
  searchText: string;
}

export interface PositionTable extends Versioned {
  id: string;
  personId: string;
  titleEn: string | null;
  titleRu: string | null;
  organizationId: string | null;
  territoryCode: string | null;
  fromOn: string | null;
  toOn: string | null;
  searchText: string;
}

export interface MeetingTable extends Versioned {
  id: string;
  relationshipId: string;
  heldOn: string;
  place: string | null;
  kind: string;
  titleEn: string | null;
  titleRu: string | null;
  summaryEn: string | null;
  summaryRu: string | null;
}

export interface MeetingParticipantTable {
  id: string;
  meetingId: string;
  personId: string;
  side: string;
  roleEn: string | null;
  roleRu: string | null;
  position: number;
}

export interface MeetingOrganizationTable {
  meetingId: string;
  organizationId: string;
  side: string;
  position: number;
}

export interface MeetingSectorTable {
  meetingId: string;
  sectorCode: string;
}

export interface ProjectTable extends Versioned {
  id: string;
  relationshipId: string;
  titleEn: string | null;
  titleRu: string | null;
  kind: string;
  sectorCode: string | null;
  description: string | null;
  valueMinor: number | null;
  currency: string | null;
  stage: string;
  searchText: string;
}

export interface ProjectPartyTable {
  id: string;
  projectId: string;
  organizationId: string;
  role: string;
  side: string;
  position: number;
}

export interface ProjectStageChangeTable {
  id: string;
  projectId: string;
  fromStage: string | null;
  toStage: string;
  changedOn: string;
  recordedAt: string;
  note: string | null;
}

export interface ProjectMilestoneTable {
  id: string;
  projectId: string;
  title: string;
  dueOn: string | null;
  doneOn: string | null;
  note: string | null;
  position: number;
}

export interface StatementTable extends Versioned {
  id: string;
  meetingId: string;
  kind: string;
  speakerPersonId: string | null;
  side: string | null;
  sectorCode: string | null;
  textEn: string | null;
  textRu: string | null;
  projectId: string | null;
  ownerPersonId: string | null;
  ownerOrganizationId: string | null;
  dueFrom: string | null;
  dueOn: string | null;
  status: string;
  statedOn: string | null;
}

export interface StatementStatusChangeTable {
  id: string;
  statementId: string;
  fromStatus: string | null;
  toStatus: string;
  changedOn: string;
  recordedAt: string;
  note: string | null;
}

export interface OutletTable extends Versioned {
  id: string;
  relationshipId: string;
  territoryCode: string;
  name: string;
  kind: string;
  operatorOrganizationId: string | null;
  city: string | null;
  openedOn: string | null;
  status: string;
  notes: string | null;
  latitude: number | null;
  longitude: number | null;
  closedOn: string | null;
}

export interface OutletLineTable {
  id: string;
  outletId: string;
  organizationId: string | null;
  productGroup: string;
  sinceOn: string | null;
  position: number;
}

export interface ProvenanceLinkTable {
  id: string;
  recordType: string;
  recordId: string;
  documentId: string | null;
  sourcePersonId: string | null;
  locator: string | null;
  note: string | null;
  createdAt: string;
}

/** A document's file, kept in the database (see 0009_briefing_files). */
export interface DocumentFileTable {
  documentId: string;
  fileName: string;
  contentType: string;
  byteSize: number;
  /** Lower-case hex SHA-256 of the content. */
  sha256: string;
  createdAt: string;
  content: Uint8Array;
}

/** What a briefing document was produced for: relationship, day, language and format, and by whom. */
export interface BriefingTable {
  documentId: string;
  relationshipId: string;
  meetingId: string | null;
  asOf: string;
  language: string;
  format: string;
  marking: string | null;
  author: string | null;
  producedAt: string;
}

/** A readout read into a draft (see 0010_readouts); its text is its document's file. */
export interface ReadoutTable {
  id: string;
  documentId: string;
  sha256: string;
  language: string;
  documentDate: string;
  /** 1 when the date was read from the text, 0 when the user gave it. */
  dateStated: number;
  relationshipId: string | null;
  meetingId: string | null;
  status: string;
  version: number;
  createdAt: string;
  acceptedAt: string | null;
}

export interface ReadoutItemTable {
  id: string;
  readoutId: string;
  position: number;
  kind: string;
  spanStart: number;
  spanEnd: number;
  sentenceStart: number;
  sentenceEnd: number;
  confidence: number;
  rule: string;
  status: string;
  edited: number;
  /** JSON texts. */
  value: string;
  match: string | null;
  candidates: string;
  computed: string | null;
  recordId: string | null;
}

/** A word a user added to the extraction's lexicon: a commodity's HS code or a sector's ISIC code. */
export interface LexiconTermTable {
  id: string;
  kind: string;
  term: string;
  language: string;
  code: string;
  createdAt: string;
}

export interface DB extends TradeDB {
  territories: TerritoryTable;
  sectors: SectorTable;
  documents: DocumentTable;
  relationships: RelationshipTable;
  agreements: AgreementTable;
  organizations: OrganizationTable;
  organizationAliases: OrganizationAliasTable;
  organizationSectors: OrganizationSectorTable;
  organizationProducts: OrganizationProductTable;
  people: PersonTable;
  positions: PositionTable;
  meetings: MeetingTable;
  meetingParticipants: MeetingParticipantTable;
  meetingOrganizations: MeetingOrganizationTable;
  meetingSectors: MeetingSectorTable;
  projects: ProjectTable;
  projectParties: ProjectPartyTable;
  projectStageChanges: ProjectStageChangeTable;
  projectMilestones: ProjectMilestoneTable;
  statements: StatementTable;
  statementStatusChanges: StatementStatusChangeTable;
  outlets: OutletTable;
  outletLines: OutletLineTable;
  provenanceLinks: ProvenanceLinkTable;
  documentFiles: DocumentFileTable;
  briefings: BriefingTable;
  readouts: ReadoutTable;
  readoutItems: ReadoutItemTable;
  lexiconTerms: LexiconTermTable;
}

/**
 * Every table in the order a full export writes and an import restores it: parents before children.
 * The primary key columns give each table a stable order.
 */
export const tablesInDependencyOrder: ReadonlyArray<{ table: keyof DB; key: readonly string[] }> = [
  { table: 'territories', key: ['code'] },
  { table: 'sectors', key: ['code'] },
  { table: 'documents', key: ['id'] },
  { table: 'documentFiles', key: ['documentId'] },
  { table: 'relationships', key: ['id'] },
  { table: 'agreements', key: ['id'] },
  { table: 'organizations', key: ['id'] },
  { table: 'organizationAliases', key: ['id'] },
  { table: 'organizationSectors', key: ['organizationId', 'sectorCode'] },
  { table: 'organizationProducts', key: ['id'] },
  { table: 'people', key: ['id'] },
  { table: 'positions', key: ['id'] },
  { table: 'meetings', key: ['id'] },
  { table: 'meetingParticipants', key: ['id'] },
  { table: 'meetingOrganizations', key: ['meetingId', 'organizationId'] },
  { table: 'meetingSectors', key: ['meetingId', 'sectorCode'] },
  { table: 'projects', key: ['id'] },
  { table: 'projectParties', key: ['id'] },
  { table: 'projectStageChanges', key: ['id'] },
  { table: 'projectMilestones', key: ['id'] },
  { table: 'statements', key: ['id'] },
  { table: 'statementStatusChanges', key: ['id'] },
  { table: 'outlets', key: ['id'] },
  { table: 'outletLines', key: ['id'] },
  { table: 'provenanceLinks', key: ['id'] },
  { table: 'briefings', key: ['documentId'] },
  { table: 'readouts', key: ['id'] },
  { table: 'readoutItems', key: ['id'] },
  { table: 'lexiconTerms', key: ['id'] },
  { table: 'hsCodes', key: ['revision', 'code'] },
  { table: 'tradeDatasets', key: ['id'] },
  { table: 'tradeImports', key: ['id'] },
  { table: 'officialFigures', key: ['id'] },
];

export interface HsCodeTable {
  revision: string;
  code: string;
  level: number;
  parentCode: string | null;
  titleEn: string;
  titleRu: string | null;
  searchText: string;
  source: string;
}

export interface TradeDatasetTable extends Versioned {
  id: string;
  name: string;
  seq: number;
  kind: string;
  source: string;
  notes: string | null;
  rowCount: number;
  publicationLagDays: number | null;
}

export interface TradeImportTable {
  id: string;
  datasetId: string;
  seq: number;
  format: string;
  fileName: string;
  fileHash: string;
  rowsImported: number;
  rowsReplaced: number;
  periodFrom: number | null;
  periodTo: number | null;
  importedAt: string;
}

export interface OfficialFigureTable extends Versioned {
  id: string;
  reporter: string;
  partner: string;
  metric: string;
  periodFrom: number;
  periodTo: number;
  valueMinor: number;
  currency: string;
  growthPercent: string | null;
  documentId: string | null;
  locator: string | null;
  notes: string | null;
}

export interface TradeDB {
  hsCodes: HsCodeTable;
  tradeDatasets: TradeDatasetTable;
  tradeImports: TradeImportTable;
  officialFigures: OfficialFigureTable;
}
