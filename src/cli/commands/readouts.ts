import fs from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { AccordError } from '../../core/errors.ts';
import type { LexiconTermRecord, Readout, ReadoutItem } from '../../readouts/model.ts';
import { maxReadoutFileBytes } from '../../readouts/input/index.ts';
import { acceptReadout, getReadout, patchItem, submitReadout } from '../../readouts/service.ts';
import { addLexiconTerm, listLexiconTerms, removeLexiconTerm } from '../../readouts/lexicon-terms.ts';
import { withDatabase } from '../context.ts';
import { printJson, printRows } from '../output.ts';

/** One line saying what an item holds, as a reviewer reads it. */
function describe(item: ReadoutItem): string {
  switch (item.kind) {
    case 'meeting':
      return [item.value.heldOn ?? 'date unknown', item.value.place, item.value.kind].filter(Boolean).join(', ');
    case 'participant':
      return [item.value.name, item.value.role, item.value.side].filter(Boolean).join(' · ');
    case 'organization':
      return [item.value.name, item.value.territoryCode].filter(Boolean).join(' · ');
    case 'territory':
      return `${item.value.code} (${item.value.name})`;
    case 'sector':
      return `${item.value.code} (${item.value.term})`;
    case 'commodity':
      return `HS ${item.value.hs} ${item.value.term}${item.value.flow ? ` · ${item.value.flow}` : ''}`;
    case 'trade_figure': {
      const v = item.value;
      const growth = v.growthPercent ? ` ${v.growthPercent}%` : v.growthMultiple ? ` ×${v.growthMultiple}` : '';
      const computed = item.computed?.amount
        ? ` · Accord: ${item.computed.amount} ${item.computed.currency}`
        : item.computed?.missing
          ? ` · Accord: ${item.computed.missing.replaceAll('_', ' ')}`
          : '';
      return `${v.measure} ${v.reporter}–${v.partner} ${v.periodFrom}..${v.periodTo}: ${v.qualifier ? `${v.qualifier} ` : ''}${v.amount} ${v.currency}${growth}${computed}`;
    }
    case 'statement': {
      const due =
        item.value.dueFrom || item.value.dueTo ? ` (due ${item.value.dueFrom ?? ''}..${item.value.dueTo ?? ''})` : '';
      return `${item.value.kind} by ${item.value.by ?? '?'}: ${item.value.text}${due}`;
    }
    case 'project':
      return `${item.value.title} (${item.value.kind})`;
  }
}

function printReadout(readout: Readout, json: boolean): void {
  if (json) {
    printJson(readout);
    return;
  }
  process.stdout.write(
    `readout ${readout.id} · ${readout.language} · published ${readout.documentDate}${readout.dateStated ? ' (stated in the text)' : ''} · ${readout.status}\n`,
  );
  printRows(
    readout.items,
    [
      { header: 'item', value: (i) => i.id },
      { header: 'kind', value: (i) => i.kind },
      { header: 'status', value: (i) => i.status },
      { header: 'conf', value: (i) => i.confidence.toFixed(2) },
      { header: 'what', value: (i) => describe(i) },
      { header: 'matches', value: (i) => i.match?.label ?? (i.recordId ? `written ${i.recordId}` : 'new') },
      { header: 'rule', value: (i) => i.rule },
    ],
    { json: false },
    `${readout.items.length} items; accept with: accord readout accept ${readout.id} --all`,
  );
}

const fileTypes: Record<string, string> = {
  '.txt': 'text/plain',
  '.html': 'text/html',
  '.htm': 'text/html',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.pdf': 'application/pdf',
};

