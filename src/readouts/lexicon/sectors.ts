import type { GazetteerEntry } from '../text/gazetteer.ts';
import { lexiconEntries, type ExtraTerm, type LexiconRow } from './entries.ts';

/**
 * Words readouts use for a branch of the economy, in English and Russian, and the ISIC Rev.4 sections (letters) or
 * divisions (two digits) they mean, as in the registry's reference list; the first code is the one to record.
 * Left out on purpose: "trade" (nearly always "trade turnover"), «связь» (nearly always «в связи с»).
 */
export const sectorTerms: readonly LexiconRow[] = [
  // Agriculture, forestry, fishing
  {
    codes: ['A', '01'],
    en: ['agriculture', 'agricultural sector', 'agricultural industry', 'agro-industrial complex', 'agribusiness'],
    ru: ['сельское хозяйство', 'агропромышленный комплекс', 'АПК', 'аграрный сектор', 'агропром', 'аграрная отрасль'],
  },
  {
    codes: ['01'],
    en: [
      'crop production',
      'crop farming',
      'livestock farming',
      'animal husbandry',
      'dairy farming',
      'poultry farming',
    ],
    ru: ['растениеводство', 'животноводство', 'молочное животноводство', 'птицеводство', 'свиноводство'],
  },
  { codes: ['02'], en: ['forestry'], ru: ['лесное хозяйство', 'лесохозяйственная деятельность'] },
  {
    codes: ['03'],
    en: ['fishing', 'fisheries', 'fish farming'],
    ru: ['рыбное хозяйство', 'рыболовство', 'рыбоводство'],
  },
  // Mining
  {
    codes: ['B'],
    en: ['mining', 'mining industry', 'extractive industry'],
    ru: ['горнодобывающая промышленность', 'добыча полезных ископаемых', 'горная промышленность'],
  },
  {
    codes: ['06'],
    en: ['oil and gas industry', 'oil production', 'gas production'],
    ru: ['нефтегазовая отрасль', 'нефтедобыча', 'добыча нефти', 'добыча газа'],
  },
  { codes: ['07'], en: ['iron ore mining'], ru: ['добыча железной руды', 'горно-металлургический комплекс'] },
  // Manufacturing
  {
    codes: ['C'],
    en: ['manufacturing', 'manufacturing sector', 'industry', 'industrial sector', 'industrial cooperation'],
    ru: ['промышленность', 'обрабатывающая промышленность', 'промышленный сектор', 'промышленная кооперация'],
  },
  {
    codes: ['10'],
    en: [
      'food industry',
      'food processing',
      'processing of agricultural products',
      'dairy industry',
      'meat processing',
    ],
    ru: [
      'пищевая промышленность',
      'пищевая отрасль',
      'переработка сельхозпродукции',
      'молочная отрасль',
      'мясопереработка',
    ],
  },
  { codes: ['13', '14', '15'], en: ['light industry'], ru: ['легкая промышленность'] },
  { codes: ['13'], en: ['textile industry'], ru: ['текстильная промышленность', 'текстильная отрасль'] },
  { codes: ['14'], en: ['garment industry', 'clothing industry'], ru: ['швейная промышленность', 'швейная отрасль'] },
  {
    codes: ['15'],
    en: ['footwear industry', 'leather industry'],
    ru: ['обувная промышленность', 'кожевенная промышленность'],
  },
  {
    codes: ['16'],
    en: ['woodworking', 'wood processing', 'timber industry'],
    ru: ['деревообработка', 'деревообрабатывающая промышленность', 'лесная промышленность', 'лесопереработка'],
  },
  { codes: ['17'], en: ['pulp and paper industry'], ru: ['целлюлозно-бумажная промышленность'] },
  {
    codes: ['19', '20'],
    en: ['petrochemicals', 'petrochemical industry', 'oil refining'],
    ru: ['нефтехимия', 'нефтепереработка'],
  },
  {
    codes: ['20'],
    en: ['chemical industry', 'chemicals'],
    ru: ['химическая промышленность', 'химическая отрасль', 'химпром'],
  },
  {
    codes: ['21'],
    en: ['pharmaceuticals', 'pharmaceutical industry', 'pharmaceutical sector'],
    ru: ['фармацевтика', 'фармацевтическая промышленность', 'фармацевтическая отрасль', 'фармотрасль'],
  },
  { codes: ['22'], en: ['tyre industry', 'tire industry', 'rubber industry'], ru: ['шинная промышленность'] },
  {
    codes: ['23'],
    en: ['building materials industry', 'construction materials industry'],
    ru: ['промышленность строительных материалов', 'производство строительных материалов'],
  },
  {
    codes: ['24'],
    en: ['metallurgy', 'steel industry', 'metallurgical industry'],
    ru: ['металлургия', 'металлургическая промышленность', 'черная металлургия'],
  },
  { codes: ['25'], en: ['metalworking'], ru: ['металлообработка'] },
  {
    codes: ['26'],
    en: ['electronics', 'microelectronics', 'electronics industry', 'instrument making', 'optics industry'],
    ru: [
      'электроника',
      'микроэлектроника',
      'электронная промышленность',
      'приборостроение',
      'оптико-механическая промышленность',
    ],
  },
  { codes: ['27'], en: ['electrical engineering'], ru: ['электротехническая промышленность', 'электротехника'] },
  {
    codes: ['28', '29'],
    en: ['machine building', 'machine-building', 'mechanical engineering', 'engineering industry'],
    ru: ['машиностроение', 'машиностроительная отрасль', 'машиностроительный комплекс'],
  },
  {
    codes: ['28'],
    en: ['agricultural machine building', 'machine tool industry', 'tractor manufacturing'],
    ru: ['сельхозмашиностроение', 'сельскохозяйственное машиностроение', 'станкостроение', 'тракторостроение'],
  },
  {
    codes: ['29'],
    en: ['automotive industry', 'car industry', 'auto industry', 'car manufacturing', 'automobile manufacturing'],
    ru: ['автомобилестроение', 'автомобильная промышленность', 'автопром'],
  },
  {
    codes: ['30'],
    en: ['transport engineering', 'railway engineering', 'shipbuilding', 'aircraft industry', 'aircraft manufacturing'],
    ru: ['транспортное машиностроение', 'вагоностроение', 'судостроение', 'авиастроение', 'авиационная промышленность'],
  },
  {
    codes: ['31'],
    en: ['furniture industry', 'furniture making'],
    ru: ['мебельная промышленность', 'мебельная отрасль'],
  },
  {
    codes: ['33'],
    en: ['machinery maintenance', 'service maintenance of machinery', 'repair of machinery'],
    ru: ['сервисное обслуживание техники', 'ремонт техники', 'сервисное обслуживание'],
  },
  // Energy, utilities
  {
    codes: ['D', '35'],
    en: ['energy', 'energy sector', 'power industry', 'power engineering', 'power sector'],
    ru: ['энергетика', 'энергетический сектор', 'электроэнергетика', 'энергосектор', 'энергетическая отрасль'],
  },
  {
    codes: ['35', 'D'],
    en: ['nuclear power', 'nuclear energy', 'nuclear power industry', 'atomic energy', 'nuclear industry'],
    ru: ['атомная энергетика', 'атомная отрасль', 'ядерная энергетика', 'атомная промышленность'],
  },
  {
    codes: ['35'],
    en: ['gas supply', 'heat supply', 'gasification', 'renewable energy'],
    ru: ['газоснабжение', 'теплоснабжение', 'газификация', 'возобновляемая энергетика', 'энергоснабжение'],
  },
  {
    codes: ['E'],
    en: ['water supply', 'sewerage', 'waste management'],
    ru: ['водоснабжение', 'водоотведение', 'обращение с отходами'],
  },
  { codes: ['38'], en: ['waste recycling', 'waste processing'], ru: ['переработка отходов', 'утилизация отходов'] },
  // Construction
  {
    codes: ['F'],
    en: ['construction', 'construction sector', 'construction industry', 'building industry'],
    ru: ['строительство', 'строительная отрасль', 'строительный комплекс', 'стройкомплекс', 'строительная сфера'],
  },
  {
    codes: ['41'],
    en: ['housing construction', 'house building', 'residential construction', 'housing'],
    ru: ['жилищное строительство', 'домостроение', 'строительство жилья', 'жилищная сфера'],
  },
  {
    codes: ['42'],
    en: ['road construction', 'road building', 'infrastructure construction', 'civil engineering'],
    ru: ['дорожное строительство', 'строительство дорог', 'инфраструктурное строительство'],
  },
  { codes: ['F', '41'], en: ['turnkey construction', 'turn-key construction'], ru: ['строительство под ключ'] },
  // Trade, transport, tourism
  {
    codes: ['46'],
    en: ['wholesale trade', 'wholesale', 'dealer network', 'distribution network', 'commodity distribution network'],
    ru: ['оптовая торговля', 'товаропроводящая сеть', 'дилерская сеть', 'сбытовая сеть'],
  },
  { codes: ['47'], en: ['retail', 'retail trade'], ru: ['розничная торговля', 'ритейл'] },
  {
    codes: ['H'],
    en: ['transport', 'transportation', 'transport sector'],
    ru: ['транспорт', 'транспортная отрасль', 'транспортный комплекс', 'транспортная сфера'],
  },
  {
    codes: ['49'],
    en: ['road transport', 'rail transport', 'railway transport', 'freight transport', 'trucking'],
    ru: ['автомобильный транспорт', 'железнодорожный транспорт', 'автоперевозки', 'грузоперевозки'],
  },
  {
    codes: ['50'],
    en: ['river transport', 'water transport', 'shipping'],
    ru: ['речной транспорт', 'водный транспорт'],
  },
  {
    codes: ['51'],
    en: ['air transport', 'aviation', 'air services'],
    ru: ['воздушный транспорт', 'авиаперевозки', 'авиасообщение'],
  },
  {
    codes: ['52'],
    en: ['logistics', 'warehousing', 'transit', 'logistics centres', 'logistics centers'],
    ru: ['логистика', 'транзит', 'складская логистика', 'логистические центры', 'логистический центр'],
  },
  {
    codes: ['I', '55'],
    en: ['tourism', 'tourist industry', 'hospitality', 'hotel business'],
    ru: ['туризм', 'туристическая отрасль', 'туристическая сфера', 'гостиничный бизнес', 'туриндустрия'],
  },
  { codes: ['56'], en: ['catering', 'public catering'], ru: ['общественное питание', 'общепит'] },
  // Information, finance, science
  {
    codes: ['J', '62'],
    en: ['ICT', 'information and communication technologies', 'digital economy', 'digitalization', 'digitalisation'],
    ru: [
      'ИКТ',
      'информационно-коммуникационные технологии',
      'цифровая экономика',
      'цифровизация',
      'цифровая трансформация',
    ],
  },
  {
    codes: ['62', 'J'],
    en: ['IT', 'information technology', 'information technologies', 'IT sector', 'software development'],
    ru: ['IT', 'ИТ', 'информационные технологии', 'IT-сфера', 'разработка программного обеспечения', 'айти'],
  },
  { codes: ['61'], en: ['telecommunications', 'telecoms'], ru: ['телекоммуникации', 'телекоммуникационная отрасль'] },
  {
    codes: ['K'],
    en: ['finance', 'financial sector', 'financial services'],
    ru: ['финансовый сектор', 'финансовая сфера'],
  },
  {
    codes: ['64'],
    en: ['banking', 'banking sector', 'leasing'],
    ru: ['банковский сектор', 'банковская сфера', 'банковская деятельность', 'лизинг'],
  },
  { codes: ['65'], en: ['insurance'], ru: ['страхование'] },
  { codes: ['68'], en: ['real estate'], ru: ['недвижимость', 'рынок недвижимости'] },
  {
    codes: ['72', 'M'],
    en: ['science', 'research and development', 'R&D', 'scientific research', 'scientific cooperation', 'innovation'],
    ru: ['наука', 'научные исследования', 'НИОКР', 'научно-техническое сотрудничество', 'инновации', 'научная сфера'],
  },
  { codes: ['71'], en: ['engineering services', 'design engineering'], ru: ['инжиниринг', 'проектирование'] },
  { codes: ['75'], en: ['veterinary medicine', 'veterinary services'], ru: ['ветеринария'] },
  // Public services
  {
    codes: ['P', '85'],
    en: ['education', 'higher education', 'vocational training', 'personnel training', 'training of specialists'],
    ru: [
      'образование',
      'высшее образование',
      'подготовка кадров',
      'профессиональное образование',
      'образовательная сфера',
    ],
  },
  {
    codes: ['Q', '86'],
    en: ['health care', 'healthcare', 'medicine', 'public health', 'health sector'],
    ru: ['здравоохранение', 'медицина', 'сфера здравоохранения'],
  },
  { codes: ['88', 'Q'], en: ['social services', 'social protection'], ru: ['социальная сфера', 'социальная защита'] },
  { codes: ['R', '90'], en: ['culture', 'arts'], ru: ['культура', 'искусство'] },
  { codes: ['93'], en: ['sport', 'sports', 'physical culture'], ru: ['спорт', 'физическая культура'] },
];

/** Gazetteer entries of the sector lexicon (id: the ISIC code, kind 'sector'), the user's terms merged over. */
export function sectorEntries(extra: readonly ExtraTerm[] = []): GazetteerEntry[] {
  return lexiconEntries('sector', sectorTerms, extra);
}
