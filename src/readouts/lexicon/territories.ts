import { countryReferences } from '../../registry/reference/countries.ts';
import { regions, type RegionReference } from '../../registry/reference/regions.ts';
import type { GazetteerEntry } from '../text/gazetteer.ts';

export interface TerritoryData {
  code: string;
  level: 'country' | 'region';
  parent: string | null;
}

export interface TerritoryEntry extends GazetteerEntry {
  kind: 'territory' | 'demonym';
  data: TerritoryData;
}

/** Names readouts use that the ISO package lacks. */
const COUNTRY_ALIASES: Record<string, string[]> = {
  RU: ['РФ', 'Российская Федерация'],
  BY: ['Republic of Belarus', 'Республика Беларусь', 'Белоруссия', 'РБ', 'Belorussia', 'Byelorussia'],
  KZ: ['Republic of Kazakhstan', 'Республика Казахстан'],
  KG: ['Kyrgyz Republic', 'Kirghizia', 'Кыргызстан', 'Кыргызская Республика'],
  MD: ['Moldova', 'Молдова', 'Республика Молдова'],
  UZ: ['Republic of Uzbekistan', 'Республика Узбекистан'],
  TJ: ['Republic of Tajikistan', 'Республика Таджикистан'],
  AM: ['Republic of Armenia', 'Республика Армения'],
  AZ: ['Republic of Azerbaijan', 'Азербайджанская Республика'],
  CN: ['PRC', 'Китай'],
  US: ['США', 'Соединенные Штаты', 'Соединенные Штаты Америки'],
  GB: ['Britain', 'Соединенное Королевство'],
  DE: ['ФРГ', 'Federal Republic of Germany', 'Федеративная Республика Германия'],
  AE: ['Emirates', 'Эмираты', 'Объединенные Арабские Эмираты'],
  VN: ['Viet Nam', 'Socialist Republic of Vietnam', 'Социалистическая Республика Вьетнам'],
  VE: ['Bolivarian Republic of Venezuela'],
  IR: ['Исламская Республика Иран'],
  EG: ['Arab Republic of Egypt', 'Арабская Республика Египет'],
  PK: ['Islamic Republic of Pakistan', 'Исламская Республика Пакистан'],
  IN: ['Republic of India', 'Республика Индия'],
  TR: ['Turkiye', 'Турецкая Республика'],
  CU: ['Republic of Cuba', 'Республика Куба'],
  KR: ['South Korea', 'Южная Корея'],
  KP: ['КНДР'],
};

