import { describe, expect, it } from 'vitest';
import { meetingKind } from '../cooperation/meetings/model.ts';
import { outletKind } from '../cooperation/outlets/model.ts';
import { partyRole, projectKind } from '../cooperation/projects/model.ts';
import { projectStages } from '../cooperation/projects/stages.ts';
import { statementKind, statementStatus } from '../cooperation/statements/model.ts';
import { side } from '../core/model.ts';
import { agreementKind } from '../registry/relationships/model.ts';
import { datasetKind } from '../trade/model.ts';
import { kindWord, kindWords, type KindGroup } from './words.ts';

const enums: Array<[KindGroup, readonly string[]]> = [
  ['meeting', meetingKind.options],
  ['projectKind', projectKind.options],
  ['stage', projectStages],
  ['statementKind', statementKind.options],
  ['status', statementStatus.options],
  ['partyRole', partyRole.options],
  ['side', side.options],
  ['outletKind', outletKind.options],
  ['agreementKind', agreementKind.options],
  ['datasetKind', datasetKind.options],
];

describe('words for every kind of record', () => {
  it.each(enums)('names every %s in both languages', (group, values) => {
    const lexicon = kindWords[group] as Record<'en' | 'ru', Record<string, string>>;
    for (const value of values) {
      expect(lexicon.en[value], `${group}.${value} in English`).toBeTruthy();
      expect(lexicon.ru[value], `${group}.${value} in Russian`).toMatch(/\p{Script=Cyrillic}/u);
    }
  });

  it('shows a kind added later readably instead of failing', () => {
    expect(kindWord('stage', 'on_hold', 'ru')).toBe('on hold');
    expect(kindWord('meeting', 'video_call', 'en')).toBe('video call');
  });
});
