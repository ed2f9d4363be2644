import { isUtf8 } from 'node:buffer';
import mammoth from 'mammoth';
import { extractTextItems, getDocumentProxy, getMeta } from 'unpdf';
import { excerpt } from '../../core/errors.ts';
import { readHtml } from './html.ts';
import { pageText } from './pdf-lines.ts';
import { formatMegabytes, refuse } from './problems.ts';
import { normalizeReadoutText } from './text.ts';

export type ReadoutFormat = 'txt' | 'html' | 'docx' | 'pdf';

/** A readout's text as read from what a user uploaded, normalised (see `normalizeReadoutText`). */
export interface ReadoutSource {
  text: string;
  format: ReadoutFormat;
  title: string | null;
}

export interface ReadoutFile {
  fileName: string;
  contentType?: string | null;
  bytes: Uint8Array;
}

/** The largest file read: a readout is tens of kilobytes; a PDF with pictures, a few megabytes. */
export const maxReadoutFileBytes = 10 * 1024 * 1024;

const acceptedExtensions = ['.txt', '.html', '.htm', '.docx', '.pdf'];

const formatOfExtension: Record<string, ReadoutFormat> = {
  txt: 'txt',
  text: 'txt',
  html: 'html',
  htm: 'html',
  xhtml: 'html',
  docx: 'docx',
  pdf: 'pdf',
};

const formatOfContentType: Record<string, ReadoutFormat> = {
  'text/plain': 'txt',
  'text/html': 'html',
  'application/xhtml+xml': 'html',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/pdf': 'pdf',
};

/** Files people upload for a readout that Accord cannot read, known by their first bytes. */
const foreignContent: Array<{ bytes: number[]; what: string }> = [
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], what: 'an old Word (.doc) or other Office 97–2003 file: save it as .docx' },
  { bytes: [...Buffer.from('{\\rtf')], what: 'an RTF document: save it as .docx or .txt' },
  { bytes: [0x89, 0x50, 0x4e, 0x47], what: 'a PNG image: paste the readout’s text instead' },
  { bytes: [0xff, 0xd8, 0xff], what: 'a JPEG image: paste the readout’s text instead' },
  { bytes: [0x47, 0x49, 0x46, 0x38], what: 'a GIF image: paste the readout’s text instead' },
  { bytes: [0x52, 0x61, 0x72, 0x21], what: 'a RAR archive: unpack it and upload the readout inside' },
  { bytes: [0x37, 0x7a, 0xbc, 0xaf], what: 'a 7-Zip archive: unpack it and upload the readout inside' },
  { bytes: [0x1f, 0x8b], what: 'a gzip archive: unpack it and upload the readout inside' },
];

/**
 * Reads an uploaded readout into its text. The format is the one its bytes show (a PDF starts with
 * `%PDF-`, a DOCX is a zip), whatever its name says, so a misnamed file is read for what it is; a name
 * or content type outside the accepted ones is refused, listing them. The size is checked before any
 * parsing, and every failure is an AccordError naming the file and what to do.
 */
export async function readReadoutFile(file: ReadoutFile): Promise<ReadoutSource> {
  const { bytes } = file;
  // A name is quoted in every message, so a hostile one is cut short.
  const fileName = excerpt(file.fileName, 120);
  if (bytes.byteLength > maxReadoutFileBytes) {
    throw refuse(
      'file',
      'too_big',
      `${fileName} is ${formatMegabytes(bytes.byteLength)}; a readout file may be at most ` +
        `${formatMegabytes(maxReadoutFileBytes)}: upload the readout alone, or paste its text`,
      { maximum: maxReadoutFileBytes, size: bytes.byteLength, fileName },
      { status: 'PAYLOAD_TOO_LARGE' },
    );
  }
  const format = formatOf(file, fileName);
  const read =
    format === 'pdf'
      ? await readPdf(fileName, bytes)
      : format === 'docx'
        ? await readDocx(fileName, bytes)
        : format === 'html'
          ? readHtml(decodeText(fileName, bytes, charsetOf(file.contentType) ?? metaCharset(bytes)))
          : { text: decodeText(fileName, bytes, charsetOf(file.contentType)), title: null };
  return { text: normalizeReadoutText(read.text), format, title: read.title };
}

