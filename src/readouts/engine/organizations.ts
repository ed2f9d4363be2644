/**
 * Organizations a readout names that the registry does not know yet: a legal form before a name ("OAO Planar",
 * ОАО «Гродно Азот»), a name in quotes after an organization word (холдинга «Пинскдрев»), a run of words ending
 * in one ("Minsk Automobile Plant", «Омского нефтеперерабатывающего завода»), and brand-like words (BelAZ).
 */
import { legalForms } from '../lexicon/legal-forms.ts';
import { foldCase } from '../text/morphology.ts';
import { nameWords, normalizeName } from '../text/names.ts';
import type { Span } from '../text/sentences.ts';
import type { Token } from '../text/tokens.ts';
import { overlaps, type Analysis } from './analysis.ts';
import { notNames, organizationHeads, organizationKindWords } from './lexicon.ts';
import { nominative, russianWord } from './russian.ts';

export interface OrganizationMention extends Span {
  name: string;
  kind: 'enterprise' | 'bank' | 'university' | 'state_corporation' | 'association' | 'trading_house';
  rule: string;
  confidence: number;
}

const forms = new Set(legalForms.map((f) => foldCase(f)));
const OPEN = new Set(['«', '"', '“', '„']);
const CLOSE = new Set(['»', '"', '”', '“']);
/** Acronyms that are not organizations a readout means: unions, currencies, statistics. */
const notAcronyms = new Set([
  'cis',
  'eaeu',
  'eeu',
  'eu',
  'un',
  'usa',
  'us',
  'uk',
  'uae',
  'usd',
  'eur',
  'rub',
  'byn',
  'gdp',
  'hs',
  'it',
  'ict',
  'снг',
  'еаэс',
  'ес',
  'оон',
  'сша',
  'ввп',
  'рф',
  'рб',
  'вто',
  'шос',
  'одкб',
  'ссср',
  'ит',
  'пвт',
  'аэс',
  'тнвэд',
  'ceo',
  'ok',
  'tv',
  'pm',
  'vip',
  'gok',
  'гок',
  'ооо',
  'оао',
  'зао',
  'пао',
  'ао',
  'jsc',
  'ojsc',
  'pjsc',
  'llc',
  'cjsc',
  'oao',
  'zao',
  'ooo',
  'rue',
  'руп',
  'уп',
  'ue',
  'фэз',
  'сэз',
  'кнр',
  'npp',
]);

function kindOf(words: string): OrganizationMention['kind'] {
  const lower = foldCase(words);
  return organizationKindWords.find((k) => k.words.some((w) => lower.includes(w)))?.kind ?? 'enterprise';
}

function isHead(token: Token, lang: 'en' | 'ru'): boolean {
  const word = foldCase(token.text);
  if (lang === 'en')
    return (organizationHeads.en as readonly string[]).includes(word.replace(/s$/u, '')) || word === 'works';
  return (organizationHeads.ru as readonly string[]).some(
    (h) => !h.includes(' ') && (word === h || (word.startsWith(h.slice(0, -1)) && word.length <= h.length + 3)),
  );
}

/** The quoted name that starts at token i («…» or "…"), as the tokens' range inside the quotes. */
function quotedAt(tokens: Token[], i: number): { from: number; to: number } | null {
  if (!OPEN.has(tokens[i]?.text ?? '')) return null;
  let j = i + 1;
  while (j < tokens.length && j - i < 8 && !CLOSE.has(tokens[j]!.text)) {
    if (tokens[j]!.text === '.' || tokens[j]!.text === ',') return null;
    j += 1;
  }
  if (!CLOSE.has(tokens[j]?.text ?? '') || j === i + 1) return null;
  return { from: i + 1, to: j };
}

