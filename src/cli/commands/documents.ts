import type { Command } from 'commander';
import { documentFilter, provenanceSubject } from '../../documents/model.ts';
import { listProvenance } from '../../documents/provenance.ts';
import { listDocuments } from '../../documents/service.ts';
import { pageQuery, parseInput } from '../../core/model.ts';
import { withDatabase } from '../context.ts';
import { printRows } from '../output.ts';

export function registerDocumentCommands(program: Command): void {
  program
    .command('documents')
    .description('readouts, articles, agreements, statistical releases and minutes records are taken from')
    .option('--kind <kind>', 'readout, article, agreement, statistical_release, minutes or other')
    .option('--language <code>', 'language code, e.g. en (also finds en-GB) or ru')
    .option('-q, --query <text>', 'title contains, in English or Russian and any case')
    .option('--from <date>', 'published on or after YYYY-MM-DD')
    .option('--to <date>', 'published on or before YYYY-MM-DD')
    .option('--limit <n>', 'rows to show (at most 200)', '50')
    .option('--offset <n>', 'rows to skip', '0')
    .option('--json', 'print JSON')
    .action(async (o: Record<string, string | boolean | undefined>, command: Command) => {
      const filter = parseInput(documentFilter, {
        kind: o.kind,
        language: o.language,
        q: o.query,
        from: o.from,
        to: o.to,
      });
      const page = parseInput(pageQuery, { limit: o.limit, offset: o.offset });
      await withDatabase(command, 'require-current', async ({ db }) => {
        const result = await listDocuments(db, filter, page);
        printRows(
          result.items,
          [
            { header: 'published', value: (d) => d.publishedOn },
            { header: 'kind', value: (d) => d.kind },
            { header: 'lang', value: (d) => d.language },
            { header: 'title', value: (d) => d.titleEn },
            { header: 'название', value: (d) => d.titleRu },
            { header: 'publisher', value: (d) => d.publisher },
            { header: 'id', value: (d) => d.id },
          ],
          { json: o.json === true },
          `${result.items.length} of ${result.total}`,
        );
      });
    });

  program
    .command('sources')
    .description('where a record came from: the documents (and the place in them) or people it was taken from')
    .argument(
      '<recordType>',
      'territory, relationship, agreement, organization, person, position, meeting, statement, project, outlet or document',
    )
    .argument('<recordId>', "the record's id (a territory's ISO code)")
    .option('--json', 'print JSON')
    .action(async (recordType: string, recordId: string, o: { json?: boolean }, command: Command) => {
      const subject = parseInput(provenanceSubject, { recordType, recordId });
      await withDatabase(command, 'require-current', async ({ db }) => {
        const links = await listProvenance(db, subject);
        printRows(
          links,
          [
            { header: 'from', value: (l) => (l.document ? l.document.kind : 'person') },
            { header: 'published', value: (l) => l.document?.publishedOn },
            {
              header: 'source',
              value: (l) =>
                l.document?.titleEn ?? l.document?.titleRu ?? l.sourcePerson?.nameEn ?? l.sourcePerson?.nameRu,
            },
            { header: 'where', value: (l) => l.locator },
            { header: 'address', value: (l) => l.document?.sourceUrl },
            { header: 'note', value: (l) => l.note },
          ],
          { json: o.json === true },
        );
      });
    });
}
