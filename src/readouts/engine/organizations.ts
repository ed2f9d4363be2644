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
import { findByCues, SURNAME_ENDING } from './organization-cues.ts';
import { nominative, russianWord } from './russian.ts';

export interface OrganizationMention extends Span {
  name: string;
  kind: 'enterprise' | 'bank' | 'university' | 'state_corporation' | 'association' | 'trading_house';
  rule: string;
  confidence: number;
  /** The registry's organization this longer name holds («ОАО «БЕЛАЗ» – управляющая компания холдинга …»). */
  registryId?: string;
  /** Short names the text gives it in brackets: "Minsk Automobile Plant (MAZ)". */
  aliases: string[];
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
  'llp',
  'тоо',
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
  const add = (at: Span, written: string, rule: string, confidence: number, context = written) => {
    // «ОАО «БЕЛАЗ» – управляющая компания холдинга «БЕЛАЗ-ХОЛДИНГ»» is one name.
    const managed =
      managingCompanyEnd(analysis, at.end) ?? formAfterEnd(analysis, at.end) ?? formNextEnd(analysis, at.end);
    const span = managed ? { start: at.start, end: managed } : at;
    // The holding's words in the nominative: «на площадке ОАО «БЕЛАЗ» – управляющей компании холдинга …».
    const name = managed
      ? text.slice(span.start, span.end).replace(/управляющ\p{L}+\s+компани\p{L}+/u, 'управляющая компания')
      : written;
    const clean = name.replace(/\s+/gu, ' ').trim();
    if (!clean || found.some((f) => overlaps(f, span)) || normalizeName(clean).length < 2) return;
    if (isEvent(analysis, span)) return;
    // A longer name may hold a registry's one: "ОАО «БЕЛАЗ» – управляющая компания …" holds «БЕЛАЗ».
    const inside = analysis.organizations.filter((o) => overlaps(o, span));
    if (inside.some((o) => o.start < span.start || o.end > span.end || o.end - o.start === span.end - span.start))
      return;
    found.push({
      ...span,
      name: clean,
      kind: kindOf(`${context} ${clean}`),
      rule,
      confidence,
      registryId: inside[0]?.id,
      aliases: [],
    });
  };
  const capital = (t: Token | undefined) => t !== undefined && t.kind === 'word' && /^\p{Lu}/u.test(t.text);
  const sentenceStart = (t: Token) => analysis.sentences.some((s) => s.start === t.start);

  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const word = foldCase(t.text);
    // A legal form, then the name: quoted, or capitalised words.
    if (forms.has(word) && /^\p{Lu}/u.test(t.text) && t.text.length <= 5) {
      // Forms may stack: «СП ЗАО «Милавица»».
      let after = i + 1;
      while (forms.has(foldCase(tokens[after]?.text ?? '')) && /^\p{Lu}/u.test(tokens[after]!.text)) after += 1;
      const quoted = quotedAt(tokens, after);
      if (quoted) {
        const span = { start: t.start, end: tokens[quoted.to]!.end };
        add(span, text.slice(t.start, span.end), `organization.${lang}.legal-form-quoted`, 0.9);
        i = quoted.to;
        continue;
      }
      let j = i + 1;
      while (
        capital(tokens[j]) &&
        j - i <= 5 &&
        (!notNames.has(foldCase(tokens[j]!.text)) ||
          isHead(tokens[j]!, lang) ||
          englishNameWords.has(foldCase(tokens[j]!.text)))
      )
        j += 1;
      // "Director General of OAO Luchesa Ivan Belov": past a one-word name, two more without an organization
      // word are the person who runs it.
      const words = tokens.slice(i + 1, j);
      if (
        words.length >= 3 &&
        !words.some(
          (w) =>
            isHead(w, lang) ||
            englishNameWords.has(foldCase(w.text)) ||
            analysis.territories.some((x) => overlaps(x, w)),
        )
      )
        j -= 2;
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
    // A name in quotes that is no organization word's: «Гомсельмаш», "Belshina"; not a zone's, a park's or a
    // place's (ОЭЗ «Липецк», парк «Великий камень»).
    const quoted = quotedAt(tokens, i);
    const notCompany =
      quoted !== null &&
      (notCompanyWords.some((w) => foldCase(tokens[i - 1]?.text ?? '').startsWith(w)) ||
        (lang === 'ru' &&
          quoted.to - quoted.from === 1 &&
          russianWord(tokens[quoted.from]!.text).place &&
          !russianWord(tokens[quoted.from]!.text).organization));
    if (quoted && notCompany) {
      i = quoted.to;
      continue;
    }
    if (quoted && quoted.to - quoted.from <= 4 && capital(tokens[quoted.from])) {
      const inner = text.slice(tokens[quoted.from]!.start, tokens[quoted.to - 1]!.end);
      const inside = tokens.slice(quoted.from, quoted.to).filter((x) => x.kind === 'word');
      if (inside.length > 0 && inside.length <= 3)
        add(
          { start: tokens[quoted.from]!.start, end: tokens[quoted.to - 1]!.end },
          lang === 'ru' ? quotedNominative(tokens.slice(quoted.from, quoted.to), inner) : inner,
          `organization.${lang}.quoted`,
          0.7,
        );
      i = quoted.to;
      continue;
    }
  }

