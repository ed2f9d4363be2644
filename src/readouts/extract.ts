/**
 * The extraction engine: a readout's text in, a draft out. The dictionaries (az's, the territory, commodity
 * and sector lexicons) are loaded once; the registry's names are made into gazetteers for each readout, so a
 * person or organization added a minute ago is matched at once.
 */
import { newId } from '../core/ids.ts';
import { createGazetteer, type Gazetteer, type GazetteerEntry } from './text/gazetteer.ts';
import { loadMorphology, type Morphology } from './text/morphology.ts';
import { transliterate } from './text/names.ts';
import { territoryEntries } from './lexicon/territories.ts';
import { commodityEntries } from './lexicon/commodities.ts';
import { sectorEntries } from './lexicon/sectors.ts';
import { findTradeFigures } from './figures/trade.ts';
import type { TradeCarry } from './figures/model.ts';
import { findStatements } from './statements/index.ts';
import type { ItemMatch, ReadoutItem, ReadoutLanguage, Span } from './model.ts';
import type { Registry } from './registry.ts';
import { analyse, overlaps, sentenceAt, within } from './engine/analysis.ts';
import { findMeeting, findSides, isWithin, countryOf, type Sides } from './engine/meeting.ts';
import { findPeople, gatherPeople, type Person } from './engine/people.ts';
import { delegationAfter, receivingVerbs } from './engine/lexicon.ts';
import { legalFormCountries } from './lexicon/legal-forms.ts';
import { groupOrganizations } from './engine/organization-groups.ts';
import { findOrganizations } from './engine/organizations.ts';
import { resolveSpeaker, sentenceSubjects } from './engine/speakers.ts';
import { findProjects } from './engine/projects.ts';
import { commodityFlow } from './engine/commodities.ts';
import { findPostHolders } from './engine/posts.ts';
import { nominativeHead } from './engine/russian.ts';

export interface ExtractionInput {
  text: string;
  language: ReadoutLanguage;
  documentDate: string;
  publisher: string | null;
  relationshipId: string | null;
}

export interface Draft {
  relationshipId: string | null;
  home: string;
  partner: string | null;
  items: ReadoutItem[];
}

interface Tools {
  morph: Morphology;
  territories: Gazetteer;
  /** The commodity and sector lexicons as shipped, before any user's words. */
  lexicons: { commodities: Gazetteer; sectors: Gazetteer };
}

let loading: Promise<Tools> | undefined;

/** Loads the dictionaries once: az's and the territory gazetteer. Later calls answer at once. */
export function loadEngine(): Promise<Tools> {
  loading ??= (async () => {
    const morph = await loadMorphology();
    return {
      morph,
      territories: createGazetteer(morph, territoryEntries()),
      lexicons: {
        commodities: createGazetteer(morph, commodityEntries()),
        sectors: createGazetteer(morph, sectorEntries()),
      },
    };
  })().catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}

const lexiconCache = new Map<string, { commodities: Gazetteer; sectors: Gazetteer }>();

function lexiconGazetteers(tools: Tools, registry: Registry) {
  if (registry.terms.length === 0) return tools.lexicons;
  const morph = tools.morph;
  const key = JSON.stringify(registry.terms);
  let hit = lexiconCache.get(key);
  if (!hit) {
    const extra = (kind: 'commodity' | 'sector') =>
      registry.terms.filter((t) => t.kind === kind).map((t) => ({ term: t.term, language: t.language, code: t.code }));
    hit = {
      commodities: createGazetteer(morph, commodityEntries(extra('commodity'))),
      sectors: createGazetteer(morph, sectorEntries(extra('sector'))),
    };
    lexiconCache.clear();
    lexiconCache.set(key, hit);
  }
  return hit;
}

function registryGazetteers(morph: Morphology, registry: Registry) {
  const organizations: GazetteerEntry[] = registry.organizations.map((o) => ({
    id: o.id,
    kind: 'organization',
    names: [o.nameEn, o.nameRu, ...o.aliases.map((a) => a.alias)].filter((n): n is string => Boolean(n)),
  }));
  const people: GazetteerEntry[] = registry.people.map((p) => ({
    id: p.id,
    kind: 'person',
    names: [p.nameEn, p.nameRu].filter((n): n is string => Boolean(n)),
  }));
  return { organizations: createGazetteer(morph, organizations), people: createGazetteer(morph, people) };
}

const surnameKey = (name: string) => transliterate(name.trim().split(/\s+/u).at(-1) ?? name);

