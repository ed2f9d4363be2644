import type { Db } from '../db/connection.ts';
import { parseInput } from '../core/model.ts';
import { todayIso } from '../core/records.ts';
import { countActiveProjects } from '../cooperation/projects/service.ts';
import { countCommitments } from '../cooperation/statements/service.ts';
import { allRelationships, countAgreementsInForce } from '../registry/relationships/service.ts';
import { growthPercent } from '../trade/analytics/service.ts';
import {
  latestPeriodWithPartners,
  tradeWithPartners,
  type HomePartners,
  type PartnerYears,
} from '../trade/analytics/partners.ts';
import { formatRange, parsePeriodRange, yearEarlier, type PeriodRange } from '../trade/periods.ts';
import {
  partnersOverviewQuery,
  partnersQuery,
  type PartnerOverview,
  type PartnersOverview,
  type PartnersOverviewQuery,
  type PartnerTrade,
} from './model.ts';

/**
 * One line per partner: the agreements in force, the commitments still open (and of them the overdue ones)
 * and the projects still under way. With `asOf`, as known on that day, by the rules the statements' and
 * projects' own lists apply; else as the records stand today. Limited to one home territory when `home` is given.
 */
export async function listPartners(db: Db, query: { home?: string; asOf?: string } = {}): Promise<PartnerOverview[]> {
  const { home, asOf } = parseInput(partnersQuery, query);
  const relationships = await allRelationships(db, home);
  const ids = relationships.map((r) => r.id);
  const [agreements, commitments, projects] = await Promise.all([
    countAgreementsInForce(db, ids, asOf ?? todayIso()),
    countCommitments(db, ids, asOf),
    countActiveProjects(db, ids, asOf),
  ]);
  return relationships.map(({ id, title, home: homeTerritory, partner }) => ({
    relationshipId: id,
    title,
    home: homeTerritory,
    partner,
    agreementsInForce: agreements.get(id) ?? 0,
    openCommitments: commitments.open.get(id) ?? 0,
    overdueCommitments: commitments.overdue.get(id) ?? 0,
    activeProjects: projects.get(id) ?? 0,
  }));
}

/** How many years the sparkline of each partner covers, the period itself included. */
const sparklineYears = 5;

function partnerTrade({ dataset, years }: PartnerYears): PartnerTrade {
  const current = years.at(-1)!.totals;
  const previous = years.at(-2)!.totals;
  return {
    dataset,
    exportsCents: current.exportsCents,
    importsCents: current.importsCents,
    turnoverCents: current.turnoverCents,
    previousTurnoverCents: previous.turnoverCents,
    growthPercent: growthPercent(current.turnoverCents, previous.turnoverCents),
    sparkline: years.map(({ range, totals }) => ({
      label: formatRange(range),
      from: range.from,
      turnoverCents: totals.turnoverCents,
    })),
  };
}

/**
 * Every partner with its registry counts and its trade over a period: turnover, growth on the same months a
 * year earlier, a five-year sparkline of those months and the dataset the figures come from. Each pair's
 * figures come from the most authoritative dataset covering it, as on the partner's own trade page; the
 * trade of all partners of a home is asked for at once.
 */
export async function partnersOverview(db: Db, query: PartnersOverviewQuery = {}): Promise<PartnersOverview> {
  const parsed = parseInput(partnersOverviewQuery, query);
  const asked = parsed.period === undefined ? null : parsePeriodRange(parsed.period);
  const partners = await listPartners(db, { home: parsed.home, asOf: parsed.asOf });
  const homes = new Map<string, HomePartners>();
  for (const { home, partner } of partners) {
    const group = homes.get(home.code) ?? { home: home.code, partners: [] };
    group.partners.push(partner.code);
    homes.set(home.code, group);
  }
  const range = asked ?? (await latestPeriodWithPartners(db, [...homes.values()]));
  const trade = new Map<string, PartnerTrade>();
  if (range) {
    for (const group of homes.values()) {
      const answers = await tradeWithPartners(db, { ...group, range, years: sparklineYears });
      for (const [partner, answer] of answers) trade.set(`${group.home} ${partner}`, partnerTrade(answer));
    }
  }
  const info = (r: PeriodRange) => ({ from: r.from, to: r.to, label: formatRange(r) });
  return {
    currency: 'USD',
    asOf: parsed.asOf ?? todayIso(),
    period: range && info(range),
    previousPeriod: range && info(yearEarlier(range)),
    periodIsDefault: asked === null,
    partners: partners.map((p) => ({ ...p, trade: trade.get(`${p.home.code} ${p.partner.code}`) ?? null })),
  };
}
