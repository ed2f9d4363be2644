/**
 * Words that make a percentage or a multiple a change over time, in English and Russian, with the
 * direction each gives (+1 growth, -1 decline). Same phrase syntax as the money lexicon.
 */

/** What marks a number as a percentage. */
export const percentSigns: string[] = ['%', 'percent', 'per cent', 'pct', 'процент*', 'проц.'];

/** Percentage points are a change of a share, not growth of the figure. */
export const percentagePoints: string[] = ['percentage point*', 'pp', 'p.p.', 'процентн* пункт*', 'п.п.', 'п. п.'];

/**
 * Phrases right before the number that say it is a change: "went up 40.5%", «выросла на 40,5 %».
 * 0 marks a look-alike that is not a change ("makes up 30%" is a share).
 */
export const cuesBefore: Array<readonly [string, 1 | -1 | 0]> = [
  ['make up', 0],
  ['makes up', 0],
  ['made up', 0],
  ['making up', 0],
  ['take up', 0],
  ['takes up', 0],
  ['took up', 0],
  ['up', 1],
  ['up by', 1],
  ['went up', 1],
  ['went up by', 1],
  ['increased', 1],
  ['increased by', 1],
  ['increase by', 1],
  ['increase of', 1],
  ['an increase of', 1],
  ['grew', 1],
  ['grew by', 1],
  ['grow by', 1],
  ['growth of', 1],
  ['growth by', 1],
  ['rose', 1],
  ['rose by', 1],
  ['rise by', 1],
  ['rise of', 1],
  ['gained', 1],
  ['jumped', 1],
  ['jumped by', 1],
  ['climbed', 1],
  ['climbed by', 1],
  ['expanded by', 1],
  ['added', 1],
  ['down', -1],
  ['down by', -1],
  ['went down', -1],
  ['went down by', -1],
  ['decreased', -1],
  ['decreased by', -1],
  ['decrease of', -1],
  ['decline of', -1],
  ['declined', -1],
  ['declined by', -1],
  ['fell', -1],
  ['fell by', -1],
  ['fall of', -1],
  ['dropped', -1],
  ['dropped by', -1],
  ['drop of', -1],
  ['shrank by', -1],
  ['contracted by', -1],
  ['lost', -1],
  ['вырос* на', 1],
  ['увеличил* на', 1],
  ['увеличени* на', 1],
  ['рост* на', 1],
  ['прирост* на', 1],
  ['прирост* в', 1],
  ['повысил* на', 1],
  ['поднял* на', 1],
  ['прибавил*', 1],
  ['прибавив', 1],
  ['добавив', 1],
  ['снизил* на', -1],
  ['снижени* на', -1],
  ['сократил* на', -1],
  ['сокращени* на', -1],
  ['уменьшил* на', -1],
  ['уменьшени* на', -1],
  ['упал* на', -1],
  ['падени* на', -1],
  ['спад* на', -1],
];

/** Phrases right after the percentage or multiple that say which way it went: "12% more", «на 12,3 % больше». */
export const cuesAfter: Array<readonly [string, 1 | -1]> = [
  ['more', 1],
  ['higher', 1],
  ['up', 1],
  ['increase', 1],
  ['growth', 1],
  ['rise', 1],
  ['larger', 1],
  ['greater', 1],
  ['less', -1],
  ['lower', -1],
  ['down', -1],
  ['decrease', -1],
  ['decline', -1],
  ['drop', -1],
  ['smaller', -1],
  ['больше', 1],
  ['выше', 1],
  ['рост*', 1],
  ['прирост*', 1],
  ['увеличени*', 1],
  ['меньше', -1],
  ['ниже', -1],
  ['снижени*', -1],
  ['сокращени*', -1],
  ['спад*', -1],
];

/** Stems that, earlier in the same clause, make "by 40.5%" / «на 40,5 %» a change. */
export const clauseStems: Array<readonly [string, 1 | -1]> = [
  ['increas*', 1],
  ['grew', 1],
  ['grow*', 1],
  ['rose', 1],
  ['rise*', 1],
  ['rising', 1],
  ['gain*', 1],
  ['up', 1],
  ['вырос*', 1],
  ['увелич*', 1],
  ['рост*', 1],
  ['прирост*', 1],
  ['повыс*', 1],
  ['decreas*', -1],
  ['declin*', -1],
  ['fell', -1],
  ['fall*', -1],
  ['drop*', -1],
  ['shr*', -1],
  ['contract*', -1],
  ['down', -1],
  ['сниз*', -1],
  ['сниж*', -1],
  ['сократ*', -1],
  ['сокращ*', -1],
  ['уменьш*', -1],
  ['упал*', -1],
  ['паден*', -1],
  ['спад*', -1],
];

/** Words that join such a clause to the number. */
export const clauseLinks: string[] = ['by', 'of', 'на', 'составил*'];

/** After a percentage, phrases that make it an index on a base ("140.5% of the level"): the change is it less 100. */
export const indexMarkers: string[] = [
  'к уровню',
  'к аналогичному',
  'к соответствующему',
  'к прошлому',
  'к предыдущему',
  'к январю*',
  'of the level',
  'of the figure',
  'of the same',
  'of the previous',
  'of last year',
];

/** What says a number is a multiple: "1.4 times", "3.5-fold". */
export const timesWords: string[] = ['times', '-fold', 'fold', '- fold'];

/** Russian multiples read «в N раз(а)». */
export const razWords: string[] = ['раз*'];

/** A frequency, not a multiple: "twice a year", «2 раза в год». */
export const frequencyAfter: string[] = [
  'a year',
  'a month',
  'a week',
  'per',
  'в год',
  'в месяц',
  'в неделю',
  'в квартал',
];

/** Multiples written in words, with how many times each stands for. */
export const multipleWords: Array<readonly [string, string]> = [
  ['doubled', '2'],
  ['doubling', '2'],
  ['tripled', '3'],
  ['trebled', '3'],
  ['quadrupled', '4'],
  ['halved', '-2'],
  ['twofold', '2'],
  ['two-fold', '2'],
  ['threefold', '3'],
  ['three-fold', '3'],
  ['fourfold', '4'],
  ['twice', '2'],
  ['two times', '2'],
  ['three times', '3'],
  ['вдвое', '2'],
  ['втрое', '3'],
  ['вчетверо', '4'],
  ['в полтора раза', '1.5'],
  ['в два раза', '2'],
  ['в три раза', '3'],
  ['в четыре раза', '4'],
  ['в пять раз', '5'],
  ['в десять раз', '10'],
  ['удвоил*', '2'],
  ['утроил*', '3'],
];
