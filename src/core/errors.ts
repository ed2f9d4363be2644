/**
 * One error type for every capability. Faces (HTTP, CLI) map `code` to a status or an exit code;
 * services never know which face called them.
 */
export const errorCodes = {
  NOT_FOUND: { status: 404, title: 'Not found' },
  VALIDATION_FAILED: { status: 422, title: 'Validation failed' },
  CONFLICT: { status: 409, title: 'Conflict' },
  STALE_VERSION: { status: 409, title: 'The record was changed by someone else' },
  INVALID_TRANSITION: { status: 409, title: 'Transition not allowed' },
  ALREADY_LOADED: { status: 409, title: 'Already loaded' },
  NOT_EMPTY: { status: 409, title: 'Database is not empty' },
  REFERENCED: { status: 409, title: 'Record is still referenced' },
  PAYLOAD_TOO_LARGE: { status: 413, title: 'Request too large' },
  URI_TOO_LONG: { status: 414, title: 'Address too long' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, title: 'Content type not accepted' },
  HEADERS_TOO_LARGE: { status: 431, title: 'Request headers too large' },
  REQUEST_TIMEOUT: { status: 408, title: 'Request timeout' },
  RANGE_NOT_SATISFIABLE: { status: 416, title: 'Range not satisfiable' },
  BAD_REQUEST: { status: 400, title: 'Bad request' },
  MIGRATION_REQUIRED: { status: 503, title: 'Database needs migrating' },
  DATABASE_BUSY: { status: 503, title: 'Database busy' },
  INSUFFICIENT_STORAGE: { status: 507, title: 'No room left on the server' },
  FORBIDDEN: { status: 403, title: 'Forbidden' },
  IMPORT_ROW_INVALID: { status: 422, title: 'Import rows invalid' },
  INTERNAL: { status: 500, title: 'Internal error' },
} as const;

export type ErrorCode = keyof typeof errorCodes;

/**
 * Why a field is refused, for a face to say in its reader's language; `message` stays the English
 * sentence. The zod ones: required, too_big and too_small (params origin, maximum or minimum),
 * invalid_type (expected), invalid_value (values), invalid_format (format), unrecognized_keys (keys).
 * Accord's own: date_format, not_a_date, currency_code, territory_code, url, language_code, name_needed,
 * due_before_meeting (dueOn, heldOn), ends_before_start, date_before_previous, not_found (id), not_unique,
 * kind_fixed (a briefing's kind), other_relationship (a meeting of another partner). Readouts
 * (src/readouts/input/problems.ts and the service): date_needed, empty_text, not_a_readout (reason),
 * pdf_without_text, file_unreadable, unsupported_file_type, not_utf8, relationship_needed,
 * meeting_date_needed, nothing_accepted, not_matched, match_changed (recordType, recordId), and for the
 * lexicon unknown_hs_code, unknown_sector, wrong_script, no_letters.
 */
export type ProblemParams = Record<string, string | number | boolean | Array<string | number>>;

/** One problem with one field (a JSON pointer-ish dotted path) or one row of an input. */
export interface Problem {
  path: string;
  message: string;
  code?: string;
  params?: ProblemParams;
  /** Line and column for rows of a file. */
  line?: number;
  column?: string;
}

export class AccordError extends Error {
  readonly code: ErrorCode;
  readonly problems: Problem[];
  readonly details: Record<string, unknown>;

  constructor(
    code: ErrorCode,
    message: string,
    options: { problems?: Problem[]; details?: Record<string, unknown>; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = 'AccordError';
    this.code = code;
    this.problems = options.problems ?? [];
    this.details = options.details ?? {};
  }

  get status(): number {
    return errorCodes[this.code].status;
  }
}

export function notFound(what: string, id: string): AccordError {
  return new AccordError('NOT_FOUND', `${what} ${id} does not exist`, { details: { what, id } });
}

export function invalid(path: string, message: string, code?: string, params?: ProblemParams): AccordError {
  return new AccordError('VALIDATION_FAILED', `${path}: ${message}`, {
    problems: [{ path, message, ...(code ? { code } : {}), ...(params ? { params } : {}) }],
  });
}

/** Collects problems so a caller can report every faulty field at once, not just the first. */
export class ProblemList {
  readonly items: Problem[] = [];

  add(path: string, message: string, code?: string, params?: ProblemParams): void {
    this.items.push({ path, message, ...(code ? { code } : {}), ...(params ? { params } : {}) });
  }

  throwIfAny(summary = 'The input is not valid'): void {
    if (this.items.length === 0) return;
    const first = this.items[0]!;
    const more = this.items.length > 1 ? ` (and ${this.items.length - 1} more)` : '';
    throw new AccordError('VALIDATION_FAILED', `${summary}: ${first.path}: ${first.message}${more}`, {
      problems: this.items,
    });
  }
}

/**
 * What a message may quote of a value someone sent: the value itself when short, else its start and its
 * length, so a 200 MB cell never travels whole into a report.
 */
export function excerpt(text: string, max = 80): string {
  return text.length <= max ? text : `${text.slice(0, max)}… (${text.length.toLocaleString('en')} characters)`;
}
