export { ERROR_CODES, isErrorCode, type ErrorCode, type ErrorKind } from './codes.ts';
export {
  CountersignError,
  deserializeError,
  serializeError,
  toCountersignError,
  type CountersignErrorOptions,
  type SerializedError,
  type ValidationIssue,
} from './countersign-error.ts';
