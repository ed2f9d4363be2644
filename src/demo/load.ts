import fs from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';
import { userRecordCount } from '../bundle/service.ts';
import { createMeeting } from '../cooperation/meetings/service.ts';
import { createOutlet } from '../cooperation/outlets/service.ts';
import { createProject, moveProjectStage } from '../cooperation/projects/service.ts';
import { changeStatementStatus, createStatement } from '../cooperation/statements/service.ts';
import type { Database, Db } from '../db/connection.ts';
import { linkProvenance } from '../documents/provenance.ts';
import { createDocument } from '../documents/service.ts';
import { createOrganization } from '../registry/organizations/service.ts';
import { createPerson, createPosition } from '../registry/people/service.ts';
import { createAgreement, createRelationship } from '../registry/relationships/service.ts';
import { AccordError } from '../core/errors.ts';
import { parseInput } from '../core/model.ts';
import { inTransaction } from '../core/records.ts';
import { illustrativeDatasetName, loadDemoTrade } from './trade-load.ts';

/** The demo's source document; its presence marks a database the demo was loaded into. */
const demoDocumentTitle = 'Negotiations with Kursk Oblast Governor Alexander Mikhailov';

const source = z.object({ document: z.string(), locator: z.string().optional() });
const keyed = z.object({ key: z.string().optional(), source: source.optional() }).loose();
type DemoFile = 'documents' | 'relationships' | 'organizations' | 'people' | 'projects' | 'meetings' | 'network';
type Entry = z.infer<typeof keyed> & Record<string, unknown>;

function readDemoFile(name: DemoFile): Entry[] {
  const text = fs.readFileSync(new URL(`./data/${name}.yaml`, import.meta.url), 'utf8');
  // Dates stay strings: YAML 1.2's core schema does not turn 2017-12-05 into a Date.
  return parseInput(z.array(keyed), parse(text), `demo/${name}.yaml`) as Entry[];
}

export async function isDatabaseEmpty(db: Db): Promise<boolean> {
  return (await userRecordCount(db)) === 0;
}

/**
 * Loads the Belarus – Kursk Oblast demo through the same services users call, so the demo obeys every
 * rule real data does: the registry and cooperation records in one transaction, then the illustrative
 * trade through the ordinary import. Refuses a database that already holds records.
 */
export async function loadDemo(database: Database): Promise<{ records: number; tradeRows: number }> {
  const db = database.db;
  const readout = await db
    .selectFrom('documents')
    .select('id')
    .where('titleEn', '=', demoDocumentTitle)
    .executeTakeFirst();
  const trade = await db
    .selectFrom('tradeDatasets')
    .select('id')
    .where('name', '=', illustrativeDatasetName)
    .executeTakeFirst();
  if (readout && trade) {
    throw new AccordError(
      'ALREADY_LOADED',
      'the demo data set is already loaded in this database; nothing was changed',
    );
  }
  // A load interrupted between its two steps is finished rather than refused.
  if (readout) return { records: 0, tradeRows: (await loadDemoTrade(database, readout.id)).rows };
  const registry = await inTransaction(db, async (trx) => {
    const count = await userRecordCount(trx);
    if (count > 0) {
      throw new AccordError(
        'NOT_EMPTY',
        `the demo loads into an empty database only, and this one holds ${count} records; point ACCORD_DATABASE at a new file`,
      );
    }
    return new DemoLoader(trx).load();
  });
  // The trade import writes on its own connection and transaction, so it follows the registry's commit.
  const flows = await loadDemoTrade(database, registry.readoutId);
  return { records: registry.records, tradeRows: flows.rows };
}

class DemoLoader {
  private readonly ids = new Map<string, string>();
  private records = 0;

  constructor(private readonly db: Db) {}

  private id(kind: string, key: string): string {
    const id = this.ids.get(`${kind}:${key}`);
    if (!id) throw new AccordError('VALIDATION_FAILED', `demo data: no ${kind} with key ${key}`);
    return id;
  }

  private optionalId(kind: string, key: unknown): string | null {
    return typeof key === 'string' ? this.id(kind, key) : null;
  }

  private remember(kind: string, entry: Entry, id: string): void {
    if (entry.key) this.ids.set(`${kind}:${entry.key}`, id);
    this.records += 1;
  }

  private async cite(recordType: string, recordId: string, entry: Entry): Promise<void> {
    if (!entry.source) return;
    await linkProvenance(this.db, {
      recordType,
      recordId,
      documentId: this.id('document', entry.source.document),
      locator: entry.source.locator ?? null,
    });
  }

