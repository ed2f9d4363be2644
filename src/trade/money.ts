const plainDecimal = /^(\d+)(?:\.(\d*))?$/;

/** The most minor units kept exactly: amounts are stored as doubles, exact for whole numbers up to 2^53 - 1. */
export const maxMinor = Number.MAX_SAFE_INTEGER;

/**
 * Exact conversion of a decimal amount as written in a file ("96300000.00", "1.5e3", "12 345,6") into
 * integer minor units, scaled by 10^shift (2 for dollars → cents, 5 for BACI's thousands of dollars → cents).
 * Rounds half away from zero only below the cent. Returns null when the text is not a number.
 */
export function decimalToMinor(text: string, shift: number): number | null {
  const minor = parseMinor(text, shift);
  return typeof minor === 'number' ? minor : null;
}

/** As `decimalToMinor`, saying why a text is refused: it is no number, or more than `maxMinor` minor units. */
export function parseMinor(text: string, shift: number): number | 'not-a-number' | 'too-large' {
  // Files of millions of rows are nearly all plain decimals with no more decimals than the shift: those
  // are exact in floating point (at most 15 digits, times a power of ten, checked below 2^53) without BigInt.
  const plain = plainDecimal.exec(text);
  if (plain) {
    const fraction = plain[2] ?? '';
    const scale = shift - fraction.length;
    if (scale >= 0 && scale <= 40 && plain[1]!.length + fraction.length <= 15) {
      const value = Number(plain[1]! + fraction) * 10 ** scale;
      if (value <= maxMinor) return value;
    }
  }
  const cleaned = text.trim().replace(/[\s\u00a0']/g, '');
  const normalized = /^[+-]?\d*,\d+$/.test(cleaned) ? cleaned.replace(',', '.') : cleaned;
  const match = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(normalized);
  if (!match || (match[2] === '' && (match[3] ?? '') === '')) return 'not-a-number';
  const [, sign, whole, fraction = '', exponent = '0'] = match;
  const digits = `${whole}${fraction}`.replace(/^0+(?=\d)/, '');
  const scale = Number(exponent) - fraction.length + shift;
  if (scale > 40 && /[1-9]/.test(digits)) return 'too-large';
  if (Math.abs(scale) > 40) return 'not-a-number';
  let value = BigInt(digits === '' ? '0' : digits);
  if (scale >= 0) {
    value *= 10n ** BigInt(scale);
  } else {
    const divisor = 10n ** BigInt(-scale);
    const remainder = value % divisor;
    value /= divisor;
    if (remainder * 2n >= divisor) value += 1n;
  }
  if (value > BigInt(maxMinor)) return 'too-large';
  const result = Number(value);
  return sign === '-' ? -result : result;
}

/** Cents as a decimal string of whole units, e.g. 9630000000 → "96300000.00". */
export function formatMinor(minor: number): string {
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(minor);
  return `${sign}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** "USD 96.3 million" style for people; exact figures stay in the data. */
export function formatMillions(minor: number, currency = 'USD'): string {
  return `${(minor / 100_000_000).toFixed(1)} M ${currency}`;
}
