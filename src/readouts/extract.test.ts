import { describe, expect, it } from 'vitest';
import { extractDraft } from './extract.ts';
import { emptyRegistry } from './registry.ts';

async function participants(text: string) {
  const draft = await extractDraft(
    { text, language: 'en', documentDate: '2021-04-15', publisher: null, relationshipId: null },
    emptyRegistry,
  );
  return draft.items.flatMap((i) => (i.kind === 'participant' ? [[i.value.name, i.value.side]] : []));
}

// Invented readouts: the names are made up, the posts and companies are of the kinds readouts name.
describe('the side of a participant whose post names no territory', () => {
  it('puts an unqualified minister on the home side, a qualified one on the partner side', async () => {
    expect(
      await participants(
        'Prime Minister of Belarus Anton Lisovsky held talks with Governor of Tver Oblast Oleg Gromov in Minsk on 14 April. ' +
          'The talks were attended by Minister of Industry Pavel Kuzin and Russian Minister of Transport Ilya Sorokin.',
      ),
    ).toEqual([
      ['Anton Lisovsky', 'home'],
      ['Oleg Gromov', 'partner'],
      ['Pavel Kuzin', 'home'],
      ['Ilya Sorokin', 'partner'],
    ]);
  });

  it('sides a company’s head with the country its legal form belongs to', async () => {
    expect(
      await participants(
        'Governor of Tver Oblast Oleg Gromov received a Belarusian delegation in Tver on 14 April. ' +
          'The talks were attended by Director General of OAO Luchesa Ivan Belov and CEO of PJSC Tverstal Boris Orlov.',
      ),
    ).toEqual([
      ['Oleg Gromov', 'partner'],
      ['Ivan Belov', 'home'],
      ['Boris Orlov', 'partner'],
    ]);
  });

  it('makes whom a home participant receives the guest, whatever the guest’s post', async () => {
    expect(
      await participants(
        'Prime Minister of Belarus Anton Lisovsky received Ivan Belov, Chairman of the Board of Tverbank, in Minsk on 14 April.',
      ),
    ).toEqual([
      ['Anton Lisovsky', 'home'],
      ['Ivan Belov', 'partner'],
    ]);
  });

  it('gives the people a delegation lists its side', async () => {
    expect(
      await participants(
        'Prime Minister of Belarus Anton Lisovsky held talks with Governor of Tver Oblast Oleg Gromov in Tver on ' +
          '14 April. The Russian delegation also included Minister of Transport Ilya Sorokin.',
      ),
    ).toEqual([
      ['Anton Lisovsky', 'home'],
      ['Oleg Gromov', 'partner'],
      ['Ilya Sorokin', 'partner'],
    ]);
  });

  it('does not count the sender or addressee of a passed-on invitation', async () => {
    const found = await participants(
      'Prime Minister of Belarus Anton Lisovsky met Governor of Tver Oblast Oleg Gromov in Tver on 14 April. ' +
        'Anton Lisovsky handed over an invitation from President Viktor Sadovsky to President Pavel Lenin.',
    );
    expect(found.map(([name]) => name)).toEqual(['Anton Lisovsky', 'Oleg Gromov']);
  });
});