  async load(): Promise<{ records: number; readoutId: string }> {
    for (const entry of readDemoFile('documents')) {
      const { key: _key, source: _source, ...fields } = entry;
      this.remember('document', entry, (await createDocument(this.db, fields)).id);
    }
    for (const entry of readDemoFile('relationships')) {
      const { key: _key, source: _source, agreements, ...fields } = entry;
      const relationship = await createRelationship(this.db, fields);
      this.remember('relationship', entry, relationship.id);
      await this.cite('relationship', relationship.id, entry);
      for (const agreementEntry of (agreements ?? []) as Entry[]) {
        const { key: _k, source: _s, ...agreementFields } = agreementEntry;
        const agreement = await createAgreement(this.db, { ...agreementFields, relationshipId: relationship.id });
        this.remember('agreement', agreementEntry, agreement.id);
        await this.cite('agreement', agreement.id, agreementEntry);
      }
    }
    for (const entry of readDemoFile('organizations')) {
      const { key: _key, source: _source, ...fields } = entry;
      const organization = await createOrganization(this.db, fields);
      this.remember('organization', entry, organization.id);
      await this.cite('organization', organization.id, entry);
    }
    for (const entry of readDemoFile('people')) {
      const { key: _key, source: _source, positions, ...fields } = entry;
      const person = await createPerson(this.db, fields);
      this.remember('person', entry, person.id);
      await this.cite('person', person.id, entry);
      for (const position of (positions ?? []) as Entry[]) {
        const { organization, ...positionFields } = position;
        await createPosition(this.db, {
          ...positionFields,
          personId: person.id,
          organizationId: this.optionalId('organization', organization),
        });
        this.records += 1;
      }
    }
    for (const entry of readDemoFile('projects')) {
      const { key: _key, source: _source, relationship, parties, history, ...fields } = entry;
      let project = await createProject(this.db, {
        ...fields,
        relationshipId: this.id('relationship', String(relationship)),
        parties: ((parties ?? []) as Entry[]).map(({ organization, ...party }) => ({
          ...party,
          organizationId: this.id('organization', String(organization)),
        })),
      });
      // Later stages go through the stage operation, so the history reads as users would have written it.
      for (const move of (history ?? []) as Entry[]) {
        project = await moveProjectStage(this.db, project.id, { ...move, version: project.version });
      }
      this.remember('project', entry, project.id);
      await this.cite('project', project.id, entry);
    }
    for (const entry of readDemoFile('meetings')) {
      const { key: _key, source: _source, relationship, participants, delegation, statements, ...fields } = entry;
      const meeting = await createMeeting(this.db, {
        ...fields,
        relationshipId: this.id('relationship', String(relationship)),
        participants: ((participants ?? []) as Entry[]).map(({ person, ...p }) => ({
          ...p,
          personId: this.id('person', String(person)),
        })),
        delegation: ((delegation ?? []) as Entry[]).map(({ organization, ...d }) => ({
          ...d,
          organizationId: this.id('organization', String(organization)),
        })),
      });
      this.remember('meeting', entry, meeting.id);
      await this.cite('meeting', meeting.id, entry);
      for (const statementEntry of (statements ?? []) as Entry[]) {
        const {
          key: _k,
          source: _s,
          speaker,
          project,
          ownerOrganization,
          ownerPerson,
          history,
          ...statementFields
        } = statementEntry;
        let statement = await createStatement(this.db, {
          ...statementFields,
          meetingId: meeting.id,
          speakerPersonId: this.optionalId('person', speaker),
          projectId: this.optionalId('project', project),
          ownerOrganizationId: this.optionalId('organization', ownerOrganization),
          ownerPersonId: this.optionalId('person', ownerPerson),
        });
        for (const change of (history ?? []) as Entry[]) {
          statement = await changeStatementStatus(this.db, statement.id, { ...change, version: statement.version });
        }
        this.remember('statement', statementEntry, statement.id);
        await this.cite('statement', statement.id, statementEntry);
      }
    }
    for (const entry of readDemoFile('network')) {
      const { key: _key, source: _source, relationship, ...fields } = entry;
      const outlet = await createOutlet(this.db, {
        ...fields,
        relationshipId: this.id('relationship', String(relationship)),
      });
      this.remember('outlet', entry, outlet.id);
      await this.cite('outlet', outlet.id, entry);
    }
    return { records: this.records, readoutId: this.id('document', 'readout-2017-12-05') };
  }
}
