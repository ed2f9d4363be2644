import { describe, expect, it } from 'vitest';
import { splitParagraphs, splitSentences, type Sentence, type Span } from './sentences.ts';

const texts = (text: string, spans: Span[]) => spans.map((s) => text.slice(s.start, s.end));

describe('splitSentences in Russian', () => {
  it('keeps a sentence whole across «г.», «млн. долл. США», «т.е.» and initials', () => {
    const text =
      'В 2017 г. товарооборот вырос на 40 %. А.Г. Лукашенко встретился с губернатором. ' +
      'Объем составил 96,3 млн. долл. США. Т.е. рост продолжился. Поставки шли через ул. Ленина и им. Кирова. ' +
      'А. Лукашенко поблагодарил гостей.';
    expect(texts(text, splitSentences(text, 'ru'))).toEqual([
      'В 2017 г. товарооборот вырос на 40 %.',
      'А.Г. Лукашенко встретился с губернатором.',
      'Объем составил 96,3 млн. долл. США.',
      'Т.е. рост продолжился.',
      'Поставки шли через ул. Ленина и им. Кирова.',
      'А. Лукашенко поблагодарил гостей.',
    ]);
  });

  it('ends a sentence at «г.» when a new sentence begins after it', () => {
    const text = 'Соглашение подписано в 2016 г. Товарооборот с тех пор вырос.';
    expect(texts(text, splitSentences(text, 'ru'))).toEqual([
      'Соглашение подписано в 2016 г.',
      'Товарооборот с тех пор вырос.',
    ]);
  });

  it('splits a quotation of two sentences and gives both the quote and who said it', () => {
    const text = 'Встреча началась. «Мы готовы. Будем работать», — подчеркнул глава государства. Потом обсудили цены.';
    const sentences = splitSentences(text, 'ru');
    expect(texts(text, sentences)).toEqual([
      'Встреча началась.',
      '«Мы готовы.',
      'Будем работать», — подчеркнул глава государства.',
      'Потом обсудили цены.',
    ]);
    const [, first, second, after] = sentences as [Sentence, Sentence, Sentence, Sentence];
    expect(text.slice(first.quote!.start, first.quote!.end)).toBe('«Мы готовы. Будем работать»');
    expect(second.quote).toEqual(first.quote);
    expect(text.slice(first.attribution!.start, first.attribution!.end)).toBe('подчеркнул глава государства');
    expect(after.quote).toBeUndefined();
  });

  it('takes the attribution from a lead-in with a colon', () => {
    const text = 'Губернатор отметил: «Область заинтересована в технике. Нужны самосвалы».';
    const sentences = splitSentences(text, 'ru');
    expect(sentences).toHaveLength(2);
    for (const s of sentences) expect(text.slice(s.attribution!.start, s.attribution!.end)).toBe('Губернатор отметил');
  });

  it('does not take a company name in quotes for a quotation', () => {
    const text = 'ОАО «БелАЗ» поставит самосвалы на «Михайловский ГОК».';
    const [sentence] = splitSentences(text, 'ru');
    expect(sentence?.quote).toBeUndefined();
  });

  it('keeps an attribution after «?» with its question', () => {
    const text = '«Готовы ли мы? Да!» — спросил он. Потом ушел.';
    expect(texts(text, splitSentences(text, 'ru'))).toEqual(['«Готовы ли мы?', 'Да!» — спросил он.', 'Потом ушел.']);
  });
});

describe('splitSentences in English', () => {
  it('keeps titles, "U.S.", months and initials inside the sentence', () => {
    const text =
      'Mr. Smith met Dr. Jones in the U.S. on Jan. 5. A. Lukashenko arrived. It is No. 1 in St. Petersburg. ' +
      'Exports went to the U.S. The rest went east.';
    expect(texts(text, splitSentences(text, 'en'))).toEqual([
      'Mr. Smith met Dr. Jones in the U.S. on Jan. 5.',
      'A. Lukashenko arrived.',
      'It is No. 1 in St. Petersburg.',
      'Exports went to the U.S.',
      'The rest went east.',
    ]);
  });

  it('attributes a quote followed by ", the president said"', () => {
    const text = '"We are ready. We will supply the trucks," the president said. Then he left.';
    const sentences = splitSentences(text, 'en');
    expect(sentences).toHaveLength(3);
    const [first, second, third] = sentences as [Sentence, Sentence, Sentence];
    expect(text.slice(first.attribution!.start, first.attribution!.end)).toBe('the president said');
    expect(second.attribution).toEqual(first.attribution);
    expect(third.quote).toBeUndefined();
  });

  it('gives a quote that goes straight on after an attributed one the same speaker', () => {
    const text = '"We build houses," the head of state noted. "We can send more teams. They are ready."\nAnother line.';
    const sentences = splitSentences(text, 'en');
    const said = sentences.map((s) => (s.attribution ? text.slice(s.attribution.start, s.attribution.end) : null));
    expect(said).toEqual(['the head of state noted', 'the head of state noted', 'the head of state noted', null]);
  });

  it('mends a line broken inside a sentence but not one that ends it', () => {
    const text = 'Trade grew in the first\nnine months. Title line\n\nA new paragraph.';
    expect(texts(text, splitSentences(text, 'en'))).toEqual([
      'Trade grew in the first\nnine months.',
      'Title line',
      'A new paragraph.',
    ]);
  });
});

describe('splitParagraphs', () => {
  it('splits on blank lines when the text has them', () => {
    const text = '  First line\nstill first.\n\n\nSecond.  \n';
    expect(texts(text, splitParagraphs(text))).toEqual(['First line\nstill first.', 'Second.']);
  });

  it('splits on line breaks when the text has no blank line', () => {
    const text = 'One.\nTwo.\r\nThree.';
    expect(texts(text, splitParagraphs(text))).toEqual(['One.', 'Two.', 'Three.']);
  });
});
