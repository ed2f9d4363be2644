import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { placeProblems, problemMessage } from '../../web/src/components/forms/values.ts';
import type { FieldConfig } from '../../web/src/components/forms/types.ts';

const locales = fileURLToPath(new URL('../../web/src/i18n/locales/', import.meta.url));
const read = (language: string) => JSON.parse(fs.readFileSync(`${locales}${language}/forms.json`, 'utf8')) as object;

const fields: FieldConfig[] = [
  { name: 'title', label: 'Название (на английском)', type: 'text', required: true },
  { name: 'heldOn', label: 'Дата', type: 'date', required: true },
  {
    name: 'participants',
    label: 'Участники',
    type: 'rows',
    rowLabel: 'Участник',
    addLabel: 'Добавить участника',
    fields: [{ name: 'role', label: 'Роль', type: 'text' }],
  },
];

describe('problems said in the reader’s language', () => {
  let ru: TFunction;
  let en: TFunction;
  beforeAll(async () => {
    const instance = i18next.createInstance();
    await instance.init({
      resources: { en: { forms: read('en') }, ru: { forms: read('ru') } },
      lng: 'ru',
      fallbackLng: 'en',
      interpolation: { escapeValue: false },
    });
    ru = instance.getFixedT('ru');
    en = instance.getFixedT('en');
  });

  it('says a bound with the Russian plural of its number', () => {
    const tooLong = (maximum: number) => ({
      path: 'title',
      message: 'Too big: expected string to have <=500 characters',
      code: 'too_big',
      params: { origin: 'string', maximum },
    });
    expect(problemMessage(tooLong(500), ru, 'ru')).toBe('Не длиннее 500 знаков');
    expect(problemMessage(tooLong(21), ru, 'ru')).toBe('Не длиннее 21 знака');
    expect(problemMessage(tooLong(3), ru, 'ru')).toBe('Не длиннее 3 знаков');
    expect(problemMessage(tooLong(1), en, 'en')).toBe('At most 1 character');
    expect(problemMessage({ ...tooLong(10), params: { origin: 'number', maximum: 10 } }, ru, 'ru')).toBe(
      'Не больше 10',
    );
  });

  it('says a rule’s dates the reader’s way', () => {
    const problem = {
      path: 'dueOn',
      message: 'the due date 2017-11-30 is before the meeting that set it, held on 2017-12-05',
      code: 'due_before_meeting',
      params: { dueOn: '2017-11-30', heldOn: '2017-12-05' },
    };
    expect(problemMessage(problem, ru, 'ru')).toBe(
      'Срок (30 ноября 2017 г.) раньше встречи, на которой он назначен (5 декабря 2017 г.)',
    );
  });

  it('never shows the English of a code it does not know, nor of a problem without one', () => {
    const general = 'Значение не принято; проверьте его и попробуйте снова';
    expect(problemMessage({ path: 'x', message: 'something new went wrong', code: 'brand_new' }, ru, 'ru')).toBe(
      general,
    );
    expect(problemMessage({ path: 'x', message: 'no code at all' }, ru, 'ru')).toBe(general);
    // English readers read the API's own sentence, which says more than a general one.
    expect(problemMessage({ path: 'x', message: 'the archive is read-only', code: 'brand_new' }, en, 'en')).toBe(
      'the archive is read-only',
    );
    expect(
      problemMessage(
        { path: 'x', message: 'Too big', code: 'too_big', params: { origin: 'set', maximum: 2 } },
        ru,
        'ru',
      ),
    ).toBe('Не больше 2');
  });

  it('places each message at its field and names the field as the form labels it, rows included', () => {
    const placed = placeProblems(
      [
        { path: 'title', message: 'Too big', code: 'too_big', params: { origin: 'string', maximum: 500 } },
        { path: 'heldOn', message: 'not a calendar date', code: 'not_a_date' },
        {
          path: 'participants.1.role',
          message: 'Too big',
          code: 'too_big',
          params: { origin: 'string', maximum: 300 },
        },
        { path: 'version', message: 'stale', code: 'brand_new' },
      ],
      fields,
      { title: 'x'.repeat(501), heldOn: '2017-02-30', participants: [{ role: '' }, { role: 'x'.repeat(301) }] },
      ru,
      'ru',
    );
    expect(placed.byPath).toEqual({
      title: 'Не длиннее 500 знаков',
      heldOn: 'Такой даты не существует',
      'participants.1.role': 'Не длиннее 300 знаков',
    });
    expect(placed.named).toEqual([
      'Название (на английском): Не длиннее 500 знаков',
      'Дата: Такой даты не существует',
      'Участник 2 — Роль: Не длиннее 300 знаков',
    ]);
    expect(placed.unplaced).toEqual(['Значение не принято; проверьте его и попробуйте снова']);
  });

  it('says required for a required field left empty, whatever the API called it', () => {
    const placed = placeProblems(
      [{ path: 'title', message: 'Invalid input', code: 'invalid_type' }],
      fields,
      { title: '', heldOn: '', participants: [] },
      ru,
      'ru',
    );
    expect(placed.byPath.title).toBe('Обязательное поле');
  });
});
