import { beforeAll, describe, expect, it } from 'vitest';
import { createGazetteer } from '../text/gazetteer.ts';
import { loadMorphology, type Morphology } from '../text/morphology.ts';
import { loadEngine } from '../extract.ts';
import type { Lang } from '../text/language.ts';
import { analyse, type Analysis } from './analysis.ts';
import { findPeople, gatherPeople } from './people.ts';
import { findOrganizations } from './organizations.ts';
import { groupOrganizations } from './organization-groups.ts';
import { findMeeting, findSides } from './meeting.ts';
import { commodityFlow } from './commodities.ts';
import { findProjects } from './projects.ts';

let morph: Morphology;
let read: (text: string, lang: Lang, date?: string) => Analysis;

beforeAll(async () => {
  const engine = await loadEngine();
  morph = await loadMorphology();
  const none = createGazetteer(morph, []);
  read = (text, lang, date = '2019-05-20') =>
    analyse(text, lang, date, {
      territories: engine.territories,
      organizations: none,
      people: none,
      commodities: engine.lexicons.commodities,
      sectors: engine.lexicons.sectors,
    });
}, 30_000);

const people = (a: Analysis) => gatherPeople(a, findPeople(a, findOrganizations(a)));

describe('people and their posts', () => {
  it('reads a post written before a name, with the territory that opens it', () => {
    const a = read('President of Belarus Sergei Ivanov met Tver Oblast Governor Pavel Orlov in Minsk on 12 May.', 'en');
    expect(people(a).map((p) => [p.name, p.role, p.territoryCode, p.participant])).toEqual([
      ['Sergei Ivanov', 'President of Belarus', 'BY', true],
      ['Pavel Orlov', 'Tver Oblast Governor', 'RU-TVE', true],
    ]);
  });

  it('puts a Russian name and its post in the nominative, a surname az lacks by its first name’s case', () => {
    const a = read('Президент Беларуси 12 мая встретился с губернатором Тверской области Павлом Кудряшовым.', 'ru');
    const [person] = people(a);
    expect(person).toMatchObject({ name: 'Павел Кудряшов', role: 'Губернатор Тверской области', participant: true });
  });

  it('gives the post of a Chinese or Vietnamese governor the province it names', () => {
    const en = read(
      'Governor of Jiangsu Province Wu Zhenglong met Governor of Hung Yen Province Tran Quoc Van in Minsk.',
      'en',
    );
    expect(people(en).map((p) => [p.name, p.role, p.territoryCode])).toEqual([
      ['Wu Zhenglong', 'Governor of Jiangsu Province', 'CN-JS'],
      ['Tran Quoc Van', 'Governor of Hung Yen Province', 'VN-66'],
    ]);
    const ru = read('Президент Беларуси встретился с губернатором провинции Хэйлунцзян Павлом Кудряшовым.', 'ru');
    expect(people(ru).map((p) => [p.role, p.territoryCode])).toEqual([['Губернатор провинции Хэйлунцзян', 'CN-HL']]);
  });

  it('takes a post written after a name between commas', () => {
    const a = read('The talks brought together Anna Petrova, Governor of Tver Oblast, and the Belarusian side.', 'en');
    expect(people(a)[0]).toMatchObject({ name: 'Anna Petrova', role: 'Governor of Tver Oblast' });
  });

  it('reads Russian posts with «и», a bracket or an ambassador’s «в», and names az does not know after a post', () => {
    const a = read(
      'Глава Республики Саха (Якутия) Иван Жиров встретился с Послом Беларуси в России Олегом Бураком. ' +
        'В переговорах участвовали министр сельского хозяйства и продовольствия Беларуси Павел Ковш и ' +
        'губернатор провинции Хэйлунцзян Ли Вэйцзюнь.',
      'ru',
    );
    expect(people(a).map((p) => [p.name, p.role])).toEqual([
      ['Иван Жиров', 'Глава Республики Саха (Якутия)'],
      ['Олег Бурак', 'Посол Беларуси в России'],
      ['Павел Ковш', 'Министр сельского хозяйства и продовольствия Беларуси'],
      ['Ли Вэйцзюнь', 'Губернатор провинции Хэйлунцзян'],
    ]);
    const arabic = read('Министр экономики Сирии Мохаммад Самер аль-Халиль встретился в Минске с губернатором.', 'ru');
    expect(people(arabic)[0]?.name).toBe('Мохаммад Самер аль-Халиль');
  });

  it('counts who passes an invitation on, not who sent it; and the head of a delegation in Russian', () => {
    const a = read(
      'Делегацию возглавил Олег Зуев, министр Правительства Москвы. ' +
        'Олег Зуев передал губернатору приглашение мэра Москвы Ивана Сидорова посетить форум.',
      'ru',
    );
    expect(people(a).map((p) => [p.name, p.participant])).toEqual([
      ['Олег Зуев', true],
      ['Иван Сидоров', false],
    ]);
  });

  it('reads Arabic particles, initials and posts after modifiers', () => {
    const a = read(
      'Minister Omar bin Saeed Al Harbi met Governor Pavel Orlov in Tver on 12 May. The talks were attended by ' +
        'T. Batbold, Ambassador of Mongolia, and Ivan Sidorov, general director of OAO Tverlift.',
      'en',
    );
    expect(people(a).map((p) => [p.name, p.role])).toEqual([
      ['Omar bin Saeed Al Harbi', 'Minister'],
      ['Pavel Orlov', 'Governor'],
      ['T. Batbold', 'Ambassador of Mongolia'],
      ['Ivan Sidorov', 'General director of OAO Tverlift'],
    ]);
  });

  it('reads a post before a name and its comma, in lower case, in brackets, or with a list of fields', () => {
    const a = read(
      'Governor Pavel Orlov met the guests in Tver on 12 May. The talks were attended by the general director of ' +
        'OAO Tverlift, Ivan Sidorov, first deputy governor Oleg Zuev and T. Batbold (Minister of Energy). ' +
        'Minister of Industry, Energy and Transport Anna Petrova joined them.',
      'en',
    );
    expect(people(a).map((p) => [p.name, p.role])).toEqual([
      ['Pavel Orlov', 'Governor'],
      ['Ivan Sidorov', 'General director of OAO Tverlift'],
      ['Oleg Zuev', 'First deputy governor'],
      ['T. Batbold', 'Minister of Energy'],
      ['Anna Petrova', 'Minister of Industry, Energy and Transport'],
    ]);
  });

  it('counts the head of a delegation it was led by', () => {
    const a = read(
      'Talks were held in Tver on 12 May with a delegation led by Pavel Orlov, Governor of Tver Oblast.',
      'en',
    );
    expect(people(a).map((p) => [p.name, p.participant])).toEqual([['Pavel Orlov', true]]);
  });

  it('does not count a former governor or someone absent as a participant', () => {
    const a = read(
      'Governor Pavel Orlov met the delegation in Tver. He recalled the work of the former governor Ivan Sidorov. ' +
        'Minister Oleg Zuev could not attend the meeting.',
      'en',
    );
    expect(people(a).map((p) => [p.name, p.participant])).toEqual([
      ['Pavel Orlov', true],
      ['Ivan Sidorov', false],
      ['Oleg Zuev', false],
    ]);
  });

  it('reads "Vladimir" before a surname as a first name, not as the Vladimir region', () => {
    const a = read('Vladimir Kuzmin held talks with the delegation in Grodno.', 'en');
    expect(people(a).map((p) => p.name)).toEqual(['Vladimir Kuzmin']);
  });
});

