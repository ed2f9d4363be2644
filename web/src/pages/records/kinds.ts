/** The kinds of record the workspace lists and edits, in the order the navigation shows them. */
export const recordKinds = [
  'meetings',
  'statements',
  'projects',
  'organizations',
  'people',
  'outlets',
  'documents',
] as const;
export type RecordKind = (typeof recordKinds)[number];

export function isRecordKind(value: string): value is RecordKind {
  return (recordKinds as readonly string[]).includes(value);
}
