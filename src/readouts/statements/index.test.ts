import { describe, expect, it } from 'vitest';
import type { Lang } from '../text/language.ts';
import { splitSentences } from '../text/sentences.ts';
import { findStatements } from './index.ts';

function statements(text: string, lang: Lang, date = '2021-06-10') {
  return findStatements(text, splitSentences(text, lang), lang, date).map((s) => ({
    kind: s.kind,
    text: text.slice(s.span.start, s.span.end),
    speaker: s.speaker ? text.slice(s.speaker.start, s.speaker.end) : null,
    dueFrom: s.dueFrom,
    dueTo: s.dueTo,
    rule: s.rule,
  }));
}

describe('statements in English readouts', () => {
  it('reads a proposal and names its speaker from the subject', () => {
    const [found] = statements('The minister proposed that Gomel plants assemble buses in Almaty.', 'en');
    expect(found).toMatchObject({ kind: 'proposal', speaker: 'The minister' });
    expect(found?.text).toContain('Gomel plants assemble buses in Almaty');
  });

  it('reads a promise with its deadline', () => {
    const [found] = statements('Governor Ivan Petrov said the region would buy 20 trams by the end of the year.', 'en');
    expect(found).toMatchObject({ kind: 'commitment', speaker: 'Governor Ivan Petrov', dueTo: '2021-12-31' });
  });

  it('reads a request and an invitation in one sentence as two statements', () => {
    const found = statements(
      'The akim asked for more tractor kits and invited the delegation to the Astana fair.',
      'en',
    );
    expect(found.map((s) => [s.kind, s.speaker])).toEqual([
      ['request', 'The akim'],
      ['invitation', 'The akim'],
    ]);
    expect(found[0]?.text).not.toContain('invited');
  });

  it('reads a judgement with the attribution after it', () => {
    const [found] = statements('Kazakhstan remains a reliable partner for Belarus, the prime minister noted.', 'en');
    expect(found).toMatchObject({ kind: 'assessment', speaker: 'the prime minister' });
    expect(found?.text).toBe('Kazakhstan remains a reliable partner for Belarus');
  });

  it('reads a target the sides set, and takes "agreed" as the target, not a second commitment', () => {
    const found = statements('The sides agreed to bring trade to $500 million by 2023.', 'en');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ kind: 'target', speaker: 'The sides', dueTo: '2022-12-31' });
  });

  it('credits quoted words to the attribution of their quotation', () => {
    const text = '"Our plants need your steel. We ask you to keep the prices stable," the president said.';
    const [found] = statements(text, 'en');
    expect(found).toMatchObject({ kind: 'request', speaker: 'the president' });
  });

  it('returns nothing for a sentence that reports a figure or a past event', () => {
    expect(statements('In 2020, trade between Belarus and Omsk reached $120 million, up 8%.', 'en')).toEqual([]);
    expect(statements('He recalled that the former governor had proposed a joint plant.', 'en')).toEqual([]);
    expect(statements('The sides also agreed on student exchanges.', 'en')).toEqual([]);
  });

  it('reads "asked" as a request only when it asks for something, not a question', () => {
    expect(statements('Lukashenko asked the governor how the harvest was going.', 'en')).toEqual([]);
    expect(statements('Lukashenko asked the governor to speed up the tender.', 'en')[0]?.kind).toBe('request');
  });

  it('reads what a speaker would like as a proposal, not a promise', () => {
    const [found] = statements(
      'The president said he would like Belarusian builders to take part in the stadium.',
      'en',
    );
    expect(found).toMatchObject({ kind: 'proposal', speaker: 'The president' });
  });

  it('credits an intention reported by someone else to the one who reports it', () => {
    const text = 'According to the governor, the region intends to purchase 30 Belarusian combines next year.';
    const [found] = statements(text, 'en');
    expect(found).toMatchObject({ kind: 'commitment', speaker: 'the governor', dueFrom: '2022-01-01' });
  });

  it('credits an act stated before a trailing attribution to the one who told it', () => {
    const text =
      'The region intends to set up a joint venture for fire engines, Governor Abylkair Skakov told reporters.';
    const [found] = statements(text, 'en');
    expect(found).toMatchObject({ kind: 'commitment', speaker: 'Governor Abylkair Skakov' });
    expect(found?.text).not.toContain('told');
  });

  it('does not read a proposal mentioned in a relative clause about someone', () => {
    const text = 'The talks were attended by Igor Petrishenko, who proposed in 2019 to open a trading house.';
    expect(statements(text, 'en')).toEqual([]);
  });

  it('finds the speaker after a dateline and after "in turn"', () => {
    const text =
      'MINSK, 5 December (BelTA) - Belarus President Aleksandr Lukashenko proposed that Kursk Oblast buy more buses. ' +
      'Roman Starovoit, in turn, said that the region was ready to consider the supply of lifts.';
    expect(statements(text, 'en').map((s) => [s.kind, s.speaker])).toEqual([
      ['proposal', 'Belarus President Aleksandr Lukashenko'],
      ['proposal', 'Roman Starovoit'],
    ]);
  });

  it('credits a quotation of several sentences to the name after its closing mark', () => {
    const text = '"Our plants are close to yours. We are ready to build more plants here," Aleksandr Lukashenko said.';
    const [found] = statements(text, 'en');
    expect(found).toMatchObject({ kind: 'proposal', speaker: 'Aleksandr Lukashenko' });
  });

  it('finds the subject after an opening adverbial without a comma', () => {
    const text =
      'On 5 December Lukashenko proposed a joint plant. At the talks in Minsk the president invited the governor ' +
      'to the forum. In Minsk President Aleksandr Lukashenko asked the governor to speed up payments.';
    expect(statements(text, 'en').map((s) => s.speaker)).toEqual([
      'Lukashenko',
      'the president',
      'President Aleksandr Lukashenko',
    ]);
  });

  it('does not read a participle or a passive as the act', () => {
    const text =
      'The invited guests toured the plant. Goods offered by Belarusian companies are in demand. ' +
      'The president was asked to comment.';
    expect(statements(text, 'en')).toEqual([]);
  });

  it('reads "let us" with something to do as a proposal, not "let us not" or "let us do it"', () => {
    const text =
      '"Let us not compete. Let us finally do it. Let us build two more dairy farms in the region," he said.';
    const found = statements(text, 'en');
    expect(found.map((s) => [s.kind, s.text])).toEqual([
      ['proposal', 'Let us build two more dairy farms in the region'],
    ]);
  });

  it('reads the verbs of news agencies: affirmed, confirmed, reiterated', () => {
    const text =
      'Trinh Dinh Dung affirmed that Vietnam would create favourable conditions for investors. The Vietnamese side ' +
      'confirmed its interest in buying more potash. Both sides reiterated their commitment to reach $500 million ' +
      'in trade by 2025.';
    expect(statements(text, 'en').map((s) => [s.kind, s.speaker, s.dueTo])).toEqual([
      ['commitment', 'Trinh Dinh Dung', null],
      ['proposal', 'The Vietnamese side', null],
      ['target', 'Both sides', '2024-12-31'],
    ]);
  });

  it('skips a headline, which has no full stop', () => {
    expect(statements('Lukashenko proposes a joint tractor plant', 'en')).toEqual([]);
  });
});

