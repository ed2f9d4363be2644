import { beforeAll, describe, expect, it } from 'vitest';
import { createGazetteer, type Gazetteer } from '../text/gazetteer.ts';
import { loadMorphology } from '../text/morphology.ts';
import { territoryEntries } from './territories.ts';

let gazetteer: Gazetteer;
beforeAll(async () => {
  gazetteer = createGazetteer(await loadMorphology(), territoryEntries());
});

const found = (text: string, lang: 'en' | 'ru') =>
  gazetteer.find(text, lang).map((m) => `${m.kind}:${(m.data as { code: string }).code}:${text.slice(m.start, m.end)}`);

describe('territory lexicon', () => {
  it('names Kursk Oblast every way an English readout does', () => {
    expect(
      found(
        'Talks with the Kursk region went well. Kursk Oblast and the Kursk Region exported more; Kursk firms agree.',
        'en',
      ),
    ).toEqual([
      'territory:RU-KRS:Kursk region',
      'territory:RU-KRS:Kursk Oblast',
      'territory:RU-KRS:Kursk Region',
      'demonym:RU-KRS:Kursk',
    ]);
  });

  it('names Kursk Oblast every way a Russian readout does', () => {
    expect(found('Делегация Курской области приехала в Минск. Курщину и курских аграриев знают.', 'ru')).toEqual([
      'territory:RU-KRS:Курской области',
      'territory:BY-HM:Минск',
      'territory:RU-KRS:Курщину',
      'demonym:RU-KRS:курских',
    ]);
  });

  it('knows the countries by official, short and old names', () => {
    expect(
      found('The Republic of Belarus, Belarus’ partner Russia and the Russian Federation; the US and the UAE.', 'en'),
    ).toEqual([
      'territory:BY:Republic of Belarus',
      'territory:BY:Belarus’',
      'territory:RU:Russia',
      'territory:RU:Russian Federation',
      'territory:US:US',
      'territory:AE:UAE',
    ]);
    expect(found('Белоруссия, Республика Беларусь, РФ, Россией, КНР и Китаем, ОАЭ.', 'ru')).toEqual([
      'territory:BY:Белоруссия',
      'territory:BY:Республика Беларусь',
      'territory:RU:РФ',
      'territory:RU:Россией',
      'territory:CN:КНР',
      'territory:CN:Китаем',
      'territory:AE:ОАЭ',
    ]);
  });

  it('maps country adjectives to the country as demonyms', () => {
    expect(found('The Belarusian side and Russian, Kazakh, Chinese and Vietnamese partners.', 'en')).toEqual([
      'demonym:BY:Belarusian',
      'demonym:RU:Russian',
      'demonym:KZ:Kazakh',
      'demonym:CN:Chinese',
      'demonym:VN:Vietnamese',
    ]);
    expect(found('Белорусская сторона и российские, турецкие, иранские компании.', 'ru')).toEqual([
      'demonym:BY:Белорусская',
      'demonym:RU:российские',
      'demonym:TR:турецкие',
      'demonym:IR:иранские',
    ]);
  });

  it('covers every Russian region and the Belarusian ones, in both languages', () => {
    expect(found('Республика Татарстан, Татарстан, Краснодарский край, Кубань, Гомельская область', 'ru')).toEqual([
      'territory:RU-TA:Республика Татарстан',
      'territory:RU-TA:Татарстан',
      'territory:RU-KDA:Краснодарский край',
      'territory:RU-KDA:Кубань',
      'territory:BY-HO:Гомельская область',
    ]);
    expect(found('Republic of Tatarstan, Krasnodar Territory, Nizhny Novgorod Oblast, Novgorod Region', 'en')).toEqual([
      'territory:RU-TA:Republic of Tatarstan',
      'territory:RU-KDA:Krasnodar Territory',
      'territory:RU-NIZ:Nizhny Novgorod Oblast',
      'territory:RU-NGR:Novgorod Region',
    ]);
  });

  it('finds Kazakh and Uzbek regions by their ISO codes, in both languages', () => {
    expect(
      found('Делегации Северо-Казахстанской области и Самаркандской области, СКО, Туркестанская обл. и Ташкент.', 'ru'),
    ).toEqual([
      'territory:KZ-SEV:Северо-Казахстанской области',
      'territory:UZ-SA:Самаркандской области',
      'territory:KZ-SEV:СКО',
      'territory:KZ-YUZ:Туркестанская обл',
      'territory:UZ-TK:Ташкент',
    ]);
    expect(
      found(
        'North Kazakhstan Region, the Kostanay region, Qostanay Region, Samarkand Region and the Republic of Karakalpakstan.',
        'en',
      ),
    ).toEqual([
      'territory:KZ-SEV:North Kazakhstan Region',
      'territory:KZ-KUS:Kostanay region',
      'territory:KZ-KUS:Qostanay Region',
      'territory:UZ-SA:Samarkand Region',
      'territory:UZ-QR:Republic of Karakalpakstan',
    ]);
    expect(found('Almaty Region and Almaty; Tashkent Region and Tashkent.', 'en')).toEqual([
      'territory:KZ-ALM:Almaty Region',
      'territory:KZ-ALA:Almaty',
      'territory:UZ-TO:Tashkent Region',
      'territory:UZ-TK:Tashkent',
    ]);
    expect(found('северо-казахстанские и самаркандские предприятия', 'ru')).toEqual([
      'demonym:KZ-SEV:северо-казахстанские',
      'demonym:UZ-SA:самаркандские',
    ]);
  });

  it('finds Chinese provinces and autonomous regions, in both languages', () => {
    expect(
      found(
        'The Governor of Jiangsu Province met the Heilongjiang delegation; the Guangxi Zhuang Autonomous Region, ' +
          'Guangxi and Inner Mongolia, not Mongolia; Shaanxi and Shanxi; Chongqing Municipality.',
        'en',
      ),
    ).toEqual([
      'territory:CN-JS:Jiangsu Province',
      'territory:CN-HL:Heilongjiang',
      'territory:CN-GX:Guangxi Zhuang Autonomous Region',
      'territory:CN-GX:Guangxi',
      'territory:CN-NM:Inner Mongolia',
      'territory:MN:Mongolia',
      'territory:CN-SN:Shaanxi',
      'territory:CN-SX:Shanxi',
      'territory:CN-CQ:Chongqing Municipality',
    ]);
    expect(
      found(
        'Губернатор провинции Хэйлунцзян подписал соглашение с провинцией Цзянсу. Провинция Цзянси, Цзянсу, ' +
          'Гуанси-Чжуанский автономный район, во Внутренней Монголии, в Синьцзяне и в Пекине.',
        'ru',
      ),
    ).toEqual([
      'territory:CN-HL:провинции Хэйлунцзян',
      'territory:CN-JS:провинцией Цзянсу',
      'territory:CN-JX:Провинция Цзянси',
      'territory:CN-JS:Цзянсу',
      'territory:CN-GX:Гуанси-Чжуанский автономный район',
      'territory:CN-NM:Внутренней Монголии',
      'territory:CN-XJ:Синьцзяне',
      'territory:CN-BJ:Пекине',
    ]);
  });

  it('leaves the bare names of Hong Kong, Macao and Taiwan to their country codes', () => {
    expect(found('Hong Kong and the Hong Kong SAR, Taiwan and Taiwan Province, Macao.', 'en')).toEqual([
      'territory:HK:Hong Kong',
      'territory:CN-HK:Hong Kong SAR',
      'territory:TW:Taiwan',
      'territory:CN-TW:Taiwan Province',
      'territory:MO:Macao',
    ]);
    expect(found('Гонконг и САР Гонконг, Тайвань и провинция Тайвань.', 'ru')).toEqual([
      'territory:HK:Гонконг',
      'territory:CN-HK:САР Гонконг',
      'territory:TW:Тайвань',
      'territory:CN-TW:провинция Тайвань',
    ]);
  });

  it('finds Vietnamese provinces and cities, with or without diacritics, in both languages', () => {
    expect(
      found(
        'Investors from Hung Yen province, Hưng Yên and Bac Ninh Province met in Ho Chi Minh City, HCMC and ' +
          'Hanoi; Thua Thien-Hue Province and Ba Ria - Vung Tau. President Ho Chi Minh is not a city.',
        'en',
      ),
    ).toEqual([
      'territory:VN-66:Hung Yen province',
      'territory:VN-66:Hưng Yên',
      'territory:VN-56:Bac Ninh Province',
      'territory:VN-SG:Ho Chi Minh City',
      'territory:VN-SG:HCMC',
      'territory:VN-HN:Hanoi',
      'territory:VN-26:Thua Thien-Hue Province',
      'territory:VN-43:Ba Ria - Vung Tau',
    ]);
    expect(
      found('Делегация провинции Хынгйен побывала в Хошимине, Ханое и Дананге; Ханам и провинция Бакнинь.', 'ru'),
    ).toEqual([
      'territory:VN-66:провинции Хынгйен',
      'territory:VN-SG:Хошимине',
      'territory:VN-HN:Ханое',
      'territory:VN-DN:Дананге',
      'territory:VN-63:Ханам',
      'territory:VN-56:провинция Бакнинь',
    ]);
  });

  it('does not read a first name, a pronoun or a shared name as a territory', () => {
    expect(found('Губернатор Владимир Владимиров сказал о том, что США далеко.', 'ru')).toEqual(['territory:US:США']);
    expect(found('Vladimir Putin met the governor.', 'en')).toEqual([]);
  });

  it('does not read a city name as the region it gives its name to', () => {
    expect(found('Minsk Region and Minsk', 'en')).toEqual(['territory:BY-MI:Minsk Region', 'territory:BY-HM:Minsk']);
  });
});
