import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeOnEngines } from '../../test/support/engines.ts';
import { buildApp } from '../http/app.ts';
import { boundaries, regionsOf } from './service.ts';
import { simplifyLine, simplifyPolygons, type Position } from './simplify.ts';

describe('boundary simplification', () => {
  it('keeps the corners of a shape and drops points that lie on its edges', () => {
    const line: Position[] = [
      [0, 0],
      [1, 0.0001],
      [2, 0],
      [2, 2],
      [0, 2],
      [0, 0],
    ];
    expect(simplifyLine(line, 0.01)).toEqual([
      [0, 0],
      [2, 0],
      [2, 2],
      [0, 2],
      [0, 0],
    ]);
  });

  it('drops specks far smaller than the main part and rings that collapse', () => {
    const square = (x: number, size: number): Position[] => [
      [x, 0],
      [x + size, 0],
      [x + size, size],
      [x, size],
      [x, 0],
    ];
    const kept = simplifyPolygons([[square(0, 10)], [square(20, 0.01)], [square(30, 3)]], 0.001);
    expect(kept.map((p) => p[0]![0])).toEqual([
      [0, 0],
      [30, 0],
    ]);
  });
});

describe('boundaries', () => {
  it('gives a region by its ISO 3166-2 code and a country by its ISO 3166-1 code, small and in the order asked', () => {
    const answer = boundaries(['RU-KRS', 'BY']);
    expect(answer.features.map((f) => [f.id, f.properties.name, f.geometry.type])).toEqual([
      ['RU-KRS', 'Kursk', 'MultiPolygon'],
      ['BY', 'BY', 'MultiPolygon'],
    ]);
    expect(answer.missing).toEqual([]);
    // Kursk Oblast lies around 51.7° N, 36.2° E; its label point must be inside its bounding box.
    const [lon, lat] = answer.features[0]!.properties.center;
    expect(lon).toBeGreaterThan(34);
    expect(lon).toBeLessThan(39);
    expect(lat).toBeGreaterThan(50);
    expect(lat).toBeLessThan(53);
    expect(JSON.stringify(answer).length).toBeLessThan(20_000);
  });

  it('lists codes without a boundary, and refuses when none has one', () => {
    expect(boundaries(['BY', 'RU-ZZZ']).missing).toEqual(['RU-ZZZ']);
    expect(() => boundaries(['RU-ZZZ', 'QQ'])).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
  });
});

describe('regions of a country', () => {
  it('lists every region of Russia by its ISO 3166-2 code, Kursk Oblast among them, small enough for a page', () => {
    const russia = regionsOf('RU');
    const codes = russia.features.map((f) => f.id);
    expect(codes.length).toBeGreaterThanOrEqual(80);
    expect(codes.every((code) => /^RU-[A-Z0-9]{1,3}$/.test(code))).toBe(true);
    expect(codes).toEqual([...codes].sort());
    expect(codes).toEqual(expect.arrayContaining(['RU-KRS', 'RU-BEL', 'RU-MOW', 'RU-CHU', 'RU-KGD']));
    const kursk = russia.features.find((f) => f.id === 'RU-KRS')!;
    expect(kursk.properties).toMatchObject({ name: 'Kursk', nameRu: 'Курская область' });
    // Chukotka crosses the 180th meridian; drawn in one piece, no part of Russia lies in the west.
    const longitudes = russia.features.flatMap((f) => f.geometry.coordinates.flatMap((p) => p[0]!.map(([x]) => x)));
    expect(Math.min(...longitudes)).toBeGreaterThan(15);
    expect(Math.max(...longitudes)).toBeGreaterThan(185);
    expect(JSON.stringify(russia).length).toBeLessThan(120_000);
    expect(regionsOf('BY').features.map((f) => f.id)).toEqual(
      expect.arrayContaining(['BY-BR', 'BY-HM', 'BY-HO', 'BY-HR', 'BY-MA', 'BY-MI', 'BY-VI']),
    );
  });

  it('draws Kazakhstan and Uzbekistan region by region, each code once, and names the one without a shape', () => {
    const kazakhstan = regionsOf('KZ');
    const codes = kazakhstan.features.map((f) => f.id);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes).toEqual(expect.arrayContaining(['KZ-ALA', 'KZ-ALM', 'KZ-AST', 'KZ-SEV', 'KZ-KUS', 'KZ-YUZ']));
    // Almaty Region lies around the city: its label sits north-east of the city's.
    const [city, region] = ['KZ-ALA', 'KZ-ALM'].map((code) => kazakhstan.features.find((f) => f.id === code)!);
    expect(region!.properties.center[1]).toBeGreaterThan(city!.properties.center[1]);
    expect(city!.properties.nameRu).toBe('Алматы');
    expect(kazakhstan.features.find((f) => f.id === 'KZ-AST')!.properties).toMatchObject({ name: 'Astana' });
    expect(kazakhstan.missing).toEqual(['KZ-SHY']);
    const uzbekistan = regionsOf('UZ');
    expect(uzbekistan.features).toHaveLength(14);
    expect(uzbekistan.missing).toEqual([]);
    expect(boundaries(['KZ-ALM', 'KZ-SHY']).features.map((f) => f.properties.nameRu)).toEqual(['Алматинская область']);
  });

  it('draws China and Vietnam by province, naming the Vietnamese ones the data mislabel by their own names', () => {
    const china = regionsOf('CN');
    expect(china.features.map((f) => f.id)).toEqual(expect.arrayContaining(['CN-JS', 'CN-HL', 'CN-GX', 'CN-BJ']));
    // The data draw Hong Kong, Macao and Taiwan as countries of their own.
    expect(china.missing).toEqual(['CN-HK', 'CN-MO', 'CN-TW']);
    expect(china.features.find((f) => f.id === 'CN-JL')!.properties.nameRu).toBe('Цзилинь');
    const vietnam = regionsOf('VN');
    expect(vietnam.features).toHaveLength(63);
    expect(vietnam.missing).toEqual([]);
    expect(vietnam.features.find((f) => f.id === 'VN-66')!.properties).toMatchObject({
      name: 'Hung Yen',
      nameRu: 'Хынгйен',
    });
    expect(JSON.stringify(china).length).toBeLessThan(120_000);
  });

  it('says no regions are known for a country the data do not divide', () => {
    expect(() => regionsOf('QQ')).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
  });
});

