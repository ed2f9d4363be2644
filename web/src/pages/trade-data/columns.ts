/** Reading a CSV file's header in the browser, so the officer can pick columns instead of typing a mapping. */

const delimiters = [';', ',', '\t', '|'];

function delimiterOf(line: string): string {
  let best = ',';
  let most = 0;
  for (const candidate of delimiters) {
    const count = line.split(candidate).length - 1;
    if (count > most) {
      best = candidate;
      most = count;
    }
  }
  return best;
}

/** One CSV line split into cells, quotes honoured (a header cell may hold the delimiter, e.g. "Value, USD"). */
export function splitLine(line: string, delimiter = delimiterOf(line)): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i += 1) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === delimiter) {
      cells.push(cell.trim());
      cell = '';
    } else cell += c;
  }
  cells.push(cell.trim());
  return cells;
}

export type HeaderRead = { kind: 'headers'; headers: string[] } | { kind: 'xlsx' } | { kind: 'missing' };

export const encodings = ['auto', 'utf-8', 'windows-1251'] as const;
/** `auto`: UTF-8 when the bytes are, else Windows-1251, as the server reads a mapping that names none. */
export type Encoding = (typeof encodings)[number];

/** The header cells on line `headerRow` (1-based) of the start of a CSV file. */
export async function readHeaders(file: File, headerRow: number, encoding: Encoding): Promise<HeaderRead> {
  const head = new Uint8Array(await file.slice(0, 64 * 1024).arrayBuffer());
  // XLSX is a zip archive; its cells cannot be read without a spreadsheet library.
  if (head[0] === 0x50 && head[1] === 0x4b) return { kind: 'xlsx' };
  const text = decode(head, encoding).replace(/^\uFEFF/, '');
  const line = text.split(/\r?\n/)[headerRow - 1];
  if (line === undefined || line.trim() === '') return { kind: 'missing' };
  const headers = splitLine(line).filter((cell) => cell !== '');
  return headers.length > 0 ? { kind: 'headers', headers } : { kind: 'missing' };
}

function decode(head: Uint8Array, encoding: Encoding): string {
  if (encoding !== 'auto') return new TextDecoder(encoding).decode(head);
  try {
    // The slice may end inside a character: streaming keeps its bytes back instead of refusing them.
    return new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
  } catch {
    return new TextDecoder('windows-1251').decode(head);
  }
}
