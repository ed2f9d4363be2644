import type { Migration } from 'kysely';
import * as m0001 from './0001_registry_and_cooperation.ts';
import * as m0002 from './0002_trade.ts';
import * as m0003 from './0003_trade_product_rollup.ts';
import * as m0004 from './0004_trade_import_scan.ts';
import * as m0005 from './0005_trade_flow_blocks.ts';
import * as m0006 from './0006_bilingual_records.ts';
import * as m0007 from './0007_outlet_coordinates.ts';
import * as m0008 from './0008_dates_known.ts';
import * as m0009 from './0009_briefing_files.ts';
import * as m0010 from './0010_readouts.ts';
import * as m0011 from './0011_trade_facts.ts';
import * as m0012 from './0012_trade_blocks_to_facts.ts';
import * as m0013 from './0013_trade_pair_sums.ts';
import * as m0014 from './0014_trade_pair_headings.ts';

/** Numbered, append-only. A migration once released is never edited; add the next number instead. */
export const migrations: Record<string, Migration> = {
  '0001_registry_and_cooperation': m0001,
  '0002_trade': m0002,
  '0003_trade_product_rollup': m0003,
  '0004_trade_import_scan': m0004,
  '0005_trade_flow_blocks': m0005,
  '0006_bilingual_records': m0006,
  '0007_outlet_coordinates': m0007,
  '0008_dates_known': m0008,
  '0009_briefing_files': m0009,
  '0010_readouts': m0010,
  '0011_trade_facts': m0011,
  '0012_trade_blocks_to_facts': m0012,
  '0013_trade_pair_sums': m0013,
  '0014_trade_pair_headings': m0014,
};
