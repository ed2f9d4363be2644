/**
 * Words that place a date or a deadline relative to the document's date, in English and Russian.
 * Same phrase syntax as the money lexicon: a word ending in `*` takes any ending.
 */

/** Words in a clause that put an undated day in the future: "will visit on 20 March", «состоится 20 марта». */
export const futureCues: string[] = [
  'will',
  "'ll",
  'shall',
  'plans',
  'planned',
  'planning',
  'plan to',
  'next',
  'upcoming',
  'scheduled',
  'to be held',
  'is to',
  'are to',
  'expected',
  'invite*',
  'будет',
  'будут',
  'состоится',
  'пройдет',
  'пройдёт',
  'планиру*',
  'запланирован*',
  'намечен*',
  'предстоящ*',
  'следующ*',
  'приглас*',
  'ожида*',
];

/** Units of a span of time, as [years, months, days] each adds. */
export const timeUnits: Array<readonly [string, readonly [number, number, number]]> = [
  ['half a year', [0, 6, 0]],
  ['six months', [0, 6, 0]],
  ['полгода', [0, 6, 0]],
  ['полугода', [0, 6, 0]],
  ['year*', [1, 0, 0]],
  ['month*', [0, 1, 0]],
  ['week*', [0, 0, 7]],
  ['day*', [0, 0, 1]],
  ['год*', [1, 0, 0]],
  ['лет', [1, 0, 0]],
  ['месяц*', [0, 1, 0]],
  ['недел*', [0, 0, 7]],
  ['дн*', [0, 0, 1]],
  ['день', [0, 0, 1]],
];

/** Counts of time units in words. */
export const unitCounts: Array<readonly [string, number]> = [
  ['a', 1],
  ['an', 1],
  ['one', 1],
  ['two', 2],
  ['three', 3],
  ['four', 4],
  ['five', 5],
  ['six', 6],
  ['ten', 10],
  ['один', 1],
  ['одного', 1],
  ['одну', 1],
  ['одной', 1],
  ['два', 2],
  ['двух', 2],
  ['две', 2],
  ['три', 3],
  ['трех', 3],
  ['трёх', 3],
  ['четыре', 4],
  ['четырех', 4],
  ['пять', 5],
  ['пяти', 5],
  ['шесть', 6],
  ['десять', 10],
];

/** Phrases before a span that make it a deadline from now: "within a month", «в течение месяца». */
export const withinLeads: string[] = [
  'within',
  'in the next',
  'over the next',
  'in the coming',
  'в течение',
  'в ближайшие',
];

/** Phrases before a span that make it a time from now: "in one to two years", «через один-два года». */
export const afterLeads: string[] = ['in', 'через', 'in about', 'примерно через'];

/** What joins the two counts of a span: "one to two years", «один-два года». */
export const countLinks: string[] = ['to', 'or', '-', '–', '—', 'или'];

/** Fixed phrases and the range each gives, in whole years from the document's year; `null` is an open end. */
export const relativeDeadlines: Array<readonly [string, readonly [number | null, number]]> = [
  ['next year or the year after', [1, 2]],
  ['next year or the following year', [1, 2]],
  ['in the next year or two', [null, 2]],
  ['в следующем году или через год', [1, 2]],
  ['в следующем или через год', [1, 2]],
  ['в ближайшие год-два', [null, 2]],
  ['next year', [1, 1]],
  ['the following year', [1, 1]],
  ['в следующем году', [1, 1]],
  ['в будущем году', [1, 1]],
  ['на следующий год', [1, 1]],
  ['в новом году', [1, 1]],
  ['by the end of the year', [null, 0]],
  ['by the end of this year', [null, 0]],
  ['before the end of the year', [null, 0]],
  ['by year-end', [null, 0]],
  ['by the end of next year', [null, 1]],
  ['до конца года', [null, 0]],
  ['до конца этого года', [null, 0]],
  ['до конца текущего года', [null, 0]],
  ['к концу года', [null, 0]],
  ['к концу этого года', [null, 0]],
  ['к концу текущего года', [null, 0]],
  ['в этом году', [null, 0]],
  ['в текущем году', [null, 0]],
  ['this year', [null, 0]],
  ['до конца следующего года', [null, 1]],
  ['к концу следующего года', [null, 1]],
];

/** Words before a year that make it the deadline: "by 2020", «до 2020 года». */
export const byYear: string[] = ['by', 'until', 'till', 'before', 'до', 'к'];

/** Words before a year that make it the year something falls in: "in 2018", «в 2018 году». */
export const inYear: string[] = ['in', 'during', 'в', 'во', 'на', 'в течение'];

/** "by the end of 2018", «до конца 2018 года»: the deadline is that year's last day. */
export const endOfYear: string[] = ['by the end of', 'before the end of', 'until the end of', 'до конца', 'к концу'];