export function findOrganizations(analysis: Analysis): OrganizationMention[] {
  const { tokens, text, lang } = analysis;
  const found: OrganizationMention[] = [];
  const taken = (span: Span) =>
    analysis.organizations.some((o) => overlaps(o, span)) || found.some((f) => overlaps(f, span));
  const add = (span: Span, name: string, rule: string, confidence: number, context = name) => {
    const clean = name.replace(/\s+/gu, ' ').trim();
    if (!clean || taken(span) || normalizeName(clean).length < 2) return;
    found.push({ ...span, name: clean, kind: kindOf(`${context} ${clean}`), rule, confidence });
  };
  const capital = (t: Token | undefined) => t !== undefined && t.kind === 'word' && /^\p{Lu}/u.test(t.text);
  const sentenceStart = (t: Token) => analysis.sentences.some((s) => s.start === t.start);

  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const word = foldCase(t.text);
    // A legal form, then the name: quoted, or capitalised words.
    if (forms.has(word) && t.text === t.text.toUpperCase()) {
      const quoted = quotedAt(tokens, i + 1);
      if (quoted) {
        const span = { start: t.start, end: tokens[quoted.to]!.end };
        add(span, text.slice(t.start, span.end), `organization.${lang}.legal-form-quoted`, 0.9);
        i = quoted.to;
        continue;
      }
      let j = i + 1;
      while (capital(tokens[j]) && j - i <= 4 && !notNames.has(foldCase(tokens[j]!.text))) j += 1;
      if (j > i + 1) {
        add(
          { start: t.start, end: tokens[j - 1]!.end },
          text.slice(t.start, tokens[j - 1]!.end),
          `organization.${lang}.legal-form`,
          0.85,
        );
        i = j - 1;
        continue;
      }
    }
    // An organization word, then its name in quotes: холдинг «Пинскдрев», the "Polyom" company.
    if (isHead(t, lang)) {
      const quoted = quotedAt(tokens, i + 1);
      if (quoted) {
        const inner = text.slice(tokens[quoted.from]!.start, tokens[quoted.to - 1]!.end);
        add(
          { start: tokens[quoted.from]!.start, end: tokens[quoted.to - 1]!.end },
          inner,
          `organization.${lang}.word-quoted`,
          0.85,
          t.text,
        );
        i = quoted.to;
        continue;
      }
    }
    // A name in quotes that is no organization word's: «Гомсельмаш», "Belshina".
    const quoted = quotedAt(tokens, i);
    if (quoted && quoted.to - quoted.from <= 4 && capital(tokens[quoted.from])) {
      const inner = text.slice(tokens[quoted.from]!.start, tokens[quoted.to - 1]!.end);
      const inside = tokens.slice(quoted.from, quoted.to).filter((x) => x.kind === 'word');
      if (inside.length > 0 && inside.length <= 3)
        add(
          { start: tokens[quoted.from]!.start, end: tokens[quoted.to - 1]!.end },
          inner,
          `organization.${lang}.quoted`,
          0.7,
        );
      i = quoted.to;
      continue;
    }
  }

  // Words ending in an organization word: "Minsk Automobile Plant", "Mikhailovsky mining and processing plant",
  // «Омский нефтеперерабатывающий завод», «Михайловский ГОК».
  for (let i = 0; i < tokens.length; i++) {
    if (!isHead(tokens[i]!, lang)) continue;
    let start = i;
    let sawCapital = false;
    for (let j = i - 1; j >= 0 && i - j <= 5; j--) {
      const t = tokens[j]!;
      if (t.kind !== 'word') break;
      const lower = foldCase(t.text);
      if (lang === 'en') {
        if (capital(t)) {
          if (notNames.has(lower) && !isHead(t, lang)) break;
          start = j;
          sawCapital = true;
          if (sentenceStart(t)) break;
          continue;
        }
        if (['and', 'of'].includes(lower) || /-/u.test(t.text) || lower.endsWith('ing') || lower.endsWith('al')) {
          start = j;
          continue;
        }
        break;
      }
      const info = russianWord(t.text);
      if (info.adjective || (capital(t) && !info.known)) {
        start = j;
        if (capital(t)) {
          sawCapital = true;
          break;
        }
        continue;
      }
      break;
    }
    // "Minsk Automobile Plant" begins with a capital; a bare "the plant" names nothing.
    while (start < i && !capital(tokens[start]!)) start += 1;
    if (!sawCapital || start === i) continue;
    const span = { start: tokens[start]!.start, end: tokens[i]!.end };
    const words = tokens.slice(start, i + 1).map((t) => t.text);
    const name =
      lang === 'ru'
        ? words.map((w) => (russianWord(w).known ? nominative(w) : w)).join(' ')
        : text.slice(span.start, span.end);
    add(span, name, `organization.${lang}.words-and-head`, 0.75);
  }

  // Brand-like words: BelAZ, MAZ, «БелАЗ» — capitals inside a word, or a short acronym.
  for (const t of tokens) {
    if (t.kind !== 'word' || taken(t)) continue;
    const lower = foldCase(t.text);
    if (notAcronyms.has(lower) || analysis.territories.some((x) => overlaps(x, t))) continue;
    const inner = /^\p{Lu}\p{Ll}+\p{Lu}{2,}\p{Ll}*$/u.test(t.text) || /^\p{Lu}{2,}\p{Ll}+\p{Lu}+$/u.test(t.text);
    const acronym = /^\p{Lu}{3,5}$/u.test(t.text) && !nameWords(t.text).some((w) => notAcronyms.has(w));
    const russianBrand = lang === 'ru' && /^\p{Lu}\p{Ll}+$/u.test(t.text) && russianWord(t.text).organization;
    if (inner || acronym || russianBrand) add(t, t.text, `organization.${lang}.brand`, acronym ? 0.5 : 0.65);
  }
  return found.sort((a, b) => a.start - b.start);
}