export function registerReadoutCommands(program: Command): void {
  const readout = program.command('readout').description("read a meeting's readout into records, after review");

  readout
    .command('extract')
    .description('read a readout (.txt, .html, .docx or .pdf) into a draft, keep it and print it')
    .argument('<file>', 'the readout file; - reads text from standard input')
    .option('--date <date>', 'the day it was published, YYYY-MM-DD (needed where the text does not say)')
    .option('--title <text>', 'its title, where the first line is not')
    .option('--source-url <url>', 'where it was published')
    .option('--publisher <name>', 'who published it, e.g. the press service of the President of Belarus')
    .option('--relationship <id>', 'the relationship it is about, where the text leaves it unclear')
    .option('--json', 'print JSON')
    .action(async (file: string, o: Record<string, string | boolean | undefined>, command: Command) => {
      const fields = {
        documentDate: (o.date as string | undefined) ?? null,
        title: (o.title as string | undefined) ?? null,
        sourceUrl: (o.sourceUrl as string | undefined) ?? null,
        publisher: (o.publisher as string | undefined) ?? null,
        relationshipId: (o.relationship as string | undefined) ?? null,
      };
      let submission;
      if (file === '-') {
        const chunks: Buffer[] = [];
        for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
        submission = { ...fields, text: Buffer.concat(chunks).toString('utf8') };
      } else {
        const stat = await fs.stat(file).catch(() => null);
        if (!stat?.isFile()) throw new AccordError('NOT_FOUND', `${file}: no such file`);
        if (stat.size > maxReadoutFileBytes) {
          throw new AccordError(
            'PAYLOAD_TOO_LARGE',
            `${file} is ${(stat.size / 1024 / 1024).toFixed(1)} MB; a readout file may be up to ${maxReadoutFileBytes / 1024 / 1024} MB`,
          );
        }
        const bytes = new Uint8Array(await fs.readFile(file));
        const contentType = fileTypes[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
        submission = { ...fields, file: { fileName: path.basename(file), contentType, bytes } };
      }
      await withDatabase(command, 'require-current', async ({ db }) => {
        const { readout: made, created } = await submitReadout(db, submission);
        if (!created && o.json !== true) process.stdout.write('this text was read before; its readout is:\n');
        printReadout(made, o.json === true);
      });
    });

  readout
    .command('show')
    .description('a readout with its draft items')
    .argument('<id>', "the readout's id")
    .option('--json', 'print JSON')
    .action(async (id: string, o: { json?: boolean }, command: Command) => {
      await withDatabase(command, 'require-current', async ({ db }) =>
        printReadout(await getReadout(db, id), o.json === true),
      );
    });

  readout
    .command('item')
    .description('accept, reject or rematch one draft item')
    .argument('<id>', "the readout's id")
    .argument('<item>', "the item's id")
    .option('--accept', 'accept it')
    .option('--reject', 'reject it')
    .option('--match <recordId>', 'tie it to this existing record')
    .option('--new', 'write it as a new record rather than the one it was matched to')
    .option('--json', 'print JSON')
    .action(async (id: string, itemId: string, o: Record<string, string | boolean | undefined>, command: Command) => {
      await withDatabase(command, 'require-current', async ({ db }) => {
        const current = await getReadout(db, id);
        const status = o.accept ? 'accepted' : o.reject ? 'rejected' : undefined;
        const match = o.new ? null : typeof o.match === 'string' ? { recordId: o.match } : undefined;
        printReadout(await patchItem(db, id, itemId, { version: current.version, status, match }), o.json === true);
      });
    });

  readout
    .command('accept')
    .description('write the accepted items as records, each citing the readout; --all also the items not reviewed')
    .argument('<id>', "the readout's id")
    .option('--all', 'also write the proposed items (not the rejected)')
    .option('--json', 'print JSON')
    .action(async (id: string, o: { all?: boolean; json?: boolean }, command: Command) => {
      await withDatabase(command, 'require-current', async ({ db }) => {
        const current = await getReadout(db, id);
        const accepted = await acceptReadout(db, id, { version: current.version, proposed: o.all ? 'accept' : 'skip' });
        printReadout(accepted, o.json === true);
      });
    });

  registerLexiconCommands(readout);
}

function printTerms(terms: LexiconTermRecord[], json: boolean): void {
  printRows(
    terms,
    [
      { header: 'id', value: (t) => t.id },
      { header: 'kind', value: (t) => t.kind },
      { header: 'lang', value: (t) => t.language },
      { header: 'term', value: (t) => t.term },
      { header: 'code', value: (t) => (t.kind === 'commodity' ? `HS ${t.code}` : `ISIC ${t.code}`) },
    ],
    { json },
  );
}

function registerLexiconCommands(readout: Command): void {
  const lexicon = readout
    .command('lexicon')
    .description('your own words for commodities (onto HS codes) and sectors (onto ISIC), read with every readout');

  lexicon
    .command('list')
    .description('the words added, commodities then sectors')
    .option('--json', 'print JSON')
    .action(async (o: { json?: boolean }, command: Command) => {
      await withDatabase(command, 'require-current', async ({ db }) =>
        printTerms(await listLexiconTerms(db), o.json === true),
      );
    });

  lexicon
    .command('add')
    .description('map a word to an HS code (--hs) or an ISIC sector (--sector)')
    .argument('<term>', 'the word or phrase as readouts write it; Russian in its dictionary form')
    .option('--hs <code>', 'an HS chapter, heading or subheading: the term names a commodity')
    .option('--sector <code>', 'an ISIC Rev.4 section or division: the term names a sector')
    .option('--lang <language>', "en or ru; by default read from the term's letters")
    .option('--json', 'print JSON')
    .action(async (term: string, o: Record<string, string | boolean | undefined>, command: Command) => {
      const hs = o.hs as string | undefined;
      const sector = o.sector as string | undefined;
      if ((hs === undefined) === (sector === undefined)) {
        throw new AccordError('VALIDATION_FAILED', 'give either --hs CODE (a commodity) or --sector CODE (a sector)');
      }
      const input = {
        kind: hs !== undefined ? ('commodity' as const) : ('sector' as const),
        term,
        code: hs ?? sector!,
        ...(typeof o.lang === 'string' ? { language: o.lang as 'en' | 'ru' } : {}),
      };
      await withDatabase(command, 'require-current', async ({ db }) => {
        const added = await addLexiconTerm(db, input);
        if (o.json === true) printJson(added);
        else
          process.stdout.write(`added ${added.id}: ${added.language} "${added.term}" → ${added.kind} ${added.code}\n`);
      });
    });

  lexicon
    .command('remove')
    .description('remove a word; readouts drafted before keep their items')
    .argument('<id>', "the term's id, as lexicon list shows it")
    .action(async (id: string, _o: unknown, command: Command) => {
      await withDatabase(command, 'require-current', async ({ db }) => {
        await removeLexiconTerm(db, id);
        process.stdout.write(`removed ${id}\n`);
      });
    });
}
