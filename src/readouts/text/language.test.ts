import { describe, expect, it } from 'vitest';
import { detectLanguage } from './language.ts';

describe('detectLanguage', () => {
  it('reads a Russian readout as Russian even when it names BelAZ and USD', () => {
    expect(detectLanguage('Товарооборот с BelAZ составил 96,3 млн USD, сообщили в пресс-службе.')).toBe('ru');
  });

  it('reads an English readout as English even with a Cyrillic name in it', () => {
    expect(detectLanguage('The President met the Governor of Kursk Oblast («Курская область») in Minsk today.')).toBe(
      'en',
    );
  });

  it('declines to guess on too little text or an even mix', () => {
    expect(detectLanguage('5.12.2017')).toBeNull();
    expect(detectLanguage('Минск')).toBeNull();
    expect(detectLanguage('Минск и Курск встретились Minsk and Kursk have met')).toBeNull();
  });
});
