// Harmonized System (HS 2022) sections and chapters with their official English titles and the Russian titles
// of the ТН ВЭД ЕАЭС (the EAEU edition of the nomenclature).

export interface HsSectionReference {
  /** Two-digit section number, '01'..'21'. */
  code: string;
  /** Roman numeral as printed in the nomenclature, 'I'..'XXI'. */
  roman: string;
  /** Two-digit codes of the chapters in the section, in order. */
  chapters: readonly string[];
  titleEn: string;
  titleRu: string;
}

export interface HsChapterReference {
  /** Two-digit chapter code, '01'..'97'. */
  code: string;
  /** Code of the section holding the chapter, '01'..'21'. */
  section: string;
  titleEn: string;
  titleRu: string;
}

/** The 21 sections in order. */
export const hsSections: readonly HsSectionReference[] = [
  {
    code: '01',
    roman: 'I',
    chapters: ['01', '02', '03', '04', '05'],
    titleEn: 'Live animals; animal products',
    titleRu: 'Живые животные; продукты животного происхождения',
  },
  {
    code: '02',
    roman: 'II',
    chapters: ['06', '07', '08', '09', '10', '11', '12', '13', '14'],
    titleEn: 'Vegetable products',
    titleRu: 'Продукты растительного происхождения',
  },
  {
    code: '03',
    roman: 'III',
    chapters: ['15'],
    titleEn:
      'Animal, vegetable or microbial fats and oils and their cleavage products; prepared edible fats; animal or vegetable waxes',
    titleRu:
      'Жиры и масла животного, растительного или микробиологического происхождения и продукты их расщепления; готовые пищевые жиры; воски животного или растительного происхождения',
  },
  {
    code: '04',
    roman: 'IV',
    chapters: ['16', '17', '18', '19', '20', '21', '22', '23', '24'],
    titleEn:
      'Prepared foodstuffs; beverages, spirits and vinegar; tobacco and manufactured tobacco substitutes; products, whether or not containing nicotine, intended for inhalation without combustion; other nicotine containing products intended for the intake of nicotine into the human body',
    titleRu:
      'Готовые пищевые продукты; алкогольные и безалкогольные напитки и уксус; табак и его заменители; продукты, содержащие или не содержащие никотин, предназначенные для вдыхания без горения; прочие никотинсодержащие продукты, предназначенные для поступления никотина в организм человека',
  },
  {
    code: '05',
    roman: 'V',
    chapters: ['25', '26', '27'],
    titleEn: 'Mineral products',
    titleRu: 'Минеральные продукты',
  },
  {
    code: '06',
    roman: 'VI',
    chapters: ['28', '29', '30', '31', '32', '33', '34', '35', '36', '37', '38'],
    titleEn: 'Products of the chemical or allied industries',
    titleRu: 'Продукция химической и связанных с ней отраслей промышленности',
  },
  {
    code: '07',
    roman: 'VII',
    chapters: ['39', '40'],
    titleEn: 'Plastics and articles thereof; rubber and articles thereof',
    titleRu: 'Пластмассы и изделия из них; каучук, резина и изделия из них',
  },
  {
    code: '08',
    roman: 'VIII',
    chapters: ['41', '42', '43'],
    titleEn:
      'Raw hides and skins, leather, furskins and articles thereof; saddlery and harness; travel goods, handbags and similar containers; articles of animal gut (other than silk-worm gut)',
    titleRu:
      'Необработанные шкуры, выделанная кожа, натуральный мех и изделия из них; шорно-седельные изделия и упряжь; дорожные принадлежности, дамские сумки и аналогичные им товары; изделия из кишок животных (кроме волокна из фиброина шелкопряда)',
  },
  {
    code: '09',
    roman: 'IX',
    chapters: ['44', '45', '46'],
    titleEn:
      'Wood and articles of wood; wood charcoal; cork and articles of cork; manufactures of straw, of esparto or of other plaiting materials; basketware and wickerwork',
    titleRu:
      'Древесина и изделия из нее; древесный уголь; пробка и изделия из нее; изделия из соломы, альфы или прочих материалов для плетения; корзиночные изделия и другие плетеные изделия',
  },
  {
    code: '10',
    roman: 'X',
    chapters: ['47', '48', '49'],
    titleEn:
      'Pulp of wood or of other fibrous cellulosic material; recovered (waste and scrap) paper or paperboard; paper and paperboard and articles thereof',
    titleRu:
      'Масса из древесины или из других волокнистых целлюлозных материалов; регенерируемые бумага или картон (макулатура и отходы); бумага, картон и изделия из них',
  },
  {
    code: '11',
    roman: 'XI',
    chapters: ['50', '51', '52', '53', '54', '55', '56', '57', '58', '59', '60', '61', '62', '63'],
    titleEn: 'Textiles and textile articles',
    titleRu: 'Текстильные материалы и текстильные изделия',
  },
  {
    code: '12',
    roman: 'XII',
    chapters: ['64', '65', '66', '67'],
    titleEn:
      'Footwear, headgear, umbrellas, sun umbrellas, walking-sticks, seat-sticks, whips, riding-crops and parts thereof; prepared feathers and articles made therewith; artificial flowers; articles of human hair',
    titleRu:
      'Обувь, головные уборы, зонты, солнцезащитные зонты, трости, трости-сиденья, хлысты, кнуты и их части; обработанные перья и изделия из них; искусственные цветы; изделия из человеческого волоса',
  },
  {
    code: '13',
    roman: 'XIII',
    chapters: ['68', '69', '70'],
    titleEn:
      'Articles of stone, plaster, cement, asbestos, mica or similar materials; ceramic products; glass and glassware',
    titleRu:
      'Изделия из камня, гипса, цемента, асбеста, слюды или аналогичных материалов; керамические изделия; стекло и изделия из него',
  },
  {
    code: '14',
    roman: 'XIV',
    chapters: ['71'],
    titleEn:
      'Natural or cultured pearls, precious or semi-precious stones, precious metals, metals clad with precious metal, and articles thereof; imitation jewellery; coin',
    titleRu:
      'Жемчуг природный или культивированный, драгоценные или полудрагоценные камни, драгоценные металлы, металлы, плакированные драгоценными металлами, и изделия из них; бижутерия; монеты',
  },
  {
    code: '15',
    roman: 'XV',
    chapters: ['72', '73', '74', '75', '76', '77', '78', '79', '80', '81', '82', '83'],
    titleEn: 'Base metals and articles of base metal',
    titleRu: 'Недрагоценные металлы и изделия из них',
  },
  {
    code: '16',
    roman: 'XVI',
    chapters: ['84', '85'],
    titleEn:
      'Machinery and mechanical appliances; electrical equipment; parts thereof; sound recorders and reproducers, television image and sound recorders and reproducers, and parts and accessories of such articles',
    titleRu:
      'Машины, оборудование и механизмы; электротехническое оборудование; их части; звукозаписывающая и звуковоспроизводящая аппаратура, аппаратура для записи и воспроизведения телевизионного изображения и звука, их части и принадлежности',
  },
  {
    code: '17',
    roman: 'XVII',
    chapters: ['86', '87', '88', '89'],
    titleEn: 'Vehicles, aircraft, vessels and associated transport equipment',
    titleRu:
      'Средства наземного транспорта, летательные аппараты, плавучие средства и относящиеся к транспорту устройства и оборудование',
  },
  {
    code: '18',
    roman: 'XVIII',
    chapters: ['90', '91', '92'],
    titleEn:
      'Optical, photographic, cinematographic, measuring, checking, precision, medical or surgical instruments and apparatus; clocks and watches; musical instruments; parts and accessories thereof',
    titleRu:
      'Инструменты и аппараты оптические, фотографические, кинематографические, измерительные, контрольные, прецизионные, медицинские или хирургические; часы всех видов; музыкальные инструменты; их части и принадлежности',
  },
  {
    code: '19',
    roman: 'XIX',
    chapters: ['93'],
    titleEn: 'Arms and ammunition; parts and accessories thereof',
    titleRu: 'Оружие и боеприпасы; их части и принадлежности',
  },
  {
    code: '20',
    roman: 'XX',
    chapters: ['94', '95', '96'],
    titleEn: 'Miscellaneous manufactured articles',
    titleRu: 'Разные промышленные товары',
  },
  {
    code: '21',
    roman: 'XXI',
    chapters: ['97'],
    titleEn: "Works of art, collectors' pieces and antiques",
    titleRu: 'Произведения искусства, предметы коллекционирования и антиквариат',
  },
];

