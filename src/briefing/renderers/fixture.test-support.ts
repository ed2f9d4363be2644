/**
 * Hand-made briefings for the renderers' tests: Belarus and Kursk Oblast as of 4 December 2017, in Russian
 * and in English, with a hostile project name, a chart, tables with totals and footnotes.
 */
import type { BriefingDocument, TableBlock } from '../document.ts';

export const hostileName = '<script>alert(1)</script> «Гомель & Курск» | *звёзды*';

function tradeTable(lang: 'ru' | 'en'): TableBlock {
  const ru = lang === 'ru';
  return {
    type: 'table',
    caption: ru
      ? 'Таблица 1. Торговля Беларуси с Курской областью в январе–сентябре, млн долл. США'
      : 'Table 1. Trade of Belarus with Kursk Oblast, January–September, USD million',
    header: ru
      ? ['Показатель', 'Январь–сентябрь 2016 г.', 'Январь–сентябрь 2017 г.', 'Рост, %']
      : ['Indicator', 'January–September 2016', 'January–September 2017', 'Growth, %'],
    align: ['left', 'right', 'right', 'right'],
    rows: [
      [[ru ? 'Экспорт' : 'Exports'], [ru ? '52,1' : '52.1'], [ru ? '73,2' : '73.2'], [ru ? '+40,5 %' : '+40.5%']],
      [[ru ? 'Импорт' : 'Imports'], [ru ? '16,4' : '16.4'], [ru ? '23,1' : '23.1'], [ru ? '+40,9 %' : '+40.9%']],
      [[ru ? 'Сальдо' : 'Balance'], [ru ? '35,7' : '35.7'], [ru ? '50,1' : '50.1'], ['—']],
      [
        [{ text: ru ? 'Товарооборот' : 'Turnover', strong: true }],
        [ru ? '68,5' : '68.5'],
        [{ text: ru ? '96,3' : '96.3', note: 1 }],
        [ru ? '+40,6 %' : '+40.6%'],
      ],
    ],
    totalRow: true,
  };
}

function exportsTable(lang: 'ru' | 'en'): TableBlock {
  const ru = lang === 'ru';
  return {
    type: 'table',
    caption: ru ? 'Таблица 2. Годовая динамика экспорта, млн долл. США' : 'Table 2. Exports by year, USD million',
    header: ru ? ['Год', 'Экспорт', 'Импорт'] : ['Year', 'Exports', 'Imports'],
    align: ['left', 'right', 'right'],
    rows: [
      [['2013'], [ru ? '148,2' : '148.2'], [ru ? '41,0' : '41.0']],
      [['2014'], [ru ? '131,7' : '131.7'], [ru ? '38,5' : '38.5']],
      [['2015'], [ru ? '84,9' : '84.9'], [ru ? '25,3' : '25.3']],
      [['2016'], [ru ? '71,6' : '71.6'], [ru ? '22,8' : '22.8']],
      [['2017*'], [ru ? '73,2' : '73.2'], [ru ? '23,1' : '23.1']],
    ],
  };
}