describeOnEngines('HTTP geo boundaries', (ctx) => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await buildApp({ db: ctx.db, webRoot: false });
  });
  afterAll(async () => {
    await app.close();
  });

  it('answers GeoJSON for the codes asked, trimmed, with a day of browser caching', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/geo/boundaries?codes=RU-KRS,BY,ru-krs' });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['cache-control']).toContain('max-age=86400');
    const body = response.json();
    expect(body.type).toBe('FeatureCollection');
    expect(body.features.map((f: { id: string }) => f.id)).toEqual(['RU-KRS', 'BY']);
    expect(response.body.length).toBeLessThan(20_000);
  });

  it('says 404 naming unknown codes and 422 for malformed ones', async () => {
    const unknown = await app.inject({ method: 'GET', url: '/api/geo/boundaries?codes=RU-ZZZ' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().problems).toEqual([{ path: 'codes', message: 'no boundary for RU-ZZZ' }]);
    const malformed = await app.inject({ method: 'GET', url: '/api/geo/boundaries?codes=Kursk' });
    expect(malformed.statusCode).toBe(422);
    expect(malformed.json().problems[0].path).toContain('codes');
    const none = await app.inject({ method: 'GET', url: '/api/geo/boundaries' });
    expect(none.statusCode).toBe(422);
  });

  it('answers all regions of a country, 404 as problem+json for an unknown one and 422 for a malformed one', async () => {
    const russia = await app.inject({ method: 'GET', url: '/api/geo/countries/ru/regions' });
    expect(russia.statusCode, russia.body).toBe(200);
    expect(russia.headers['cache-control']).toContain('max-age=86400');
    expect(russia.json().features.map((f: { id: string }) => f.id)).toContain('RU-KRS');
    const kazakhstan = await app.inject({ method: 'GET', url: '/api/geo/countries/KZ/regions' });
    expect(kazakhstan.statusCode, kazakhstan.body).toBe(200);
    expect(kazakhstan.json().features.map((f: { id: string }) => f.id)).toContain('KZ-SEV');
    expect(kazakhstan.json().missing).toEqual(['KZ-SHY']);
    const unknown = await app.inject({ method: 'GET', url: '/api/geo/countries/QQ/regions' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.headers['content-type']).toContain('application/problem+json');
    expect(unknown.json().problems).toEqual([{ path: 'code', message: 'no regions are known for QQ' }]);
    const malformed = await app.inject({ method: 'GET', url: '/api/geo/countries/RU-KRS/regions' });
    expect(malformed.statusCode).toBe(422);
    expect(malformed.json().problems[0].path).toContain('code');
  });
});