describe('organizations', () => {
  const names = (text: string, lang: Lang) => findOrganizations(read(text, lang)).map((o) => o.name);

  it('reads legal forms, quoted names, head words and brands in English', () => {
    expect(
      names(
        'The Tver Carriage Works will supply OAO Grodnoavtotrans and the Belkommunmash company, said Ivan Petrov.',
        'en',
      ),
    ).toEqual(['Tver Carriage Works', 'OAO Grodnoavtotrans', 'Belkommunmash']);
  });

  it('reads Russian names in oblique cases back in the nominative', () => {
    expect(
      names('Губернатор посетил Новополоцкий нефтеперерабатывающий завод и холдинг «Белтрансмаш».', 'ru').sort(),
    ).toEqual(['Белтрансмаш', 'Новополоцкий нефтеперерабатывающий завод'].sort());
    expect(names('Речь шла о поставках для Тверского вагоностроительного завода.', 'ru')).toEqual([
      'Тверской вагоностроительный завод',
    ]);
  });

  it('does not take a description or a surname for a name', () => {
    expect(names('Belarusian companies met the Tver plant managers; Aleksei Kovalenko spoke.', 'en')).toEqual([]);
  });

  it('knows single-word names by what surrounds them', () => {
    expect(names('Vesna, Luch and OAO Krinitsa will exhibit together.', 'en')).toEqual([
      'Vesna',
      'Luch',
      'OAO Krinitsa',
    ]);
    expect(names("Officials met managers of Turkey's Yildiz Group and the Kosmos retail chain.", 'en')).toEqual([
      'Yildiz Group',
      'Kosmos',
    ]);
    expect(names('In Tver, Polesye buys flax while Ivan Zorin said little. Zorin noted that.', 'en')).toEqual([
      'Polesye',
    ]);
    expect(names('Buyers in Kimry wanted more. Kimry tractors are old.', 'en')).toEqual([]);
  });

  it('keeps two names joined by "and" apart, and a holding with its managing company', () => {
    expect(names('Tver State University and Pskov State Technical University signed.', 'en')).toEqual([
      'Tver State University',
      'Pskov State Technical University',
    ]);
    expect(names('ОАО «Лидсельмаш» – управляющая компания холдинга «Лидагро» расширит выпуск.', 'ru')).toEqual([
      'ОАО «Лидсельмаш» – управляющая компания холдинга «Лидагро»',
    ]);
  });

  it('knows a maker after its product, an example of a kind of company and a name its initials follow', () => {
    expect(names('Belarus buys kitchen furniture made by Zorka and cheese from Molochny Dvor.', 'en')).toEqual([
      'Zorka',
      'Molochny Dvor',
    ]);
    expect(names('He invited food companies, including Vkusny Dom, to Tver.', 'en')).toEqual(['Vkusny Dom']);
    expect(names('Novaya Tekstilnaya Kompaniya (NTK) will buy flax.', 'en')).toContain('Novaya Tekstilnaya Kompaniya');
  });

  it('keeps one name whose "and" joins two words, and no park, zone or place in quotes', () => {
    expect(names('Orsha Linen and Flax Mill and Tver Carriage Works agreed.', 'en')).toEqual([
      'Orsha Linen and Flax Mill',
      'Tver Carriage Works',
    ]);
    expect(names('В парке «Великий камень» и в зоне «Брест» работает «Белпромстрой».', 'ru')).toEqual(['Белпромстрой']);
  });

  it('puts a bare quoted Russian name back in the nominative', () => {
    expect(
      names('Он отметил удобрения «Лида Азота», сыры «Мостовского продукта» и технику «Лидсельмаша».', 'ru'),
    ).toEqual(['Лида Азот', 'Мостовский продукт', 'Лидсельмаш']);
  });

  it('reads a legal form after a name, a brand before a lower-case head and makers among examples', () => {
    expect(names('Prices of Pavlodar Aluminium Smelter JSC rose.', 'en')).toEqual(['Pavlodar Aluminium Smelter JSC']);
    expect(names('He visited the Lida Motors plant.', 'en')).toEqual(['Lida Motors']);
    expect(names('Furniture makers, among them Pinskdrev, came. Zinc produced by Ridderzinc went west.', 'en')).toEqual(
      ['Pinskdrev', 'Ridderzinc'],
    );
  });

  it('takes no event for an organization', () => {
    expect(names('Он пригласил гостей на выставку «Агропромэкспо» и на «Белагро».', 'ru')).toEqual([]);
  });
});

