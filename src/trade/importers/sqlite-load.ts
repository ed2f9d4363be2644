import SQLite from 'better-sqlite3';
import { ImportBlocks, type BlockPart, type PartRows } from './block-builder.ts';
import type { PackedFlows } from './packed.ts';
import { removeReplacedSlices } from './slice-replacement.ts';

export interface DatasetEntry {
  id: string;
  name: string;
  kind: string;
  source: string;
  notes: string | null;
}

/** A statistical territory an import adds to the registry when it has not got it yet, as a grouping. */
export interface TerritoryEntry {
  code: string;
  numericCode: string;
  nameEn: string;
  nameRu: string;
  searchText: string;
}

/** Inserts the territories the registry lacks; the rest, perhaps renamed by a user, stay as they are. */
export const insertGroupingSql = `insert into territories (code, kind, parent_code, alpha3, numeric_code, name_en, name_ru, search_text, version, created_at, updated_at)
  values (?, 'grouping', null, null, ?, ?, ?, ?, 1, ?, ?) on conflict (code) do nothing`;

export interface ImportEntry {
  id: string;
  datasetId: string;
  format: string;
  fileName: string;
  fileHash: string;
  rowsImported: number;
  rowsReplaced: number;
  periodFrom: number | null;
  periodTo: number | null;
  importedAt: string;
}

/**
 * One import's writes to SQLite, synchronous, on its own connection and in one transaction. It runs on
 * a worker thread for big files (so reading and checking the file on the main thread overlaps with the
 * writes) and on the calling thread for small ones, where starting a thread would cost more than it saves.
 */
export class SqliteFlowLoad {
  private readonly db: SQLite.Database;
  private insertBlock?: SQLite.Statement;
  private insertSums?: SQLite.Statement;
  private load?: { datasetSeq: number; importSeq: number; clearSlices: boolean; blocks: ImportBlocks };

  private readonly checkpointLater: boolean;

  /**
   * `checkpointLater`: the commit leaves the write-ahead log as it is, for `checkpoint` to copy into the
   * database file afterwards; the import is done, and readable, once committed.
   * `waitForLockInThread`: on a thread of its own the load may wait for another writer's lock by blocking;
   * on the server's thread it must not (the caller waits with `waitForWriteLock`).
   */
  constructor(file: string, options: { checkpointLater?: boolean; waitForLockInThread: boolean }) {
    this.checkpointLater = options.checkpointLater ?? false;
    this.db = new SQLite(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma(`busy_timeout = ${options.waitForLockInThread ? 10_000 : 0}`);
    // A small page cache: blocks are written once, and a big cache only delays and slows their writing.
    this.db.pragma('cache_size = -16384');
    if (this.checkpointLater) this.db.pragma('wal_autocheckpoint = 0');
  }

  begin(): void {
    this.db.exec('begin immediate');
  }

  ensureDataset(d: DatasetEntry): string {
    const existing = this.db.prepare('select id from trade_datasets where name = ?').get(d.name) as
      { id: string } | undefined;
    if (existing) return existing.id;
    const now = new Date().toISOString();
    // The transaction holds the write lock, so no other import can take the same number meanwhile.
    this.db
      .prepare(
        `insert into trade_datasets (id, name, seq, kind, source, notes, row_count, version, created_at, updated_at)
         values (?, ?, (select coalesce(max(seq), 0) + 1 from trade_datasets), ?, ?, ?, 0, 1, ?, ?)`,
      )
      .run(d.id, d.name, d.kind, d.source, d.notes, now, now);
    return d.id;
  }

  /** Returns the codes it added. */
  ensureTerritories(entries: TerritoryEntry[]): string[] {
    const insert = this.db.prepare(insertGroupingSql);
    const now = new Date().toISOString();
    return entries
      .filter((t) => insert.run(t.code, t.numericCode, t.nameEn, t.nameRu, t.searchText, now, now).changes > 0)
      .map((t) => t.code);
  }

  startLoad(load: { datasetId: string }): void {
    const number = (sql: string, ...args: unknown[]) =>
      this.db
        .prepare(sql)
        .pluck()
        .get(...args) as number;
    const datasetSeq = number('select seq from trade_datasets where id = ?', load.datasetId);
    const importSeq = number('select coalesce(max(seq), 0) + 1 from trade_imports');
    // A dataset with nothing in it has no slice to replace: the look-ups are skipped.
    const clearSlices =
      this.db.prepare('select 1 from trade_flow_blocks where dataset_seq = ? limit 1').get(datasetSeq) !== undefined;
    this.load = { datasetSeq, importSeq, clearSlices, blocks: new ImportBlocks({ datasetSeq, importSeq }) };
    const insert = (table: string, columns: string[]) =>
      this.db.prepare(
        `insert into ${table} (${columns.join(', ')}) values (${columns.map((c) => `@${c}`).join(', ')})`,
      );
    this.insertBlock = insert('trade_flow_blocks', blockColumns);
    this.insertSums = insert('trade_flow_sums', sumsColumns);
  }

  addFlows(batch: PackedFlows): void {
    for (const part of this.load!.blocks.add(batch)) this.write(part);
  }

  /** Writes a part; returns its buffers, free to be filled again (the driver copies what it binds). */
  addPart(part: BlockPart): ArrayBufferLike[] {
    this.write(this.load!.blocks.addPart(part));
    return part.buffers;
  }

  /** Writes the last rows, removes the earlier rows of the slices the file replaces; returns how many. */
  async endLoad(): Promise<number> {
    const { datasetSeq, importSeq, clearSlices, blocks } = this.load!;
    for (const part of blocks.rest()) this.write(part);
    if (!clearSlices) return 0;
    return removeReplacedSlices(
      {
        all: async (sql, args) => this.db.prepare(sql).all(...args) as Array<Record<string, unknown>>,
        run: async (sql, args) => void this.db.prepare(sql).run(...args),
      },
      { datasetSeq, importSeq },
      blocks.slices,
    );
  }

  recordImport(e: ImportEntry): void {
    this.db
      .prepare(
        `insert into trade_imports (id, dataset_id, seq, format, file_name, file_hash, rows_imported, rows_replaced, period_from, period_to, imported_at)
         values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        e.id,
        e.datasetId,
        this.load!.importSeq,
        e.format,
        e.fileName,
        e.fileHash,
        e.rowsImported,
        e.rowsReplaced,
        e.periodFrom,
        e.periodTo,
        e.importedAt,
      );
    this.db
      .prepare(
        `update trade_datasets set row_count = row_count + ? - ?, version = version + 1, updated_at = ? where id = ?`,
      )
      .run(e.rowsImported, e.rowsReplaced, e.importedAt, e.datasetId);
  }

  finish(commit: boolean): void {
    try {
      if (this.db.inTransaction) this.db.exec(commit ? 'commit' : 'rollback');
    } finally {
      if (!this.checkpointLater) this.db.close();
    }
  }

  /** Copies the committed pages from the write-ahead log into the database file, as far as readers allow, and closes. */
  checkpoint(): void {
    try {
      this.db.pragma('wal_checkpoint(PASSIVE)');
    } finally {
      this.db.close();
    }
  }

  private write(part: PartRows): void {
    for (const block of part.blocks) this.insertBlock!.run(block);
    for (const sums of part.sums) this.insertSums!.run(sums);
  }
}

export const blockColumns = [
  'dataset_seq',
  'reporter',
  'year',
  'flow',
  'bucket',
  'import_seq',
  'part',
  'row_count',
  'body',
  'detail',
];
export const sumsColumns = ['dataset_seq', 'side', 'territory', 'year', 'flow', 'import_seq', 'part', 'body'];
