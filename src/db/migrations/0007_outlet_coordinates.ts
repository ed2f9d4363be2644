import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

/**
 * Where an outlet stands, in WGS 84 degrees. Stored as double precision, which both engines hold as an
 * IEEE double and hand to JavaScript as a number: a coordinate is a measurement, not money, and a double
 * keeps far more than the five decimals (about a metre) anyone will type. The checks repeat the service's
 * rules so that a bundle restored straight into the tables cannot bring a coordinate the map cannot place.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .alterTable('outlets')
    .addColumn('latitude', 'double precision', (c) => c.check(sql`latitude between -90 and 90`))
    .execute();
  await db.schema
    .alterTable('outlets')
    .addColumn('longitude', 'double precision', (c) =>
      c.check(sql`longitude between -180 and 180 and (latitude is null) = (longitude is null)`),
    )
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.alterTable('outlets').dropColumn('longitude').execute();
  await db.schema.alterTable('outlets').dropColumn('latitude').execute();
}
