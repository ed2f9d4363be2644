import { STATUS_CODES } from 'node:http';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AccordError, errorCodes, type ErrorCode, type Problem } from '../core/errors.ts';
import { problemOfIssue } from '../core/model.ts';

export interface ProblemDocument {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: ErrorCode;
  problems: Problem[];
  [extra: string]: unknown;
}

function problemType(code: ErrorCode): string {
  return `/api/problems#${code.toLowerCase().replace(/_/g, '-')}`;
}

export function toProblem(error: AccordError): ProblemDocument {
  return {
    type: problemType(error.code),
    title: errorCodes[error.code].title,
    status: error.status,
    detail: error.message,
    code: error.code,
    problems: error.problems,
    ...error.details,
  };
}

/** Framework answers (the static files' among them) that keep their own status; any other 4xx is a 400. */
const codeOfFrameworkStatus: Record<number, ErrorCode> = {
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  416: 'RANGE_NOT_SATISFIABLE',
};

/** Turns whatever a route threw into an AccordError, so every answer has the same problem+json shape. */
export function asAccordError(error: unknown): AccordError {
  if (error instanceof AccordError) return error;
  if (hasZodFastifySchemaValidationErrors(error)) {
    const where = error.validationContext ?? 'body';
    const problems = error.validation.map((v) => {
      const field = v.instancePath.replace(/^\//, '').replace(/\//g, '.');
      const path = where === 'body' ? field || '(body)' : [where, field].filter(Boolean).join('.');
      return problemOfIssue({ ...v.params, code: v.keyword, message: v.message ?? 'invalid' }, path);
    });
    const first = problems[0];
    return new AccordError('VALIDATION_FAILED', first ? `${first.path}: ${first.message}` : 'invalid request', {
      problems,
    });
  }
  const fastifyError = error as Partial<FastifyError>;
  switch (fastifyError.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AccordError('PAYLOAD_TOO_LARGE', 'the request body is larger than this server accepts');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new AccordError('UNSUPPORTED_MEDIA_TYPE', 'this content type is not accepted here', {
        problems: [{ path: 'headers.content-type', message: 'not a content type this operation accepts' }],
      });
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return new AccordError('URI_TOO_LONG', 'a part of the address is longer than any id or code Accord has');
    case 'FST_ERR_BAD_URL':
      return new AccordError('BAD_REQUEST', 'the address is not valid: a %-escape in it does not stand for text');
  }
  if (fastifyError.statusCode === 413) {
    return new AccordError('PAYLOAD_TOO_LARGE', fastifyError.message ?? 'the request is too large');
  }
  if (typeof fastifyError.statusCode === 'number' && fastifyError.statusCode >= 400 && fastifyError.statusCode < 500) {
    const code = codeOfFrameworkStatus[fastifyError.statusCode] ?? 'BAD_REQUEST';
    return new AccordError(code, fastifyError.message ?? 'bad request');
  }
  return new AccordError('INTERNAL', 'internal error', { cause: error });
}

export function sendProblem(request: FastifyRequest, reply: FastifyReply, error: unknown): FastifyReply {
  let accordError = asAccordError(error);
  if (accordError.code === 'UNSUPPORTED_MEDIA_TYPE') accordError = withAcceptedTypes(accordError, request);
  if (accordError.code === 'INTERNAL') request.log.error({ err: error }, 'request failed');
  const retryAfter = accordError.details.retryAfterSeconds;
  if (typeof retryAfter === 'number') reply.header('retry-after', String(retryAfter));
  return reply.code(accordError.status).type('application/problem+json').send(toProblem(accordError));
}

/** Routes that take something other than JSON list what they accept in their config. */
interface AcceptsConfig {
  accepts?: string[];
}

function withAcceptedTypes(error: AccordError, request: FastifyRequest): AccordError {
  const accepts = (request.routeOptions?.config as AcceptsConfig | undefined)?.accepts ?? ['application/json'];
  const sent = (request.headers['content-type'] ?? '').slice(0, 100);
  return new AccordError(
    'UNSUPPORTED_MEDIA_TYPE',
    `${sent ? `the content type ${sent}` : 'a body without a content type'} is not accepted here; send ${accepts.join(', ')}`,
    { problems: error.problems, details: { accepts } },
  );
}

/**
 * What Node's HTTP parser refuses before any route runs (headers too large, a request line it cannot read,
 * a client too slow) is answered on the socket itself; it still gets a problem+json body.
 */
export function clientErrorAnswer(error: NodeJS.ErrnoException): string {
  const problem = toProblem(
    error.code === 'HPE_HEADER_OVERFLOW'
      ? new AccordError(
          'HEADERS_TOO_LARGE',
          'the request headers (with the address) are larger than this server accepts',
        )
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? new AccordError('REQUEST_TIMEOUT', 'the request took too long to arrive')
        : new AccordError('BAD_REQUEST', 'the request is not valid HTTP'),
  );
  const body = JSON.stringify(problem);
  return (
    `HTTP/1.1 ${problem.status} ${STATUS_CODES[problem.status]}\r\nContent-Type: application/problem+json; charset=utf-8\r\n` +
    `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`
  );
}
