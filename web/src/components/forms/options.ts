import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Page } from '../../api/client.ts';
import { pickLanguage } from '../../i18n/bilingual.ts';
import { formatDate } from '../../i18n/format.ts';
import type { Option, OptionSource } from './types.ts';
import type { Relationship } from '../../../../src/registry/relationships/model.ts';
import type { Person } from '../../../../src/registry/people/model.ts';
import type { Organization } from '../../../../src/registry/organizations/model.ts';
import type { Sector } from '../../../../src/registry/sectors/model.ts';
import type { Territory } from '../../../../src/registry/territories/model.ts';
import type { Meeting } from '../../../../src/cooperation/meetings/model.ts';
import type { Project } from '../../../../src/cooperation/projects/model.ts';

export type RecordSource = Exclude<OptionSource, { values: readonly string[] }>;

/** Every page of a list, for choices that must all be offered (there are some 340 territories). */
async function everything<T>(path: string): Promise<T[]> {
  const items: T[] = [];
  for (let offset = 0; ; offset += 200) {
    const page = await api.get<Page<T>>(path, { limit: 200, offset });
    items.push(...page.items);
    if (items.length >= page.total || page.items.length === 0) return items;
  }
}

async function fetchSource(source: RecordSource): Promise<unknown[]> {
  if (source === 'sectors') return api.get<Sector[]>('/api/sectors');
  return everything(`/api/${source}`);
}

/** A name kept in two languages as plain text (a select option), in the reader's one when it is known. */
export function inLanguage(en: string | null | undefined, ru: string | null | undefined, language: string): string {
  return pickLanguage(en, ru, language)?.text ?? '—';
}

function label(source: RecordSource, item: unknown, language: string): Option & { partnerCode?: string } {
  switch (source) {
    case 'relationships': {
      const r = item as Relationship;
      const names = `${inLanguage(r.home.nameEn, r.home.nameRu, language)} – ${inLanguage(r.partner.nameEn, r.partner.nameRu, language)}`;
      return { value: r.id, label: names, partnerCode: r.partnerCode };
    }
    case 'people': {
      const p = item as Person;
      return { value: p.id, label: inLanguage(p.nameEn, p.nameRu, language) };
    }
    case 'organizations': {
      const o = item as Organization;
      return { value: o.id, label: inLanguage(o.nameEn, o.nameRu, language) };
    }
    case 'sectors': {
      const s = item as Sector;
      return { value: s.code, label: `${s.code} — ${inLanguage(s.titleEn, s.titleRu, language)}` };
    }
    case 'territories': {
      const tr = item as Territory;
      return { value: tr.code, label: `${inLanguage(tr.nameEn, tr.nameRu, language)} (${tr.code})` };
    }
    case 'meetings': {
      const m = item as Meeting;
      return {
        value: m.id,
        label: `${formatDate(m.heldOn, language)} — ${inLanguage(m.titleEn, m.titleRu, language)}`,
      };
    }
    case 'projects': {
      const p = item as Project;
      return { value: p.id, label: inLanguage(p.titleEn, p.titleRu, language) };
    }
  }
}

export interface Options {
  options: Array<Option & { partnerCode?: string }>;
  labelOf: (value: string) => string;
  partnerCodeOf: (value: string) => string | undefined;
  isPending: boolean;
}

/** The choices of one source with labels in the reader's language. */
export function useOptions(source: OptionSource | undefined): Options {
  const { t, i18n } = useTranslation('forms');
  const recordSource = typeof source === 'string' ? source : undefined;
  const query = useQuery({
    queryKey: ['options', recordSource],
    queryFn: () => fetchSource(recordSource!),
    enabled: recordSource !== undefined,
    staleTime: 60_000,
  });
  return useMemo(() => {
    let options: Options['options'] = [];
    if (source && typeof source === 'object') {
      options = source.values.map((value) => ({ value, label: source.labels(value) }));
    } else if (recordSource && query.data) {
      options = query.data.map((item) => label(recordSource, item, i18n.language));
    }
    const byValue = new Map(options.map((option) => [option.value, option]));
    return {
      options,
      labelOf: (value: string) =>
        byValue.get(value)?.label ?? (query.isPending ? value : t('unknownChoice', { value })),
      partnerCodeOf: (value: string) => byValue.get(value)?.partnerCode,
      isPending: recordSource !== undefined && query.isPending,
    };
  }, [source, recordSource, query.data, query.isPending, i18n.language, t]);
}
