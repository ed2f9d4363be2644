export {
  readReadoutFile,
  maxReadoutFileBytes,
  type ReadoutFile,
  type ReadoutFormat,
  type ReadoutSource,
} from './file.ts';
export {
  normalizeReadoutText,
  checkReadoutText,
  readoutHash,
  maxReadoutCharacters,
  minReadoutLetters,
} from './text.ts';
export { findStatedDate, type StatedDate } from './dates.ts';
export type { ReadoutInputProblem } from './problems.ts';
