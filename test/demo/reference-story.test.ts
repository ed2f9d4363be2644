import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadDemo } from '../../src/demo/load.ts';
import { buildApp } from '../../src/http/app.ts';
import { describeOnEngines } from '../support/engines.ts';

interface Named {
  id: string;
  nameEn: string | null;
  title?: string;
}

/**
 * The facts of the reference story (PRODUCT.md), each read back through the API after `accord demo`.
 */
describeOnEngines('the Belarus – Kursk Oblast demo', (ctx) => {
  let app: FastifyInstance;
  const get = async (url: string) => {
    const response = await app.inject({ method: 'GET', url });
    expect(response.statusCode, `${url}: ${response.body}`).toBe(200);
    return response.json();
  };

  beforeAll(async () => {
    await loadDemo(ctx.database);
    app = await buildApp({ db: ctx.db });
  });
  afterAll(async () => {
    await app.close();
  });

  it('refuses to load the demo a second time and changes nothing', async () => {
    const before = (await get('/api/organizations?limit=200')).total;
    await expect(loadDemo(ctx.database)).rejects.toMatchObject({ code: 'ALREADY_LOADED' });
    expect((await get('/api/organizations?limit=200')).total).toBe(before);
  });

  it('writes every name, title, text and role in both English and Russian', async () => {
    const missing: string[] = [];
    const both = (what: string, record: Record<string, unknown>, base: string) => {
      if (!record[`${base}En`] || !record[`${base}Ru`]) missing.push(`${what} ${String(record.id ?? '')} ${base}`);
    };
    const all = async (path: string) => (await get(`${path}?limit=200`)).items as Array<Record<string, unknown>>;
    for (const o of await all('/api/organizations')) both('organization', o, 'name');
    for (const p of await all('/api/people')) {
      both('person', p, 'name');
      for (const position of p.positions as Array<Record<string, unknown>>) both('position', position, 'title');
    }
    for (const p of await all('/api/projects')) both('project', p, 'title');
    for (const d of await all('/api/documents')) both('document', d, 'title');
    for (const s of await all('/api/statements')) both('statement', s, 'text');
    for (const m of await all('/api/meetings')) {
      both('meeting', m, 'title');
      both('meeting', m, 'summary');
      for (const p of m.participants as Array<Record<string, unknown>>) both('participant', p, 'role');
    }
    expect(missing).toEqual([]);
  });

  it('holds Belarus as home and Kursk Oblast (RU-KRS) as partner', async () => {
    const relationships = await get('/api/relationships?partner=RU-KRS');
    expect(relationships.items).toHaveLength(1);
    expect(relationships.items[0]).toMatchObject({
      homeCode: 'BY',
      partnerCode: 'RU-KRS',
      partner: { nameEn: 'Kursk Oblast', nameRu: 'Курская область' },
    });
  });

  it('resolves the President of Belarus and the Governor of Kursk Oblast on 5 December 2017', async () => {
    const governor = await get('/api/positions/holders?title=governor&territory=RU-KRS&on=2017-12-05');
    expect(governor.map((h: { person: Named }) => h.person.nameEn)).toEqual(['Alexander Mikhailov']);
    const president = await get('/api/positions/holders?title=president&territory=BY&on=2017-12-05');
    expect(president.map((h: { person: Named }) => h.person.nameEn)).toEqual(['Aleksandr Lukashenko']);
  });

  it('records the 5 December 2017 talks with both principals, their sides and the sectors discussed', async () => {
    const meetings = await get('/api/meetings?partner=RU-KRS');
    const talks = meetings.items.find((m: { heldOn: string }) => m.heldOn === '2017-12-05');
    expect(talks).toMatchObject({ kind: 'talks' });
    const people = (await get('/api/people?limit=200')).items as Named[];
    const nameOf = (id: string) => people.find((p) => p.id === id)?.nameEn;
    const participants = talks.participants.map((p: { personId: string; side: string }) => [
      nameOf(p.personId),
      p.side,
    ]);
    expect(participants).toEqual(
      expect.arrayContaining([
        ['Aleksandr Lukashenko', 'home'],
        ['Alexander Mikhailov', 'partner'],
      ]),
    );
    // Manufacturing, agriculture, construction and, later, nuclear energy.
    expect(talks.sectorCodes).toEqual(expect.arrayContaining(['C', 'A', 'F', 'D']));
  });

  it('states the trade figure and the main exports, and that trade had fallen before', async () => {
    const statements = (await get('/api/statements?partner=RU-KRS&kind=assessment&limit=200')).items as Array<{
      textEn: string;
    }>;
    const figure = statements.find((s) => s.textEn.includes('96.3'));
    expect(figure?.textEn).toContain('40.5%');
    for (const product of ['tires', 'potash fertilizers', 'synthetic fibres', 'freight vehicles', 'footwear']) {
      expect(figure?.textEn).toContain(product);
    }
    expect(statements.some((s) => /shrunk|fell|declin/.test(s.textEn))).toBe(true);
  });

  it('computes January–September 2017 turnover of USD 96.3 million, +40.5%, from the illustrative data', async () => {
    const summary = await get('/api/trade/summary?home=BY&partner=RU-KRS&period=2017-01..2017-09');
    expect(summary.current.turnoverCents).toBe(9_630_000_000);
    expect(summary.growthPercent.turnover.toFixed(1)).toBe('40.5');
    expect(summary).toMatchObject({ currency: 'USD', dataset: { kind: 'illustrative', illustrative: true } });
    const reconciliation = await get('/api/trade/reconciliation?home=BY&partner=RU-KRS');
    expect(reconciliation).toHaveLength(1);
    expect(reconciliation[0]).toMatchObject({
      differenceMinor: 0,
      figure: { growthPercent: '40.5', locator: 'paragraph 10' },
    });
  });

  it('shows tires, potash fertilizers, synthetic fibres, freight vehicles and footwear as the main exports', async () => {
    const structure = await get(
      '/api/trade/structure?home=BY&partner=RU-KRS&period=2017-01..2017-09&level=chapter&direction=exports&top=5',
    );
    expect(structure.lines.map((l: { code: string }) => l.code).sort()).toEqual(['31', '40', '54', '64', '87']);
  });

  it('reads the earlier fall and the 2017 recovery as a trend signal', async () => {
    const signals = await get('/api/trade/signals?home=BY&partner=RU-KRS&period=2017-01..2017-09');
    expect(signals.signals.map((s: { textEn: string }) => s.textEn)).toContain(
      'recovery: +40.5% after three falling years',
    );
  });

  it('names every enterprise on both sides, found by name or alias', async () => {
    for (const [query, territory] of [
      ['BelAZ', 'BY-MI'],
      ['Mikhailovsky', 'RU-KRS'],
      ['OAO Planar', 'BY-HM'],
      ['Minsk Motor Plant', 'BY-HM'],
      ['Mozyr Housing Construction Factory', 'BY-HO'],
      ['Rosatom', 'RU-MOW'],
    ]) {
      const found = await get(`/api/organizations?q=${encodeURIComponent(query!)}`);
      expect(found.items, query).toHaveLength(1);
      expect(found.items[0].territoryCode, query).toBe(territory);
    }
    const mozyr = (await get('/api/organizations?q=Mozyr')).items[0];
    expect(mozyr.spareCapacityNote).toMatch(/other housing factories/);
  });

  it('tracks each project the talks named, by sector and stage, with its parties', async () => {
    const projects = (await get('/api/projects?partner=RU-KRS&limit=200')).items as Array<{
      titleEn: string;
      stage: string;
      kind: string;
      parties: unknown[];
      milestones: Array<{ dueOn: string | null }>;
    }>;
    const find = (pattern: RegExp) => projects.find((p) => pattern.test(p.titleEn));
    expect(find(/BelAZ/)).toMatchObject({ kind: 'supply', stage: 'in_execution' });
    expect(find(/BelAZ/)?.parties).toHaveLength(2);
    expect(find(/high-tech/)).toMatchObject({ kind: 'joint_production', stage: 'proposed' });
    expect(find(/agricultural complexes/)).toBeDefined();
    expect(find(/seeds/)).toBeDefined();
    expect(find(/Mozyr/)).toMatchObject({ kind: 'construction_contract', stage: 'agreed' });
    expect(find(/Mozyr/)?.milestones.map((m) => m.dueOn)).toContain('2018-12-31');
    expect(find(/nuclear/)).toBeDefined();
    const agreements = (await get('/api/agreements?limit=200')).items as Array<{ title: string }>;
    expect(agreements.some((a) => a.title.includes('Rosatom'))).toBe(true);
  });

  it('shows the 2018 house commitment as overdue once 2018 is over', async () => {
    const before = (await get('/api/commitments?partner=RU-KRS&asOf=2018-06-01&overdue=true')).items as Array<{
      dueOn: string;
    }>;
    // Only the earlier working group's commitment, due in September 2017 and still open, is late by then.
    expect(before.map((c) => c.dueOn)).toEqual(['2017-09-30']);
    const after = (await get('/api/commitments?partner=RU-KRS&asOf=2019-01-01&overdue=true')).items as Array<{
      textEn: string;
      dueOn: string;
      overdue: boolean;
    }>;
    expect(after.map((c) => c.dueOn)).toEqual(['2017-09-30', '2018-12-31']);
    expect(after[1]?.textEn).toMatch(/house/);
  });

  it('holds the distribution and dealer network with its product groups', async () => {
    const outlets = (await get('/api/outlets?partner=RU-KRS')).items as Array<{
      kind: string;
      lines: Array<{ productGroup: string }>;
    }>;
    expect(outlets.map((o) => o.kind).sort()).toEqual(['dealer', 'distribution_centre']);
    const groups = outlets.flatMap((o) => o.lines.map((l) => l.productGroup));
    expect(groups).toEqual(
      expect.arrayContaining([
        'Machine-building products',
        'Food products',
        'Light industry products',
        'Consumer goods',
      ]),
    );
  });

  it('links the records to the readout they came from, with the place in it', async () => {
    const all = (await get('/api/documents')).items as Array<{ id: string; kind: string; publishedOn: string }>;
    // The readout, and the two illustrative records of the meetings before the talks.
    expect(all.map((d) => d.kind).sort()).toEqual(['minutes', 'minutes', 'readout']);
    const documents = all.filter((d) => d.kind === 'readout');
    expect(documents[0]).toMatchObject({ publishedOn: '2017-12-05' });
    const belaz = (await get('/api/organizations?q=BelAZ')).items[0];
    const sources = await get(`/api/provenance?recordType=organization&recordId=${belaz.id}`);
    const links = Array.isArray(sources) ? sources : sources.items;
    expect(links[0]).toMatchObject({ documentId: documents[0]!.id, locator: 'paragraph 4' });
  });
});
