/**
 * Organizations known by what surrounds them rather than by their own words, for the single-word names no
 * dictionary holds: a name listed beside an organization ("Integral, Horizont and CJSC Atlant"), after a country's
 * possessive ("China's Geely"), before what it makes or what it is ("Kommunarka chocolate", "the Lenta retail
 * chain"), after a company post ("CEO of Sberbank") and as the subject of a trading verb ("Santa Bremor buys
 * chilled fish", «Санта Бремор закупает рыбу»).
 */
import { foldCase } from '../text/morphology.ts';
import type { Span } from '../text/sentences.ts';
import type { Token } from '../text/tokens.ts';
import { overlaps, type Analysis } from './analysis.ts';
import { notNames } from './lexicon.ts';
import { nominative, russianWord } from './russian.ts';

export type AddOrganization = (span: Span, name: string, rule: string, confidence: number) => void;

/** Latin and Cyrillic spellings of surnames: "Semashko", "Rymashevsky" hold "mash" but are people. */
export const SURNAME_ENDING =
  /(?:ko|sky|skiy|ski|ov|ova|ev|eva|in|ich|vich|uk|yuk|enko|ко|ский|ов|ова|ев|ева|ин|ич|ук)$/u;

/** Verbs that follow a person's name: "Rumas proposed", «Греф заверил». */
const speechVerbs = new Set([
  'said',
  'says',
  'noted',
  'stressed',
  'proposed',
  'suggested',
  'promised',
  'assured',
  'added',
  'emphasised',
  'emphasized',
  'invited',
  'thanked',
  'recalled',
  'pointed',
  'expressed',
  'told',
  'asked',
  'urged',
  'welcomed',
  'believes',
  'called',
  'сказал',
  'сказала',
  'отметил',
  'отметила',
  'подчеркнул',
  'подчеркнула',
  'предложил',
  'предложила',
  'пообещал',
  'пообещала',
  'заверил',
  'заверила',
  'добавил',
  'добавила',
  'пригласил',
  'пригласила',
  'поблагодарил',
  'поблагодарила',
  'напомнил',
  'напомнила',
  'заявил',
  'заявила',
  'попросил',
  'попросила',
  'призвал',
  'призвала',
]);

/** Bodies of state and what is not a company at all: a post's "of" or a list may lead to them. */
const notCompanies = new Set([
  'administration',
  'government',
  'ministry',
  'committee',
  'council',
  'parliament',
  'duma',
  'assembly',
  'office',
  'department',
  'service',
  'state',
  'republic',
  'region',
  'oblast',
  'krai',
  'executive',
  'presidential',
  'embassy',
  'customs',
  'chamber',
  'cabinet',
  'union',
  'forum',
  'exhibition',
  'fair',
  'summit',
  'park',
  'zone',
  'board',
  'management',
  'администрация',
  'правительство',
  'министерство',
  'комитет',
  'совет',
  'парламент',
  'дума',
  'палата',
  'форум',
  'выставка',
  'парк',
  'зона',
]);

/** People and adjectives of nations: "Belarusian tyres" are no brand. */
const DEMONYM = /(?:ian|ean|ese|ish)$/u;
const demonyms = new Set([
  'kazakh',
  'uzbek',
  'azerbaijani',
  'tatar',
  'bashkir',
  'thai',
  'serb',
  'german',
  'french',
  'dutch',
  'czech',
  'greek',
  'arab',
  'iraqi',
  'israeli',
  'pakistani',
  'emirati',
  'baltic',
]);

/** What a company does to goods: the verbs whose subject a readout names as a company. */
const tradingVerbs = {
  en: [
    'supplies',
    'supply',
    'supplied',
    'supplying',
    'sells',
    'sold',
    'selling',
    'buys',
    'bought',
    'buying',
    'ships',
    'shipped',
    'shipping',
    'exports',
    'exported',
    'exporting',
    'produces',
    'produced',
    'producing',
    'manufactures',
    'manufactured',
    'assembles',
    'assembled',
    'assembling',
    'delivers',
    'delivered',
    'sources',
    'purchases',
    'purchased',
    'imports',
    'invests',
    'invested',
    'lends',
    'operates',
    'discussing',
    'negotiating',
  ],
  ru: [
    'поставля',
    'поставил',
    'постави',
    'закупа',
    'закупил',
    'закупит',
    'производ',
    'выпуска',
    'выпусти',
    'экспортир',
    'импортир',
    'отгружа',
    'отгрузи',
    'собира',
    'продаёт',
    'продает',
    'продал',
    'покупа',
    'купил',
    'реализу',
    'инвестир',
    'кредиту',
    'обсужда',
    'рассчитыва',
    'намерен',
  ],
};
const auxiliaries = new Set(['is', 'are', 'was', 'were', 'has', 'have', 'had', 'been', 'will', 'would', 'also', 'now']);