describe('statements in Russian readouts', () => {
  it('reads a proposal and splits two parts joined by «а также»', () => {
    const text = 'Губернатор предложил открыть в Гродно торговый дом, а также расширить поставки молока.';
    const found = statements(text, 'ru');
    expect(found.map((s) => s.kind)).toEqual(['proposal', 'proposal']);
    expect(found[1]?.text).toBe('расширить поставки молока');
    expect(found[0]?.speaker).toBe('Губернатор');
  });

  it('reads a promise after «заверил» with a deadline next year', () => {
    const [found] = statements('Министр заверил, что завод будет построен в следующем году.', 'ru');
    expect(found).toMatchObject({ kind: 'commitment', speaker: 'Министр', dueFrom: '2022-01-01', dueTo: '2022-12-31' });
  });

  it('names the speaker after an inverted «заявил»', () => {
    const text =
      'Казахстан остаётся одним из ключевых партнёров области, заявил губернатор Курской области Роман Старовойт на встрече.';
    const [found] = statements(text, 'ru');
    expect(found).toMatchObject({ kind: 'assessment', speaker: 'губернатор Курской области Роман Старовойт' });
  });

  it('takes the speaker of a judgement from «Об этом заявил» in the next sentence', () => {
    const text = 'Узбекистан может стать образцом сотрудничества в регионе. Об этом заявил Сергей Румас в Ташкенте.';
    const [found] = statements(text, 'ru');
    expect(found).toMatchObject({ kind: 'assessment', speaker: 'Сергей Румас' });
  });

  it('reads a target in quoted words and credits the attribution', () => {
    const text = '«Мы можем выйти на миллиард долларов уже через два года», — подчеркнул глава государства.';
    const [found] = statements(text, 'ru');
    expect(found).toMatchObject({ kind: 'target', speaker: 'глава государства' });
  });

  it('reads «попросил» after «в свою очередь» and a verb joined by «и»', () => {
    const text = 'Аким, в свою очередь, поддержал идею и попросил ускорить поставки комбайнов.';
    const [found] = statements(text, 'ru');
    expect(found).toMatchObject({ kind: 'request', speaker: 'Аким' });
  });

  it('takes «по его мнению» as the speaker of what follows', () => {
    const [found] = statements('По его мнению, белорусские заводы могли бы поставлять двигатели в Казань.', 'ru');
    expect(found).toMatchObject({ kind: 'proposal', speaker: 'его' });
  });

  it('returns nothing for talk about the past or a topic discussed', () => {
    expect(statements('Губернатор напомнил, что его предшественник предлагал построить завод.', 'ru')).toEqual([]);
    expect(statements('Стороны договорились об обмене студентами.', 'ru')).toEqual([]);
    expect(statements('За январь–май товарооборот вырос на 12% и составил 80 млн долларов.', 'ru')).toEqual([]);
  });

  it('reads a readiness, an intention and a praise named by their own phrases', () => {
    const text =
      'Губернатор выразил готовность поставлять в Беларусь зерно. Белорусская сторона намерена построить в регионе ' +
      'два завода. Президент высоко оценил уровень сотрудничества.';
    expect(statements(text, 'ru').map((s) => [s.kind, s.speaker])).toEqual([
      ['proposal', 'Губернатор'],
      ['commitment', 'Белорусская сторона'],
      ['assessment', 'Президент'],
    ]);
  });

  it('ends a clause where another speaker begins: «…, а аким пригласил…»', () => {
    const text = 'Глава облисполкома предложил провести встречу в Павлодаре, а аким пригласил аграриев на выставку.';
    expect(statements(text, 'ru').map((s) => [s.kind, s.speaker, s.text])).toEqual([
      ['proposal', 'Глава облисполкома', 'предложил провести встречу в Павлодаре'],
      ['invitation', 'аким', 'пригласил аграриев на выставку'],
    ]);
  });

  it('reads a share to reach as a target', () => {
    const [found] = statements('Необходимо довести долю локализации до 50 процентов, считает вице-премьер.', 'ru');
    expect(found).toMatchObject({ kind: 'target', speaker: 'вице-премьер' });
  });

  it('finds the subject after «В ходе встречи» and «На переговорах в Минске»', () => {
    const text =
      'В ходе встречи Александр Лукашенко предложил создать совместное предприятие. На переговорах в Минске глава ' +
      'государства пригласил губернатора на форум.';
    expect(statements(text, 'ru').map((s) => s.speaker)).toEqual(['Александр Лукашенко', 'глава государства']);
  });

  it('reads discontent as an assessment', () => {
    const [found] = statements('Глава государства подчеркнул, что такие цифры нас не устраивают.', 'ru');
    expect(found).toMatchObject({ kind: 'assessment', speaker: 'Глава государства' });
  });

  it('does not read a greeting passed on as a request', () => {
    expect(statements('Он попросил передать наилучшие пожелания Президенту России.', 'ru')).toEqual([]);
    expect(statements('The president asked him to convey his best wishes to the governor.', 'en')).toEqual([]);
  });

  it('reads «подтвердил, что … будет», «высказался за» and «достичь» with an amount', () => {
    const text =
      'Аким подтвердил, что область будет и дальше закупать белорусскую технику. Он высказался за создание ' +
      'торгового дома. Стороны убеждены, что товарооборот может достичь 100 млн долларов.';
    expect(statements(text, 'ru').map((s) => [s.kind, s.speaker])).toEqual([
      ['commitment', 'Аким'],
      ['proposal', 'Он'],
      ['target', 'Стороны'],
    ]);
  });

  it('reads an invitation', () => {
    const [found] = statements('Председатель облисполкома пригласил губернатора на Славянский базар в Витебске.', 'ru');
    expect(found).toMatchObject({ kind: 'invitation', speaker: 'Председатель облисполкома' });
  });
});