  // Words ending in an organization word: "Minsk Automobile Plant", "Belarusian State University of Grodno",
  // «Омский нефтеперерабатывающий завод», «Борисовский завод медицинских препаратов».
  for (let i = 0; i < tokens.length; i++) {
    const head = tokens[i]!;
    if (!isHead(head, lang) || taken(head)) continue;
    const span = lang === 'en' ? englishNameAround(analysis, i) : russianNameAround(analysis, i);
    if (!span) continue;
    const words = tokens.filter((t) => t.start >= span.start && t.end <= span.end);
    const name =
      lang === 'ru'
        ? words
            .map((t, k) => {
              const before = tokens.indexOf(t) <= i;
              // The words up to the head agree with it; what follows it («медицинских препаратов») stays as written.
              return before && k < words.length && russianWord(t.text).known && t.kind === 'word'
                ? nominative(t.text)
                : t.text;
            })
            .join(' ')
        : text.slice(span.start, span.end);
    add(span, name, `organization.${lang}.words-and-head`, 0.75);
  }

  // Brand-like words: BelAZ, MAZ-Asia, Gomselmash, «БелАЗ» — capitals inside a word, a short acronym, the stems
  // of industrial names in a Latin word, a Russian word az knows as an organization or does not know at all.
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k]!;
    if (t.kind !== 'word' || taken(t)) continue;
    const lower = foldCase(t.text);
    // "Minsk Automobile Plant (MAZ)": the short name in brackets is the same organization, and so is it further on.
    const before = tokens[k - 1]?.text === '(' && found.find((f) => Math.abs(f.end - tokens[k - 1]!.start) <= 1);
    if (before) {
      if (tokens[k + 1]?.text === ')') before.aliases.push(t.text);
      continue;
    }
    if (notAcronyms.has(lower) || notNames.has(lower) || notBrands.has(lower)) continue;
    if (analysis.territories.some((x) => overlaps(x, t))) continue;
    // After a first name it is a surname.
    const previous = tokens[k - 1];
    const afterName =
      previous !== undefined &&
      previous.kind === 'word' &&
      /^\p{Lu}\p{Ll}+$/u.test(previous.text) &&
      !notNames.has(foldCase(previous.text));
    const surnameLike = SURNAME_ENDING.test(lower) && !/^\p{Lu}{2,}/u.test(t.text);
    const inner = /^\p{Lu}\p{Ll}+\p{Lu}{2,}\p{Ll}*$/u.test(t.text) || /^\p{Lu}+\p{Ll}+\p{Lu}[\p{L}-]*$/u.test(t.text);
    const acronym =
      /^\p{Lu}{3,5}(?:-\p{Lu}\p{L}+)?$/u.test(t.text) && !nameWords(t.text).some((w) => notAcronyms.has(w));
    const latinBrand =
      lang === 'en' &&
      /^\p{Lu}\p{Ll}{4,}(?:-\p{L}+)?$/u.test(t.text) &&
      brandStems.some((stem) => lower.includes(stem));
    const russianBrand =
      lang === 'ru' &&
      /^\p{Lu}\p{Ll}{3,}$/u.test(t.text) &&
      (russianWord(t.text).organization ||
        (!russianWord(t.text).known && brandStems.some((stem) => lower.includes(stem))));
    if ((latinBrand || russianBrand) && (afterName || surnameLike)) continue;
    // After a word naming what it is: "the Chinese company Geely", «концерн Белнефтехим».
    const named =
      /^\p{Lu}\p{Ll}{2,}$/u.test(t.text) &&
      !afterName &&
      previous !== undefined &&
      namingWords.has(foldCase(previous.text)) &&
      !(lang === 'ru' && russianWord(t.text).known && !russianWord(t.text).organization);
    if (!(inner || acronym || latinBrand || russianBrand || named)) continue;
    // At a sentence's start only a word that cannot be an ordinary one: BelAZ, MTZ, Gomselmash.
    if (sentenceStart(t) && !(inner || latinBrand || russianBrand)) continue;
    // A brand and the capitalised words right after it are one name: "UzAuto Motors", "RUSAL Krasnoyarsk".
    let end = k;
    while (
      end + 1 < tokens.length &&
      end - k < 2 &&
      tokens[end + 1]!.kind === 'word' &&
      /^\p{Lu}/u.test(tokens[end + 1]!.text) &&
      analysis.text.slice(tokens[end]!.end, tokens[end + 1]!.start) === ' ' &&
      !notNames.has(foldCase(tokens[end + 1]!.text)) &&
      !sentenceStart(tokens[end + 1]!) &&
      // «генеральный директор БелАЗа Сергей Никифорович»: a first name after the brand begins a person's name.
      !(lang === 'ru' && russianWord(tokens[end + 1]!.text).name) &&
      !(
        lang === 'en' &&
        /^\p{Lu}/u.test(tokens[end + 2]?.text ?? '') &&
        SURNAME_ENDING.test(foldCase(tokens[end + 2]!.text))
      )
    )
      end += 1;
    // "VEB.RF", «ВЭБ.РФ»: a domain-like ending belongs to the name.
    if (tokens[end + 1]?.text === '.' && /^(?:РФ|RF|BY|РБ)$/u.test(tokens[end + 2]?.text ?? '')) end += 2;
    const span = { start: t.start, end: tokens[end]!.end };
    const written = text.slice(span.start, span.end);
    // «Сибуром» is Сибур: a brand az knows is named in the nominative.
    const brandName = lang === 'ru' && end === k && russianWord(t.text).organization ? nominative(t.text) : written;
    add(span, brandName, `organization.${lang}.brand`, acronym ? 0.5 : 0.65);
    k = end;
  }

  findByCues(analysis, () => [...analysis.organizations, ...found], add);
  // A registry's organization named with its holding («ОАО «БЕЛАЗ» – управляющая компания холдинга …»).
  for (const known of analysis.organizations) {
    if (!found.some((f) => overlaps(f, known)) && managingCompanyEnd(analysis, known.end))
      add(known, text.slice(known.start, known.end), `organization.${lang}.managing-company`, 0.8);
  }
  return found.sort((a, b) => a.start - b.start);
}

