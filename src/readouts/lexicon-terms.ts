/**
 * The users' own words for commodities and sectors. The extraction reads them over the shipped lexicons, so a
 * term added here is found in the next readout; each is checked against the codes Accord knows first, because a
 * word mapped to a code that does not exist would draft items nobody can accept.
 */
import type { Db } from '../db/connection.ts';
import { AccordError, invalid, notFound } from '../core/errors.ts';
import { newId } from '../core/ids.ts';
import { parseInput } from '../core/model.ts';
import { asConstraintError, inTransaction, nowIso } from '../core/records.ts';
import { hsCodeChecker, listHsRevisions } from '../trade/hs/service.ts';
import { getSector } from '../registry/sectors/service.ts';
import { foldCase } from './text/morphology.ts';
import {
  languageOfTerm,
  lexiconTermInput,
  type LexiconKind,
  type LexiconTermInput,
  type LexiconTermRecord,
  type ReadoutLanguage,
} from './model.ts';
import * as store from './store.ts';

const languageNames: Record<ReadoutLanguage, string> = { en: 'English', ru: 'Russian' };

function recordOf(row: Awaited<ReturnType<typeof store.lexiconTerms>>[number]): LexiconTermRecord {
  return {
    id: row.id,
    kind: row.kind as LexiconKind,
    term: row.term,
    language: row.language as ReadoutLanguage,
    code: row.code,
    createdAt: row.createdAt,
  };
}

/** Every term users have added, commodities then sectors, each in alphabetical order. */
export async function listLexiconTerms(db: Db): Promise<LexiconTermRecord[]> {
  return (await store.lexiconTerms(db)).map(recordOf);
}

/** The HS code as written without the dots and spaces people put in it (07.04 → 0704), if it is known. */
async function knownHsCode(db: Db, written: string): Promise<string> {
  const code = written.replace(/[.\s]/g, '');
  // The newest revision loaded is the one readouts are read against; with none loaded, the built-in chapters.
  const revision = (await listHsRevisions(db)).at(-1)?.revision ?? 'H6';
  const problem = (await hsCodeChecker(db, revision)).check(code);
  if (problem) throw invalid('code', problem, 'unknown_hs_code', { code });
  return code;
}

async function knownSectorCode(db: Db, written: string): Promise<string> {
  const code = written.toUpperCase();
  try {
    await getSector(db, code);
  } catch (error) {
    if (error instanceof AccordError && error.code === 'NOT_FOUND') {
      throw invalid('code', error.message, 'unknown_sector', { code });
    }
    throw error;
  }
  return code;
}

/**
 * Adds a term, refusing with 409 one already there in the same language for the same kind, whatever its case:
 * the extraction compares terms without case, so "Kale" and "kale" would be one word mapped twice.
 */
export async function addLexiconTerm(db: Db, input: LexiconTermInput): Promise<LexiconTermRecord> {
  const given = parseInput(lexiconTermInput, input);
  const term = given.term.replace(/\s+/g, ' ');
  const language = given.language ?? languageOfTerm(term);
  const code = given.kind === 'commodity' ? await knownHsCode(db, given.code) : await knownSectorCode(db, given.code);
  const subject = `the ${languageNames[language]} ${given.kind} term "${term}"`;
  return inTransaction(db, async (trx) => {
    const same = (await store.lexiconTerms(trx)).find(
      (t) => t.kind === given.kind && t.language === language && foldCase(t.term) === foldCase(term),
    );
    if (same) {
      throw new AccordError(
        'CONFLICT',
        `${subject} is already in the lexicon (as "${same.term}" → ${same.code}, id ${same.id}); remove it first to map it to another code`,
        { details: { id: same.id, code: same.code } },
      );
    }
    const row = { id: newId(), kind: given.kind, term, language, code, createdAt: nowIso() };
    try {
      await store.insertLexiconTerm(trx, row);
    } catch (error) {
      throw asConstraintError(error, subject);
    }
    return recordOf(row);
  });
}

export async function removeLexiconTerm(db: Db, id: string): Promise<void> {
  if ((await store.deleteLexiconTerm(db, id)) === 0) throw notFound('lexicon term', id);
}