function formatOf(file: ReadoutFile, fileName: string): ReadoutFormat {
  const { bytes } = file;
  const dot = file.fileName.lastIndexOf('.');
  const extension =
    dot > 0
      ? file.fileName
          .slice(dot + 1)
          .toLowerCase()
          .slice(0, 20)
      : '';
  const mediaType = (file.contentType ?? '').split(';')[0]!.trim().toLowerCase();
  const claimed = extension ? formatOfExtension[extension] : formatOfContentType[mediaType];
  const head = bytes.subarray(0, 1024);
  const shown = includesAt(head, '%PDF-') ? 'pdf' : startsWith(head, [0x50, 0x4b, 0x03, 0x04]) ? 'docx' : null;
  // A file without an extension, sent as bytes of no particular type, is read when its bytes say what it is.
  if (shown && !extension && (!mediaType || mediaType === 'application/octet-stream')) return shown;
  if (!claimed) {
    throw refuse(
      'file',
      'unsupported_file_type',
      `${fileName} is not a file type Accord reads readouts from; upload ${acceptedExtensions.join(', ')}, ` +
        'or paste the text',
      { accepted: acceptedExtensions, found: extension ? `.${extension}` : mediaType || 'none', fileName },
    );
  }
  if (shown) return shown;
  const foreign = foreignContent.find((known) => startsWith(head, known.bytes));
  if (foreign) {
    throw refuse(
      'file',
      'unsupported_file_type',
      `${fileName} is ${foreign.what}; Accord reads readouts from ${acceptedExtensions.join(', ')}`,
      { accepted: acceptedExtensions, found: foreign.what.split(':')[0]!, fileName },
    );
  }
  if ((claimed === 'pdf' || claimed === 'docx') && isUtf8(bytes)) {
    // Named as a document but holding text: read it as the text it is rather than fail in a parser.
    return looksLikeHtml(head) ? 'html' : 'txt';
  }
  return claimed;
}

async function readDocx(fileName: string, bytes: Uint8Array): Promise<{ text: string; title: null }> {
  try {
    const result = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
    return { text: result.value, title: null };
  } catch (error) {
    const notWord = /main document part/i.test((error as Error).message ?? '');
    throw refuse(
      'file',
      'file_unreadable',
      notWord
        ? `${fileName} is a zip archive but not a Word document (.docx): open it in Word and save it as .docx, or paste the text`
        : `${fileName} cannot be read as a Word document (.docx): the file is damaged or incomplete; ` +
            'save it again from Word, or paste the text',
      { fileName, format: 'docx', reason: notWord ? 'not_a_word_document' : 'damaged' },
      { cause: error },
    );
  }
}

async function readPdf(fileName: string, bytes: Uint8Array): Promise<{ text: string; title: string | null }> {
  let pages: string[];
  let title: string | null;
  try {
    // PDF.js takes the bytes over (detaching their buffer), so it gets a copy.
    const pdf = await getDocumentProxy(bytes.slice(), { verbosity: 0 });
    try {
      pages = (await extractTextItems(pdf)).items.map(pageText);
      const info = (await getMeta(pdf)).info as { Title?: unknown };
      title = typeof info.Title === 'string' && info.Title.trim() !== '' ? info.Title.trim() : null;
    } finally {
      await pdf.destroy();
    }
  } catch (error) {
    const locked = (error as Error).name === 'PasswordException';
    throw refuse(
      'file',
      'file_unreadable',
      locked
        ? `${fileName} is a password-protected PDF: upload it without the password, or paste the text`
        : `${fileName} cannot be read as a PDF: the file is damaged or incomplete; download it again, or paste the text`,
      { fileName, format: 'pdf', reason: locked ? 'password' : 'damaged' },
      { cause: error },
    );
  }
  if (!pages.some((page) => /\p{L}/u.test(page))) {
    throw refuse(
      'file',
      'pdf_without_text',
      `${fileName} has no text layer (it is a scan or a picture of the readout), so there is nothing to read: ` +
        'paste the readout’s text, or upload a file with a text layer',
      { fileName, pages: pages.length },
    );
  }
  // A page ends a paragraph.
  return { text: pages.join('\n\n'), title };
}

/**
 * Text in UTF-8 (a byte order mark dropped, UTF-16 by its mark), in a character set the page or the
 * upload declares, or, when its bytes are not UTF-8 but read as Russian words in Windows-1251 (as files
 * saved by older Windows editors are), in that.
 */
