import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AccordError, errorCodes, type ErrorCode, type Problem } from '../core/errors.ts';

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

/** Turns whatever a route threw into an AccordError, so every answer has the same problem+json shape. */
export function asAccordError(error: unknown): AccordError {
  if (error instanceof AccordError) return error;
  if (hasZodFastifySchemaValidationErrors(error)) {
    const where = error.validationContext ?? 'body';
    const problems = error.validation.map((v) => {
      const field = v.instancePath.replace(/^\//, '').replace(/\//g, '.');
      return {
        path: where === 'body' ? field || '(body)' : [where, field].filter(Boolean).join('.'),
        message: v.message ?? 'invalid',
      };
    });
    const first = problems[0];
    return new AccordError('VALIDATION_FAILED', first ? `${first.path}: ${first.message}` : 'invalid request', {
      problems,
    });
  }
  const fastifyError = error as Partial<FastifyError>;
  if (fastifyError.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || fastifyError.statusCode === 413) {
    return new AccordError('PAYLOAD_TOO_LARGE', fastifyError.message ?? 'request body is too large');
  }
  if (typeof fastifyError.statusCode === 'number' && fastifyError.statusCode >= 400 && fastifyError.statusCode < 500) {
    const code: ErrorCode = fastifyError.statusCode === 404 ? 'NOT_FOUND' : 'BAD_REQUEST';
    return new AccordError(code, fastifyError.message ?? 'bad request');
  }
  return new AccordError('INTERNAL', 'internal error', { cause: error });
}

export function sendProblem(request: FastifyRequest, reply: FastifyReply, error: unknown): FastifyReply {
  const accordError = asAccordError(error);
  if (accordError.code === 'INTERNAL') request.log.error({ err: error }, 'request failed');
  return reply.code(accordError.status).type('application/problem+json').send(toProblem(accordError));
}
