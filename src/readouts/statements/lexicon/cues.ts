/**
 * The words that mark a statement in a readout, by language. A phrase is words separated by spaces; a word ending
 * in `*` matches any ending («предложил*» → предложил, предложила, предложили). Matching ignores case and reads ё as
 * е. Extend a list to teach the rules a new wording; no code changes are needed.
 */
import type { Lang } from '../../text/language.ts';
import type { StatementKind } from '../model.ts';

/** Verbs of speech that name the act themselves: "proposed", «пригласил». */
export type ActKind = Exclude<StatementKind, 'target'>;

export interface CueLexicon {
  /** Verbs that report an act of the speaker and say which. */
  acts: Record<ActKind, string[]>;
  /** Verbs of speech that say nothing of the act: what follows them decides ("said the region would buy"). */
  speech: string[];
  /** Openers naming whose view a clause is: "According to the minister,", «По его мнению,». */
  frames: string[];
  /** Verbs that report the past or a topic, not an act at the meeting: "recalled", «рассказал о». */
  narration: string[];
  /** "The sides agreed to …", «договорились» followed by what they will do. */
  agreement: string[];
  /** After a neutral verb, words that make the clause a commitment: "would", «будет». */
  future: string[];
  /** … a proposal: "was ready to", «готов», «мог бы». */
  readiness: string[];
  /** … an assessment: "should", «нужно». */
  necessity: string[];
  /** Judgements that make a clause an assessment wherever they stand. */
  evaluation: string[];
  /** Qualifiers that make "partner" a judgement: "a reliable partner", «ключевых партнёров». */
  partnerQualifiers: string[];
  partner: string[];
  /** What a speaker says in the first person inside a quotation, by kind: "we ask", «предлагаю». */
  firstPerson: Record<ActKind, string[]>;
  /** Words before a figure that make it a goal: "bring trade to", «довести до», «поставили задачу». */
  targetLeads: string[];
  /** Words that make what follows a target lead an amount: "billion", «млн», "$". */
  amounts: string[];
  /** Words between a subject and its verb that are not the subject: "also", «в свою очередь». */
  fillers: string[];
  /** Words that open an adverbial, not a subject: "On 15 May", «В ходе встречи». */
  adverbialOpeners: string[];
  /** Words after an inverted subject that end it: «заявил Президент 14 ноября на встрече». */
  subjectEnders: string[];
  /**
   * Where one clause of a statement ends and a second one of the same kind begins: «, а также»; with `beforeName`,
   * only when a name follows («…, а ОАО «Беларуськалий» — расширить…»), as «, а» joins much else.
   */
  clauseBreaks: { phrase: string; beforeName?: boolean }[];
  /** Words opening a sentence that hands its statement to the sentence before: «Об этом заявил». */
  backReference: string[];
  /** Words that open a subordinate clause: a verb after them belongs to someone else. */
  subordinators: string[];
}

