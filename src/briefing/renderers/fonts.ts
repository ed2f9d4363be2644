/**
 * The one typeface every renderer draws with: PT Sans from an npm package, so Cyrillic renders the same on
 * any machine and nothing depends on the fonts a system happens to have.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import * as fontkit from 'fontkit';

const require = createRequire(import.meta.url);

export const fontFamily = 'PT Sans';

export const fontFiles = {
  regular: require.resolve('@expo-google-fonts/pt-sans/400Regular/PTSans_400Regular.ttf'),
  bold: require.resolve('@expo-google-fonts/pt-sans/700Bold/PTSans_700Bold.ttf'),
  italic: require.resolve('@expo-google-fonts/pt-sans/400Regular_Italic/PTSans_400Regular_Italic.ttf'),
} as const;

type Face = keyof typeof fontFiles;

const dataUrls = new Map<Face, string>();

/** A face as a data: URL, for an HTML page that carries its own font. */
export function fontDataUrl(name: Face): string {
  let url = dataUrls.get(name);
  if (!url) {
    url = `data:font/ttf;base64,${fs.readFileSync(fontFiles[name]).toString('base64')}`;
    dataUrls.set(name, url);
  }
  return url;
}

const loaded = new Map<Face, fontkit.Font>();

function face(name: Face): fontkit.Font {
  let font = loaded.get(name);
  if (!font) {
    const opened = fontkit.create(fs.readFileSync(fontFiles[name]));
    if (!('layout' in opened)) throw new Error(`${fontFiles[name]} is a font collection, not one font`);
    font = opened;
    loaded.set(name, font);
  }
  return font;
}

/** The width of a text in PT Sans, for laying out charts without a canvas. */
export function textWidth(text: string, sizePx: number, bold = false): number {
  const font = face(bold ? 'bold' : 'regular');
  const run = font.layout(text);
  // A character the font lacks counts a full em, as a fallback font would draw it (ECharts sizes lines by one such).
  const missing = run.glyphs.filter((glyph) => glyph.id === 0).length;
  const units = run.glyphs.reduce((sum, glyph, i) => sum + (glyph.id === 0 ? 0 : (run.positions[i]?.xAdvance ?? 0)), 0);
  return (units / font.unitsPerEm + missing) * sizePx;
}

/**
 * A text as PT Sans can draw it: the thin and narrow no-break spaces a typesetter may put in "96,3 млн" or
 * "40,5 %" become the no-break space it has, and arrows (it has none) the closest sign it has, so no
 * empty box appears in a PDF or a chart picture.
 */
export function inFont(text: string): string {
  return text.replace(/[\u2009\u202f\u2007\u200a]/g, '\u00a0').replace(/[\u2192\u27f6\u21d2]/g, '\u203a');
}
