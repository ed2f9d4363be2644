import path from 'node:path';

export type DatabaseTarget =
  { dialect: 'sqlite'; file: string; display: string } | { dialect: 'postgres'; url: string; display: string };

export const defaultDatabaseFile = path.join('data', 'accord.sqlite');

/**
 * `ACCORD_DATABASE` is either a `postgres://` (or `postgresql://`) URL or a file path for SQLite.
 * Without it Accord uses data/accord.sqlite under the current directory.
 */
export function resolveDatabaseTarget(value: string | undefined = process.env.ACCORD_DATABASE): DatabaseTarget {
  const raw = value?.trim();
  if (raw && /^postgres(ql)?:\/\//i.test(raw)) {
    return { dialect: 'postgres', url: raw, display: redactPassword(raw) };
  }
  const file = path.resolve(raw && raw.length > 0 ? raw : defaultDatabaseFile);
  return { dialect: 'sqlite', file, display: file };
}

function redactPassword(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return url;
  }
}
