/**
 * Words around a date in a dateline. `labels` say the date is the document's own ("Published on
 * 5 December 2017"); `relations`, as the last word before a date, say it is some other date the text
 * talks about ("valid until 5 December 2020", "договор от 5 декабря 2016 г."). Lower case.
 */
export const datelineWords: Readonly<Record<'en' | 'ru', { labels: readonly string[]; relations: readonly string[] }>> =
  {
    en: {
      labels: ['published', 'posted', 'updated', 'date', 'dated', 'issued', 'released'],
      relations: [
        'by',
        'until',
        'till',
        'before',
        'after',
        'since',
        'from',
        'to',
        'of',
        'on',
        'in',
        'through',
        'than',
        'and',
        'between',
      ],
    },
    ru: {
      labels: ['опубликовано', 'опубликован', 'обновлено', 'дата', 'размещено', 'изменено'],
      relations: ['до', 'после', 'с', 'со', 'от', 'по', 'к', 'на', 'в', 'во', 'за', 'и', 'между', 'чем'],
    },
  };
