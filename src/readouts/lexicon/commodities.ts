import type { GazetteerEntry } from '../text/gazetteer.ts';
import { normalizeName } from '../text/names.ts';

/**
 * Words readouts use for traded goods, in English and Russian, and the HS headings (4 digits), chapters (2 digits)
 * or ranges ("8456-8463") they mean; the first code is the one to record when a single one is needed. Russian terms
 * are written in the dictionary form and English ones as they come: the gazetteer matches their other forms.
 */
export interface CommodityTerm {
  hs: string[];
  en: string[];
  ru: string[];
}

export interface CommodityData {
  hs: string[];
}

export const commodityTerms: readonly CommodityTerm[] = [
  // Live animals, meat, fish, dairy
  { hs: ['01'], en: ['live animals', 'livestock'], ru: ['живые животные', 'скот'] },
  { hs: ['0102'], en: ['cattle', 'breeding cattle'], ru: ['крупный рогатый скот', 'КРС', 'племенной скот'] },
  { hs: ['0103'], en: ['live pigs'], ru: ['живые свиньи'] },
  { hs: ['02'], en: ['meat'], ru: ['мясо'] },
  { hs: ['0201', '0202'], en: ['beef'], ru: ['говядина'] },
  { hs: ['0203'], en: ['pork'], ru: ['свинина'] },
  { hs: ['0204'], en: ['mutton', 'lamb meat'], ru: ['баранина'] },
  { hs: ['0206'], en: ['offal'], ru: ['субпродукты'] },
  { hs: ['0207'], en: ['poultry', 'poultry meat', 'chicken meat', 'broiler meat'], ru: ['мясо птицы', 'курятина'] },
  { hs: ['03'], en: ['fish', 'seafood', 'fish products'], ru: ['рыба', 'морепродукты', 'рыбная продукция'] },
  { hs: ['04'], en: ['dairy products', 'dairy', 'milk products'], ru: ['молочная продукция', 'молочные продукты'] },
  { hs: ['0401'], en: ['milk'], ru: ['молоко'] },
  { hs: ['0402'], en: ['milk powder', 'powdered milk', 'dry milk'], ru: ['сухое молоко'] },
  { hs: ['0403'], en: ['yoghurt', 'yogurt', 'kefir'], ru: ['йогурт', 'кефир', 'кисломолочная продукция'] },
  { hs: ['0404'], en: ['whey'], ru: ['сыворотка', 'молочная сыворотка'] },
  { hs: ['0405'], en: ['butter'], ru: ['сливочное масло', 'масло сливочное'] },
  { hs: ['0406'], en: ['cheese', 'cheeses'], ru: ['сыр', 'сыры'] },
  { hs: ['0407'], en: ['eggs'], ru: ['яйца', 'куриные яйца'] },
  { hs: ['0409'], en: ['honey'], ru: ['мед'] },
  // Plants, food
  { hs: ['07'], en: ['vegetables'], ru: ['овощи', 'овощная продукция'] },
  { hs: ['0701'], en: ['potatoes', 'potato'], ru: ['картофель'] },
  { hs: ['0702'], en: ['tomatoes'], ru: ['томаты', 'помидоры'] },
  { hs: ['0703'], en: ['onions'], ru: ['лук', 'репчатый лук'] },
  // Not "fruit" or «плоды» alone: cooperation "bears fruit" in every other readout.
  { hs: ['08'], en: ['fresh fruit', 'fruit and vegetables'], ru: ['фрукты', 'плодоовощная продукция'] },
  { hs: ['0808'], en: ['apples'], ru: ['яблоки'] },
  { hs: ['0810'], en: ['berries'], ru: ['ягоды'] },
  { hs: ['10'], en: ['grain', 'cereals', 'grain crops'], ru: ['зерно', 'зерновые', 'зерновые культуры'] },
  { hs: ['1001'], en: ['wheat'], ru: ['пшеница'] },
  { hs: ['1002'], en: ['rye'], ru: ['рожь'] },
  { hs: ['1003'], en: ['barley'], ru: ['ячмень'] },
  { hs: ['1004'], en: ['oats'], ru: ['овес'] },
  { hs: ['1005'], en: ['maize', 'corn'], ru: ['кукуруза'] },
  { hs: ['1006'], en: ['rice'], ru: ['рис'] },
  { hs: ['1101'], en: ['flour', 'wheat flour'], ru: ['мука', 'пшеничная мука'] },
  { hs: ['1103'], en: ['groats', 'cereal groats'], ru: ['крупа', 'крупы'] },
  { hs: ['1205'], en: ['rapeseed'], ru: ['рапс', 'семена рапса'] },
  { hs: ['1206'], en: ['sunflower seeds'], ru: ['семена подсолнечника', 'подсолнечник'] },
  {
    hs: ['1209'],
    en: ['seeds', 'sowing seeds', 'seed material', 'elite seeds', 'vegetable seeds', 'grain seeds'],
    ru: ['семена', 'семенной материал', 'элитные семена', 'семена овощных культур', 'семена зерновых культур'],
  },
  { hs: ['1512'], en: ['sunflower oil'], ru: ['подсолнечное масло'] },
  { hs: ['1514'], en: ['rapeseed oil'], ru: ['рапсовое масло'] },
  { hs: ['15'], en: ['vegetable oil', 'vegetable oils', 'fats and oils'], ru: ['растительное масло'] },
  { hs: ['1601'], en: ['sausages', 'sausage products'], ru: ['колбасы', 'колбасные изделия', 'сосиски'] },
  { hs: ['1602'], en: ['canned meat', 'tinned meat'], ru: ['мясные консервы', 'тушенка'] },
  { hs: ['16'], en: ['meat products'], ru: ['мясная продукция', 'мясные продукты', 'мясопродукты'] },
  { hs: ['1701'], en: ['sugar', 'white sugar', 'beet sugar'], ru: ['сахар', 'сахар-песок'] },
  { hs: ['1704', '1806', '1905'], en: ['confectionery', 'sweets'], ru: ['кондитерские изделия', 'конфеты'] },
  { hs: ['1806'], en: ['chocolate'], ru: ['шоколад'] },
  { hs: ['1902'], en: ['pasta'], ru: ['макаронные изделия', 'макароны'] },
  { hs: ['1905'], en: ['bakery products', 'bread'], ru: ['хлебобулочные изделия', 'хлеб'] },
  { hs: ['2005'], en: ['canned vegetables'], ru: ['овощные консервы', 'плодоовощные консервы'] },
  { hs: ['2009'], en: ['juices', 'fruit juices'], ru: ['соки', 'сок'] },
  { hs: ['2201'], en: ['mineral water'], ru: ['минеральная вода'] },
  { hs: ['2203'], en: ['beer'], ru: ['пиво'] },
  { hs: ['2204'], en: ['wine'], ru: ['вино'] },
  { hs: ['2208'], en: ['vodka', 'alcoholic beverages'], ru: ['водка', 'крепкие спиртные напитки'] },
  { hs: ['2309'], en: ['animal feed', 'compound feed', 'fodder'], ru: ['комбикорма', 'комбикорм', 'корма'] },
  { hs: ['2401'], en: ['tobacco', 'raw tobacco'], ru: ['табак', 'табачное сырье'] },
  { hs: ['2402'], en: ['cigarettes'], ru: ['сигареты'] },
  // Minerals and energy
  { hs: ['2501'], en: ['salt'], ru: ['соль', 'поваренная соль'] },
  { hs: ['2523'], en: ['cement'], ru: ['цемент'] },
  {
    hs: ['2601'],
    en: ['iron ore', 'iron ore concentrate', 'iron ore pellets', 'pellets'],
    ru: ['железная руда', 'железорудный концентрат', 'окатыши', 'железорудное сырье'],
  },
  { hs: ['2701'], en: ['coal'], ru: ['уголь', 'каменный уголь'] },
  { hs: ['2709'], en: ['crude oil'], ru: ['нефть', 'сырая нефть'] },
  {
    hs: ['2710'],
    en: ['oil products', 'petroleum products', 'refined products', 'diesel fuel', 'gasoline', 'petrol', 'fuel oil'],
    ru: ['нефтепродукты', 'дизельное топливо', 'бензин', 'мазут', 'моторное топливо'],
  },
  {
    hs: ['2711'],
    en: ['natural gas', 'gas', 'liquefied natural gas', 'LNG', 'liquefied gas'],
    ru: ['природный газ', 'газ', 'сжиженный газ', 'сжиженный природный газ', 'СПГ'],
  },
  { hs: ['2716'], en: ['electricity', 'electric power', 'electrical energy'], ru: ['электроэнергия'] },
  // Chemicals, fertilizers, pharmaceuticals
  { hs: ['2814'], en: ['ammonia'], ru: ['аммиак'] },
  {
    hs: ['30'],
    en: ['pharmaceuticals', 'pharmaceutical products'],
    ru: ['фармацевтическая продукция', 'фармпродукция'],
  },
  { hs: ['3002'], en: ['vaccines'], ru: ['вакцины', 'вакцина'] },
  {
    hs: ['3004'],
    en: ['medicines', 'medicinal products', 'medications', 'drugs'],
    ru: ['лекарственные средства', 'лекарства', 'медикаменты', 'лекарственные препараты'],
  },
  {
    hs: ['31'],
    en: ['mineral fertilizers', 'mineral fertilisers', 'fertilizers', 'fertilisers'],
    ru: ['минеральные удобрения', 'удобрения'],
  },
  {
    hs: ['3102'],
    en: ['nitrogen fertilizers', 'nitrogen fertilisers', 'urea', 'carbamide', 'ammonium nitrate'],
    ru: ['азотные удобрения', 'карбамид', 'аммиачная селитра'],
  },
  { hs: ['3103'], en: ['phosphate fertilizers', 'phosphate fertilisers'], ru: ['фосфорные удобрения'] },
  {
    hs: ['3104'],
    en: ['potash fertilizers', 'potash fertilisers', 'potash', 'potassium chloride', 'potassium fertilizers'],
    ru: ['калийные удобрения', 'хлористый калий', 'калий хлористый', 'калий'],
  },
  {
    hs: ['3105'],
    en: ['complex fertilizers', 'compound fertilizers', 'NPK fertilizers'],
    ru: ['комплексные удобрения', 'сложные удобрения'],
  },
  { hs: ['3208', '3209'], en: ['paints', 'paints and varnishes'], ru: ['лакокрасочные материалы', 'краски'] },
  { hs: ['33'], en: ['cosmetics', 'perfumery'], ru: ['косметика', 'парфюмерно-косметическая продукция'] },
  { hs: ['3402'], en: ['detergents'], ru: ['моющие средства'] },
  { hs: ['3808'], en: ['pesticides', 'plant protection products'], ru: ['средства защиты растений', 'пестициды'] },
  // Plastics, rubber
  {
    hs: ['39'],
    en: ['plastics', 'plastic products', 'polymers'],
    ru: ['пластмассы', 'изделия из пластмасс', 'полимеры'],
  },
  { hs: ['3901'], en: ['polyethylene'], ru: ['полиэтилен'] },
  { hs: ['3907'], en: ['PET', 'polyethylene terephthalate', 'polyester resin'], ru: ['полиэтилентерефталат', 'ПЭТ'] },
  { hs: ['3908'], en: ['polyamide'], ru: ['полиамид'] },
  { hs: ['3917'], en: ['plastic pipes'], ru: ['пластиковые трубы', 'полимерные трубы'] },
  { hs: ['3920'], en: ['plastic film'], ru: ['полимерная пленка', 'пленка'] },
  { hs: ['4002'], en: ['synthetic rubber'], ru: ['синтетический каучук'] },
  {
    hs: ['4011'],
    en: ['tyres', 'tires', 'tyre', 'tire', 'pneumatic tyres', 'car tyres', 'truck tyres'],
    ru: ['шины', 'шина', 'автошины', 'автомобильные шины', 'покрышки'],
  },
  { hs: ['4016'], en: ['rubber products', 'rubber goods'], ru: ['резинотехнические изделия', 'РТИ'] },
  // Leather, wood, paper
  { hs: ['41'], en: ['leather', 'hides'], ru: ['кожа', 'кожевенное сырье'] },
  {
    hs: ['44'],
    en: ['timber', 'wood', 'wood products', 'roundwood'],
    ru: ['лесоматериалы', 'древесина', 'лесопродукция'],
  },
  { hs: ['4407'], en: ['sawn timber', 'sawnwood', 'lumber'], ru: ['пиломатериалы'] },
  {
    hs: ['4410', '4411'],
    en: ['particle board', 'chipboard', 'fibreboard', 'fiberboard', 'MDF'],
    ru: ['ДСП', 'ДВП', 'древесно-стружечные плиты', 'древесноволокнистые плиты'],
  },
  { hs: ['4412'], en: ['plywood'], ru: ['фанера'] },
  { hs: ['48'], en: ['paper', 'cardboard', 'paperboard'], ru: ['бумага', 'картон'] },
  // Textiles, clothing, footwear
  { hs: ['50-63'], en: ['textiles', 'textile products', 'fabrics'], ru: ['текстиль', 'текстильные изделия', 'ткани'] },
  { hs: ['52'], en: ['cotton fabrics', 'cotton'], ru: ['хлопчатобумажные ткани', 'хлопок'] },
  { hs: ['5309'], en: ['linen fabrics', 'linen'], ru: ['льняные ткани', 'лен', 'льноволокно'] },
  {
    hs: ['54', '55'],
    en: ['synthetic fibres', 'synthetic fibers', 'chemical fibres', 'chemical fibers', 'man-made fibres'],
    ru: ['синтетические волокна', 'химические волокна', 'химволокна', 'синтетическое волокно'],
  },
  { hs: ['5402'], en: ['synthetic yarn', 'synthetic filament yarn', 'polyester yarn'], ru: ['синтетические нити'] },
  { hs: ['5503'], en: ['polyester fibre', 'polyester fiber', 'staple fibre'], ru: ['полиэфирное волокно'] },
  { hs: ['57'], en: ['carpets', 'rugs'], ru: ['ковры', 'ковровые изделия'] },
  { hs: ['61'], en: ['knitwear', 'knitted garments'], ru: ['трикотаж', 'трикотажные изделия'] },
  {
    hs: ['61', '62'],
    en: ['clothing', 'garments', 'apparel', 'clothes'],
    ru: ['одежда', 'швейные изделия', 'швейная продукция'],
  },
  { hs: ['6115'], en: ['hosiery'], ru: ['чулочно-носочные изделия'] },
  { hs: ['6302'], en: ['bed linen'], ru: ['постельное белье'] },
  { hs: ['64'], en: ['footwear', 'shoes'], ru: ['обувь'] },
  // Building materials, glass, ceramics
  {
    hs: ['25', '68', '69', '70'],
    en: ['building materials', 'construction materials'],
    ru: ['строительные материалы', 'стройматериалы'],
  },
  {
    hs: ['6806'],
    en: ['mineral wool', 'insulation materials'],
    ru: ['минеральная вата', 'теплоизоляционные материалы'],
  },
  { hs: ['6810'], en: ['concrete products', 'precast concrete'], ru: ['железобетонные изделия', 'ЖБИ'] },
  { hs: ['69'], en: ['ceramics', 'ceramic products'], ru: ['керамика', 'керамические изделия'] },
  { hs: ['6907'], en: ['ceramic tiles', 'tiles'], ru: ['керамическая плитка', 'плитка'] },
  { hs: ['70'], en: ['glass', 'glassware', 'glass products'], ru: ['стекло', 'изделия из стекла', 'стеклоизделия'] },
  { hs: ['7005'], en: ['sheet glass', 'float glass'], ru: ['листовое стекло'] },
  { hs: ['7010'], en: ['glass containers', 'glass bottles'], ru: ['стеклотара'] },
  // Metals
  // Not «сталь» alone: «стали» is far more often the verb («стали партнерами»).
  { hs: ['72'], en: ['ferrous metals', 'iron and steel', 'steel'], ru: ['черные металлы', 'черная металлургия'] },
  {
    hs: ['72'],
    en: ['rolled steel', 'rolled metal', 'steel products'],
    ru: ['металлопрокат', 'прокат черных металлов'],
  },
  { hs: ['7213'], en: ['wire rod'], ru: ['катанка'] },
  { hs: ['7214'], en: ['rebar', 'reinforcing bars'], ru: ['арматура', 'арматурный прокат'] },
  { hs: ['7217'], en: ['steel wire', 'wire'], ru: ['проволока', 'стальная проволока'] },
  { hs: ['73'], en: ['metal products', 'metalware', 'metal goods'], ru: ['металлоизделия', 'изделия из металла'] },
  { hs: ['7304', '7305', '7306'], en: ['steel pipes', 'pipes', 'tubes'], ru: ['трубы', 'стальные трубы'] },
  { hs: ['7308'], en: ['metal structures', 'steel structures'], ru: ['металлоконструкции'] },
  { hs: ['7312'], en: ['steel cord'], ru: ['металлокорд'] },
  { hs: ['74'], en: ['copper'], ru: ['медь'] },
  { hs: ['76'], en: ['aluminium', 'aluminum'], ru: ['алюминий'] },
  // Machinery and electrical equipment
  {
    hs: ['84', '85', '87'],
    en: ['machine-building products', 'engineering products', 'machinery and equipment'],
    ru: ['машиностроительная продукция', 'продукция машиностроения', 'машины и оборудование'],
  },
  { hs: ['8401'], en: ['nuclear reactors', 'nuclear reactor equipment'], ru: ['ядерные реакторы'] },
  { hs: ['8408'], en: ['engines', 'diesel engines', 'motors'], ru: ['двигатели', 'дизельные двигатели', 'моторы'] },
  { hs: ['8409'], en: ['engine parts'], ru: ['запчасти к двигателям'] },
  { hs: ['8413'], en: ['pumps'], ru: ['насосы'] },
  { hs: ['8414'], en: ['compressors'], ru: ['компрессоры'] },
  {
    hs: ['8418'],
    en: ['refrigerators', 'fridges', 'freezers', 'refrigeration equipment'],
    ru: ['холодильники', 'морозильники', 'холодильное оборудование'],
  },
  { hs: ['8427'], en: ['forklifts', 'forklift trucks'], ru: ['погрузчики', 'вилочные погрузчики', 'автопогрузчики'] },
  { hs: ['8428'], en: ['elevators', 'lifts'], ru: ['лифты', 'лифтовое оборудование', 'подъемники'] },
  {
    hs: ['8429'],
    en: ['road-building machinery', 'road construction equipment', 'bulldozers', 'excavators', 'graders'],
    ru: ['дорожно-строительная техника', 'бульдозеры', 'экскаваторы', 'автогрейдеры'],
  },
  {
    hs: ['8432'],
    en: ['ploughs', 'plows', 'seeders', 'seed drills', 'harrows', 'tillage equipment'],
    ru: ['плуги', 'сеялки', 'бороны', 'почвообрабатывающая техника'],
  },
  {
    hs: ['8433'],
    en: ['combine harvesters', 'harvesters', 'forage harvesters', 'mowers'],
    ru: ['комбайны', 'зерноуборочные комбайны', 'кормоуборочные комбайны', 'косилки', 'уборочная техника'],
  },
  {
    hs: ['8432', '8433', '8436'],
    en: ['agricultural machinery', 'agricultural equipment', 'farm machinery', 'farm equipment'],
    ru: ['сельскохозяйственная техника', 'сельхозтехника', 'сельскохозяйственное оборудование'],
  },
  { hs: ['8436'], en: ['livestock equipment', 'poultry equipment'], ru: ['оборудование для животноводства'] },
  { hs: ['8450'], en: ['washing machines'], ru: ['стиральные машины'] },
  {
    hs: ['8456-8463'],
    en: ['machine tools', 'metalworking machines', 'lathes', 'metal-cutting machines'],
    ru: ['станки', 'металлообрабатывающие станки', 'станкоинструментальная продукция', 'металлорежущие станки'],
  },
  { hs: ['8471'], en: ['computers', 'computer equipment'], ru: ['компьютеры', 'вычислительная техника'] },
  { hs: ['8481'], en: ['valves', 'pipeline valves'], ru: ['запорная арматура', 'трубопроводная арматура'] },
  { hs: ['8482'], en: ['bearings', 'ball bearings'], ru: ['подшипники'] },
  {
    hs: ['85'],
    en: ['electrical equipment', 'electrical goods', 'electrical engineering products'],
    ru: ['электротехническое оборудование', 'электротехника', 'электротехническая продукция'],
  },
  { hs: ['8501'], en: ['electric motors'], ru: ['электродвигатели'] },
  { hs: ['8504'], en: ['transformers'], ru: ['трансформаторы'] },
  { hs: ['8517'], en: ['telecommunications equipment', 'telephones'], ru: ['телекоммуникационное оборудование'] },
  {
    hs: ['8418', '8450', '8516'],
    en: ['household appliances', 'home appliances'],
    ru: ['бытовая техника', 'бытовые электроприборы'],
  },
  { hs: ['8528'], en: ['TV sets', 'television sets', 'televisions', 'TVs'], ru: ['телевизоры'] },
  { hs: ['8539', '9405'], en: ['lighting equipment', 'lamps'], ru: ['светотехника', 'светильники', 'лампы'] },
  {
    hs: ['8541'],
    en: ['LEDs', 'semiconductors', 'solar panels'],
    ru: ['светодиоды', 'полупроводники', 'солнечные панели'],
  },
  {
    hs: ['8542'],
    en: ['integrated circuits', 'microchips', 'microelectronics'],
    ru: ['микросхемы', 'интегральные схемы', 'микроэлектроника'],
  },
  { hs: ['8544'], en: ['cables', 'cable products', 'electric wire'], ru: ['кабели', 'кабельная продукция', 'провода'] },
  // Vehicles, transport equipment
  { hs: ['86'], en: ['railway equipment', 'rolling stock'], ru: ['подвижной состав', 'железнодорожная техника'] },
  { hs: ['8601', '8602'], en: ['locomotives'], ru: ['локомотивы', 'тепловозы', 'электровозы'] },
  { hs: ['8603'], en: ['trams', 'electric trains'], ru: ['трамваи', 'электропоезда'] },
  { hs: ['8606'], en: ['railway wagons', 'freight wagons', 'railcars'], ru: ['вагоны', 'грузовые вагоны'] },
  { hs: ['87'], en: ['motor vehicles', 'automotive equipment'], ru: ['автомобильная техника', 'автотехника'] },
  { hs: ['8701'], en: ['tractors', 'tractor'], ru: ['тракторы', 'трактора', 'трактор'] },
  {
    hs: ['8702'],
    en: ['buses', 'coaches', 'minibuses', 'trolleybuses'],
    ru: ['автобусы', 'троллейбусы', 'микроавтобусы'],
  },
  { hs: ['8703'], en: ['cars', 'passenger cars', 'automobiles'], ru: ['легковые автомобили', 'легковые машины'] },
  {
    hs: ['8704'],
    en: ['trucks', 'lorries', 'freight vehicles', 'goods vehicles', 'cargo vehicles', 'heavy trucks'],
    ru: ['грузовые автомобили', 'грузовики', 'грузовая техника', 'грузовые машины'],
  },
  {
    hs: ['8704'],
    en: ['dump trucks', 'mining trucks', 'mining dump trucks', 'haul trucks', 'off-highway trucks'],
    ru: ['самосвалы', 'карьерные самосвалы', 'большегрузные самосвалы', 'карьерная техника'],
  },
  {
    hs: ['8705'],
    en: ['special-purpose vehicles', 'municipal vehicles', 'fire engines', 'truck cranes'],
    ru: ['спецтехника', 'коммунальная техника', 'пожарные автомобили', 'автокраны'],
  },
  { hs: ['8706'], en: ['chassis'], ru: ['шасси'] },
  {
    hs: ['8708'],
    en: ['auto parts', 'car parts', 'vehicle parts', 'automotive components', 'spare parts'],
    ru: ['автокомпоненты', 'автозапчасти', 'запасные части', 'запчасти'],
  },
  { hs: ['8711'], en: ['motorcycles'], ru: ['мотоциклы', 'мототехника'] },
  { hs: ['8712'], en: ['bicycles'], ru: ['велосипеды'] },
  { hs: ['8716'], en: ['trailers', 'semi-trailers'], ru: ['прицепы', 'полуприцепы', 'прицепная техника'] },
  { hs: ['8802'], en: ['aircraft', 'helicopters'], ru: ['самолеты', 'вертолеты', 'воздушные суда'] },
  // Not «суда» alone: it is also the genitive of «суд».
  { hs: ['89'], en: ['ships', 'vessels'], ru: ['морские суда', 'речные суда', 'корабли'] },
  // Instruments, furniture, other
  { hs: ['90'], en: ['optics', 'optical instruments', 'measuring instruments'], ru: ['оптика', 'оптические приборы'] },
  {
    hs: ['9018'],
    en: ['medical equipment', 'medical devices', 'medical instruments'],
    ru: ['медицинское оборудование', 'медицинская техника', 'медицинские изделия'],
  },
  { hs: ['9031'], en: ['control instruments'], ru: ['измерительные приборы', 'контрольно-измерительные приборы'] },
  { hs: ['94'], en: ['furniture'], ru: ['мебель', 'мебельная продукция'] },
  { hs: ['95'], en: ['toys'], ru: ['игрушки'] },
];

/**
 * Gazetteer entries for the commodity lexicon, one per code list, with the user's terms merged over the built-in
 * ones: a term the user maps again moves to the user's codes.
 */
export function commodityEntries(extra: readonly CommodityTerm[] = []): GazetteerEntry[] {
  const byTerm = new Map<string, { term: string; hs: string[] }>();
  for (const row of [...commodityTerms, ...extra]) {
    for (const term of [...row.en, ...row.ru]) byTerm.set(normalizeName(term), { term, hs: row.hs });
  }
  const byCodes = new Map<string, GazetteerEntry>();
  for (const { term, hs } of byTerm.values()) {
    const id = `hs:${hs.join('+')}`;
    const entry = byCodes.get(id);
    if (entry) entry.names.push(term);
    else byCodes.set(id, { id, kind: 'commodity', names: [term], data: { hs } satisfies CommodityData });
  }
  return [...byCodes.values()];
}
