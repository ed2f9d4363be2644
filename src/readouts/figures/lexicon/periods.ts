/**
 * Words for months and parts of a year, in English and Russian with every case form Russian gives them.
 * Same phrase syntax as the money lexicon: a word ending in `*` takes any ending.
 */

/** Month names and their number. English names count only when capitalised (so "may" the verb is not May). */
export const months: Array<readonly [string, number]> = [
  ['january', 1],
  ['jan', 1],
  ['february', 2],
  ['feb', 2],
  ['march', 3],
  ['mar', 3],
  ['april', 4],
  ['apr', 4],
  ['may', 5],
  ['june', 6],
  ['jun', 6],
  ['july', 7],
  ['jul', 7],
  ['august', 8],
  ['aug', 8],
  ['september', 9],
  ['sept', 9],
  ['sep', 9],
  ['october', 10],
  ['oct', 10],
  ['november', 11],
  ['nov', 11],
  ['december', 12],
  ['dec', 12],
  ['январ*', 1],
  ['феврал*', 2],
  ['март', 3],
  ['марта', 3],
  ['марте', 3],
  ['марту', 3],
  ['мартом', 3],
  ['апрел*', 4],
  ['май', 5],
  ['мая', 5],
  ['мае', 5],
  ['маю', 5],
  ['маем', 5],
  ['июн*', 6],
  ['июл*', 7],
  ['август*', 8],
  ['сентябр*', 9],
  ['октябр*', 10],
  ['ноябр*', 11],
  ['декабр*', 12],
];

/** What joins two months into a run: "January–September", «с января по сентябрь». */
export const monthLinks: string[] = ['-', '–', '—', 'to', 'through', 'till', 'until', 'по', 'до'];

/** Counts of months in words ("nine months", «за девять месяцев»). */
export const monthCounts: Array<readonly [string, number]> = [
  ['two', 2],
  ['three', 3],
  ['four', 4],
  ['five', 5],
  ['six', 6],
  ['seven', 7],
  ['eight', 8],
  ['nine', 9],
  ['ten', 10],
  ['eleven', 11],
  ['twelve', 12],
  ['два', 2],
  ['двух', 2],
  ['три', 3],
  ['трех', 3],
  ['трёх', 3],
  ['четыре', 4],
  ['четырех', 4],
  ['четырёх', 4],
  ['пять', 5],
  ['пяти', 5],
  ['шесть', 6],
  ['шести', 6],
  ['семь', 7],
  ['семи', 7],
  ['восемь', 8],
  ['восьми', 8],
  ['девять', 9],
  ['девяти', 9],
  ['десять', 10],
  ['десяти', 10],
  ['одиннадцать', 11],
  ['одиннадцати', 11],
  ['двенадцать', 12],
  ['двенадцати', 12],
];

export const monthWords: string[] = ['months', 'month', '-month', 'месяц*', 'мес.'];

/** Parts of a year, as the first and last month they cover. */
export const yearParts: Array<readonly [string, readonly [number, number]]> = [
  ['first half', [1, 6]],
  ['second half', [7, 12]],
  ['h1', [1, 6]],
  ['h2', [7, 12]],
  ['first quarter', [1, 3]],
  ['second quarter', [4, 6]],
  ['third quarter', [7, 9]],
  ['fourth quarter', [10, 12]],
  ['first three quarters', [1, 9]],
  ['q1', [1, 3]],
  ['q2', [4, 6]],
  ['q3', [7, 9]],
  ['q4', [10, 12]],
  ['перв* полугоди*', [1, 6]],
  ['втор* полугоди*', [7, 12]],
  ['i полугоди*', [1, 6]],
  ['ii полугоди*', [7, 12]],
  ['1 полугоди*', [1, 6]],
  ['2 полугоди*', [7, 12]],
  ['перв* квартал*', [1, 3]],
  ['втор* квартал*', [4, 6]],
  ['трет* квартал*', [7, 9]],
  ['четверт* квартал*', [10, 12]],
  ['i квартал*', [1, 3]],
  ['ii квартал*', [4, 6]],
  ['iii квартал*', [7, 9]],
  ['iv квартал*', [10, 12]],
  ['1 квартал*', [1, 3]],
  ['2 квартал*', [4, 6]],
  ['3 квартал*', [7, 9]],
  ['4 квартал*', [10, 12]],
  ['трех кварталов', [1, 9]],
  ['трёх кварталов', [1, 9]],
  ['три квартала', [1, 9]],
];

/** A year named relative to the document's: "last year" is one before it. */
export const relativeYears: Array<readonly [string, number]> = [
  ['last year', -1],
  ['the previous year', -1],
  ['the past year', -1],
  ['the year before last', -2],
  ['this year', 0],
  ['the current year', 0],
  ['прошл* год*', -1],
  ['минувш* год*', -1],
  ['предыдущ* год*', -1],
  ['позапрошл* год*', -2],
  ['этом году', 0],
  ['этого года', 0],
  ['этот год', 0],
  ['текущ* год*', 0],
  ['нынешн* год*', 0],
];

/** Words after a year number that mark it as a year: «2017 года», «2017 г.». */
export const yearWords: string[] = ['год*', 'г.', 'г', 'гг.'];

/** Words before a bare year in English that make it the period of a figure: "in 2016", "for 2016". */
export const yearLeadsEn: string[] = ['in', 'for', 'of', 'during', 'over', 'throughout', 'year', 'fiscal', 'than'];

/** Words before a year that make it a deadline or target, not a period: «до 2020 года», «к 2020 году». */
export const yearDeadlines: string[] = ['до', 'к', 'by', 'until', 'till', 'before'];