/** Adjectives and nouns naming a country's people, firms or side: "the Belarusian side", «российские партнеры». */
const DEMONYMS: Record<string, { en: string[]; ru: string[] }> = {
  BY: { en: ['Belarusian', 'Belarussian', 'Belorussian', 'Byelorussian'], ru: ['белорусский', 'белорус'] },
  RU: { en: ['Russian'], ru: ['российский', 'россиянин', 'русский'] },
  KZ: { en: ['Kazakh', 'Kazakhstani'], ru: ['казахстанский', 'казахский'] },
  UZ: { en: ['Uzbek', 'Uzbekistani'], ru: ['узбекский', 'узбекистанский'] },
  KG: { en: ['Kyrgyz', 'Kirghiz'], ru: ['киргизский', 'кыргызский', 'кыргызстанский'] },
  TJ: { en: ['Tajik', 'Tajikistani'], ru: ['таджикский', 'таджикистанский'] },
  TM: { en: ['Turkmen'], ru: ['туркменский'] },
  AZ: { en: ['Azerbaijani', 'Azeri'], ru: ['азербайджанский'] },
  AM: { en: ['Armenian'], ru: ['армянский'] },
  MD: { en: ['Moldovan', 'Moldavian'], ru: ['молдавский', 'молдовский'] },
  GE: { en: ['Georgian'], ru: ['грузинский'] },
  UA: { en: ['Ukrainian'], ru: ['украинский'] },
  CN: { en: ['Chinese'], ru: ['китайский'] },
  IN: { en: ['Indian'], ru: ['индийский'] },
  TR: { en: ['Turkish'], ru: ['турецкий'] },
  IR: { en: ['Iranian'], ru: ['иранский'] },
  AE: { en: ['Emirati'], ru: ['эмиратский'] },
  VN: { en: ['Vietnamese'], ru: ['вьетнамский'] },
  VE: { en: ['Venezuelan'], ru: ['венесуэльский'] },
  CU: { en: ['Cuban'], ru: ['кубинский'] },
  EG: { en: ['Egyptian'], ru: ['египетский'] },
  PK: { en: ['Pakistani'], ru: ['пакистанский'] },
  DE: { en: ['German'], ru: ['германский', 'немецкий'] },
  FR: { en: ['French'], ru: ['французский'] },
  IT: { en: ['Italian'], ru: ['итальянский'] },
  ES: { en: ['Spanish'], ru: ['испанский'] },
  PL: { en: ['Polish'], ru: ['польский'] },
  NL: { en: ['Dutch'], ru: ['нидерландский', 'голландский'] },
  BE: { en: ['Belgian'], ru: ['бельгийский'] },
  SE: { en: ['Swedish'], ru: ['шведский'] },
  AT: { en: ['Austrian'], ru: ['австрийский'] },
  CZ: { en: ['Czech'], ru: ['чешский'] },
  HU: { en: ['Hungarian'], ru: ['венгерский'] },
  RO: { en: ['Romanian'], ru: ['румынский'] },
  LT: { en: ['Lithuanian'], ru: ['литовский'] },
  LV: { en: ['Latvian'], ru: ['латвийский'] },
  EE: { en: ['Estonian'], ru: ['эстонский'] },
  FI: { en: ['Finnish'], ru: ['финский', 'финляндский'] },
  RS: { en: ['Serbian'], ru: ['сербский'] },
  US: { en: ['American'], ru: ['американский'] },
  GB: { en: ['British'], ru: ['британский'] },
  JP: { en: ['Japanese'], ru: ['японский'] },
  KR: { en: ['South Korean'], ru: ['южнокорейский'] },
  MN: { en: ['Mongolian'], ru: ['монгольский'] },
  ID: { en: ['Indonesian'], ru: ['индонезийский'] },
  BR: { en: ['Brazilian'], ru: ['бразильский'] },
  SA: { en: ['Saudi'], ru: ['саудовский'] },
  SY: { en: ['Syrian'], ru: ['сирийский'] },
  ZA: { en: ['South African'], ru: ['южноафриканский'] },
  NG: { en: ['Nigerian'], ru: ['нигерийский'] },
};

/**
 * Short and popular names of regions: republics without the word "Republic", «Курщина», Kuban; Kazakh and Uzbek
 * ones also by their Latin-script spellings (Qostanay, Samarqand), former names and acronyms («СКО»); Chinese
 * autonomous regions by their short names (Guangxi, «Синьцзян»); Vietnamese ones also as Vietnamese spells them,
 * with diacritics ("Hưng Yên"), which English texts from Vietnam keep.
 */