export function briefingFixture(lang: 'ru' | 'en'): BriefingDocument {
  const ru = lang === 'ru';
  const dynamics = exportsTable(lang);
  return {
    lang,
    title: ru
      ? 'Справка к переговорам Республики Беларусь и Курской области'
      : 'Briefing for the talks between the Republic of Belarus and Kursk Oblast',
    subtitle: ru ? 'По состоянию на 4 декабря 2017 г.' : 'As of 4 December 2017',
    marking: ru ? 'Для служебного пользования' : 'For official use only',
    asOf: '2017-12-04',
    producedAt: '2026-12-07T13:00:00Z',
    blocks: [
      { type: 'heading', level: 1, text: ru ? '1. Повод' : '1. The occasion' },
      {
        type: 'paragraph',
        style: 'lead',
        content: ru
          ? [
              'Переговоры в Курске 5 декабря 2017 г. с губернатором Курской области ',
              { text: 'А. Н. Михайловым', strong: true },
              '.',
            ]
          : [
              'Talks in Kursk on 5 December 2017 with the Governor of Kursk Oblast, ',
              { text: 'A. N. Mikhailov', strong: true },
              '.',
            ],
      },
      { type: 'heading', level: 1, text: ru ? '2. Торговля' : '2. Trade' },
      {
        type: 'paragraph',
        content: ru
          ? [
              'В январе–сентябре 2017 года товарооборот составил ',
              { text: '96,3 млн долл. США', note: 1 },
              ' и вырос на ',
              { text: '+40,5 %', strong: true },
              ' к тому же периоду 2016 года; экспорт БелАЗ на ',
              { text: 'Mikhailovsky GOK', lang: 'en' },
              ' продолжается',
              { text: '', note: 2 },
              '.',
            ]
          : [
              'In January–September 2017 turnover reached ',
              { text: 'USD 96.3 million', note: 1 },
              ', up ',
              { text: '+40.5%', strong: true },
              ' on the same period of 2016; BelAZ deliveries to ',
              { text: 'Михайловский ГОК', lang: 'ru' },
              ' go on',
              { text: '', note: 2 },
              '.',
            ],
      },
      tradeTable(lang),
      { type: 'heading', level: 2, text: ru ? '2.1. Динамика за пять лет' : '2.1. Five years of trade' },
      {
        type: 'chart',
        caption: ru
          ? 'Рисунок 1. Экспорт и импорт по годам, млн долл. США'
          : 'Figure 1. Exports and imports by year, USD million',
        chart: {
          kind: 'bar',
          categories: ['2013', '2014', '2015', '2016', ru ? 'янв.–сент. 2017' : 'Jan–Sep 2017'],
          series: [
            { name: ru ? 'Экспорт' : 'Exports', values: [148.2, 131.7, 84.9, 71.6, 73.2] },
            { name: ru ? 'Импорт' : 'Imports', values: [41, 38.5, 25.3, 22.8, 23.1] },
          ],
          unit: ru ? 'млн долл. США' : 'USD million',
          lang,
        },
        table: dynamics,
      },
      {
        type: 'chart',
        caption: ru
          ? 'Рисунок 2. Пять основных товаров экспорта, млн долл. США'
          : 'Figure 2. The five leading exports, USD million',
        chart: {
          kind: 'horizontal_bar',
          categories: ru
            ? [
                'Карьерные самосвалы',
                'Шины для грузовых автомобилей',
                'Молоко и сливки сгущённые',
                'Тракторы',
                hostileName,
              ]
            : ['Mining dump trucks', 'Truck tyres', 'Condensed milk and cream', 'Tractors', hostileName],
          series: [{ name: ru ? 'Экспорт' : 'Exports', values: [21.4, 9.8, 6.2, 4.1, 1250.5] }],
          unit: ru ? 'млн долл. США' : 'USD million',
          lang,
        },
        table: {
          type: 'table',
          caption: ru ? 'Таблица 3. Пять основных товаров экспорта' : 'Table 3. The five leading exports',
          header: ru ? ['Товар', 'Экспорт, млн долл. США'] : ['Product', 'Exports, USD million'],
          align: ['left', 'right'],
          rows: [
            [[ru ? 'Карьерные самосвалы' : 'Mining dump trucks'], [ru ? '21,4' : '21.4']],
            [[ru ? 'Шины для грузовых автомобилей' : 'Truck tyres'], [ru ? '9,8' : '9.8']],
            [[ru ? 'Молоко и сливки сгущённые' : 'Condensed milk and cream'], [ru ? '6,2' : '6.2']],
            [[ru ? 'Тракторы' : 'Tractors'], [ru ? '4,1' : '4.1']],
            [[hostileName], [ru ? '1 250,5' : '1,250.5']],
          ],
        },
      },
      { type: 'heading', level: 1, text: ru ? '3. Сотрудничество' : '3. Cooperation' },
      {
        type: 'list',
        items: ru
          ? [
              ['Поставки БелАЗ на Михайловский ГОК', { text: '', note: 3 }, { text: '', note: 1 }],
              ['Дом в Мозыре: контракт на 2018 год, предложен → согласован'],
              [{ text: hostileName, strong: true }, ': проект на стадии переговоров'],
              ['Росатом: соглашение действует'],
            ]
          : [
              ['BelAZ deliveries to Mikhailovsky GOK', { text: '', note: 3 }, { text: '', note: 1 }],
              ['A house in Mozyr: contract for 2018, proposed → agreed'],
              [{ text: hostileName, strong: true }, ': project under negotiation'],
              ['Rosatom: the arrangement is in force'],
            ],
      },
      { type: 'heading', level: 3, text: ru ? 'Дилерская сеть' : 'The dealer network' },
      {
        type: 'list',
        ordered: true,
        items: ru
          ? [['12 торговых объектов «Планар» и Минского моторного завода'], ['Просроченное обязательство: 45 дней']]
          : [['12 outlets of Planar and Minsk Motor Plant'], ['Overdue commitment: 45 days']],
      },
      { type: 'paragraph', style: 'note', content: [ru ? '* Январь–сентябрь.' : '* January–September.'] },
    ],
    footnotes: ru
      ? [
          {
            ref: 1,
            text: 'Белстат, внешняя торговля по регионам России, январь–сентябрь 2017 г. (иллюстративные данные).',
          },
          { ref: 2, text: 'Протокол заседания рабочей группы, 14 июня 2016 г., п. 10.' },
          { ref: 3, text: `Документ «${hostileName}», https://example.org/a?b=1&c=2.` },
        ]
      : [
          { ref: 1, text: 'Belstat, foreign trade by Russian region, January–September 2017 (illustrative data).' },
          { ref: 2, text: 'Minutes of the working group, 14 June 2016, paragraph 10.' },
          { ref: 3, text: `Document “${hostileName}”, https://example.org/a?b=1&c=2.` },
        ],
  };
}
