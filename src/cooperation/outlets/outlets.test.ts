import { expect, it } from 'vitest';
import { describeOnEngines } from '../../../test/support/engines.ts';
import { makeOrganization, makeRelationship } from '../../../test/support/factories.ts';
import { newId } from '../../core/ids.ts';
import {
  createOutlet,
  deleteOutlet,
  getOutlet,
  listOutlets,
  networkSummary,
  producerNamesOf,
  updateOutlet,
} from './service.ts';

const page = { limit: 200, offset: 0 };

describeOnEngines('outlets', (ctx) => {
  it('records an outlet with the home producers and product groups it carries', async () => {
    const relationship = await makeRelationship(ctx.db);
    const maz = await makeOrganization(ctx.db, { nameEn: 'MAZ', nameRu: 'МАЗ', territoryCode: 'BY-HM' });
    const dealer = await makeOrganization(ctx.db, { nameEn: 'Kursk Truck Centre', territoryCode: 'RU-KRS' });
    const created = await createOutlet(ctx.db, {
      relationshipId: relationship.id,
      territoryCode: 'RU-KRS',
      name: 'MAZ dealer centre Kursk',
      kind: 'dealer',
      operatorOrganizationId: dealer.id,
      city: 'Kursk',
      openedOn: '2012-04-01',
      lines: [
        { organizationId: maz.id, productGroup: 'Trucks', sinceOn: '2012-04-01' },
        { productGroup: 'Spare parts' },
      ],
    });
    expect(created).toMatchObject({
      relationshipId: relationship.id,
      territoryCode: 'RU-KRS',
      kind: 'dealer',
      operatorOrganizationId: dealer.id,
      city: 'Kursk',
      status: 'active',
      notes: null,
      version: 1,
      lines: [
        { organizationId: maz.id, productGroup: 'Trucks', sinceOn: '2012-04-01' },
        { organizationId: null, productGroup: 'Spare parts', sinceOn: null },
      ],
    });
    expect(await getOutlet(ctx.db, created.id)).toEqual(created);
    expect((await producerNamesOf(ctx.db, [created])).get(maz.id)).toBe('MAZ');
  });

  it('names every faulty field: kinds, statuses, dates and references that do not exist', async () => {
    const relationship = await makeRelationship(ctx.db);
    const shapes = await createOutlet(ctx.db, {
      relationshipId: relationship.id,
      territoryCode: 'RU-KRS',
      name: 'Kiosk',
      kind: 'kiosk',
      status: 'open',
      openedOn: '2017-02-30',
    }).catch((e) => e);
    expect(shapes.code).toBe('VALIDATION_FAILED');
    expect([...new Set(shapes.problems.map((p: { path: string }) => p.path))].sort()).toEqual([
      'kind',
      'openedOn',
      'status',
    ]);

    const producer = await makeOrganization(ctx.db);
    const references = await createOutlet(ctx.db, {
      relationshipId: newId(),
      territoryCode: 'RU-XXX',
      name: 'Nowhere',
      kind: 'warehouse',
      operatorOrganizationId: newId(),
      lines: [
        { organizationId: producer.id, productGroup: 'Dairy' },
        { organizationId: newId(), productGroup: 'Meat' },
      ],
    }).catch((e) => e);
    expect(references.code).toBe('VALIDATION_FAILED');
    expect(references.problems.map((p: { path: string }) => p.path)).toEqual([
      'relationshipId',
      'territoryCode',
      'operatorOrganizationId',
      'lines.1.organizationId',
    ]);

    const twice = await createOutlet(ctx.db, {
      relationshipId: relationship.id,
      territoryCode: 'RU-KRS',
      name: 'Doubled',
      kind: 'retail',
      lines: [{ productGroup: 'Footwear' }, { productGroup: 'footwear' }],
    }).catch((e) => e);
    expect(twice.problems.map((p: { path: string }) => p.path)).toEqual(['lines.1.productGroup']);
  });

  it('keeps an outlet’s point as given, and a point-less outlet without one', async () => {
    const relationship = await makeRelationship(ctx.db);
    const pinned = await createOutlet(ctx.db, {
      relationshipId: relationship.id,
      territoryCode: 'RU-KRS',
      name: 'Dealer in Kursk',
      kind: 'dealer',
      latitude: 51.7304,
      longitude: -36.1926,
    });
    expect(pinned).toMatchObject({ latitude: 51.7304, longitude: -36.1926 });
    expect(await getOutlet(ctx.db, pinned.id)).toMatchObject({ latitude: 51.7304, longitude: -36.1926 });
    const loose = await createOutlet(ctx.db, {
      relationshipId: relationship.id,
      territoryCode: 'RU-KRS',
      name: 'Somewhere in the region',
      kind: 'retail',
    });
    expect(loose).toMatchObject({ latitude: null, longitude: null });

    const moved = await updateOutlet(ctx.db, loose.id, { latitude: -33.5, longitude: 179.25, version: 1 });
    expect(moved).toMatchObject({ latitude: -33.5, longitude: 179.25, version: 2 });
    const renamed = await updateOutlet(ctx.db, loose.id, { name: 'Renamed', version: 2 });
    expect(renamed).toMatchObject({ latitude: -33.5, longitude: 179.25 });
    const cleared = await updateOutlet(ctx.db, loose.id, { latitude: null, longitude: null, version: 3 });
    expect(cleared).toMatchObject({ latitude: null, longitude: null });
  });

  it('refuses a point out of range, not a number, or given by half, naming the field', async () => {
    const relationship = await makeRelationship(ctx.db);
    const attempt = (fields: Record<string, unknown>) =>
      createOutlet(ctx.db, {
        relationshipId: relationship.id,
        territoryCode: 'RU-KRS',
        name: 'Dealer',
        kind: 'dealer',
        ...fields,
      }).catch((e) => e);
    const problemsOf = (error: { code: string; problems: Array<{ path: string; message: string }> }) => {
      expect(error.code).toBe('VALIDATION_FAILED');
      return error.problems.map((p) => [p.path, p.message]);
    };
    expect(problemsOf(await attempt({ latitude: 90.5, longitude: -181 }))).toEqual([
      ['latitude', 'latitude must be between -90 and 90 degrees'],
      ['longitude', 'longitude must be between -180 and 180 degrees'],
    ]);
    expect(problemsOf(await attempt({ latitude: '51.73', longitude: 36.19 }))).toEqual([
      ['latitude', 'latitude must be a number of degrees'],
    ]);
    expect(problemsOf(await attempt({ latitude: 51.73 }))).toEqual([
      ['longitude', 'give longitude together with latitude'],
    ]);
    expect(problemsOf(await attempt({ latitude: null, longitude: 36.19 }))).toEqual([
      ['latitude', 'give latitude together with longitude'],
    ]);

    const created = await attempt({ latitude: 51.73, longitude: 36.19 });
    const half = await updateOutlet(ctx.db, created.id, { longitude: 36.2, version: 1 }).catch((e) => e);
    expect(problemsOf(half)).toEqual([['latitude', 'give latitude together with longitude']]);
    const halfCleared = await updateOutlet(ctx.db, created.id, {
      latitude: null,
      longitude: 36.2,
      version: 1,
    }).catch((e) => e);
    expect(problemsOf(halfCleared)).toEqual([['latitude', 'give latitude together with longitude']]);
    expect(await getOutlet(ctx.db, created.id)).toMatchObject({ latitude: 51.73, longitude: 36.19, version: 1 });
  });

  it('keeps half a point or one out of range out of the table, whoever writes it', async () => {
    const relationship = await makeRelationship(ctx.db);
    const created = await createOutlet(ctx.db, {
      relationshipId: relationship.id,
      territoryCode: 'RU-KRS',
      name: 'Warehouse',
      kind: 'warehouse',
    });
    const write = (values: { latitude: number | null; longitude: number | null }) =>
      ctx.db.updateTable('outlets').set(values).where('id', '=', created.id).execute();
    await expect(write({ latitude: 51.73, longitude: null })).rejects.toThrow();
    await expect(write({ latitude: null, longitude: 36.19 })).rejects.toThrow();
    await expect(write({ latitude: 91, longitude: 36.19 })).rejects.toThrow();
    await expect(write({ latitude: 51.73, longitude: 181 })).rejects.toThrow();
    await write({ latitude: 51.73, longitude: 36.19 });
    expect(await getOutlet(ctx.db, created.id)).toMatchObject({ latitude: 51.73, longitude: 36.19 });
  });

  it('keeps the day an outlet closed, never before the day it opened', async () => {
    const relationship = await makeRelationship(ctx.db);
    const base = {
      relationshipId: relationship.id,
      territoryCode: 'RU-KRS',
      name: 'Trading house',
      kind: 'trading_house',
    };
    await expect(
      createOutlet(ctx.db, { ...base, openedOn: '2015-03-01', closedOn: '2014-01-01' }),
    ).rejects.toMatchObject({ problems: [{ path: 'closedOn', code: 'closed_before_opened' }] });
    const outlet = await createOutlet(ctx.db, { ...base, openedOn: '2015-03-01' });
    const closed = await updateOutlet(ctx.db, outlet.id, { status: 'closed', closedOn: '2017-06-30', version: 1 });
    expect(closed).toMatchObject({ openedOn: '2015-03-01', closedOn: '2017-06-30' });
    await expect(
      updateOutlet(ctx.db, outlet.id, { openedOn: '2018-01-01', version: closed.version }),
    ).rejects.toMatchObject({ problems: [{ path: 'closedOn', code: 'closed_before_opened' }] });
  });

  it('changes the fields given, replaces the lines when given, and refuses a stale version', async () => {
    const relationship = await makeRelationship(ctx.db);
    const created = await createOutlet(ctx.db, {
      relationshipId: relationship.id,
      territoryCode: 'RU-KRS',
      name: 'Trading house',
      kind: 'trading_house',
      status: 'planned',
      lines: [{ productGroup: 'Furniture' }],
    });
    const opened = await updateOutlet(ctx.db, created.id, { status: 'active', openedOn: '2018-02-01', version: 1 });
    expect(opened).toMatchObject({ status: 'active', openedOn: '2018-02-01', name: 'Trading house', version: 2 });
    expect(opened.lines).toEqual([{ organizationId: null, productGroup: 'Furniture', sinceOn: null }]);
    const relined = await updateOutlet(ctx.db, created.id, {
      lines: [{ productGroup: 'Textiles' }, { productGroup: 'Furniture', sinceOn: '2018-02-01' }],
      version: 2,
    });
    expect(relined.lines.map((l) => l.productGroup)).toEqual(['Textiles', 'Furniture']);
    const stale = await updateOutlet(ctx.db, created.id, { status: 'closed', version: 2 }).catch((e) => e);
    expect(stale).toMatchObject({ code: 'STALE_VERSION', details: { currentVersion: 3 } });
    const unknownProducer = await updateOutlet(ctx.db, created.id, {
      lines: [{ organizationId: newId(), productGroup: 'Textiles' }],
      version: 3,
    }).catch((e) => e);
    expect(unknownProducer.problems.map((p: { path: string }) => p.path)).toEqual(['lines.0.organizationId']);
    expect((await getOutlet(ctx.db, created.id)).status).toBe('active');
  });

  it('finds outlets by relationship, partner, territory, kind, status and producer, ordered by name', async () => {
    const relationship = await makeRelationship(ctx.db, { partnerCode: 'RU-BEL' });
    const other = await makeRelationship(ctx.db, { partnerCode: 'RU-VOR' });
    const producer = await makeOrganization(ctx.db, { nameEn: 'Gomselmash', territoryCode: 'BY-HO' });
    const make = (fields: Record<string, unknown>) =>
      createOutlet(ctx.db, { relationshipId: relationship.id, territoryCode: 'RU-BEL', ...fields });
    const dealer = await make({
      name: 'B combine dealer',
      kind: 'dealer',
      lines: [{ organizationId: producer.id, productGroup: 'Combine harvesters' }],
    });
    const service = await make({
      name: 'A service centre',
      kind: 'service_centre',
      status: 'suspended',
      lines: [{ organizationId: producer.id, productGroup: 'Harvester servicing' }],
    });
    const shop = await make({ name: 'C shop', kind: 'retail', lines: [{ productGroup: 'Food products' }] });
    const elsewhere = await createOutlet(ctx.db, {
      relationshipId: other.id,
      territoryCode: 'RU-VOR',
      name: 'Voronezh dealer',
      kind: 'dealer',
    });
    const ids = async (filter: Record<string, unknown>) =>
      (await listOutlets(ctx.db, filter, page)).items.map((o) => o.id);

    expect(await ids({ relationshipId: relationship.id })).toEqual([service.id, dealer.id, shop.id]);
    expect(await ids({ partner: 'RU-BEL' })).toEqual([service.id, dealer.id, shop.id]);
    expect(await ids({ territory: 'RU-VOR' })).toEqual([elsewhere.id]);
    const inRussia = await ids({ territory: 'RU' });
    expect(inRussia).toEqual(expect.arrayContaining([service.id, dealer.id, shop.id, elsewhere.id]));
    expect(await ids({ partner: 'RU-BEL', kind: 'dealer' })).toEqual([dealer.id]);
    expect(await ids({ partner: 'RU-BEL', status: 'suspended' })).toEqual([service.id]);
    expect(await ids({ organizationId: producer.id })).toEqual([service.id, dealer.id]);
    expect((await listOutlets(ctx.db, { partner: 'RU-BEL' }, { limit: 1, offset: 2 })).total).toBe(3);
  });

  it('sums up a relationship’s network by kind and status with the product groups it carries', async () => {
    const relationship = await makeRelationship(ctx.db, { partnerCode: 'RU-ORL' });
    const make = (fields: Record<string, unknown>) =>
      createOutlet(ctx.db, { relationshipId: relationship.id, territoryCode: 'RU-ORL', ...fields });
    await make({ name: 'Dealer one', kind: 'dealer', lines: [{ productGroup: 'Tires' }, { productGroup: 'Buses' }] });
    await make({ name: 'Dealer two', kind: 'dealer', status: 'planned', lines: [{ productGroup: 'Tires' }] });
    await make({ name: 'Old warehouse', kind: 'warehouse', status: 'closed', lines: [{ productGroup: 'Glass' }] });

    const summary = await networkSummary(ctx.db, relationship.id);
    expect(summary).toEqual({
      relationshipId: relationship.id,
      total: 3,
      byKind: {
        dealer: 2,
        trading_house: 0,
        distribution_centre: 0,
        service_centre: 0,
        assembly: 0,
        retail: 0,
        warehouse: 1,
      },
      byStatus: { planned: 1, active: 1, suspended: 0, closed: 1 },
      productGroups: ['Buses', 'Tires'],
    });
    const empty = await networkSummary(ctx.db, (await makeRelationship(ctx.db, { partnerCode: 'RU-TUL' })).id);
    expect(empty.total).toBe(0);
    expect(empty.productGroups).toEqual([]);
    expect((await networkSummary(ctx.db, newId()).catch((e) => e)).code).toBe('NOT_FOUND');
  });

  it('deletes an outlet with its lines, refusing a stale version', async () => {
    const relationship = await makeRelationship(ctx.db);
    const created = await createOutlet(ctx.db, {
      relationshipId: relationship.id,
      territoryCode: 'RU-KRS',
      name: 'Temporary stand',
      kind: 'retail',
      lines: [{ productGroup: 'Dairy' }],
    });
    expect((await deleteOutlet(ctx.db, created.id, 2).catch((e) => e)).code).toBe('STALE_VERSION');
    await deleteOutlet(ctx.db, created.id, 1);
    expect((await getOutlet(ctx.db, created.id).catch((e) => e)).code).toBe('NOT_FOUND');
    const lines = await ctx.db.selectFrom('outletLines').select('id').where('outletId', '=', created.id).execute();
    expect(lines).toEqual([]);
  });
});