const REGION_ALIASES: Record<string, string[]> = {
  'RU-AD': ['Adygea', 'Адыгея'],
  'RU-AL': ['Gorno-Altai'],
  'RU-BA': ['Bashkortostan', 'Bashkiria', 'Башкортостан', 'Башкирия'],
  'RU-BU': ['Buryatia', 'Бурятия'],
  'RU-CE': ['Chechnya', 'Чечня'],
  'RU-CHU': ['Chukotka', 'Чукотка', 'Чукотский АО'],
  'RU-CU': ['Chuvashia', 'Чувашия'],
  'RU-DA': ['Dagestan', 'Дагестан'],
  'RU-IN': ['Ingushetia', 'Ингушетия'],
  'RU-KB': ['Kabardino-Balkaria', 'Кабардино-Балкария'],
  'RU-KC': ['Karachay-Cherkessia', 'Карачаево-Черкесия'],
  'RU-KDA': ['Kuban', 'Кубань'],
  'RU-KEM': ['Kemerovo Oblast', 'Kuzbass', 'Кемеровская область', 'Кузбасс'],
  'RU-KHM': ['Khanty-Mansi Autonomous Okrug', 'Yugra', 'Ханты-Мансийский автономный округ', 'Югра', 'ХМАО'],
  'RU-KK': ['Khakassia', 'Хакасия'],
  'RU-KL': ['Kalmykia', 'Калмыкия'],
  'RU-KO': ['Komi', 'Коми'],
  'RU-KR': ['Karelia', 'Карелия'],
  'RU-KRS': ['Курщина'],
  'RU-BRY': ['Брянщина'],
  'RU-SMO': ['Смоленщина'],
  'RU-BEL': ['Белгородчина'],
  'RU-ORL': ['Орловщина'],
  'RU-TAM': ['Тамбовщина'],
  'RU-PSK': ['Псковщина'],
  'RU-RYA': ['Рязанщина'],
  'RU-YAR': ['Ярославщина'],
  'RU-VLG': ['Вологодчина'],
  'RU-NGR': ['Новгородчина'],
  'RU-LEN': ['Ленобласть'],
  'RU-MOS': ['Подмосковье'],
  'RU-PER': ['Прикамье'],
  'RU-PRI': ['Primorye', 'Приморье'],
  'RU-STA': ['Ставрополье'],
  'RU-ZAB': ['Zabaikalye', 'Забайкалье'],
  'RU-ME': ['Mari El', 'Марий Эл'],
  'RU-MO': ['Mordovia', 'Мордовия'],
  'RU-SA': ['Yakutia', 'Republic of Sakha', 'Якутия', 'Республика Саха'],
  'RU-SE': ['North Ossetia', 'Северная Осетия'],
  'RU-SPE': ['St. Petersburg', 'St Petersburg', 'Petersburg', 'Петербург'],
  'RU-TA': ['Tatarstan', 'Татарстан'],
  'RU-TY': ['Tuva', 'Tyva', 'Тыва', 'Тува'],
  'RU-UD': ['Udmurtia', 'Удмуртия'],
  'RU-YAN': ['Yamal', 'Ямал', 'ЯНАО'],
  'BY-BR': ['Брестчина'],
  'BY-HO': ['Гомельщина'],
  'BY-HR': ['Гродненщина'],
  'BY-MA': ['Могилевщина'],
  'BY-VI': ['Витебщина'],
  'BY-MI': [
    'Минщина',
    'Минский облисполком',
    'Минский областной исполнительный комитет',
    'Minsk Regional Executive Committee',
    'Minsk Oblast Executive Committee',
  ],
  'BY-HM': [
    'Мингорисполком',
    'Минский горисполком',
    'Минский городской исполнительный комитет',
    'Minsk City Executive Committee',
    'Minsk City',
  ],
  'CN-AH': ['Аньхуэй'],
  'CN-BJ': ['Beijing Municipality'],
  'CN-CQ': ['Chongqing Municipality'],
  'CN-GX': ['Guangxi', 'Гуанси'],
  'CN-HK': ['Hong Kong SAR', 'HKSAR', 'САР Гонконг', 'Сянган'],
  'CN-JL': ['Гирин'],
  'CN-MO': ['Macau Special Administrative Region', 'Macao SAR', 'Macau SAR', 'САР Макао', 'Аомынь'],
  'CN-NM': ['Inner Mongolia', 'Nei Mongol', 'Внутренняя Монголия'],
  'CN-NX': ['Ningxia', 'Нинся'],
  'CN-SH': ['Shanghai Municipality'],
  'CN-TJ': ['Tianjin Municipality'],
  'CN-XJ': ['Xinjiang Uyghur Autonomous Region', 'Xinjiang', 'Синьцзян', 'СУАР'],
  'CN-XZ': ['Xizang Autonomous Region', 'Tibet', 'Xizang', 'Тибет'],
  'KZ-AKM': ['Aqmola Region'],
  'KZ-AKT': ['Aqtobe Region', 'Aktyubinsk Region'],
  'KZ-ALA': ['Almaty City', 'Алма-Ата'],
  'KZ-AST': ['Nur-Sultan', 'Нур-Султан'],
  'KZ-KAR': ['Karagandy Region', 'Qaraghandy Region'],
  'KZ-KUS': ['Kostanai Region', 'Qostanay Region'],
  'KZ-KZY': ['Qyzylorda Region'],
  'KZ-MAN': ['Mangistau Region'],
  'KZ-SEV': ['СКО'],
  'KZ-SHY': ['Chimkent', 'Чимкент'],
  'KZ-VOS': ['ВКО'],
  'KZ-YUZ': ['Turkestan Region', 'South Kazakhstan Region', 'Южно-Казахстанская область', 'ЮКО'],
  'KZ-ZAP': ['ЗКО'],
  'KZ-ZHA': ['Zhambyl Region'],
  'UZ-AN': ['Andijon Region'],
  'UZ-BU': ['Buxoro Region'],
  'UZ-FA': ['Ferghana Region'],
  'UZ-JI': ['Jizzax Region'],
  'UZ-NW': ['Navoi Region'],
  'UZ-QA': ['Qashqadaryo Region'],
  'UZ-QR': ['Каракалпакия'],
  'UZ-SA': ['Samarqand Region'],
  'UZ-SI': ['Sirdaryo Region'],
  'UZ-SU': ['Surxondaryo Region'],
  'UZ-XO': ['Xorazm Region', 'Хорезм'],
  'VN-01': ['Lai Châu Province'],
  'VN-02': ['Lào Cai Province'],
  'VN-03': ['Hà Giang Province'],
  'VN-04': ['Cao Bằng Province'],
  'VN-05': ['Sơn La Province'],
  'VN-06': ['Yên Bái Province'],
  'VN-07': ['Tuyên Quang Province'],
  'VN-09': ['Lạng Sơn Province'],
  'VN-13': ['Quảng Ninh Province'],
  'VN-14': ['Hòa Bình Province'],
  'VN-18': ['Ninh Bình Province'],
  'VN-20': ['Thái Bình Province'],
  'VN-21': ['Thanh Hóa Province'],
  'VN-22': ['Nghệ An Province'],
  'VN-23': ['Hà Tĩnh Province'],
  'VN-24': ['Quảng Bình Province'],
  'VN-25': ['Quảng Trị Province'],
  'VN-26': ['Thừa Thiên Huế Province'],
  'VN-27': ['Quảng Nam Province'],
  'VN-28': ['Kon Tum Province'],
  'VN-29': ['Quảng Ngãi Province'],
  'VN-30': ['Gia Lai Province'],
  'VN-31': ['Bình Định Province'],
  'VN-32': ['Phú Yên Province'],
  'VN-33': ['Đắk Lắk Province', 'Daklak'],
  'VN-34': ['Khánh Hòa Province'],
  'VN-35': ['Lâm Đồng Province'],
  'VN-36': ['Ninh Thuận Province'],
  'VN-37': ['Tây Ninh Province'],
  'VN-39': ['Đồng Nai Province'],
  'VN-40': ['Bình Thuận Province'],
  'VN-41': ['Long An Province'],
  'VN-43': ['Bà Rịa-Vũng Tàu Province'],
  'VN-44': ['An Giang Province'],
  'VN-45': ['Đồng Tháp Province'],
  'VN-46': ['Tiền Giang Province'],
  'VN-47': ['Kiên Giang Province'],
  'VN-49': ['Vĩnh Long Province'],
  'VN-50': ['Bến Tre Province'],
  'VN-51': ['Trà Vinh Province'],
  'VN-52': ['Sóc Trăng Province'],
  'VN-53': ['Bắc Kạn Province', 'Bac Can Province'],
  'VN-54': ['Bắc Giang Province'],
  'VN-55': ['Bạc Liêu Province'],
  'VN-56': ['Bắc Ninh Province'],
  'VN-57': ['Bình Dương Province'],
  'VN-58': ['Bình Phước Province'],
  'VN-59': ['Cà Mau Province'],
  'VN-61': ['Hải Dương Province'],
  'VN-63': ['Hà Nam Province'],
  'VN-66': ['Hưng Yên Province'],
  'VN-67': ['Nam Định Province'],
  'VN-68': ['Phú Thọ Province'],
  'VN-69': ['Thái Nguyên Province'],
  'VN-70': ['Vĩnh Phúc Province'],
  'VN-71': ['Điện Biên Province'],
  'VN-72': ['Đắk Nông Province'],
  'VN-73': ['Hậu Giang Province'],
  'VN-CT': ['Cần Thơ'],
  'VN-DN': ['Đà Nẵng', 'Danang'],
  'VN-HN': ['Hà Nội', 'Ha Noi'],
  'VN-HP': ['Hải Phòng', 'Haiphong'],
  'VN-SG': ['Hồ Chí Minh City', 'HCMC', 'HCM City', 'Saigon', 'Сайгон'],
};

