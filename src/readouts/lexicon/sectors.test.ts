import { beforeAll, describe, expect, it } from 'vitest';
import { isicSectors } from '../../registry/reference/isic.ts';
import { createGazetteer, type Gazetteer } from '../text/gazetteer.ts';
import { loadMorphology, type Morphology } from '../text/morphology.ts';
import { sectorEntries, sectorTerms } from './sectors.ts';

let morph: Morphology;
let gazetteer: Gazetteer;
beforeAll(async () => {
  morph = await loadMorphology();
  gazetteer = createGazetteer(morph, sectorEntries());
});

const ids = (g: Gazetteer, text: string, lang: 'en' | 'ru') =>
  g.find(text, lang).map((m) => `${text.slice(m.start, m.end)}=${m.id}`);

describe('sector lexicon', () => {
  it('uses only codes of the ISIC reference list', () => {
    const known = new Set(isicSectors.map((s) => s.code));
    for (const row of sectorTerms) for (const code of row.codes) expect(known, code).toContain(code);
  });

  it('finds the sectors an English readout names', () => {
    const text =
      'The sides agreed to expand cooperation in the manufacturing sector, agriculture and construction, ' +
      'with a focus on housing construction, machine building, logistics, tourism and nuclear power.';
    expect(ids(gazetteer, text, 'en')).toEqual([
      'manufacturing sector=C',
      'agriculture=A',
      'construction=F',
      'housing construction=41',
      'machine building=28',
      'logistics=52',
      'tourism=I',
      'nuclear power=35',
    ]);
  });

  it('finds the sectors a Russian readout names, in any case', () => {
    const text =
      'Стороны обсудили сотрудничество в машиностроении, сельском хозяйстве, жилищном строительстве, ' +
      'здравоохранении и образовании, а также в сфере информационных технологий и фармацевтической промышленности.';
    expect(ids(gazetteer, text, 'ru')).toEqual([
      'машиностроении=28',
      'сельском хозяйстве=A',
      'жилищном строительстве=41',
      'здравоохранении=Q',
      'образовании=P',
      'информационных технологий=62',
      'фармацевтической промышленности=21',
    ]);
  });

  it('does not take "trade turnover" or «в связи с» for a sector', () => {
    expect(ids(gazetteer, 'Trade turnover grew.', 'en')).toEqual([]);
    expect(ids(gazetteer, 'В связи с этим товарооборот вырос.', 'ru')).toEqual([]);
  });

  it("merges a user's terms over the built-in ones", () => {
    const extended = createGazetteer(morph, sectorEntries([{ term: 'торфодобыча', language: 'ru', code: '08' }]));
    expect(ids(extended, 'Развивается торфодобыча.', 'ru')).toEqual(['торфодобыча=08']);
  });
});
