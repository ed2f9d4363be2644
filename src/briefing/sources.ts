/** The briefing's footnotes: each dataset or document cited gets one number, the first time it is cited. */
import type { DatasetRef } from '../trade/analytics/service.ts';
import type { PublicationRule, Source } from './model.ts';
import type { CitedDocument } from '../documents/provenance.ts';

type DocumentCitation = Pick<
  CitedDocument,
  'documentId' | 'titleEn' | 'titleRu' | 'publishedOn' | 'publisher' | 'sourceUrl' | 'locator'
>;

export class SourceList {
  readonly list: Source[] = [];
  private readonly refs = new Map<string, number>();

  private add(key: string, make: (ref: number) => Source): number {
    const known = this.refs.get(key);
    if (known !== undefined) return known;
    const ref = this.list.length + 1;
    this.refs.set(key, ref);
    this.list.push(make(ref));
    return ref;
  }

  dataset(dataset: DatasetRef, rule: PublicationRule): number {
    return this.add(`dataset:${dataset.id}`, (ref) => ({ ref, kind: 'dataset', dataset, rule }));
  }

  /** One footnote per document and place in it; the same place cited twice keeps its number. */
  document(doc: DocumentCitation): number {
    return this.add(`document:${doc.documentId}:${doc.locator ?? ''}`, (ref) => ({
      ref,
      kind: 'document',
      documentId: doc.documentId,
      title: { en: doc.titleEn, ru: doc.titleRu },
      publishedOn: doc.publishedOn,
      publisher: doc.publisher,
      sourceUrl: doc.sourceUrl,
      locator: doc.locator,
    }));
  }

  cite(docs: DocumentCitation[]): number[] {
    return [...new Set(docs.map((d) => this.document(d)))];
  }
}
