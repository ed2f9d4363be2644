/**
 * People in a readout: names with the post the text gives them ("Bryansk Oblast Governor Alexander Bogomaz",
 * «губернатором Омской области Александром Бурковым»), which of them took part, on which side, and who
 * "the head of state" or "he" is when a statement is theirs.
 */
import type { Token } from '../text/tokens.ts';
import type { Span } from '../text/sentences.ts';
import { transliterate } from '../text/names.ts';
import { foldCase } from '../text/morphology.ts';
import { overlaps, within, type Analysis } from './analysis.ts';
import {
  absentCues,
  meetingCues,
  passedOnCues,
  notNames,
  pastCues,
  placesThatAreFirstNames,
  postCountries,
  titleWords,
} from './lexicon.ts';
import { SURNAME_ENDING } from './organization-cues.ts';
import { guessSurname, nominative, nominativeHead, russianWord } from './russian.ts';

export interface PersonMention extends Span {
  /** The name as a record would hold it: nominative, in the text's script. */
  name: string;
  /** The surname's loose key, to find the same person again ("Lukashenko" = «Лукашенко»). */
  key: string;
  role: string | null;
  roleSpan: Span | null;
  /** The territory the post is of, from the words of the post. */
  territoryCode: string | null;
  past: boolean;
  rule: string;
}

/** Lower-case words inside Arabic, Dutch or French names. */
const NAME_PARTICLES = new Set(['bin', 'ibn', 'bint', 'al', 'el', 'de', 'van', 'von', 'da', 'di']);
/** Endings of English nouns no first name or surname has: "Development", "Management", "Cooperation". */
const NOT_NAME_ENDING = /(?:ment|tion|sion|ity|ture|ance|ence|ship|ism|ness)$/u;

const CAPITALISED = /^\p{Lu}[\p{Ll}\p{M}]+(?:[-‐‑'’][\p{Lu}\p{Ll}][\p{Ll}\p{M}]+)*(?:['’]s?)?$/u;
const INITIAL = /^\p{Lu}$/u;

