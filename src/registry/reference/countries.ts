import countries from 'i18n-iso-countries';
import en from 'i18n-iso-countries/langs/en.json' with { type: 'json' };
import ru from 'i18n-iso-countries/langs/ru.json' with { type: 'json' };

countries.registerLocale(en);
countries.registerLocale(ru);

export interface CountryReference {
  code: string;
  alpha3: string;
  numericCode: string;
  nameEn: string;
  nameRu: string;
  /** Every name the package knows in either language, for search. */
  otherNames: string[];
}

/** Every ISO 3166-1 country with the English and Russian names in common use. */
export function countryReferences(): CountryReference[] {
  return Object.keys(countries.getAlpha2Codes())
    .sort()
    .map((code) => ({
      code,
      alpha3: countries.alpha2ToAlpha3(code) ?? code,
      numericCode: countries.alpha2ToNumeric(code) ?? '',
      // The alias is the name people use ("Russia", "China"); the official form stays searchable.
      nameEn: countries.getName(code, 'en', { select: 'alias' }) ?? code,
      nameRu: countries.getName(code, 'ru', { select: 'alias' }) ?? code,
      otherNames: [
        ...(countries.getName(code, 'en', { select: 'all' }) ?? []),
        ...(countries.getName(code, 'ru', { select: 'all' }) ?? []),
      ],
    }));
}
