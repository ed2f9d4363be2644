import { createPostgresTemplate, postgresTemplateVariable, probePostgres } from './databases.ts';

/**
 * Once per run, before the test files start: a PostgreSQL database with the schema and reference data, which
 * every test database is copied from (see createTestDatabase). Where PostgreSQL is not reachable, nothing:
 * engines.ts says so and skips, or fails under CI.
 */
export default async function setup(): Promise<(() => Promise<void>) | undefined> {
  if (await probePostgres()) return undefined;
  const template = await createPostgresTemplate();
  process.env[postgresTemplateVariable] = template.name;
  return async () => {
    delete process.env[postgresTemplateVariable];
    await template.drop();
  };
}
