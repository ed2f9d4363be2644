/**
 * One organization is often named several ways in one readout: "Minsk Automobile Plant (MAZ)" then "MAZ",
 * «ПАО «СИБУР Холдинг»» then «с Сибуром», «Белорусская железная дорога» then «БЖД». The mentions are gathered
 * into one draft per organization, named by its fullest form.
 */
import { legalForms } from '../lexicon/legal-forms.ts';
import type { GazetteerMatch } from '../text/gazetteer.ts';
import { foldCase } from '../text/morphology.ts';
import { transliterate } from '../text/names.ts';
import type { Span } from '../text/sentences.ts';
import type { OrganizationMention } from './organizations.ts';

export interface OrganizationGroup {
  /** The registry's organization, when one of the mentions is it. */
  registryId: string | null;
  /** The fullest name a rule read; null where only the registry's names matched. */
  name: string | null;
  /** The longest registry name that matched, as the registry spells it. */
  registryName: string | null;
  /** The first mention, where the draft points. */
  span: Span;
  /** Every mention, the first included. */
  mentions: Span[];
  found: OrganizationMention | null;
}

interface Mention {
  span: Span;
  registryId: string | null;
  name: string;
  found: OrganizationMention | null;
}

const forms = new Set(legalForms.map((f) => foldCase(f)));
/** Words that add no name of their own after a brand: «СИБУР Холдинг», "MAZ Group". */
const GENERIC = new Set([
  'holding',
  'group',
  'company',
  'corporation',
  'managing',
  'of',
  'the',
  'холдинг',
  'холдинга',
  'группа',
  'компания',
  'корпорация',
  'управляющая',
  'управляющей',
  'компании',
  'холдинга',
]);
const STOP = new Set(['of', 'and', 'the', 'for', 'и', 'по', 'для']);
/** Russian case endings a name takes in a sentence: «Белнефтехима», «Сибуром», «Гомсельмашем». */
const ENDINGS = [
  'ами',
  'ями',
  'ому',
  'ему',
  'ом',
  'ем',
  'ой',
  'ей',
  'ам',
  'ям',
  'ах',
  'ях',
  'а',
  'я',
  'у',
  'ю',
  'е',
  'ы',
  'и',
];

/** The words of a name without quotes and legal forms, split at spaces only ("MAZ-Asia" stays one word). */
function words(name: string): string[] {
  return name
    .replace(/[«»"“”„()]/gu, ' ')
    .split(/\s+/u)
    .filter((w) => w && !/^[–—-]$/u.test(w) && !forms.has(foldCase(w)));
}

const key = (word: string) => transliterate(word);

function stem(word: string): string {
  const lower = foldCase(word);
  const ending = ENDINGS.find((e) => lower.endsWith(e) && lower.length - e.length >= 4);
  return ending ? lower.slice(0, -ending.length) : lower;
}

/** Initials of a name's words up to «имени» / "named after": «Минский завод колёсных тягачей» → МЗКТ. */
function initials(name: string): string {
  const all = words(name);
  const end = all.findIndex((w) => ['имени', 'named'].includes(foldCase(w)));
  return (end < 0 ? all : all.slice(0, end))
    .filter((w) => !STOP.has(foldCase(w)))
    .map((w) => w[0]!.toUpperCase())
    .join('');
}

const isAcronym = (word: string) => /^\p{Lu}{2,6}$/u.test(word);

function same(a: Mention, b: Mention): boolean {
  if (a.registryId && a.registryId === b.registryId) return true;
  const wa = words(a.name);
  const wb = words(b.name);
  if (wa.length === 0 || wb.length === 0) return false;
  if (wa.map(key).join(' ') === wb.map(key).join(' ')) return true;
  const aliases = [...(a.found?.aliases ?? []), ...(b.found?.aliases ?? [])].map(key);
  if (aliases.includes(wa.map(key).join(' ')) || aliases.includes(wb.map(key).join(' '))) return true;
  for (const [short, long] of [
    [wa, wb],
    [wb, wa],
  ] as const) {
    if (short.length !== 1) continue;
    const word = short[0]!;
    // «Сибур» and «СИБУР Холдинг», «БЕЛАЗ» and «ОАО «БЕЛАЗ» – управляющая компания холдинга «БЕЛАЗ-ХОЛДИНГ»»; not
    // «Газпром» and «Газпром трансгаз Беларусь», its subsidiary.
    const rest = long.slice(1).map((w) => foldCase(w));
    if (
      long.length > 1 &&
      (key(long[0]!) === key(word) || stem(long[0]!) === stem(word)) &&
      rest.every((w) => GENERIC.has(w) || key(w).includes(key(word)))
    )
      return true;
    // «Белкоммунмаша» and «ОАО «Управляющая компания холдинга «Белкоммунмаш»»».
    const head = long.slice(0, -1).map((w) => foldCase(w));
    if (long.length > 1 && stem(long.at(-1)!) === stem(word) && head.every((w) => GENERIC.has(w))) return true;
    // «Белнефтехима» and «Белнефтехим».
    if (long.length === 1 && word.length >= 5 && stem(word) === stem(long[0]!)) return true;
    // «БЖД» and «Белорусская железная дорога».
    if (isAcronym(word) && long.length > 1 && initials(long.join(' ')) === word) return true;
  }
  return false;
}

export function groupOrganizations(registry: GazetteerMatch[], found: OrganizationMention[]): OrganizationGroup[] {
  const mentions: Mention[] = [
    ...registry.map((m) => ({ span: m, registryId: m.id, name: m.name, found: null })),
    ...found.map((f) => ({ span: f as Span, registryId: f.registryId ?? null, name: f.name, found: f })),
  ].sort((a, b) => a.span.start - b.span.start);
  const groups: Mention[][] = [];
  for (const mention of mentions) {
    const group = groups.find((g) => g.some((m) => same(m, mention)));
    if (group) group.push(mention);
    else groups.push([mention]);
  }
  return groups.map((group) => {
    const longest = (list: Mention[]) =>
      list.reduce<Mention | null>((a, m) => (!a || m.name.length > a.name.length ? m : a), null);
    const read = longest(group.filter((m) => m.found));
    const known = longest(group.filter((m) => m.registryId && !m.found));
    return {
      registryId: group.find((m) => m.registryId)?.registryId ?? null,
      name: read?.name ?? null,
      registryName: known?.name ?? null,
      span: group[0]!.span,
      mentions: group.map((m) => m.span),
      found: read?.found ?? null,
    };
  });
}
