import { AccordError, type ErrorCode, type ProblemParams } from '../../core/errors.ts';

/**
 * Why a readout's file or text is refused, as a problem code a face can say in its reader's language:
 * - `too_big` (maximum, size or length): a file over 10 MB, a text over 200,000 characters;
 * - `unsupported_file_type` (accepted, found): not .txt, .html, .docx or .pdf;
 * - `file_unreadable` (fileName, format, reason): a corrupt DOCX or PDF, a zip that is no Word document;
 * - `not_utf8` (fileName, line, byte): a text file in a character set that is neither UTF-8 nor Windows-1251;
 * - `pdf_without_text` (fileName, pages): a scan, with no text layer to read;
 * - `empty_text`, and `not_a_readout` (reason: too_short, mostly_not_letters, binary; letters, minimum, share).
 */
export type ReadoutInputProblem =
  | 'too_big'
  | 'unsupported_file_type'
  | 'file_unreadable'
  | 'not_utf8'
  | 'pdf_without_text'
  | 'empty_text'
  | 'not_a_readout';

/** One refusal: the English sentence for the log and the CLI, one problem at `path` for the faces. */
export function refuse(
  path: 'file' | 'text',
  code: ReadoutInputProblem,
  message: string,
  params: ProblemParams = {},
  options: { status?: ErrorCode; cause?: unknown } = {},
): AccordError {
  return new AccordError(options.status ?? 'VALIDATION_FAILED', message, {
    problems: [{ path, message, code, params }],
    ...(options.cause === undefined ? {} : { cause: options.cause }),
  });
}

export function formatMegabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