function decodeText(fileName: string, bytes: Uint8Array, declared: string | null): string {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return decodeOrRefuse(fileName, bytes.subarray(3));
  if (startsWith(bytes, [0xff, 0xfe])) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (startsWith(bytes, [0xfe, 0xff])) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  if (isUtf8(bytes)) return new TextDecoder('utf-8').decode(bytes);
  const label = declared && declared !== 'utf-8' && declared !== 'utf8' ? declared : null;
  const decoder = label ? decoderFor(label) : null;
  if (decoder) return decoder.decode(bytes);
  if (looksLikeWindows1251(bytes)) return new TextDecoder('windows-1251').decode(bytes);
  return decodeOrRefuse(fileName, bytes);
}

function decodeOrRefuse(fileName: string, bytes: Uint8Array): string {
  if (isUtf8(bytes)) return new TextDecoder('utf-8').decode(bytes);
  const at = firstInvalidUtf8(bytes);
  const line = countNewlines(bytes, at) + 1;
  const byte = bytes[at]!;
  throw refuse(
    'file',
    'not_utf8',
    `${fileName} is not UTF-8 text: line ${line} has the byte 0x${byte.toString(16).toUpperCase().padStart(2, '0')}, ` +
      'which no UTF-8 (or Windows-1251 Russian) text has; save it as UTF-8, or paste the text',
    { fileName, line, byte },
  );
}

function decoderFor(label: string): TextDecoder | null {
  try {
    return new TextDecoder(label);
  } catch {
    return null;
  }
}

/**
 * Windows-1251 writes Cyrillic letters as bytes C0–FF (Ё, ё as A8, B8), whole words of them in a row,
 * with its own dashes, quotes, № and non-breaking space among them; a file in another single-byte set
 * (Latin-1 accents one by one) or binary bytes do not look like that.
 */
function looksLikeWindows1251(bytes: Uint8Array): boolean {
  const letter = (b: number | undefined) => b !== undefined && (b >= 0xc0 || b === 0xa8 || b === 0xb8);
  const punctuation = new Set([0x85, 0x91, 0x92, 0x93, 0x94, 0x96, 0x97, 0xa0, 0xab, 0xbb, 0xb9, 0xb0, 0xa7, 0xb1]);
  let high = 0;
  let letters = 0;
  let inWords = 0;
  let other = 0;
  for (let i = 0; i < bytes.length; i += 1) {
    const b = bytes[i]!;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) return false;
    if (b < 0x80) continue;
    high += 1;
    if (letter(b)) {
      letters += 1;
      if (letter(bytes[i - 1]) || letter(bytes[i + 1])) inWords += 1;
    } else if (!punctuation.has(b)) {
      other += 1;
    }
  }
  return letters > 0 && other <= high * 0.02 && inWords >= letters * 0.8;
}

/** Where UTF-8 breaks first: a byte that starts no sequence, or a sequence cut short. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const length =
      b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (length === 0) return i;
    for (let k = 1; k < length; k += 1) if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    i += length;
  }
  return Math.max(0, bytes.length - 1);
}

function countNewlines(bytes: Uint8Array, end: number): number {
  let lines = 0;
  for (let i = 0; i < end; i += 1) if (bytes[i] === 0x0a) lines += 1;
  return lines;
}

/** The charset parameter of a content type ("text/html; charset=windows-1251"). */
function charsetOf(contentType: string | null | undefined): string | null {
  const match = /;\s*charset="?([\w-]{1,40})/i.exec(contentType ?? '');
  return match ? match[1]!.toLowerCase() : null;
}

/** The charset a page declares in its first kilobyte (`<meta charset=…>` or its http-equiv form). */
function metaCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  const match = /<meta[^>]{0,200}?charset\s*=\s*["']?([\w-]{1,40})/i.exec(head);
  return match ? match[1]!.toLowerCase() : null;
}

function looksLikeHtml(head: Uint8Array): boolean {
  const start = Buffer.from(head.subarray(0, 512)).toString('latin1').trimStart().toLowerCase();
  return start.startsWith('<!doctype html') || start.startsWith('<html') || /<(body|p|div|h1)[\s>]/.test(start);
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);
}

/** PDF readers accept junk before the header in the first kilobyte, and so does this. */
function includesAt(head: Uint8Array, marker: string): boolean {
  return Buffer.from(head).includes(marker, 0, 'latin1');
}