function stripPossessive(word: string): string {
  return word.replace(/['’]s?$/u, '');
}

function isTitle(token: Token, lang: 'en' | 'ru'): boolean {
  const word = foldCase(token.text);
  if (lang === 'en') return (titleWords.en as readonly string[]).includes(word);
  // «Послом» and «вице-губернатором» differ from their title words by more than an ending.
  if (/^(?:посл(?:а|у|ом|ы|ов|ам|ами|ах)|(?:вице|экс)-\p{L}+)$/u.test(word)) {
    return word.startsWith('посл') || isTitle({ ...token, text: word.replace(/^(?:вице|экс)-/u, '') }, lang);
  }
  return (titleWords.ru as readonly string[]).some((t) => word.startsWith(t.slice(0, Math.max(4, t.length - 2))));
}

function surnameKey(surname: string): string {
  return transliterate(stripPossessive(surname));
}

/** Runs of capitalised words that read as names in an English text. */
function englishNames(analysis: Analysis, taken: Span[]): Array<{ from: number; to: number }> {
  const { tokens } = analysis;
  const runs: Array<{ from: number; to: number }> = [];
  let i = 0;
  const isTaken = (t: Token) => taken.some((x) => t.start < x.end && x.start < t.end);
  // A first name that is also a place ("Vladimir") is a name when a surname follows it.
  const firstNameAlsoPlace = (at: number) => {
    const t = tokens[at]!;
    const next = tokens[at + 1];
    const place = analysis.territories.find((x) => x.start === t.start && x.end === t.end);
    return (
      place !== undefined &&
      placesThatAreFirstNames.has(foldCase(t.text)) &&
      next !== undefined &&
      CAPITALISED.test(next.text) &&
      !isTaken(next) &&
      !notNames.has(foldCase(stripPossessive(next.text)))
    );
  };
  // "Thani bin Ahmed Al Zeyoudi": particles inside a name.
  const particle = (at: number) =>
    at > 0 &&
    NAME_PARTICLES.has(tokens[at]!.text) &&
    CAPITALISED.test(tokens[at + 1]?.text ?? '') &&
    !isTaken(tokens[at + 1]!);
  while (i < tokens.length) {
    // "L. Oyun-Erdene", "Ch. Khurelbaatar": an initial before a single name.
    const t = tokens[i]!;
    const next = tokens[i + 2];
    if (
      /^\p{Lu}\p{Ll}?$/u.test(t.text) &&
      tokens[i + 1]?.text === '.' &&
      next !== undefined &&
      CAPITALISED.test(next.text) &&
      !isTaken(next) &&
      !notNames.has(foldCase(next.text)) &&
      !CAPITALISED.test(tokens[i + 3]?.text ?? '')
    ) {
      runs.push({ from: i, to: i + 3 });
      i += 3;
      continue;
    }
    const start = i;
    while (
      i < tokens.length &&
      tokens[i]!.kind === 'word' &&
      ((i > start && particle(i)) ||
        (CAPITALISED.test(tokens[i]!.text) &&
          !notNames.has(foldCase(stripPossessive(tokens[i]!.text))) &&
          !NOT_NAME_ENDING.test(foldCase(tokens[i]!.text)) &&
          (!isTaken(tokens[i]!) || (i === start && firstNameAlsoPlace(i))))) &&
      (i === start || analysis.text.slice(tokens[i - 1]!.end, tokens[i]!.start) === ' ')
    ) {
      i += 1;
      // A possessive ends the name: "Lukashenko's visit".
      if (/['’]s?$/u.test(tokens[i - 1]!.text)) break;
    }
    // "Minister of Agriculture and Food Igor Brylo", "Minister of Transport Ilya Sorokin": the word after a post's
    // "and" or "of" ends the post.
    let from = start;
    const joiner = foldCase(tokens[start - 1]?.text ?? '');
    const inPost =
      (joiner === 'of' || (joiner === 'and' && /^\p{Lu}/u.test(tokens[start - 2]?.text ?? ''))) &&
      tokens.slice(Math.max(0, start - 7), start - 1).some((t) => isTitle(t, 'en'));
    if (inPost && i - start >= 3) from += 1;
    const particles = tokens.slice(from, i).filter((x) => NAME_PARTICLES.has(foldCase(x.text))).length;
    if (i - from - particles >= 2 && i - from - particles <= 3) runs.push({ from, to: i });
    if (i === start) i += 1;
  }
  return runs;
}

/** Runs of Russian words that read as names: a first name with a surname, a patronymic, or initials. */
function russianNames(analysis: Analysis, taken: Span[]): Array<{ from: number; to: number }> {
  const { tokens } = analysis;
  const runs: Array<{ from: number; to: number }> = [];
  const capital = (t: Token | undefined) => t !== undefined && t.kind === 'word' && /^\p{Lu}\p{Ll}/u.test(t.text);
  const free = (t: Token) => !taken.some((s) => t.start < s.end && s.start < t.end);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (!capital(t)) continue;
    if (
      !free(t) &&
      !(russianWord(t.text).name && analysis.territories.some((x) => x.start === t.start && x.end === t.end))
    )
      continue;
    const info = russianWord(t.text);
    // «Михайлов» is a town and a surname: after a first name it is the surname.
    const placeOnly = (w: string) => russianWord(w).place && !russianWord(w).surname;
    const surnameNext = capital(tokens[i + 1]) && free(tokens[i + 1]!) && !placeOnly(tokens[i + 1]!.text);
    if (info.name && (!info.place || surnameNext)) {
      let j = i + 1;
      if (capital(tokens[j]) && russianWord(tokens[j]!.text).patronymic) j += 1;
      const next = tokens[j];
      if (capital(next) && free(next!) && !placeOnly(next!.text) && !isTitle(next!, 'ru')) {
        // «Мохаммад Самер аль-Халиль», «Мухаммад Аммар ас-Саади»: an Arabic article joins the last name.
        const article = /^(?:аль|ас|ад|ан|аш|эль|ат|аз)-\p{Lu}/u.test(tokens[j + 1]?.text ?? '') ? 1 : 0;
        runs.push({ from: i, to: j + 1 + article });
        i = j + article;
        continue;
      }
      // A surname first: «Лукашенко Александр».
      const before = tokens[i - 1];
      if (before && capital(before) && russianWord(before.text).surname && runs.at(-1)?.to !== i) {
        runs.push({ from: i - 1, to: i + 1 });
      }
    }
    // Two capitalised words az does not know, right after a post: «акимом Павлодарской области Абылкаиром Скаковым»,
    // «губернатором провинции Хэйлунцзян Ван Вэньтао» (a Chinese surname is short and may be a Russian word too).
    const second = tokens[i + 1];
    if (
      (!info.known || t.text.length <= 3) &&
      capital(second) &&
      free(second!) &&
      (!russianWord(second!.text).known ||
        russianWord(second!.text).surname ||
        SURNAME_ENDING.test(foldCase(second!.text))) &&
      runs.at(-1)?.to !== i + 1 &&
      tokens.slice(Math.max(0, i - 5), i).some((x) => isTitle(x, 'ru'))
    ) {
      runs.push({ from: i, to: i + 2 });
      i += 1;
      continue;
    }
    // Initials and a surname: «А.Г. Лукашенко», «А. Лукашенко».
    if (INITIAL.test(t.text) && tokens[i + 1]?.text === '.') {
      let j = i;
      while (INITIAL.test(tokens[j]?.text ?? '') && tokens[j + 1]?.text === '.') j += 2;
      if (capital(tokens[j]) && russianWord(tokens[j]!.text).surname) {
        runs.push({ from: i, to: j + 1 });
        i = j;
      }
    }
  }
  return runs;
}

function russianNominativeName(words: string[]): string {
  const infos = words.map(russianWord);
  const firstAt = infos.findIndex((info) => info.name);
  const first = infos[firstAt];
  const feminine = first?.feminine ?? false;
  return words
    .map((w, k) => {
      if (w.length <= 2) return w;
      const info = infos[k]!;
      if (k === firstAt) return nominative(w, (tag) => tag.includes('Name'));
      if (info.patronymic) return nominative(w, (tag) => tag.includes('Patr'));
      // Whatever else the word may be («Михайлов» is a town and a possessive too), beside a first name it is a surname.
      if (first?.grammaticalCase === 'nomn') return w;
      if (!info.known || !info.surname) return guessSurname(w, first?.grammaticalCase ?? null);
      return nominative(w, (tag) => tag.includes('Surn') && (!feminine || tag.includes('femn')));
    })
    .join(' ')
    .replace(/ \./gu, '.');
}

/** Words that end a post when walking back from a name: a preposition, a conjunction, a verb. */
const russianStops = new Set([
  'с',
  'со',
  'и',
  'во',
  'на',
  'по',
  'для',
  'к',
  'ко',
  'от',
  'у',
  'о',
  'об',
  'а',
  'но',
  'что',
  'как',
  'его',
  'ее',
  'её',
]);

/** The post written right before a name, inside its clause: "Kursk Oblast Governor", «губернатором Курской области». */
function roleBefore(analysis: Analysis, from: number, names: Array<{ from: number; to: number }>): Span | null {
  const { tokens, lang } = analysis;
  const inOtherName = (j: number) => names.some((n) => n.from <= j && j < n.to);
  let title = -1;
  for (let j = from - 1; j >= Math.max(0, from - 14); j--) {
    const t = tokens[j]!;
    if (analysis.text.slice(t.end, tokens[j + 1]!.start).includes('\n')) break;
    // «Глава Республики Саха (Якутия)»: a bracket inside a post; "Minister of Agriculture, Forestry and …",
    // «министр промышленности, торговли и …»: a comma between the words of a post not yet opened.
    const listComma =
      t.text === ',' && title < 0 && tokens[j - 1]?.kind === 'word' && tokens[j + 1]?.kind === 'word' && j < from - 1;
    if (t.kind === 'punct' && !listComma && !['-', '«', '»', '"', '“', '”', '(', ')'].includes(t.text)) break;
    if (inOtherName(j)) break;
    const lower = foldCase(t.text);
    // "Minister of Transport and Communications": "and" inside a post written in capitals.
    const joins =
      lower === 'and' && /^\p{Lu}/u.test(tokens[j - 1]?.text ?? '') && /^\p{Lu}/u.test(tokens[j + 1]?.text ?? '');
    // "Hokim of Andijan region": a lower-case word of geography after a place's name.
    const geography = ['region', 'oblast', 'province', 'district', 'krai', 'city', 'county'].includes(lower);
    const connector = joins || geography || ['of', 'the', 'for', 'to', 'in'].includes(lower);
    // "first deputy akim Yerlan Aubakirov": a post in lower case.
    const lowerPost = isTitle(t, lang) || ROLE_MODIFIERS.has(lower);
    if (lang === 'en' && t.kind === 'word' && /^\p{Ll}/u.test(t.text) && !connector && !lowerPost) break;
    // «министр сельского хозяйства и продовольствия», «Чрезвычайного и Полномочного Посла»: «и» inside a post.
    const andInPost =
      lang === 'ru' && lower === 'и' && tokens.slice(Math.max(0, j - 4), j).some((x) => isTitle(x, 'ru'));
    if (
      lang === 'ru' &&
      !andInPost &&
      (russianStops.has(lower) || (/^\p{Ll}/u.test(t.text) && russianWord(t.text).verb))
    )
      break;
    if (isTitle(t, lang)) title = j;
    // Russian posts open with their title word: «губернатором Омской области», nothing before it belongs.
    else if (lang === 'ru' && title >= 0) break;
  }
  if (title < 0) return null;
  let start = title;
  // "first deputy governor": the modifiers before the title belong to the post.
  while (start > 0 && ROLE_MODIFIERS.has(foldCase(tokens[start - 1]!.text))) start -= 1;
  // The territory or adjective before the post belongs to it: "Bryansk Oblast Governor", "Belarusian President".
  if (lang === 'en') {
    while (start > 0) {
      const prev = tokens[start - 1]!;
      if (analysis.text.slice(prev.end, tokens[start]!.start).includes('\n')) break;
      if (analysis.sentences.some((s) => s.start === tokens[start]!.start)) break;
      if (prev.kind !== 'word' || !/^\p{Lu}/u.test(prev.text)) break;
      if (inOtherName(start - 1)) break;
      if (!analysis.territories.some((x) => overlaps(x, prev)) && !isTitle(prev, lang)) break;
      start -= 1;
    }
  }
  const end = tokens[from - 1]!;
  if (end.kind === 'punct' && !['»', '"', '”', ')'].includes(end.text)) return null;
  return { start: tokens[start]!.start, end: end.end };
}

/** The post written after a name, between commas: "Alexander Mikhailov, Governor of Kursk Oblast,". */
/** Words before a title in a post: "first deputy akim", "acting head", "general director". */
const ROLE_MODIFIERS = new Set([
  'vice',
  'first',
  'deputy',
  'acting',
  'executive',
  'general',
  'chief',
  'principal',
  'assistant',
  'senior',
  'non-resident',
  'первый',
  'временно',
  'исполняющий',
  'генеральный',
]);

function roleAfter(analysis: Analysis, to: number, names: Array<{ from: number; to: number }>): Span | null {
  const { tokens, lang } = analysis;
  // "B. Battsetseg (Minister of Foreign Affairs)".
  if (tokens[to]?.text !== ',' && tokens[to]?.text !== '(') return null;
  let j = to + 1;
  if (foldCase(tokens[j]?.text ?? '') === 'the') j += 1;
  const start = j;
  // "Vice President of …", "First Deputy Governor …": modifiers before the title word.
  while (ROLE_MODIFIERS.has(foldCase(tokens[j]?.text ?? ''))) j += 1;
  // «Вадим Сорокин, возглавляющий Группу ГАЗ»: a participle of heading is a post too.
  const heading = lang === 'ru' && /^возглавля/u.test(foldCase(tokens[j]?.text ?? ''));
  if (!tokens[j] || (!isTitle(tokens[j]!, lang) && !heading)) return null;
  while (j < tokens.length && tokens[j]!.kind !== 'punct' && j - start < 16) j += 1;
  // "…, Ivan Sidorov, first deputy governor Oleg Zuev and …": a post running into a name is that name's.
  if (names.some((n) => n.from > start && n.from < j)) return null;
  return { start: tokens[start]!.start, end: tokens[j - 1]!.end };
}

function roleText(analysis: Analysis, span: Span): string {
  const raw = analysis.text.slice(span.start, span.end).replace(/\s+/gu, ' ');
  let text = raw;
  if (analysis.lang === 'ru') {
    const [first = '', ...rest] = raw.split(' ');
    // A title az does not know («хокимом») takes its form from the titles' list.
    const listed = titleWords.ru.find((t) => foldCase(first).startsWith(t) && !russianWord(first).known);
    text = listed ? [listed, ...rest].join(' ') : nominativeHead(raw);
  }
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function hasCue(text: string, cues: readonly string[]): boolean {
  const lower = foldCase(text);
  return cues.some((cue) => new RegExp(`(^|[^\\p{L}])${cue.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')}`, 'u').test(lower));
}

/** Every person the text names, with the post it gives them where it gives one. */
export function findPeople(analysis: Analysis, organizations: Span[] = []): PersonMention[] {
  const { tokens, lang, text } = analysis;
  const taken = [...analysis.territories, ...analysis.organizations, ...analysis.commodities, ...organizations];
  const runs = lang === 'en' ? englishNames(analysis, taken) : russianNames(analysis, taken);
  return runs.map(({ from, to }) => {
    const words = tokens.slice(from, to).map((t) => stripPossessive(t.text));
    const name =
      lang === 'ru'
        ? russianNominativeName(words)
        : stripPossessive(text.slice(tokens[from]!.start, tokens[to - 1]!.end).replace(/\s+/gu, ' '));
    const surname = name.split(' ').at(-1)!;
    const last = tokens[to - 1]!;
    const span = { start: tokens[from]!.start, end: last.end - (last.text.length - stripPossessive(last.text).length) };
    // "the general director of OAO Grodno Azot, Igor Lyashenko": a post before the name and its comma.
    const roleSpan =
      roleBefore(analysis, from, runs) ??
      roleAfter(analysis, to, runs) ??
      (tokens[from - 1]?.text === ',' ? roleBefore(analysis, from - 1, runs) : null);
    const role = roleSpan ? roleText(analysis, roleSpan) : null;
    const territory = roleSpan ? within(analysis.territories, roleSpan)[0] : undefined;
    const country = role
      ? postCountries.find((p) => p.words.some((w) => foldCase(role).includes(w)))?.country
      : undefined;
    const context = text.slice(Math.max(0, (roleSpan?.start ?? span.start) - 40), span.start);
    const past = hasCue(context.split(/[.,;]/u).at(-1) ?? '', pastCues[lang]);
    return {
      ...span,
      name,
      key: surnameKey(surname),
      role,
      roleSpan,
      territoryCode: territory?.id ?? country ?? null,
      past,
      rule: roleSpan ? `person.${lang}.name-with-post` : `person.${lang}.name`,
    };
  });
}

/** Whether a span lies in the headline or in a sentence that tells of the meeting. */
export function inMeetingSentence(analysis: Analysis, span: Span): boolean {
  if (analysis.headline && span.start < analysis.headline.end) return true;
  const sentence = analysis.sentences.find((s) => s.start <= span.start && span.start < s.end);
  if (!sentence || sentence.quote) return false;
  const text = analysis.text.slice(sentence.start, sentence.end);
  const before = analysis.text.slice(sentence.start, span.start);
  return (
    hasCue(text, meetingCues[analysis.lang]) &&
    !hasCue(text, absentCues[analysis.lang]) &&
    !hasCue(before, passedOnCues[analysis.lang])
  );
}

export interface Person {
  key: string;
  name: string;
  role: string | null;
  /** Where the first post given stands in the text. */
  roleSpan: Span | null;
  territoryCode: string | null;
  mentions: PersonMention[];
  participant: boolean;
}

/** Mentions of the same person (by surname) gathered, the fullest name and the first post kept. */
export function gatherPeople(analysis: Analysis, mentions: PersonMention[]): Person[] {
  const people = new Map<string, Person>();
  for (const m of mentions) {
    const known = people.get(m.key);
    if (!known) {
      people.set(m.key, {
        key: m.key,
        name: m.name,
        role: m.role,
        roleSpan: m.roleSpan,
        territoryCode: m.territoryCode,
        mentions: [m],
        participant: false,
      });
      continue;
    }
    known.mentions.push(m);
    if (m.name.length > known.name.length) known.name = m.name;
    // The fullest post the text gives: «губернатор», then «губернатор Воронежской области».
    if (m.role && (!known.role || m.role.split(' ').length > known.role.split(' ').length)) {
      known.role = m.role;
      known.roleSpan = m.roleSpan;
    }
    known.territoryCode ??= m.territoryCode;
  }
  for (const person of people.values()) {
    person.participant = person.mentions.some((m) => !m.past && inMeetingSentence(analysis, m));
  }
  return [...people.values()];
}