export const cues: Record<Lang, CueLexicon> = {
  en: {
    acts: {
      proposal: [
        'proposed',
        'proposes',
        'suggested',
        'suggests',
        'offered',
        'put forward',
        'came up with',
        'called for',
      ],
      commitment: ['promised', 'promises', 'pledged', 'pledges', 'assured', 'assures', 'vowed', 'undertook'],
      request: ['asked', 'asks', 'requested', 'requests', 'urged', 'urges', 'called on', 'called upon', 'appealed to'],
      assessment: ['described', 'describes', 'called', 'calls', 'assessed', 'praised', 'regarded'],
      invitation: ['invited', 'invites', 'extended an invitation', 'passed on an invitation'],
    },
    speech: [
      'said',
      'says',
      'noted',
      'notes',
      'stressed',
      'stresses',
      'emphasised',
      'emphasized',
      'underlined',
      'added',
      'replied',
      'told',
      'stated',
      'pointed out',
      'admitted',
      'remarked',
      'announced',
      'believes',
      'is convinced',
      'was convinced',
      'expressed confidence',
    ],
    frames: ['according to', 'in the opinion of', 'in the view of', 'in the words of'],
    narration: [
      'recalled',
      'reminded',
      'spoke about',
      'spoke of',
      'talked about',
      'told about',
      'raised',
      'discussed',
      'reviewed',
      'thanked',
      'informed',
    ],
    agreement: ['agreed to', 'agreed that', 'the sides will', 'the parties will'],
    future: ['would', 'will', 'shall', 'intends to', 'intend to', 'plans to', 'is going to', 'are going to'],
    readiness: [
      'ready to',
      'prepared to',
      'willing to',
      'stands ready',
      'could',
      'is interested in supplying',
      'is open to',
    ],
    necessity: ['should', 'must', 'need to', 'needs to', 'ought to', 'it is necessary', 'it is important to'],
    evaluation: [
      'disappointing',
      'modest',
      'unsatisfactory',
      'insufficient',
      'not enough',
      'too low',
      'below potential',
      'faster than',
      'a model of',
      'an example of',
      'a good example',
    ],
    partnerQualifiers: [
      'reliable',
      'strategic',
      'key',
      'closest',
      'close',
      'largest',
      'biggest',
      'main',
      'important',
      'leading',
      'major',
      'priority',
      'trusted',
      'good',
    ],
    partner: ['partner', 'partners'],
    firstPerson: {
      proposal: ['i propose', 'we propose', 'i suggest', 'we suggest', 'we are ready to', 'we are prepared to'],
      commitment: ['we will', "we'll", 'i promise', 'we promise', 'we guarantee'],
      request: ['i ask', 'we ask', 'i request', 'we request', 'i urge', 'we urge', 'please'],
      assessment: [],
      invitation: ['i invite', 'we invite', 'you are welcome'],
    },
    targetLeads: [
      'bring trade to',
      'bring the trade to',
      'bring turnover to',
      'bring the turnover to',
      'bring trade turnover to',
      'bringing trade to',
      'bringing the trade to',
      'bringing turnover to',
      'bringing trade turnover to',
      'bring it to',
      'raise trade to',
      'raise turnover to',
      'increase trade to',
      'increase turnover to',
      'increase the turnover to',
      'restored to',
      'reach',
      'to reach',
      'aim for',
      'aim at',
      'aiming for',
      'work towards',
      'work toward',
      'working towards',
      'set the goal',
      'set the target',
      'set the task',
      'set a goal',
      'set a target',
      'the goal of',
      'the target of',
      'target of',
      'double',
      'to double',
    ],
    amounts: [
      'million',
      'billion',
      'mln',
      'bn',
      'dollars',
      'roubles',
      'rubles',
      'euros',
      'usd',
      '$',
      '€',
      'one and a half times',
      'twice',
      'times',
      'fold',
    ],
    fillers: [
      'also',
      'then',
      'further',
      'furthermore',
      'moreover',
      'however',
      'in turn',
      'in his turn',
      'in her turn',
      'in response',
      'for his part',
      'for her part',
      'in addition',
      'at the same time',
      'and',
      'but',
      'too',
      'again',
      'at the meeting',
      'at the talks',
    ],
    adverbialOpeners: ['on', 'in', 'at', 'during', 'after', 'before', 'today', 'yesterday', 'earlier', 'later', 'when'],
    subjectEnders: [
      'on',
      'at',
      'in',
      'as',
      'when',
      'while',
      'during',
      'after',
      'before',
      'today',
      'yesterday',
      'to',
      'that',
    ],
    clauseBreaks: [{ phrase: ', as well as' }],
    backReference: ['this was stated by', 'this was said by', 'this was announced by'],
    subordinators: ['that', 'which', 'who', 'whose', 'when', 'whether', 'if', 'because'],
  },
  ru: {
    acts: {
      proposal: [
        'предложил',
        'предложила',
        'предложили',
        'предлагает',
        'предлагают',
        'выступил с предложением',
        'выступил с инициативой',
        'внес предложение',
      ],
      commitment: [
        'пообещал*',
        'обещал',
        'обещала',
        'заверил*',
        'гарантировал*',
        'дал слово',
        'взял на себя обязательство',
        'взяла на себя обязательство',
      ],
      request: [
        'попросил*',
        'просил',
        'просила',
        'просит',
        'обратился с просьбой',
        'обратилась с просьбой',
        'призвал*',
      ],
      assessment: ['назвал', 'назвала', 'охарактеризовал*', 'оценил', 'оценила'],
      invitation: ['пригласил*', 'приглашает', 'передал приглашение', 'передала приглашение'],
    },
    speech: [
      'сказал',
      'сказала',
      'отметил*',
      'подчеркнул*',
      'заявил*',
      'добавил*',
      'сообщил',
      'сообщила',
      'ответил*',
      'указал',
      'указала',
      'признал',
      'признала',
      'считает',
      'уверен',
      'уверена',
      'выразил уверенность',
      'выразила уверенность',
      'констатировал*',
    ],
    frames: ['по словам', 'по мнению', 'по его мнению', 'по ее мнению', 'по оценке', 'по его оценке', 'как считает'],
    narration: ['напомнил*', 'рассказал*', 'обсудили', 'обсуждали', 'поблагодарил*', 'вспомнил*', 'проинформировал*'],
    agreement: ['договорились', 'условились', 'согласились'],
    future: ['будет', 'будут', 'станет', 'станут', 'намерен*', 'планирует', 'планируют', 'собирается'],
    readiness: ['готов*', 'мог бы', 'могла бы', 'могли бы', 'могло бы', 'заинтересован*'],
    necessity: ['нужно', 'необходимо', 'надо', 'должны', 'должен', 'должна', 'следует', 'важно'],
    evaluation: [
      'разочаров*',
      'скромн*',
      'неудовлетворительн*',
      'недостаточн*',
      'быть не должно',
      'быстрее, чем',
      'образц*',
      'примером',
    ],
    partnerQualifiers: [
      'надежн*',
      'стратегическ*',
      'ключев*',
      'ближайш*',
      'крупнейш*',
      'главн*',
      'важн*',
      'ведущ*',
      'основн*',
      'приоритетн*',
      'давн*',
    ],
    partner: ['партнер*'],
    firstPerson: {
      proposal: ['предлагаю', 'предлагаем', 'мы готовы', 'я готов'],
      commitment: ['мы будем', 'обещаю', 'обещаем', 'гарантирую', 'гарантируем'],
      request: ['просим', 'прошу'],
      assessment: [],
      invitation: ['приглашаю', 'приглашаем', 'ждем вас'],
    },
    targetLeads: [
      'довести',
      'доведение',
      'доведения',
      'выйти на',
      'выход на',
      'выйдем на',
      'нарастить до',
      'увеличить до',
      'увеличить товарооборот до',
      'поставили задачу',
      'поставили цель',
      'поставлена задача',
      'поставлена цель',
      'цель —',
      'задача —',
      'удвоить',
    ],
    amounts: ['млн', 'млрд', 'миллион*', 'миллиард*', 'долл*', 'руб*', 'евро', '$', 'раза', 'вдвое'],
    fillers: [
      'также',
      'тоже',
      'же',
      'еще',
      'в свою очередь',
      'в ответ',
      'со своей стороны',
      'кроме того',
      'в свою',
      'очередь',
      'и',
      'а',
      'но',
      'затем',
      'далее',
      'при этом',
      'в ходе встречи',
      'на встрече',
    ],
    adverbialOpeners: ['в', 'во', 'на', 'по', 'после', 'при', 'за', 'до', 'сегодня', 'вчера', 'накануне', 'когда'],
    subjectEnders: [
      'в',
      'во',
      'на',
      'с',
      'со',
      'при',
      'после',
      'перед',
      'принимая',
      'встречаясь',
      'накануне',
      'сегодня',
      'вчера',
      'что',
      'о',
      'об',
    ],
    clauseBreaks: [{ phrase: ', а также' }, { phrase: ', а', beforeName: true }],
    backReference: ['об этом заявил*', 'об этом сказал*', 'об этом сообщил*', 'об этом говорил*', 'так считает'],
    subordinators: ['что', 'чтобы', 'который', 'которая', 'которые', 'которой', 'которого', 'когда', 'если', 'как'],
  },
};
