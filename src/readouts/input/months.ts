/**
 * How each month is written in a dateline, January first: full names, the forms a day takes before
 * it in Russian (genitive: "5 декабря"), and abbreviations with or without their dot. Lower case.
 */
export const monthNames: Readonly<Record<'en' | 'ru', readonly (readonly string[])[]>> = {
  en: [
    ['january', 'jan'],
    ['february', 'feb'],
    ['march', 'mar'],
    ['april', 'apr'],
    ['may'],
    ['june', 'jun'],
    ['july', 'jul'],
    ['august', 'aug'],
    ['september', 'sep', 'sept'],
    ['october', 'oct'],
    ['november', 'nov'],
    ['december', 'dec'],
  ],
  ru: [
    ['января', 'январь', 'янв'],
    ['февраля', 'февраль', 'фев', 'февр'],
    ['марта', 'март', 'мар'],
    ['апреля', 'апрель', 'апр'],
    ['мая', 'май'],
    ['июня', 'июнь', 'июн'],
    ['июля', 'июль', 'июл'],
    ['августа', 'август', 'авг'],
    ['сентября', 'сентябрь', 'сен', 'сент'],
    ['октября', 'октябрь', 'окт'],
    ['ноября', 'ноябрь', 'ноя', 'нояб'],
    ['декабря', 'декабрь', 'дек'],
  ],
};
