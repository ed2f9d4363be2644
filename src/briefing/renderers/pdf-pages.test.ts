/**
 * The PDF as a reader sees it: every page rasterized by poppler's pdftoppm, kept in test-results/briefing/
 * for a person to look at, and checked to be neither blank nor set in a font that was not embedded.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { briefingFixture } from './fixture.test-support.ts';
import { renderDocument } from './index.ts';

const poppler = spawnSync('pdftoppm', ['-v'], { encoding: 'utf8' });
const popplerProblem = poppler.error ? 'no pdftoppm on the PATH (Debian: apt-get install poppler-utils)' : null;
if (popplerProblem) {
  if (process.env.CI === 'true') throw new Error(`${popplerProblem}; CI requires it`);
  console.warn(`[accord tests] skipping the PDF page images: ${popplerProblem}`);
}

const outputDir = path.resolve(import.meta.dirname, '../../../test-results/briefing');

/** The share of a page's pixels that are not paper-white. */
function inkShare(file: string): number {
  const png = PNG.sync.read(fs.readFileSync(file));
  let ink = 0;
  for (let i = 0; i < png.data.length; i += 4) {
    if ((png.data[i] ?? 255) < 200 || (png.data[i + 1] ?? 255) < 200 || (png.data[i + 2] ?? 255) < 200) ink += 1;
  }
  return ink / (png.width * png.height);
}

describe.skipIf(popplerProblem !== null)('the briefing PDF as pages', () => {
  it.each(['ru', 'en'] as const)('in %s, every page has content and the fonts are embedded', async (lang) => {
    fs.mkdirSync(outputDir, { recursive: true });
    const pdf = path.join(outputDir, `briefing-${lang}.pdf`);
    for (const old of fs.readdirSync(outputDir).filter((name) => name.startsWith(`briefing-${lang}-page`))) {
      fs.rmSync(path.join(outputDir, old));
    }
    fs.writeFileSync(pdf, (await renderDocument(briefingFixture(lang), 'pdf')).bytes);
    execFileSync('pdftoppm', ['-r', '70', '-png', pdf, path.join(outputDir, `briefing-${lang}-page`)]);
    const pages = fs
      .readdirSync(outputDir)
      .filter((name) => name.startsWith(`briefing-${lang}-page`) && name.endsWith('.png'))
      .sort();
    expect(pages.length).toBeGreaterThanOrEqual(2);
    for (const page of pages) {
      // The running header and page number alone ink under 0.1 % of a page, a title block about 1 %.
      expect(inkShare(path.join(outputDir, page)), page).toBeGreaterThan(0.005);
    }
    const fonts = execFileSync('pdffonts', [pdf], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
    expect(fonts.length).toBeGreaterThan(0);
    for (const font of fonts) expect(font).toMatch(/PTSans-\w+\s+CID TrueType\s+Identity-H\s+yes yes yes/);
  });
});
