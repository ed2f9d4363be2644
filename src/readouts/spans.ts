import type { Span } from './model.ts';

/** Where in the readout's text a record was read: "characters 120–184", as a provenance locator. */
export function spanLocator(span: Span): string {
  return `characters ${span.start}–${span.end}`;
}