/**
 * Words that would name a region or a country but far more often mean something else: adjectives shared by a city
 * and its region («минский», «московский»), a first name ("Vladimir"), a pronoun («Того» is Togo and «того»).
 */
const AMBIGUOUS_NAMES = new Set(['минский', 'московский', 'алматинский', 'ташкентский', 'Vladimir', 'Того']);

/**
 * "Kursk Oblast" / "Brest Region" also as "Kursk Region", "Brest Oblast"; "X Krai" also as "X Territory"; a Chinese
 * or Vietnamese "X Province" also as plain "X", which names the province rather than its capital ("Jiangsu").
 */
function englishForms(name: string): { names: string[]; base: string | null } {
  const province = /^(.+?) Province$/u.exec(name);
  if (province) return { names: [name, province[1]!], base: null };
  // China's autonomous and special administrative regions: the short names are aliases (Guangxi, Hong Kong SAR).
  if (/ (?:Autonomous|Special Administrative) Region$/u.test(name)) return { names: [name], base: null };
  const oblast = /^(.+?) (?:Oblast|Region)$/u.exec(name);
  if (oblast) {
    const base = oblast[1]!.endsWith(' Autonomous') ? null : oblast[1]!;
    return { names: [name, `${oblast[1]} Oblast`, `${oblast[1]} Region`], base };
  }
  const krai = /^(.+?) Krai$/u.exec(name);
  if (krai) return { names: [name, `${krai[1]} Territory`, `${krai[1]} Region`], base: krai[1]! };
  const okrug = /^(.+?) Autonomous Okrug$/u.exec(name);
  if (okrug) return { names: [name, `${okrug[1]} Autonomous District`], base: null };
  const republicOf = /^Republic of (.+)$/u.exec(name);
  if (republicOf) return { names: [name, `${republicOf[1]} Republic`, republicOf[1]!], base: null };
  return { names: [name], base: null };
}

