import { expect } from 'vitest';
import { AccordError } from '../../src/core/errors.ts';

/** The error a promise is refused with, which must be Accord's own: a clear answer, never a crash. */
export async function failure(promise: Promise<unknown>): Promise<AccordError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AccordError);
  return error as AccordError;
}
