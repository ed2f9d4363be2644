import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { describeOnEngines } from '../../test/support/engines.ts';
import { AccordError } from '../core/errors.ts';
import { importHsFile } from '../trade/hs/service.ts';
import { extractDraft } from './extract.ts';
import { addLexiconTerm, listLexiconTerms, removeLexiconTerm } from './lexicon-terms.ts';
import { loadRegistry } from './registry.ts';

const hsFixtures = fileURLToPath(new URL('../../test/fixtures/hs/', import.meta.url));

/** The error a call fails with, so a test can look at its code and problems. */
async function failure(work: Promise<unknown>): Promise<AccordError> {
  const error = await work.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AccordError);
  return error as AccordError;
}

async function commoditiesDrafted(db: Parameters<typeof loadRegistry>[0], text: string, language: 'en' | 'ru') {
  const draft = await extractDraft(
    { text, language, documentDate: '2019-10-02', publisher: null, relationshipId: null },
    await loadRegistry(db),
  );
  return draft.items.flatMap((item) => (item.kind === 'commodity' ? [item.value] : []));
}

// Written for these tests; neither vegetable is in the shipped lexicon, so only the user's word can find it.
const kaleText =
  'On 1 October the Governor of Kursk Oblast met the Minister of Agriculture of Belarus in Minsk. ' +
  'The sides agreed that farms in the region would ship kale to Belarusian retailers next season.';
const swedeText =
  '1 октября в Минске министр сельского хозяйства Беларуси встретился с губернатором Курской области. ' +
  'Стороны договорились о поставках брюквы в белорусские торговые сети в следующем сезоне.';

describeOnEngines('the lexicon users extend', (ctx) => {
  it('drafts a commodity from an English word once a user maps it to its HS heading', async () => {
    expect(await commoditiesDrafted(ctx.db, kaleText, 'en')).not.toContainEqual(
      expect.objectContaining({ hs: '0704' }),
    );
    const kale = await addLexiconTerm(ctx.db, { kind: 'commodity', term: ' kale ', code: '07.04' });
    expect(kale).toMatchObject({ kind: 'commodity', term: 'kale', language: 'en', code: '0704' });
    expect(await listLexiconTerms(ctx.db)).toContainEqual(kale);

    expect(await commoditiesDrafted(ctx.db, kaleText, 'en')).toContainEqual(
      expect.objectContaining({ hs: '0704', term: expect.stringMatching(/kale/i) }),
    );

    await removeLexiconTerm(ctx.db, kale.id);
    expect(await listLexiconTerms(ctx.db)).not.toContainEqual(kale);
    expect(await commoditiesDrafted(ctx.db, kaleText, 'en')).not.toContainEqual(
      expect.objectContaining({ hs: '0704' }),
    );
  });

  it('finds a Russian word in its inflected forms, its language read from its letters', async () => {
    const swede = await addLexiconTerm(ctx.db, { kind: 'commodity', term: 'брюква', code: '0706' });
    expect(swede.language).toBe('ru');
    expect(await commoditiesDrafted(ctx.db, swedeText, 'ru')).toContainEqual(expect.objectContaining({ hs: '0706' }));
    await removeLexiconTerm(ctx.db, swede.id);
  });

  it('maps a word to an ISIC sector that exists', async () => {
    const term = await addLexiconTerm(ctx.db, { kind: 'sector', term: 'agritech', language: 'en', code: 'a' });
    expect(term).toMatchObject({ kind: 'sector', code: 'A', language: 'en' });
    const error = await failure(addLexiconTerm(ctx.db, { kind: 'sector', term: 'spacefaring', code: '00' }));
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.problems).toEqual([expect.objectContaining({ path: 'code', code: 'unknown_sector' })]);
    await removeLexiconTerm(ctx.db, term.id);
  });

  it('refuses an HS code that is not a chapter Accord knows, naming the field', async () => {
    for (const code of ['7701', '98', 'abc']) {
      const error = await failure(addLexiconTerm(ctx.db, { kind: 'commodity', term: 'widgets', code }));
      expect(error.code).toBe('VALIDATION_FAILED');
      expect(error.problems).toEqual([expect.objectContaining({ path: 'code', code: 'unknown_hs_code' })]);
    }
    expect(await listLexiconTerms(ctx.db)).toEqual([]);
  });

  it('refuses a term written in the script of the other language', async () => {
    const english = await failure(
      addLexiconTerm(ctx.db, { kind: 'commodity', term: 'капуста', language: 'en', code: '0704' }),
    );
    expect(english.problems).toEqual([
      expect.objectContaining({ path: 'term', code: 'wrong_script', params: { language: 'en' } }),
    ]);
    const russian = await failure(
      addLexiconTerm(ctx.db, { kind: 'commodity', term: 'cabbage', language: 'ru', code: '0704' }),
    );
    expect(russian.problems).toEqual([
      expect.objectContaining({ path: 'term', code: 'wrong_script', params: { language: 'ru' } }),
    ]);
    const digits = await failure(addLexiconTerm(ctx.db, { kind: 'commodity', term: '0704', code: '0704' }));
    expect(digits.problems).toEqual([expect.objectContaining({ path: 'term', code: 'no_letters' })]);
  });

  it('refuses an empty term, a term over 200 characters and a language it does not read', async () => {
    const empty = await failure(addLexiconTerm(ctx.db, { kind: 'commodity', term: '  ', code: '0704' }));
    expect(empty.problems[0]).toMatchObject({ path: 'term' });
    const long = await failure(addLexiconTerm(ctx.db, { kind: 'commodity', term: 'x'.repeat(201), code: '0704' }));
    expect(long.problems[0]).toMatchObject({ path: 'term', code: 'too_big' });
    const german = await failure(
      addLexiconTerm(ctx.db, { kind: 'commodity', term: 'Grünkohl', language: 'de' as 'en', code: '0704' }),
    );
    expect(german.problems[0]).toMatchObject({ path: 'language' });
  });

  it('answers a conflict for the same term twice, whatever its case', async () => {
    const first = await addLexiconTerm(ctx.db, { kind: 'commodity', term: 'Swiss chard', code: '0709' });
    const again = await failure(addLexiconTerm(ctx.db, { kind: 'commodity', term: 'swiss  CHARD', code: '0704' }));
    expect(again.code).toBe('CONFLICT');
    expect(again.message).toContain('already in the lexicon');
    expect(again.message).toContain(first.id);
    // The same word may name a sector too: the lexicons are apart.
    const sector = await addLexiconTerm(ctx.db, { kind: 'sector', term: 'Swiss chard', code: '01' });
    await removeLexiconTerm(ctx.db, first.id);
    await removeLexiconTerm(ctx.db, sector.id);
  });

  it('says a term to remove does not exist', async () => {
    expect((await failure(removeLexiconTerm(ctx.db, 'no-such-term'))).code).toBe('NOT_FOUND');
  });
});

describeOnEngines('the lexicon with a nomenclature loaded', (ctx) => {
  it('checks headings and subheadings against the loaded nomenclature, not only their chapter', async () => {
    await importHsFile(ctx.db, `${hsFixtures}H6.json`);
    const tractors = await addLexiconTerm(ctx.db, { kind: 'commodity', term: 'tractor units', code: '8701' });
    expect(tractors.code).toBe('8701');
    const error = await failure(addLexiconTerm(ctx.db, { kind: 'commodity', term: 'hovercraft', code: '8799' }));
    expect(error.problems).toEqual([
      expect.objectContaining({ path: 'code', code: 'unknown_hs_code', params: { code: '8799' } }),
    ]);
  });
});