/** What a name before them says it is: "the Lenta retail chain", "Geely cars" go through the commodity lexicon. */
const describers = new Set([
  'chain',
  'retailer',
  'carmaker',
  'automaker',
  'brand',
  'trademark',
  'maker',
  'manufacturer',
  'producer',
  'supplier',
  'exporter',
  'importer',
  'distributor',
  'dealer',
  'operator',
  'group',
  'company',
  'concern',
  'holding',
  'brewery',
  'dairy',
]);
const describerModifiers = new Set([
  'retail',
  'supermarket',
  'trading',
  'food',
  'oil',
  'gas',
  'steel',
  'car',
  'truck',
  'tractor',
  'machinery',
  'engineering',
  'construction',
  'furniture',
  'dairy',
  'meat',
  'textile',
  'chemical',
  'chemicals',
  'pharmaceutical',
  'electronics',
  'logistics',
  'investment',
  'mining',
  'energy',
  'tyre',
  'tire',
  'glass',
  'timber',
  'shipping',
]);

/** Posts a company has, before "of" and its name: "CEO of Sberbank", "the heads of Tulachermet". */
const companyPosts = new Set([
  'ceo',
  'chairman',
  'chairwoman',
  'director',
  'director-general',
  'head',
  'heads',
  'founder',
  'owner',
  'owners',
  'shareholder',
  'shareholders',
  'chief',
  'managers',
  'management',
  'board',
  'venture',
]);

/** Words after a product that name its maker: "microchips made by Integral", "medicines from Hemofarm". */
const makerWords = [['made', 'by'], ['produced', 'by'], ['manufactured', 'by'], ['from'], ['of'], ['by']];
/** A plural kind of company, then examples: "pharmaceutical companies, including Jiangsu Hengrui Medicine". */
const exampleWords = ['including', 'such as', 'among them', 'in particular', 'в том числе', 'например', 'в частности'];
const pluralKinds = [
  'companies',
  'enterprises',
  'manufacturers',
  'producers',
  'makers',
  'exporters',
  'suppliers',
  'plants',
  'производител',
  'предприяти',
  'компани',
  'завод',
];
/** Administrative words after a place: "the Hung Yen provincial People's Committee". */
const administrativeAfter = new Set(['provincial', 'regional', 'city', 'municipal', 'district', 'oblast', 'county']);

const LIST_WORDS = { en: new Set(['and', 'or']), ru: new Set(['и', 'или']) };

interface Run {
  from: number;
  to: number;
}

