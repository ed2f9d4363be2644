import fs from 'node:fs';
import { countryReferences } from '../src/registry/reference/countries.ts';
import { regions } from '../src/registry/reference/regions.ts';
import { seededRandom } from '../src/core/random.ts';

/**
 * A deterministic generator of BACI-like monthly trade: `t,i,j,k,v,q` rows sorted by month, exporter,
 * importer and product, with Zipf-skewed reporters, partners and products, plus the country-code table
 * that maps its numeric codes to ISO codes (Russian regions included as partners).
 */
export interface GeneratorOptions {
  rows: number;
  reporters?: number;
  partners?: number;
  products?: number;
  months?: number;
  seed?: number;
}

/** Cumulative Zipf weights (exponent s) for inverse-CDF sampling. */
function zipf(n: number, s: number): Float64Array {
  const cdf = new Float64Array(n);
  let total = 0;
  for (let i = 0; i < n; i += 1) {
    total += 1 / Math.pow(i + 1, s);
    cdf[i] = total;
  }
  for (let i = 0; i < n; i += 1) cdf[i]! /= total;
  return cdf;
}

function sample(cdf: Float64Array, u: number): number {
  let lo = 0;
  let hi = cdf.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cdf[mid]! < u) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export interface Territory {
  numeric: number;
  code: string;
}

/** Countries ordered so that large traders come first (the Zipf head); BY among them for the profile. */
export function benchTerritories(): { countries: Territory[]; regions: Territory[] } {
  const head = ['CN', 'US', 'DE', 'RU', 'JP', 'FR', 'KR', 'IT', 'GB', 'NL', 'IN', 'BY'];
  const all = countryReferences().map((c) => c.code);
  const ordered = [...head, ...all.filter((c) => !head.includes(c))];
  return {
    countries: ordered.map((code, i) => ({ numeric: 1000 + i, code })),
    regions: regions.filter((r) => r.parent === 'RU').map((r, i) => ({ numeric: 5000 + i, code: r.code })),
  };
}

export function writeCountryTable(file: string): void {
  const { countries, regions: rus } = benchTerritories();
  const lines = ['country_code,country_name,country_iso2,country_iso3'];
  for (const t of [...countries, ...rus]) lines.push(`${t.numeric},${t.code},${t.code},`);
  fs.writeFileSync(file, `${lines.join('\n')}\n`);
}

export async function generateBaciLike(
  file: string,
  options: GeneratorOptions,
): Promise<{ rows: number; bytes: number }> {
  const random = seededRandom(options.seed ?? 42);
  const { countries, regions: rus } = benchTerritories();
  const reporters = countries.slice(0, options.reporters ?? 200);
  const partnerPool = [...countries, ...rus].slice(0, options.partners ?? 300 + 80);
  const months = options.months ?? 60;
  const productCount = options.products ?? 5000;
  // Distinct HS6-shaped codes spread over the 96 real chapters (77 is reserved).
  const chapters = Array.from({ length: 97 }, (_, c) => c + 1).filter((c) => c !== 77);
  const products = Array.from({ length: productCount }, (_, i) => {
    const n = Math.floor(i / chapters.length);
    const heading = 1 + Math.floor(n / 9);
    const subheading = 10 * (1 + (n % 9));
    return `${String(chapters[i % chapters.length]).padStart(2, '0')}${String(heading).padStart(2, '0')}${subheading}`;
  });
  const reporterCdf = zipf(reporters.length, 1.1);
  const partnerCdf = zipf(partnerPool.length, 1.0);
  const productCdf = zipf(productCount, 0.9);
  const out = fs.createWriteStream(file, { highWaterMark: 1 << 22 });
  out.write('t,i,j,k,v,q\n');
  let bytes = 12;
  let written = 0;
  for (let m = 0; m < months; m += 1) {
    const period = (2013 + Math.floor(m / 12)) * 100 + (m % 12) + 1;
    const count = Math.floor(options.rows / months) + (m < options.rows % months ? 1 : 0);
    const keys = new Float64Array(count);
    for (let r = 0; r < count; r += 1) {
      const i = sample(reporterCdf, random());
      let j = sample(partnerCdf, random());
      if (partnerPool[j]!.code === reporters[i]!.code) j = (j + 1) % partnerPool.length;
      const k = sample(productCdf, random());
      keys[r] = (i * 1000 + j) * 10000 + k;
    }
    keys.sort();
    let chunk = '';
    for (let r = 0; r < count; r += 1) {
      const key = keys[r]!;
      const k = key % 10000;
      const ij = Math.floor(key / 10000);
      const i = Math.floor(ij / 1000);
      const j = ij % 1000;
      const v = (random() * 900 + 0.5).toFixed(3);
      const q = (random() * 100).toFixed(3);
      chunk += `${period},${reporters[i]!.numeric},${partnerPool[j]!.numeric},${products[k]},${v},${q}\n`;
      if (chunk.length > 1 << 20) {
        bytes += Buffer.byteLength(chunk);
        if (!out.write(chunk)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
        chunk = '';
      }
    }
    bytes += Buffer.byteLength(chunk);
    if (!out.write(chunk)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
    written += count;
  }
  await new Promise((resolve) => out.end(resolve));
  return { rows: written, bytes };
}