/** All 97 chapters in numeric order, including chapter 77, which is reserved for possible future use. */
export const hsChapters: readonly HsChapterReference[] = [
  // Section I
  { code: '01', section: '01', titleEn: 'Live animals', titleRu: 'Живые животные' },
  { code: '02', section: '01', titleEn: 'Meat and edible meat offal', titleRu: 'Мясо и пищевые мясные субпродукты' },
  {
    code: '03',
    section: '01',
    titleEn: 'Fish and crustaceans, molluscs and other aquatic invertebrates',
    titleRu: 'Рыба и ракообразные, моллюски и прочие водные беспозвоночные',
  },
  {
    code: '04',
    section: '01',
    titleEn:
      "Dairy produce; birds' eggs; natural honey; edible products of animal origin, not elsewhere specified or included",
    titleRu:
      'Молочная продукция; яйца птиц; мед натуральный; пищевые продукты животного происхождения, в другом месте не поименованные или не включенные',
  },
  {
    code: '05',
    section: '01',
    titleEn: 'Products of animal origin, not elsewhere specified or included',
    titleRu: 'Продукты животного происхождения, в другом месте не поименованные или не включенные',
  },
  // Section II
  {
    code: '06',
    section: '02',
    titleEn: 'Live trees and other plants; bulbs, roots and the like; cut flowers and ornamental foliage',
    titleRu:
      'Живые деревья и другие растения; луковицы, корни и прочие аналогичные части растений; срезанные цветы и декоративная зелень',
  },
  {
    code: '07',
    section: '02',
    titleEn: 'Edible vegetables and certain roots and tubers',
    titleRu: 'Овощи и некоторые съедобные корнеплоды и клубнеплоды',
  },
  {
    code: '08',
    section: '02',
    titleEn: 'Edible fruit and nuts; peel of citrus fruit or melons',
    titleRu: 'Съедобные фрукты и орехи; кожура цитрусовых плодов или корки дынь',
  },
  {
    code: '09',
    section: '02',
    titleEn: 'Coffee, tea, maté and spices',
    titleRu: 'Кофе, чай, мате, или парагвайский чай, и пряности',
  },
  { code: '10', section: '02', titleEn: 'Cereals', titleRu: 'Злаки' },
  {
    code: '11',
    section: '02',
    titleEn: 'Products of the milling industry; malt; starches; inulin; wheat gluten',
    titleRu: 'Продукция мукомольно-крупяной промышленности; солод; крахмалы; инулин; пшеничная клейковина',
  },
  {
    code: '12',
    section: '02',
    titleEn:
      'Oil seeds and oleaginous fruits; miscellaneous grains, seeds and fruit; industrial or medicinal plants; straw and fodder',
    titleRu:
      'Масличные семена и плоды; прочие семена, плоды и зерно; лекарственные растения и растения для технических целей; солома и фураж',
  },
  {
    code: '13',
    section: '02',
    titleEn: 'Lac; gums, resins and other vegetable saps and extracts',
    titleRu: 'Шеллак природный неочищенный; камеди, смолы и прочие растительные соки и экстракты',
  },
  {
    code: '14',
    section: '02',
    titleEn: 'Vegetable plaiting materials; vegetable products not elsewhere specified or included',
    titleRu:
      'Растительные материалы для изготовления плетеных изделий; прочие продукты растительного происхождения, в другом месте не поименованные или не включенные',
  },
  // Section III
  {
    code: '15',
    section: '03',
    titleEn:
      'Animal, vegetable or microbial fats and oils and their cleavage products; prepared edible fats; animal or vegetable waxes',
    titleRu:
      'Жиры и масла животного, растительного или микробиологического происхождения и продукты их расщепления; готовые пищевые жиры; воски животного или растительного происхождения',
  },
  // Section IV
  {
    code: '16',
    section: '04',
    titleEn: 'Preparations of meat, of fish, of crustaceans, molluscs or other aquatic invertebrates, or of insects',
    titleRu: 'Готовые продукты из мяса, рыбы, ракообразных, моллюсков или прочих водных беспозвоночных или насекомых',
  },
  {
    code: '17',
    section: '04',
    titleEn: 'Sugars and sugar confectionery',
    titleRu: 'Сахар и кондитерские изделия из сахара',
  },
  { code: '18', section: '04', titleEn: 'Cocoa and cocoa preparations', titleRu: 'Какао и продукты из него' },
  {
    code: '19',
    section: '04',
    titleEn: "Preparations of cereals, flour, starch or milk; pastrycooks' products",
    titleRu: 'Готовые продукты из зерна злаков, муки, крахмала или молока; мучные кондитерские изделия',
  },
  {
    code: '20',
    section: '04',
    titleEn: 'Preparations of vegetables, fruit, nuts or other parts of plants',
    titleRu: 'Продукты переработки овощей, фруктов, орехов или прочих частей растений',
  },
  { code: '21', section: '04', titleEn: 'Miscellaneous edible preparations', titleRu: 'Разные пищевые продукты' },
  {
    code: '22',
    section: '04',
    titleEn: 'Beverages, spirits and vinegar',
    titleRu: 'Алкогольные и безалкогольные напитки и уксус',
  },
  {
    code: '23',
    section: '04',
    titleEn: 'Residues and waste from the food industries; prepared animal fodder',
    titleRu: 'Остатки и отходы пищевой промышленности; готовые корма для животных',
  },
  {
    code: '24',
    section: '04',
    titleEn:
      'Tobacco and manufactured tobacco substitutes; products, whether or not containing nicotine, intended for inhalation without combustion; other nicotine containing products intended for the intake of nicotine into the human body',
    titleRu:
      'Табак и промышленные заменители табака; продукты, содержащие или не содержащие никотин, предназначенные для вдыхания без горения; прочие никотинсодержащие продукты, предназначенные для поступления никотина в организм человека',
  },
  // Section V
  {
    code: '25',
    section: '05',
    titleEn: 'Salt; sulphur; earths and stone; plastering materials, lime and cement',
    titleRu: 'Соль; сера; земли и камень; штукатурные материалы, известь и цемент',
  },
  { code: '26', section: '05', titleEn: 'Ores, slag and ash', titleRu: 'Руды, шлак и зола' },
  {
    code: '27',
    section: '05',
    titleEn: 'Mineral fuels, mineral oils and products of their distillation; bituminous substances; mineral waxes',
    titleRu: 'Топливо минеральное, нефть и продукты их перегонки; битуминозные вещества; воски минеральные',
  },
  // Section VI
  {
    code: '28',
    section: '06',
    titleEn:
      'Inorganic chemicals; organic or inorganic compounds of precious metals, of rare-earth metals, of radioactive elements or of isotopes',
    titleRu:
      'Продукты неорганической химии; соединения неорганические или органические драгоценных металлов, редкоземельных металлов, радиоактивных элементов или изотопов',
  },
  { code: '29', section: '06', titleEn: 'Organic chemicals', titleRu: 'Органические химические соединения' },
  { code: '30', section: '06', titleEn: 'Pharmaceutical products', titleRu: 'Фармацевтическая продукция' },
  { code: '31', section: '06', titleEn: 'Fertilisers', titleRu: 'Удобрения' },
  {
    code: '32',
    section: '06',
    titleEn:
      'Tanning or dyeing extracts; tannins and their derivatives; dyes, pigments and other colouring matter; paints and varnishes; putty and other mastics; inks',
    titleRu:
      'Экстракты дубильные или красильные; танины и их производные; красители, пигменты и прочие красящие вещества; краски и лаки; шпатлевки и прочие мастики; полиграфическая краска, чернила, тушь',
  },
  {
    code: '33',
    section: '06',
    titleEn: 'Essential oils and resinoids; perfumery, cosmetic or toilet preparations',
    titleRu: 'Эфирные масла и резиноиды; парфюмерные, косметические или туалетные средства',
  },
  {
    code: '34',
    section: '06',
    titleEn:
      'Soap, organic surface-active agents, washing preparations, lubricating preparations, artificial waxes, prepared waxes, polishing or scouring preparations, candles and similar articles, modelling pastes, "dental waxes" and dental preparations with a basis of plaster',
    titleRu:
      'Мыло, поверхностно-активные органические вещества, моющие средства, смазочные материалы, искусственные и готовые воски, составы для чистки или полировки, свечи и аналогичные изделия, пасты для лепки, пластилин, «зубоврачебный воск» и зубоврачебные составы на основе гипса',
  },
  {
    code: '35',
    section: '06',
    titleEn: 'Albuminoidal substances; modified starches; glues; enzymes',
    titleRu: 'Белковые вещества; модифицированные крахмалы; клеи; ферменты',
  },
  {
    code: '36',
    section: '06',
    titleEn: 'Explosives; pyrotechnic products; matches; pyrophoric alloys; certain combustible preparations',
    titleRu: 'Взрывчатые вещества; пиротехнические изделия; спички; пирофорные сплавы; некоторые горючие вещества',
  },
  { code: '37', section: '06', titleEn: 'Photographic or cinematographic goods', titleRu: 'Фото- и кинотовары' },
  { code: '38', section: '06', titleEn: 'Miscellaneous chemical products', titleRu: 'Прочие химические продукты' },
  // Section VII
  { code: '39', section: '07', titleEn: 'Plastics and articles thereof', titleRu: 'Пластмассы и изделия из них' },
  { code: '40', section: '07', titleEn: 'Rubber and articles thereof', titleRu: 'Каучук, резина и изделия из них' },
  // Section VIII
  {
    code: '41',
    section: '08',
    titleEn: 'Raw hides and skins (other than furskins) and leather',
    titleRu: 'Необработанные шкуры (кроме натурального меха) и выделанная кожа',
  },
  {
    code: '42',
    section: '08',
    titleEn:
      'Articles of leather; saddlery and harness; travel goods, handbags and similar containers; articles of animal gut (other than silk-worm gut)',
    titleRu:
      'Изделия из кожи; шорно-седельные изделия и упряжь; дорожные принадлежности, дамские сумки и аналогичные им товары; изделия из кишок животных (кроме волокна из фиброина шелкопряда)',
  },
  {
    code: '43',
    section: '08',
    titleEn: 'Furskins and artificial fur; manufactures thereof',
    titleRu: 'Натуральный и искусственный мех; изделия из него',
  },
  // Section IX
  {
    code: '44',
    section: '09',
    titleEn: 'Wood and articles of wood; wood charcoal',
    titleRu: 'Древесина и изделия из нее; древесный уголь',
  },
  { code: '45', section: '09', titleEn: 'Cork and articles of cork', titleRu: 'Пробка и изделия из нее' },
  {
    code: '46',
    section: '09',
    titleEn: 'Manufactures of straw, of esparto or of other plaiting materials; basketware and wickerwork',
    titleRu:
      'Изделия из соломы, альфы или прочих материалов для плетения; корзиночные изделия и другие плетеные изделия',
  },
  // Section X
  {
    code: '47',
    section: '10',
    titleEn: 'Pulp of wood or of other fibrous cellulosic material; recovered (waste and scrap) paper or paperboard',
    titleRu:
      'Масса из древесины или из других волокнистых целлюлозных материалов; регенерируемые бумага или картон (макулатура и отходы)',
  },
  {
    code: '48',
    section: '10',
    titleEn: 'Paper and paperboard; articles of paper pulp, of paper or of paperboard',
    titleRu: 'Бумага и картон; изделия из бумажной массы, бумаги или картона',
  },
  {
    code: '49',
    section: '10',
    titleEn:
      'Printed books, newspapers, pictures and other products of the printing industry; manuscripts, typescripts and plans',
    titleRu:
      'Печатные книги, газеты, репродукции и другие изделия полиграфической промышленности; рукописи, машинописные тексты и планы',
  },
  // Section XI
  { code: '50', section: '11', titleEn: 'Silk', titleRu: 'Шелк' },
  {
    code: '51',
    section: '11',
    titleEn: 'Wool, fine or coarse animal hair; horsehair yarn and woven fabric',
    titleRu: 'Шерсть, тонкий или грубый волос животных; пряжа и ткань из конского волоса',
  },
  { code: '52', section: '11', titleEn: 'Cotton', titleRu: 'Хлопок' },
  {
    code: '53',
    section: '11',
    titleEn: 'Other vegetable textile fibres; paper yarn and woven fabrics of paper yarn',
    titleRu: 'Прочие растительные текстильные волокна; бумажная пряжа и ткани из бумажной пряжи',
  },
  {
    code: '54',
    section: '11',
    titleEn: 'Man-made filaments; strip and the like of man-made textile materials',
    titleRu: 'Химические нити; плоские и аналогичные нити из химических текстильных материалов',
  },
  { code: '55', section: '11', titleEn: 'Man-made staple fibres', titleRu: 'Химические волокна' },
  {
    code: '56',
    section: '11',
    titleEn: 'Wadding, felt and nonwovens; special yarns; twine, cordage, ropes and cables and articles thereof',
    titleRu:
      'Вата, войлок или фетр и нетканые материалы; специальная пряжа; бечевки, веревки, канаты и тросы и изделия из них',
  },
  {
    code: '57',
    section: '11',
    titleEn: 'Carpets and other textile floor coverings',
    titleRu: 'Ковры и прочие текстильные напольные покрытия',
  },
  {
    code: '58',
    section: '11',
    titleEn: 'Special woven fabrics; tufted textile fabrics; lace; tapestries; trimmings; embroidery',
    titleRu: 'Специальные ткани; тафтинговые текстильные материалы; кружева; гобелены; отделочные материалы; вышивки',
  },
  {
    code: '59',
    section: '11',
    titleEn:
      'Impregnated, coated, covered or laminated textile fabrics; textile articles of a kind suitable for industrial use',
    titleRu:
      'Текстильные материалы, пропитанные, с покрытием или дублированные; текстильные изделия технического назначения',
  },
  {
    code: '60',
    section: '11',
    titleEn: 'Knitted or crocheted fabrics',
    titleRu: 'Трикотажные полотна машинного или ручного вязания',
  },
  {
    code: '61',
    section: '11',
    titleEn: 'Articles of apparel and clothing accessories, knitted or crocheted',
    titleRu: 'Предметы одежды и принадлежности к одежде, трикотажные машинного или ручного вязания',
  },
  {
    code: '62',
    section: '11',
    titleEn: 'Articles of apparel and clothing accessories, not knitted or crocheted',
    titleRu: 'Предметы одежды и принадлежности к одежде, кроме трикотажных машинного или ручного вязания',
  },
  {
    code: '63',
    section: '11',
    titleEn: 'Other made up textile articles; sets; worn clothing and worn textile articles; rags',
    titleRu: 'Прочие готовые текстильные изделия; наборы; одежда и текстильные изделия, бывшие в употреблении; тряпье',
  },
  // Section XII
  {
    code: '64',
    section: '12',
    titleEn: 'Footwear, gaiters and the like; parts of such articles',
    titleRu: 'Обувь, гетры и аналогичные изделия; их детали',
  },
  { code: '65', section: '12', titleEn: 'Headgear and parts thereof', titleRu: 'Головные уборы и их части' },
  {
    code: '66',
    section: '12',
    titleEn: 'Umbrellas, sun umbrellas, walking-sticks, seat-sticks, whips, riding-crops and parts thereof',
    titleRu: 'Зонты, солнцезащитные зонты, трости, трости-сиденья, хлысты, кнуты и их части',
  },
  {
    code: '67',
    section: '12',
    titleEn:
      'Prepared feathers and down and articles made of feathers or of down; artificial flowers; articles of human hair',
    titleRu:
      'Обработанные перья и пух и изделия из перьев или пуха; искусственные цветы; изделия из человеческого волоса',
  },
  // Section XIII
  {
    code: '68',
    section: '13',
    titleEn: 'Articles of stone, plaster, cement, asbestos, mica or similar materials',
    titleRu: 'Изделия из камня, гипса, цемента, асбеста, слюды или аналогичных материалов',
  },
  { code: '69', section: '13', titleEn: 'Ceramic products', titleRu: 'Керамические изделия' },
  { code: '70', section: '13', titleEn: 'Glass and glassware', titleRu: 'Стекло и изделия из него' },
  // Section XIV
  {
    code: '71',
    section: '14',
    titleEn:
      'Natural or cultured pearls, precious or semi-precious stones, precious metals, metals clad with precious metal, and articles thereof; imitation jewellery; coin',
    titleRu:
      'Жемчуг природный или культивированный, драгоценные или полудрагоценные камни, драгоценные металлы, металлы, плакированные драгоценными металлами, и изделия из них; бижутерия; монеты',
  },
  // Section XV
  { code: '72', section: '15', titleEn: 'Iron and steel', titleRu: 'Черные металлы' },
  { code: '73', section: '15', titleEn: 'Articles of iron or steel', titleRu: 'Изделия из черных металлов' },
  { code: '74', section: '15', titleEn: 'Copper and articles thereof', titleRu: 'Медь и изделия из нее' },
  { code: '75', section: '15', titleEn: 'Nickel and articles thereof', titleRu: 'Никель и изделия из него' },
  { code: '76', section: '15', titleEn: 'Aluminium and articles thereof', titleRu: 'Алюминий и изделия из него' },
  {
    code: '77',
    section: '15',
    titleEn: '(Reserved for possible future use)',
    titleRu: '(Зарезервирована для возможного будущего использования)',
  },
  { code: '78', section: '15', titleEn: 'Lead and articles thereof', titleRu: 'Свинец и изделия из него' },
  { code: '79', section: '15', titleEn: 'Zinc and articles thereof', titleRu: 'Цинк и изделия из него' },
  { code: '80', section: '15', titleEn: 'Tin and articles thereof', titleRu: 'Олово и изделия из него' },
  {
    code: '81',
    section: '15',
    titleEn: 'Other base metals; cermets; articles thereof',
    titleRu: 'Прочие недрагоценные металлы; металлокерамика; изделия из них',
  },
  {
    code: '82',
    section: '15',
    titleEn: 'Tools, implements, cutlery, spoons and forks, of base metal; parts thereof of base metal',
    titleRu:
      'Инструменты, приспособления, ножевые изделия, ложки и вилки из недрагоценных металлов; их части из недрагоценных металлов',
  },
  {
    code: '83',
    section: '15',
    titleEn: 'Miscellaneous articles of base metal',
    titleRu: 'Прочие изделия из недрагоценных металлов',
  },
  // Section XVI
  {
    code: '84',
    section: '16',
    titleEn: 'Nuclear reactors, boilers, machinery and mechanical appliances; parts thereof',
    titleRu: 'Реакторы ядерные, котлы, оборудование и механические устройства; их части',
  },
  {
    code: '85',
    section: '16',
    titleEn:
      'Electrical machinery and equipment and parts thereof; sound recorders and reproducers, television image and sound recorders and reproducers, and parts and accessories of such articles',
    titleRu:
      'Электрические машины и оборудование, их части; звукозаписывающая и звуковоспроизводящая аппаратура, аппаратура для записи и воспроизведения телевизионного изображения и звука, их части и принадлежности',
  },
  // Section XVII
  {
    code: '86',
    section: '17',
    titleEn:
      'Railway or tramway locomotives, rolling-stock and parts thereof; railway or tramway track fixtures and fittings and parts thereof; mechanical (including electro-mechanical) traffic signalling equipment of all kinds',
    titleRu:
      'Железнодорожные локомотивы или моторные вагоны трамвая, подвижной состав и их части; путевое оборудование и устройства для железных дорог или трамвайных путей и их части; механическое (включая электромеханическое) сигнальное оборудование всех видов',
  },
  {
    code: '87',
    section: '17',
    titleEn: 'Vehicles other than railway or tramway rolling-stock, and parts and accessories thereof',
    titleRu:
      'Средства наземного транспорта, кроме железнодорожного или трамвайного подвижного состава, и их части и принадлежности',
  },
  {
    code: '88',
    section: '17',
    titleEn: 'Aircraft, spacecraft, and parts thereof',
    titleRu: 'Летательные аппараты, космические аппараты, и их части',
  },
  {
    code: '89',
    section: '17',
    titleEn: 'Ships, boats and floating structures',
    titleRu: 'Суда, лодки и плавучие конструкции',
  },
  // Section XVIII
  {
    code: '90',
    section: '18',
    titleEn:
      'Optical, photographic, cinematographic, measuring, checking, precision, medical or surgical instruments and apparatus; parts and accessories thereof',
    titleRu:
      'Инструменты и аппараты оптические, фотографические, кинематографические, измерительные, контрольные, прецизионные, медицинские или хирургические; их части и принадлежности',
  },
  { code: '91', section: '18', titleEn: 'Clocks and watches and parts thereof', titleRu: 'Часы всех видов и их части' },
  {
    code: '92',
    section: '18',
    titleEn: 'Musical instruments; parts and accessories of such articles',
    titleRu: 'Музыкальные инструменты; их части и принадлежности',
  },
  // Section XIX
  {
    code: '93',
    section: '19',
    titleEn: 'Arms and ammunition; parts and accessories thereof',
    titleRu: 'Оружие и боеприпасы; их части и принадлежности',
  },
  // Section XX
  {
    code: '94',
    section: '20',
    titleEn:
      'Furniture; bedding, mattresses, mattress supports, cushions and similar stuffed furnishings; luminaires and lighting fittings, not elsewhere specified or included; illuminated signs, illuminated name-plates and the like; prefabricated buildings',
    titleRu:
      'Мебель; постельные принадлежности, матрацы, основы матрацные, диванные подушки и аналогичные набивные принадлежности мебели; светильники и осветительное оборудование, в другом месте не поименованные или не включенные; световые вывески, световые таблички с именем или названием, или адресом и аналогичные изделия; сборные строительные конструкции',
  },
  {
    code: '95',
    section: '20',
    titleEn: 'Toys, games and sports requisites; parts and accessories thereof',
    titleRu: 'Игрушки, игры и спортивный инвентарь; их части и принадлежности',
  },
  { code: '96', section: '20', titleEn: 'Miscellaneous manufactured articles', titleRu: 'Разные готовые изделия' },
  // Section XXI
  {
    code: '97',
    section: '21',
    titleEn: "Works of art, collectors' pieces and antiques",
    titleRu: 'Произведения искусства, предметы коллекционирования и антиквариат',
  },
];

const sectionByChapter = new Map<string, HsSectionReference>(
  hsSections.flatMap((section) => section.chapters.map((chapter) => [chapter, section] as const)),
);

/**
 * The section holding a chapter. Accepts a two-digit chapter code ('07') or a single digit ('7');
 * returns undefined for anything that is not one of the 97 chapters.
 */
export function sectionOfChapter(chapter: string): HsSectionReference | undefined {
  const code = chapter.trim();
  if (!/^\d{1,2}$/.test(code)) return undefined;
  return sectionByChapter.get(code.padStart(2, '0'));
}