/** The end of "– managing company of BELAVTOMAZ Holding" / «– управляющая компания холдинга «…»» after a name. */
function managingCompanyEnd(analysis: Analysis, end: number): number | null {
  const rest = analysis.text.slice(end, end + 120);
  const tail =
    /^\s*[–—-]\s*(?:the\s+)?managing\s+company\s+of\s+(?:the\s+)?(?:[«"“][^»"”\n]{1,40}[»"”]\s*holding|(?:[\p{L}-]+\s+){1,3}holding|holding\s+[«"“][^»"”\n]{1,40}[»"”])/iu.exec(
      rest,
    ) ?? /^\s*[–—-]\s*управляющ\p{L}+\s+компани\p{L}+\s+холдинга(?:\s+[«"„][^»"“\n]{1,40}[»"“]+)?/u.exec(rest);
  return tail ? end + tail[0].length : null;
}

/** The end of a legal form in brackets after a name: «АК «АЛРОСА» (ПАО)», "Sibur Holding (PJSC)". */
function formAfterEnd(analysis: Analysis, end: number): number | null {
  const form = /^[»"”]?\s*\(([\p{L} ]{2,30})\)/u.exec(analysis.text.slice(end, end + 40));
  return form && forms.has(foldCase(form[1]!.trim())) ? end + form[0].length : null;
}

/**
 * A bare quoted name declines with its sentence («удобрения „Гродно Азота“», «с „Гомсельмашем“»): its words az
 * knows go back to the nominative, keeping gender; a place's name («Гродно») and an unknown word stay as written.
 */
function quotedNominative(words: Token[], written: string): string {
  if (words.some((w) => w.kind !== 'word')) return written;
  const head = words.at(-1)!;
  const headInfo = russianWord(head.text);
  // «Савушкина продукта»: before a masculine head in an oblique case, «Савушкина» is «Савушкин».
  const masculineHead = headInfo.known && !headInfo.feminine && headInfo.grammaticalCase === 'gent';
  return words
    .map((w, k) => {
      const info = russianWord(w.text);
      if (k < words.length - 1 && masculineHead && /(?:ин|ов|ев)а$/u.test(w.text)) return w.text.slice(0, -1);
      // «Гомсельмаша»: a word az lacks, built on an industrial stem, loses its case ending.
      if (!info.known) {
        const ending = /(?:ом|ем|а|у|е)$/u.exec(w.text);
        const stem = ending ? w.text.slice(0, -ending[0].length) : w.text;
        return ending && brandStems.some((b) => foldCase(stem).endsWith(b)) ? stem : w.text;
      }
      if (info.place || info.grammaticalCase === 'nomn' || info.grammaticalCase === null) return w.text;
      return nominative(w.text);
    })
    .join(' ');
}

/** The end of a legal form written after a name: "Kazakhstan Aluminium Smelter JSC". */
function formNextEnd(analysis: Analysis, end: number): number | null {
  const form = /^ (\p{Lu}{2,5})\b/u.exec(analysis.text.slice(end, end + 8));
  return form && forms.has(foldCase(form[1]!)) ? end + form[0].length : null;
}

/** Events are no organizations: «выставка «Иннопром»», "invited them to Innoprom", "the KazanSummit forum". */
function isEvent(analysis: Analysis, span: Span): boolean {
  const { tokens } = analysis;
  const at = tokens.findIndex((t) => t.end > span.start);
  let before = at - 1;
  while (before >= 0 && (OPEN.has(tokens[before]!.text) || foldCase(tokens[before]!.text) === 'the')) before -= 1;
  const previous = foldCase(tokens[before]?.text ?? '');
  if (eventWords.some((w) => previous.startsWith(w))) return true;
  // "the Technoprom international forum": an event word right after the name.
  const after = tokens.findIndex((t) => t.start >= span.end);
  const next = [after, after + 1].map((k) => foldCase(tokens[k]?.text ?? ''));
  if (next.some((w) => eventWords.some((e) => w.startsWith(e)))) return true;
  const sentence = analysis.sentences.find((s) => s.start <= span.start && span.start < s.end);
  const invited = sentence !== undefined && /invit|приглас/iu.test(analysis.text.slice(sentence.start, span.start));
  if (invited && ['to', 'на', 'в'].includes(previous)) return true;
  return /(?:summit|expo|fest|саммит|экспо)$/iu.test(analysis.text.slice(span.start, span.end));
}

/** Words before a quoted name that make it no company: a zone, a park, a festival. */
const notCompanyWords = [
  'зон',
  'сэз',
  'оэз',
  'фэз',
  'парк',
  'кластер',
  'праздник',
  'zone',
  'park',
  'festival',
  'holiday',
];

const eventWords = [
  'exhibition',
  'forum',
  'fair',
  'festival',
  'summit',
  'выставк',
  'форум',
  'ярмарк',
  'фестивал',
  'саммит',
  'салон',
];

/** Parts of industrial names as Belarusian and Russian enterprises coin them, in Latin and Cyrillic letters. */
const brandStems = [
  'mash',
  'azot',
  'neft',
  'prom',
  'stroy',
  'stroi',
  'khim',
  'zavod',
  'export',
  'shina',
  'agro',
  'avto',
  'energo',
  'atom',
  'trans',
  'lift',
  'sintez',
  'metall',
  'mebel',
  'drev',
  'kali',
  'holding',
  'kommun',
  'tekh',
  'invest',
  'маш',
  'азот',
  'нефт',
  'пром',
  'строй',
  'хим',
  'завод',
  'экспорт',
  'шина',
  'агро',
  'авто',
  'энерго',
  'атом',
  'транс',
  'лифт',
  'синтез',
  'металл',
  'мебель',
  'древ',
  'кали',
  'холдинг',
  'коммун',
  'тех',
  'инвест',
  'банк',
];

/** Words that say what the name after them is: "the company Geely", «концерн Белнефтехим». */
const namingWords = new Set([
  'company',
  'companies',
  'holding',
  'corporation',
  'concern',
  'brand',
  'manufacturer',
  'producer',
  'retailer',
  'chain',
  'carmaker',
  'automaker',
  'group',
  'bank',
  'firm',
  'компания',
  'компании',
  'компанией',
  'холдинг',
  'холдинга',
  'холдингом',
  'концерн',
  'концерна',
  'концерном',
  'корпорация',
  'корпорации',
  'бренд',
  'бренда',
  'производитель',
  'производителя',
  'сеть',
  'сети',
  'банк',
  'банка',
  'банком',
  'автоконцерн',
  'автоконцерна',
]);

/** Ordinary English words built from those stems, and the news agencies a readout cites as its source. */
const notBrands = new Set([
  'transport',
  'transit',
  'transfer',
  'transmission',
  'transportation',
  'program',
  'programme',
  'promotion',
  'prominent',
  'promising',
  'prompt',
  'atomic',
  'energy',
  'investment',
  'investments',
  'investor',
  'investors',
  'technical',
  'technology',
  'technologies',
  'holding',
  'holdings',
  'metallurgy',
  'metallurgical',
  'agriculture',
  'agricultural',
  'automotive',
  'automobile',
  'export',
  'exports',
  'exporter',
  'exporters',
  'chemical',
  'chemicals',
  'synthetic',
  'banking',
  'banks',
  'industrial',
  'belta',
  'белта',
  'tass',
  'тасс',
  'interfax',
  'интерфакс',
  'ria',
  'риа',
  'sputnik',
  'kazinform',
  'казинформ',
  'uza',
  'уза',
  'vna',
  'xinhua',
  'синьхуа',
  'azertac',
  'tanjug',
  'kabar',
  'kazta',
]);

/** Capitalised words that may stand inside an English organization's name though they begin no person's name. */
const englishNameWords = new Set([
  'state',
  'national',
  'research',
  'technical',
  'technological',
  'medical',
  'agrarian',
  'economic',
  'international',
  'federal',
  'regional',
  'machine-building',
  'eurasian',
  'development',
  'tractor',
  'automobile',
  'motor',
  'works',
  'railway',
  'railways',
  'housing',
  'construction',
  'metallurgical',
  'mining',
  'chemical',
  'shipbuilding',
  'academy',
  'university',
]);

/** Generic heads that name a kind of organization, not one: "Belarusian companies", «смоленские предприятия». */
const genericHeads = new Set([
  'company',
  'companies',
  'enterprise',
  'enterprises',
  'group',
  'fund',
  'park',
  'agency',
  'cluster',
  'предприятие',
  'предприятия',
  'компания',
  'компании',
  'группа',
  'общество',
  'фонд',
  'парк',
  'агентство',
  'кластер',
  'объединение',
]);

/**
 * An English organization name ending in the head at `i`: capitalised words before it ("Minsk Automobile Plant",
 * "Belarusian State University"), lower-case ones only between a capitalised start and the head ("Mikhailovsky mining
 * and processing plant"), "of" and a territory after a capitalised head ("University of Grodno").
 */
function englishNameAround(analysis: Analysis, i: number): Span | null {
  const { tokens } = analysis;
  const head = tokens[i]!;
  const headCapital = /^\p{Lu}/u.test(head.text);
  if (!headCapital && genericHeads.has(foldCase(head.text))) return null;
  let start = i;
  let named = false;
  for (let j = i - 1; j >= 0 && i - j <= 6; j--) {
    const t = tokens[j]!;
    if (t.kind !== 'word' || analysis.text.slice(t.end, tokens[j + 1]!.start).includes('\n')) break;
    const lower = foldCase(t.text);
    const place = analysis.territories.some((x) => overlaps(x, t));
    // "Turkey's Yildiz Group": the possessive says whose the company is.
    if (/['’]s$/u.test(t.text)) break;
    if (/^\p{Lu}/u.test(t.text)) {
      if (notNames.has(lower) && !englishNameWords.has(lower) && !place) break;
      start = j;
      if (!place && !englishNameWords.has(lower)) named = true;
      if (analysis.sentences.some((s) => s.start === t.start)) break;
      continue;
    }
    // "Titanium and Magnesium Plant" joins two words of one name; "Gomel State University and Bryansk State
    // Technical University" or "KAMAZ and Minsk Automobile Plant" join two names, the second with a place of its own.
    const joinsNames =
      lower === 'and' &&
      (isHead(tokens[j - 1] ?? t, 'en') ||
        tokens.slice(j + 1, i).some((x) => analysis.territories.some((p) => overlaps(p, x))));
    // "Trucks of Minsk Automobile Plant": only a head before "of" takes the name after it.
    const ofWithoutHead = lower === 'of' && !isHead(tokens[j - 1] ?? t, 'en');
    if (
      (lower === 'and' && !joinsNames) ||
      (lower === 'of' && !ofWithoutHead) ||
      /-/u.test(t.text) ||
      lower.endsWith('ing') ||
      lower.endsWith('al')
    ) {
      start = j;
      continue;
    }
    break;
  }
  while (start < i && !/^\p{Lu}/u.test(tokens[start]!.text)) start += 1;
  // A capitalised head with a demonym or territory ("Belarusian State University") is a name; a lower-case one
  // needs a name of its own ("the Kostanay plant" describes, "the Kirishinefteorgsintez refinery" names).
  if (start === i || (!named && !headCapital)) return null;
  // "the Kirishinefteorgsintez refinery", "Gomselmash combines": the brand is the name, the head describes it.
  // "UzAuto Motors plant": capitalised words before a lower-case head are the name, the head describes it.
  if (!headCapital && named && start < i - 1 && tokens.slice(start, i).every((t) => /^\p{Lu}/u.test(t.text)))
    return { start: tokens[start]!.start, end: tokens[i - 1]!.end };
  if (!headCapital && start === i - 1 && named) {
    // "the plant in Ganja … the Ganja plant": a word written after "in" is a place.
    const word = foldCase(tokens[start]!.text);
    const place = tokens.some((x, k) => k > 0 && foldCase(x.text) === word && foldCase(tokens[k - 1]!.text) === 'in');
    return place ? null : { start: tokens[start]!.start, end: tokens[start]!.end };
  }
  let end = head.end;
  const after = (n: number) => foldCase(tokens[i + n]?.text ?? '');
  if (headCapital && after(1) === 'named' && after(2) === 'after') {
    end = personNameEnd(tokens, i + 3) ?? end;
  } else if (headCapital && after(1) === 'of') {
    // "University of Grodno", "Development Bank of the Republic of Belarus".
    const at = after(2) === 'the' ? i + 3 : i + 2;
    const place = analysis.territories.find((x) => x.start === tokens[at]?.start);
    if (place) end = place.end;
  }
  return { start: tokens[start]!.start, end };
}

/**
 * A Russian organization name around the head at `i`: adjectives before it from a capitalised one («Слуцкий
 * сыродельный комбинат»), and after it a genitive phrase («завод медицинских препаратов») or «имени» and a name.
 */
function russianNameAround(analysis: Analysis, i: number): Span | null {
  const { tokens } = analysis;
  const head = tokens[i]!;
  const generic = genericHeads.has(foldCase(head.text));
  let start = i;
  for (let j = i - 1; j >= 0 && i - j <= 5; j--) {
    const t = tokens[j]!;
    if (t.kind !== 'word') break;
    const info = russianWord(t.text);
    const adjectiveLike = info.adjective || /(?:ый|ий|ой|ого|его|ому|ему|ым|им|ая|яя|ую|ых|их)$/u.test(t.text);
    if (!adjectiveLike) break;
    start = j;
    if (/^\p{Lu}/u.test(t.text)) break;
  }
  if (start === i || !/^\p{Lu}/u.test(tokens[start]!.text)) return null;
  // «Белорусская калийная компания»: a generic head names one company when a capital opens it mid-sentence.
  if (generic && analysis.sentences.some((s) => s.start === tokens[start]!.start)) return null;
  let end = head.end;
  let j = i + 1;
  if (foldCase(tokens[j]?.text ?? '') === 'имени') {
    end = personNameEnd(tokens, j + 1) ?? end;
  } else {
    while (j < tokens.length && j - i <= 3 && tokens[j]!.kind === 'word' && /^\p{Ll}/u.test(tokens[j]!.text)) {
      const info = russianWord(tokens[j]!.text);
      if (info.grammaticalCase !== 'gent' || info.verb) break;
      end = tokens[j]!.end;
      j += 1;
    }
  }
  return { start: tokens[start]!.start, end };
}

/** The end of a person's name from `at`: capitalised words and initials ("R.E. Alekseev", «Н.Э. Баумана»). */
function personNameEnd(tokens: Token[], at: number): number | null {
  let k = at;
  let end: number | null = null;
  while (k < tokens.length && k - at <= 8) {
    const t = tokens[k]!;
    if (t.kind === 'word' && /^\p{Lu}/u.test(t.text)) {
      end = t.end;
      k += 1;
      if (tokens[k]?.text === '.' && /^\p{Lu}$/u.test(t.text)) {
        end = tokens[k]!.end;
        k += 1;
      }
      continue;
    }
    break;
  }
  return end;
}