/**
 * «Курская область» also as «Курская обл.», and the adjective «курский» for the region's people and firms;
 * «Северо-Казахстанская область» likewise. «провинция Цзянсу» also as plain «Цзянсу»: the word comes before the
 * name, which does not decline, so «провинции Хэйлунцзян» and «с провинцией Цзянсу» match word by word.
 */
function russianForms(name: string): { names: string[]; adjective: string | null } {
  const province = /^провинция (.+)$/u.exec(name);
  if (province) return { names: [name, province[1]!], adjective: null };
  const oblast = /^(\p{L}+(?:-\p{L}+)?)ая область$/u.exec(name);
  if (oblast) return { names: [name, `${oblast[1]}ая обл.`], adjective: `${oblast[1]!.toLowerCase()}ий` };
  const krai = /^(\p{L}+ий) край$/u.exec(name);
  if (krai) return { names: [name], adjective: krai[1]!.toLowerCase() };
  const republic = /^Республика (.+)$/u.exec(name);
  if (republic) return { names: [name, republic[1]!], adjective: null };
  return { names: [name], adjective: null };
}

/**
 * A name from the ISO package as a readout writes it: «КНР (Китайская Народная Республика)» gives both, while
 * «Виргинские Острова (США)» gives only the islands: the brackets spell out an acronym or qualify a name.
 */