type Drafted = ReadoutItem extends infer T
  ? T extends ReadoutItem
    ? Omit<T, 'id' | 'status' | 'edited' | 'recordId' | 'candidates' | 'match'> & {
        match?: ItemMatch | null;
        candidates?: ReadoutItem['candidates'];
      }
    : never
  : never;

/** Builds draft items, giving each its id; items refer to each other by these ids. */
class ItemList {
  readonly items: ReadoutItem[] = [];
  add(item: Drafted): string {
    const id = newId();
    this.items.push({
      id,
      status: 'proposed',
      edited: false,
      recordId: null,
      match: null,
      candidates: [],
      ...item,
    } as ReadoutItem);
    return id;
  }
}

function sideOf(code: string | null, sides: Sides): 'home' | 'partner' | 'third' | null {
  if (!code) return null;
  if (isWithin(code, sides.home) || code === countryOf(sides.home)) return 'home';
  if (sides.partner && (isWithin(code, sides.partner) || code === countryOf(sides.partner))) return 'partner';
  return 'third';
}

/** Extracts the draft of one readout. */
export async function extractDraft(input: ExtractionInput, registry: Registry): Promise<Draft> {
  const tools = await loadEngine();
  const lexicons = lexiconGazetteers(tools, registry);
  const known = registryGazetteers(tools.morph, registry);
  const analysis = analyse(input.text, input.language, input.documentDate, {
    territories: tools.territories,
    organizations: known.organizations,
    people: known.people,
    commodities: lexicons.commodities,
    sectors: lexicons.sectors,
  });
  const list = new ItemList();

  // Sides and relationship.
  const given = input.relationshipId ? registry.relationships.find((r) => r.id === input.relationshipId) : undefined;
  const publisherTerritories = input.publisher
    ? tools.territories.find(input.publisher, input.language).map((m) => m.id)
    : [];
  const homes = registry.relationships.map((r) => r.homeCode);
  const workspaceHome =
    homes.sort((a, b) => homes.filter((h) => h === b).length - homes.filter((h) => h === a).length)[0] ?? null;
  const sides = findSides(analysis, {
    publisherTerritories,
    given: given ? { home: given.homeCode, partner: given.partnerCode } : null,
    workspaceHome,
  });
  const relationship =
    given ??
    registry.relationships.find((r) => r.homeCode === sides.home && r.partnerCode === sides.partner) ??
    registry.relationships.find((r) => r.homeCode === sides.partner && r.partnerCode === sides.home);
  for (const [side, code] of [
    ['home', sides.home],
    ['partner', sides.partner],
  ] as const) {
    if (!code) continue;
    const first = analysis.territories.find((t) => t.id === code);
    if (!first) continue;
    list.add({
      kind: 'territory',
      value: { code, name: analysis.text.slice(first.start, first.end), side },
      span: first,
      sentence: sentenceAt(analysis, first.start),
      confidence: 0.8,
      rule: sides.rule,
    });
  }

  // The meeting.
  const meeting = findMeeting(analysis);
  if (meeting) {
    const same = registry.meetings.filter(
      (m) => m.relationshipId === relationship?.id && meeting.heldOn !== null && m.heldOn === meeting.heldOn,
    );
    const candidates = same.map((m) => ({
      recordType: 'meeting' as const,
      recordId: m.id,
      version: m.version,
      label: `${m.heldOn} ${m.titleEn ?? m.titleRu ?? ''}`.trim(),
      score: 1,
    }));
    list.add({
      kind: 'meeting',
      value: {
        heldOn: meeting.heldOn,
        place: meeting.place,
        kind: meeting.kind,
        relationshipId: relationship?.id ?? null,
        title: analysis.headline
          ? input.text.slice(analysis.headline.start, analysis.headline.end).slice(0, 500)
          : null,
      },
      span: meeting.span,
      sentence: meeting.sentence,
      confidence: meeting.confidence,
      rule: meeting.rule,
      match: candidates[0]
        ? {
            recordType: 'meeting',
            recordId: candidates[0].recordId,
            version: candidates[0].version,
            label: candidates[0].label,
          }
        : null,
      candidates,
    });
  }

  // People.
  const newOrganizations = findOrganizations(analysis);
  const mentions = findPeople(analysis, newOrganizations);
  const people = gatherPeople(analysis, mentions);
  const personItems = new Map<string, string>();
  let homeFound = false;
  const companyTerritory = (post: Span | null): string | null => {
    if (!post) return null;
    const known = analysis.organizations.find((o) => overlaps(o, post));
    if (known) return registry.organizations.find((o) => o.id === known.id)?.territoryCode ?? null;
    const named = newOrganizations.find((o) => overlaps(o, post));
    if (!named) return null;
    const form = named.name.split(/[\s«"]/u)[0] ?? '';
    return (
      within(analysis.territories, named)[0]?.id ??
      Object.entries(legalFormCountries).find(([, forms]) => forms.includes(form))?.[0] ??
      null
    );
  };
  // "The Belarusian delegation included …", «С белорусской стороны участвовали …»: the side a list is of.
  const delegationOf = (mentions: Span[]): string | null => {
    for (const mention of mentions) {
      const sentence = sentenceAt(analysis, mention.start);
      const cue = analysis.territories
        .filter((t) => t.start >= sentence.start && t.end <= mention.start)
        .filter((t) => delegationAfter.test(analysis.text.slice(t.end, t.end + 16)))
        .at(-1);
      if (cue) return cue.id;
    }
    return null;
  };
  const homeMentions: Span[] = [];
  for (const person of people.filter((p) => p.participant)) {
    const first = person.mentions[0]!;
    const byName = analysis.people.find((m) => overlaps(m, first));
    const sameSurname = registry.people.filter((p) =>
      [p.nameEn, p.nameRu].some((n) => n && surnameKey(n) === person.key),
    );
    const matched = byName
      ? registry.people.find((p) => p.id === byName.id)
      : sameSurname.length === 1
        ? sameSurname[0]
        : undefined;
    const post = matched?.positions.find(
      (p) =>
        (!p.fromOn || p.fromOn <= input.documentDate) && (!p.toOn || p.toOn >= (meeting?.heldOn ?? input.documentDate)),
    );
    const territoryCode = person.territoryCode ?? post?.territoryCode ?? null;
    // A post of a company sides with the company ("Director General of Rosatom"); a post that names no territory
    // is the home side's ("Minister of Industry"), as a readout qualifies only the other side's officials.
    // Whom a home participant receives or meets in the same sentence is the guest: "Lukashenko received Herman
    // Gref, CEO of Sberbank".
    const sentence = sentenceAt(analysis, first.start);
    const guest = homeMentions.some(
      (m) =>
        m.start >= sentence.start &&
        m.end <= first.start &&
        receivingVerbs.test(analysis.text.slice(m.end, first.start)),
    );
    let side =
      sideOf(territoryCode, sides) ??
      sideOf(companyTerritory(person.roleSpan), sides) ??
      sideOf(delegationOf(person.mentions), sides);
    if (side === null) side = person.role && !guest ? 'home' : homeFound ? 'partner' : 'home';
    if (side === 'home') {
      homeFound = true;
      homeMentions.push(...person.mentions);
    }
    const candidates = sameSurname.map((p) => ({
      recordType: 'person' as const,
      recordId: p.id,
      version: p.version,
      label: p.nameEn ?? p.nameRu ?? p.id,
      score: p.id === matched?.id ? 1 : 0.5,
    }));
    const id = list.add({
      kind: 'participant',
      value: {
        name: person.name,
        role:
          person.role ??
          (post ? (input.language === 'ru' ? (post.titleRu ?? post.titleEn) : (post.titleEn ?? post.titleRu)) : null),
        side,
        territoryCode,
      },
      span: first,
      sentence: sentenceAt(analysis, first.start),
      confidence: person.role ? 0.85 : 0.65,
      rule: first.rule,
      match: matched
        ? {
            recordType: 'person',
            recordId: matched.id,
            version: matched.version,
            label: matched.nameEn ?? matched.nameRu ?? matched.id,
          }
        : null,
      candidates,
    });
    personItems.set(person.key, id);
  }

  // Participants named by their post alone: whoever held it on the day, by the registry.
  const heldOn = meeting?.heldOn ?? input.documentDate;
  for (const holder of findPostHolders(analysis, mentions, registry.people, heldOn)) {
    const already = list.items.some((i) => i.kind === 'participant' && i.match?.recordId === holder.person.id);
    if (already) continue;
    const p = holder.person;
    const name = (input.language === 'ru' ? (p.nameRu ?? p.nameEn) : (p.nameEn ?? p.nameRu)) ?? p.id;
    const words = input.text.slice(holder.span.start, holder.span.end);
    const role = input.language === 'ru' ? nominativeHead(words) : words;
    const side = sideOf(holder.territoryCode, sides) ?? 'partner';
    list.add({
      kind: 'participant',
      value: { name, role: role.charAt(0).toUpperCase() + role.slice(1), side, territoryCode: holder.territoryCode },
      span: holder.span,
      sentence: sentenceAt(analysis, holder.span.start),
      confidence: 0.7,
      rule: 'person.post-holder',
      match: { recordType: 'person', recordId: p.id, version: p.version, label: p.nameEn ?? p.nameRu ?? p.id },
      candidates: [
        { recordType: 'person', recordId: p.id, version: p.version, label: p.nameEn ?? p.nameRu ?? p.id, score: 0.7 },
      ],
    });
  }

  // Organizations: each once, however many ways the text names it; matched where the registry knows it.
  const organizationItems: Array<{ id: string; span: Span }> = [];
  for (const group of groupOrganizations(analysis.organizations, newOrganizations)) {
    const org = group.registryId ? registry.organizations.find((o) => o.id === group.registryId)! : null;
    const found = group.found;
    const territory = found ? within(analysis.territories, found)[0] : undefined;
    const territoryCode = org ? org.territoryCode : (territory?.id ?? null);
    const inLanguage = org && (input.language === 'ru' ? (org.nameRu ?? org.nameEn) : (org.nameEn ?? org.nameRu));
    const registryName =
      group.registryName && /\p{Script=Cyrillic}/u.test(group.registryName) === (input.language === 'ru')
        ? group.registryName
        : inLanguage;
    const name = group.name ?? registryName ?? '';
    const match = org && {
      recordType: 'organization' as const,
      recordId: org.id,
      version: org.version,
      label: org.nameEn ?? org.nameRu ?? org.id,
    };
    const score = org ? Math.min(0.95, analysis.organizations.find((m) => m.id === org.id)?.score ?? 0.8) : 0;
    const id = list.add({
      kind: 'organization',
      value: {
        name,
        kind: org ? org.kind : found!.kind,
        territoryCode,
        side: sideOf(territoryCode, sides),
      },
      span: group.span,
      sentence: sentenceAt(analysis, group.span.start),
      confidence: org ? score : found!.confidence,
      rule: org ? 'organization.registry' : found!.rule,
      ...(match ? { match, candidates: [{ ...match, score }] } : {}),
    });
    for (const mention of group.mentions) organizationItems.push({ id, span: mention });
  }

  // Sectors and commodities.
  const sectorCodes = new Set<string>();
  for (const s of analysis.sectors) {
    if (sectorCodes.has(s.id)) continue;
    sectorCodes.add(s.id);
    list.add({
      kind: 'sector',
      value: { code: s.id, term: input.text.slice(s.start, s.end) },
      span: s,
      sentence: sentenceAt(analysis, s.start),
      confidence: 0.7,
      rule: 'sector.lexicon',
    });
  }
  const commodityCodes = new Set<string>();
  for (const c of analysis.commodities) {
    // A term with several codes (synthetic fibres: 54 and 55) is drafted with the first; the reviewer may change it.
    const hs = c.id;
    if (commodityCodes.has(hs)) continue;
    commodityCodes.add(hs);
    const sentence = sentenceAt(analysis, c.start);
    list.add({
      kind: 'commodity',
      value: { hs, term: input.text.slice(c.start, c.end), flow: commodityFlow(analysis, sentence, c, sides) },
      span: c,
      sentence,
      confidence: 0.75,
      rule: 'commodity.lexicon',
    });
  }

  // Trade figures, sentence by sentence, each paragraph carrying its measure, period and pair forward.
  if (sides.partner) {
    let carry: TradeCarry = {};
    let paragraphEnd = -1;
    for (const sentence of analysis.sentences) {
      const text = input.text.slice(sentence.start, sentence.end);
      if (sentence.start > paragraphEnd) {
        carry = {};
        const next = input.text.indexOf('\n', sentence.start);
        paragraphEnd = next < 0 ? input.text.length : next;
      }
      const territories = within(analysis.territories, sentence).map((t) => ({
        start: t.start - sentence.start,
        end: t.end - sentence.start,
        code: t.id,
      }));
      const found = findTradeFigures(text, {
        lang: input.language,
        documentDate: input.documentDate,
        home: sides.home,
        partner: sides.partner,
        territories,
        carry,
      });
      carry = found.carry;
      for (const f of found.figures) {
        if (!f.amount || !f.periodFrom || !f.periodTo) continue;
        list.add({
          kind: 'trade_figure',
          value: {
            measure: f.measure,
            reporter: f.reporter,
            partner: f.partner,
            periodFrom: f.periodFrom,
            periodTo: f.periodTo,
            amount: f.amount,
            currency: f.currency ?? 'USD',
            qualifier: f.qualifier,
            growthPercent: f.growthPercent,
            growthMultiple: f.growthMultiple,
            basePeriodFrom: f.basePeriod?.from ?? null,
            basePeriodTo: f.basePeriod?.to ?? null,
          },
          computed: null,
          span: { start: sentence.start + f.start, end: sentence.start + f.end },
          sentence,
          confidence: f.currency ? f.confidence : f.confidence * 0.8,
          rule: f.rule,
        });
      }
    }
  }

  // Statements, each with its speaker, sector, organizations and project.
  const participants = list.items.filter(
    (i): i is Extract<ReadoutItem, { kind: 'participant' }> => i.kind === 'participant',
  );
  const everyone: Person[] = people;
  const subjects = sentenceSubjects(analysis, everyone, participants, personItems);
  for (const s of findStatements(input.text, analysis.sentences, input.language, input.documentDate)) {
    const speaker = resolveSpeaker(analysis, s.antecedent ?? s.speaker, everyone, participants, personItems, subjects);
    const speakerItem = participants.find((p) => p.id === speaker.itemId);
    const organizations = [...new Set(organizationItems.filter((o) => overlaps(o.span, s.sentence)).map((o) => o.id))];
    const sector = within(analysis.sectors, s.sentence)[0]?.id ?? null;
    const project = findProjects(analysis, s, organizations);
    let projectItemId: string | null = null;
    if (project) {
      projectItemId = list.add({
        kind: 'project',
        value: { title: project.title, kind: project.kind, sectorCode: sector, partyItemIds: organizations },
        span: project.span,
        sentence: s.sentence,
        confidence: project.confidence,
        rule: project.rule,
        ...projectMatch(registry, relationship?.id ?? null, project.title, organizations, list),
      });
    }
    list.add({
      kind: 'statement',
      value: {
        kind: s.kind,
        text: input.text.slice(s.span.start, s.span.end).trim(),
        by: speaker.name,
        speakerItemId: speaker.itemId,
        side: speakerItem?.value.side ?? null,
        sectorCode: sector,
        organizationItemIds: organizations,
        projectItemId,
        dueFrom: s.dueFrom,
        dueTo: s.dueTo,
      },
      span: s.span,
      sentence: s.sentence,
      confidence: s.confidence,
      rule: s.rule,
    });
  }

  return { relationshipId: relationship?.id ?? null, home: sides.home, partner: sides.partner, items: list.items };
}

/** An existing project of the relationship sharing a party and a word of its title with the one proposed. */
function projectMatch(
  registry: Registry,
  relationshipId: string | null,
  title: string,
  organizationItemIds: string[],
  list: ItemList,
): { match: ItemMatch | null; candidates: ReadoutItem['candidates'] } {
  const parties = new Set(
    list.items.filter((i) => organizationItemIds.includes(i.id) && i.match).map((i) => i.match!.recordId),
  );
  const words = new Set(
    title
      .toLowerCase()
      .split(/[^\p{L}]+/u)
      .filter((w) => w.length > 4)
      .map((w) => w.slice(0, 5)),
  );
  const candidates = registry.projects
    .filter((p) => p.relationshipId === relationshipId)
    .map((p) => {
      const shared = p.parties.filter((x) => parties.has(x.organizationId)).length;
      const titleWords = `${p.titleEn ?? ''} ${p.titleRu ?? ''}`
        .toLowerCase()
        .split(/[^\p{L}]+/u)
        .map((w) => w.slice(0, 5));
      const common = titleWords.filter((w) => words.has(w)).length;
      return { p, score: shared * 0.5 + Math.min(common, 3) * 0.15 };
    })
    .filter((c) => c.score >= 0.5)
    .sort((a, b) => b.score - a.score)
    .map(({ p, score }) => ({
      recordType: 'project' as const,
      recordId: p.id,
      version: p.version,
      label: p.titleEn ?? p.titleRu ?? p.id,
      score: Math.min(1, score),
    }));
  const best = candidates[0];
  return {
    match:
      best && best.score >= 0.65
        ? { recordType: best.recordType, recordId: best.recordId, version: best.version, label: best.label }
        : null,
    candidates,
  };
}