export function findByCues(analysis: Analysis, organizationSpans: () => Span[], add: AddOrganization): void {
  const { tokens, lang, text } = analysis;
  const indexOf = new Map(tokens.map((t, i) => [t.start, i]));
  const sentenceStart = (t: Token) => analysis.sentences.some((s) => s.start === t.start);
  const isPlace = (t: Token) => analysis.territories.some((x) => x.start <= t.start && t.end <= x.end);
  const capital = (t: Token | undefined) => t !== undefined && t.kind === 'word' && /^\p{Lu}/u.test(t.text);
  const bare = (word: string) => foldCase(word.replace(/['’]s?$/u, ''));

  const people = personWords(analysis);
  // "rolled steel in Cherepovets": a word after "in" is a place, even one the gazetteer lacks.
  const places = new Set(
    tokens.filter((t, i) => i > 0 && foldCase(tokens[i - 1]!.text) === 'in' && capital(t)).map((t) => bare(t.text)),
  );
  const organizationAt = (i: number): Span | undefined => organizationSpans().find((o) => o.start === tokens[i]?.start);
  const organizationEndingAt = (i: number): Span | undefined =>
    organizationSpans().find((o) => o.end === tokens[i]?.end);
  const inOrganization = (t: Token) => organizationSpans().some((o) => overlaps(o, t));

  const wordOk = (t: Token) => {
    const word = bare(t.text);
    if (notNames.has(word) || notCompanies.has(word) || inOrganization(t)) return false;
    if (lang === 'ru') {
      const info = russianWord(t.text);
      // A capitalised word the dictionary knows as an ordinary one opens a sentence («Область закупает»).
      if (info.known && !info.organization) return false;
    }
    return true;
  };
  /** A name of one to three capitalised words: not wholly a place, not a person's, not a nation's adjective. */
  const acceptable = (run: Run, strong: boolean): boolean => {
    const words = tokens.slice(run.from, run.to + 1);
    if (words.every(isPlace)) return false;
    // "Zinc produced by …": a product opening a sentence.
    if (words.every((w) => analysis.commodities.some((c) => c.start <= w.start && w.end <= c.end))) return false;
    if (words.length === 1 && isPlace(words[0]!)) return false;
    const last = bare(words.at(-1)!.text);
    if (people.has(last) || (words.length === 1 && places.has(last))) return false;
    // A surname's ending is no bar where the words around say a company ("makers, among them Gomeldrev").
    if (!strong && SURNAME_ENDING.test(last) && !/^\p{Lu}{2,}/u.test(words.at(-1)!.text)) return false;
    if (words.length === 1 && (DEMONYM.test(last) || demonyms.has(last))) return false;
    return true;
  };
  const runFrom = (i: number): Run | null => {
    let j = i;
    while (
      j < tokens.length &&
      j - i < 3 &&
      capital(tokens[j]) &&
      wordOk(tokens[j]!) &&
      (j === i || (text.slice(tokens[j - 1]!.end, tokens[j]!.start) === ' ' && !sentenceStart(tokens[j]!)))
    )
      j += 1;
    // A run cut short by a word that cannot be in it is part of a longer name: "Minsk Automobile Plant".
    if (capital(tokens[j]) && j - i < 3 && text.slice(tokens[j - 1]?.end ?? 0, tokens[j]!.start) === ' ') return null;
    return j > i ? { from: i, to: j - 1 } : null;
  };
  const runTo = (i: number): Run | null => {
    let j = i;
    while (
      j >= 0 &&
      i - j < 3 &&
      capital(tokens[j]) &&
      wordOk(tokens[j]!) &&
      (j === i || text.slice(tokens[j]!.end, tokens[j + 1]!.start) === ' ')
    ) {
      j -= 1;
      if (sentenceStart(tokens[j + 1]!)) break;
    }
    return j < i ? { from: j + 1, to: i } : null;
  };
  const nameOf = (run: Run) => {
    const words = tokens.slice(run.from, run.to + 1);
    if (lang === 'en') return text.slice(words[0]!.start, words.at(-1)!.end).replace(/['’]s?$/u, '');
    return words.map((t) => (russianWord(t.text).known ? nominative(t.text) : t.text)).join(' ');
  };
  const addRun = (run: Run, rule: string, confidence: number) => {
    if (!acceptable(run, rule === 'maker' || rule === 'example')) return false;
    const span = { start: tokens[run.from]!.start, end: tokens[run.to]!.end };
    add(span, nameOf(run), `organization.${lang}.${rule}`, confidence);
    return true;
  };

  // Names listed beside an organization are organizations too, walking the list both ways from it.
  const listWords = LIST_WORDS[lang];
  const separatorsFrom = (j: number) => {
    let k = j;
    if (tokens[k]?.text === ',') k += 1;
    if (listWords.has(foldCase(tokens[k]?.text ?? ''))) k += 1;
    return k;
  };
  const separatorsBefore = (j: number) => {
    let k = j;
    if (listWords.has(foldCase(tokens[k]?.text ?? ''))) k -= 1;
    if (tokens[k]?.text === ',') k -= 1;
    return k;
  };
  for (let round = 0; round < 2; round++) {
    for (const organization of [...organizationSpans()]) {
      const first = indexOf.get(organization.start);
      const last = tokens.findIndex((t) => t.end === organization.end);
      if (first === undefined || last < 0) continue;
      for (let j = separatorsFrom(last + 1), guard = 0; j > last + 1 && guard < 8; guard++) {
        const at = foldCase(tokens[j]?.text ?? '') === 'the' ? j + 1 : j;
        const known = organizationAt(at);
        if (known) {
          const end = tokens.findIndex((t) => t.end === known.end);
          const next = separatorsFrom(end + 1);
          if (next === end + 1) break;
          j = next;
          continue;
        }
        const run = runFrom(at);
        if (!run || !addRun(run, 'listed', 0.6)) break;
        const next = separatorsFrom(run.to + 1);
        if (next === run.to + 1) break;
        j = next;
      }
      for (let k = separatorsBefore(first - 1), guard = 0; k < first - 1 && guard < 8; guard++) {
        const known = organizationEndingAt(k);
        if (known) {
          const start = indexOf.get(known.start)!;
          const next = separatorsBefore(start - 1);
          if (next === start - 1) break;
          k = next;
          continue;
        }
        const run = runTo(k);
        if (!run || !addRun(run, 'listed', 0.6)) break;
        const next = separatorsBefore(run.from - 1);
        if (next === run.from - 1) break;
        k = next;
      }
    }
  }

  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (lang === 'en') {
      // "China's Geely", "Germany's Knauf": a country's possessive before a name that is not a region of it.
      if (/['’]s$/u.test(t.text) && analysis.territories.some((x) => x.start === t.start && !x.id.includes('-'))) {
        const run = runFrom(i + 1);
        if (run) addRun(run, 'country-possessive', 0.6);
        continue;
      }
      // "CEO of Sberbank", "the heads of Tulachermet", "the joint venture of Midea and …".
      if (companyPosts.has(foldCase(t.text)) && foldCase(tokens[i + 1]?.text ?? '') === 'of') {
        const at = foldCase(tokens[i + 2]?.text ?? '') === 'the' ? i + 3 : i + 2;
        const run = runFrom(at);
        const administrative = run && administrativeAfter.has(foldCase(tokens[run.to + 1]?.text ?? ''));
        if (run && !administrative && !tokens.slice(run.from, run.to + 1).some(isPlace))
          addRun(run, 'company-post', 0.6);
        continue;
      }
      // "microchips made by Integral", "milk powder from Milkavita", "dairy products of Babushkina Krynka".
      const product = analysis.commodities.find((c) => c.end === t.end);
      if (product) {
        for (const words of makerWords) {
          if (!words.every((w, k) => foldCase(tokens[i + 1 + k]?.text ?? '') === w)) continue;
          let at = i + 1 + words.length;
          if (foldCase(tokens[at]?.text ?? '') === 'the') at += 1;
          const run = runFrom(at);
          if (run && !tokens.slice(run.from, run.to + 1).some(isPlace)) addRun(run, 'maker', 0.55);
          break;
        }
      }
      // "Naftna Industrija Srbije (NIS)": a name its initials follow in brackets.
      if (tokens[i + 1]?.text === '(' && tokens[i + 3]?.text === ')' && /^\p{Lu}{2,6}$/u.test(tokens[i + 2]!.text)) {
        const run = runTo(i);
        const initials = run
          ? tokens
              .slice(run.from, run.to + 1)
              .map((x) => x.text[0])
              .join('')
          : '';
        if (run && run.to - run.from >= 1 && initials === tokens[i + 2]!.text) addRun(run, 'initials', 0.6);
      }
    }
    // "pharmaceutical companies, including Jiangsu Hengrui Medicine".
    const example = exampleWords.find((w) => w.split(' ').every((x, k) => foldCase(tokens[i + k]?.text ?? '') === x));
    if (
      example &&
      tokens.slice(Math.max(0, i - 3), i).some((x) => pluralKinds.some((kind) => foldCase(x.text).startsWith(kind)))
    ) {
      const run = runFrom(i + example.split(' ').length);
      if (run) addRun(run, 'example', 0.6);
      continue;
    }
    if (!capital(t) || (i > 0 && capital(tokens[i - 1]) && !sentenceStart(t))) continue;
    const run = runFrom(i);
    if (!run) continue;
    const after = run.to + 1;
    if (lang === 'en') {
      // "Kommunarka chocolate", "the Lenta retail chain": a name before what it makes or what it is.
      const next = foldCase(tokens[after]?.text ?? '');
      const modified = describerModifiers.has(next) ? foldCase(tokens[after + 1]?.text ?? '') : next;
      const product = analysis.commodities.some((c) => c.start === tokens[after]?.start);
      if ((product || describers.has(modified)) && addRun(run, 'described', 0.55)) {
        i = run.to;
        continue;
      }
    }
    // "Santa Bremor buys chilled fish", «Санта Бремор закупает рыбу».
    let v = after;
    while (auxiliaries.has(foldCase(tokens[v]?.text ?? '')) && v - after < 3) v += 1;
    const verb = foldCase(tokens[v]?.text ?? '');
    const trading =
      lang === 'en' ? tradingVerbs.en.includes(verb) : tradingVerbs.ru.some((stem) => verb.startsWith(stem));
    if (trading && addRun(run, 'trading-subject', 0.55)) i = run.to;
  }
}

/** Words a readout uses as people's surnames: those before a verb of speech, and the registry's people. */
function personWords(analysis: Analysis): Set<string> {
  const words = new Set<string>();
  const { tokens } = analysis;
  for (let i = 0; i + 1 < tokens.length; i++) {
    if (tokens[i]!.kind === 'word' && speechVerbs.has(foldCase(tokens[i + 1]!.text)))
      words.add(foldCase(tokens[i]!.text.replace(/['’]s?$/u, '')));
  }
  for (const person of analysis.people) {
    const last = tokens.filter((t) => t.start >= person.start && t.end <= person.end).at(-1);
    if (last) words.add(foldCase(last.text));
  }
  return words;
}