function countryNames(name: string): string[] {
  const bracket = /^(.+?) \((.+)\)$/u.exec(name);
  if (bracket) return /^\p{Lu}+$/u.test(bracket[1]!) ? [bracket[1]!, bracket[2]!] : [bracket[1]!];
  const inverted = /^([^,]+), /u.exec(name);
  if (inverted) return [inverted[1]!];
  return [name];
}

function regionEntries(region: RegionReference): TerritoryEntry[] {
  const data: TerritoryData = { code: region.code, level: 'region', parent: region.parent };
  const en = englishForms(region.nameEn);
  const ru = russianForms(region.nameRu);
  const aliases = (REGION_ALIASES[region.code] ?? []).flatMap((a) => [
    ...englishForms(a).names,
    ...russianForms(a).names,
  ]);
  const names = [...new Set([...en.names, ...ru.names, ...aliases])];
  const out: TerritoryEntry[] = [{ id: region.code, kind: 'territory', names, data }];
  const demonyms = [en.base, ru.adjective].filter((n): n is string => n !== null && !AMBIGUOUS_NAMES.has(n));
  if (demonyms.length > 0) out.push({ id: region.code, kind: 'demonym', names: demonyms, data });
  return out;
}

/**
 * Gazetteer entries for every country and every region in the reference data, under all the names a readout uses
 * (official and short, both languages), and the adjectives and demonyms that point at them as kind 'demonym'.
 */
export function territoryEntries(): TerritoryEntry[] {
  const references = countryReferences();
  // «США» is also among the names of the US Virgin Islands: a name several countries share stays with the one
  // whose usual name it is.
  const usual = new Map(references.flatMap((c) => [c.nameEn, c.nameRu].flatMap(countryNames).map((n) => [n, c.code])));
  const countries: TerritoryEntry[] = references.flatMap((c) => {
    const data: TerritoryData = { code: c.code, level: 'country', parent: null };
    const names = [c.nameEn, c.nameRu, ...c.otherNames, ...(COUNTRY_ALIASES[c.code] ?? [])]
      .flatMap(countryNames)
      .filter((n) => (usual.get(n) ?? c.code) === c.code && !AMBIGUOUS_NAMES.has(n));
    const entries: TerritoryEntry[] = [{ id: c.code, kind: 'territory', names: [...new Set(names)], data }];
    const demonyms = DEMONYMS[c.code];
    if (demonyms) entries.push({ id: c.code, kind: 'demonym', names: [...demonyms.en, ...demonyms.ru], data });
    return entries;
  });
  // A region named like a country of its own (Taiwan Province, Hong Kong) leaves the bare name to the country.
  const countryNamed = new Set(
    countries.filter((e) => e.kind === 'territory').flatMap((e) => e.names.map((n) => n.toLowerCase())),
  );
  const regional = regions
    .flatMap(regionEntries)
    .map((e) =>
      e.kind === 'territory' ? { ...e, names: e.names.filter((n) => !countryNamed.has(n.toLowerCase())) } : e,
    );
  // A region's bare name that is also a territory of its own ("Minsk" for Minsk Region) names the other one.
  const taken = new Set(
    [...countries, ...regional]
      .filter((e) => e.kind === 'territory')
      .flatMap((e) => e.names.map((n) => n.toLowerCase())),
  );
  const baseCount = new Map<string, number>();
  for (const e of regional)
    if (e.kind === 'demonym') for (const n of e.names) baseCount.set(n, (baseCount.get(n) ?? 0) + 1);
  const cleaned = regional
    .map((e) =>
      e.kind === 'demonym'
        ? { ...e, names: e.names.filter((n) => !taken.has(n.toLowerCase()) && baseCount.get(n) === 1) }
        : e,
    )
    .filter((e) => e.names.length > 0);
  return [...countries, ...cleaned];
}