describe('one organization named several ways', () => {
  const groups = (text: string, lang: Lang) => {
    const a = read(text, lang);
    return groupOrganizations(a.organizations, findOrganizations(a)).map((g) => g.name);
  };

  it('gathers a short name in brackets, an acronym of the full name, a brand and its holding', () => {
    expect(groups('Orsha Flax Mill (OFM) will ship linen. OFM also sells yarn.', 'en')).toEqual(['Orsha Flax Mill']);
    expect(groups('Novaya Tekstilnaya Kompaniya (NTK) will buy flax.', 'en')).toEqual(['Novaya Tekstilnaya Kompaniya']);
    expect(
      groups('Делегацию приняла Белорусская калийная компания. Представители БКК рассказали о поставках.', 'ru'),
    ).toEqual(['Белорусская калийная компания']);
    expect(groups('ПАО «Акрон Холдинг» подписало договор. Переговоры с Акроном продолжатся.', 'ru')).toEqual([
      'ПАО «Акрон Холдинг»',
    ]);
  });

  it('keeps a subsidiary named after its parent apart', () => {
    expect(groups('ПАО «Газпром» и ОАО «Газпром трансгаз Беларусь» обсудили транзит.', 'ru')).toHaveLength(2);
  });
});

describe('the sides and the meeting', () => {
  it('takes home from the publisher and the partner region before its country', () => {
    const a = read(
      'Talks with Tver Oblast\n\nBelarus and Russia’s Tver Oblast agreed on 15 May to expand trade.',
      'en',
    );
    expect(findSides(a, { publisherTerritories: ['BY'], given: null, workspaceHome: null })).toMatchObject({
      home: 'BY',
      partner: 'RU-TVE',
    });
  });

  it('dates a meeting whose year is not written beside its day, and places it', () => {
    const a = read('Talks in Minsk\n\nThe president met the governor in Minsk on 15 May.', 'en', '2019-05-16');
    expect(findMeeting(a)).toMatchObject({ heldOn: '2019-05-15', place: 'Minsk', kind: 'talks' });
  });

  it('reads a Russian place in the locative back as its name', () => {
    const a = read('Президент Беларуси 15 мая провел переговоры в Витебске.', 'ru', '2019-05-16');
    expect(findMeeting(a)).toMatchObject({ heldOn: '2019-05-15', place: 'Витебск' });
  });
});

describe('commodities and projects', () => {
  it('tells exports from imports by the nearest word of selling or buying before them', () => {
    const a = read('Belarus sold the region tractors and bought timber.', 'en');
    const sentence = a.sentences[0]!;
    const flows = a.commodities.map((c) =>
      commodityFlow(a, sentence, c, { home: 'BY', partner: 'RU-TVE', rule: 'test' }),
    );
    expect(flows).toEqual(['export', 'import']);
  });

  it('names a project from its cue to the end of the clause, only for what is proposed or promised', () => {
    const text = 'The governor proposed joint production of road machines in Tver, with support from the region.';
    const a = read(text, 'en');
    const span = { start: 13, end: text.length };
    expect(findProjects(a, { kind: 'proposal', span }, [])).toMatchObject({
      title: 'Joint production of road machines in Tver',
      kind: 'joint_production',
    });
    expect(findProjects(a, { kind: 'assessment', span }, [])).toBeNull();
  });
});
