import pino, { type DestinationStream, type Logger } from 'pino';

// Fields that may carry a credential wherever they appear (up to three levels deep, e.g. an error's
// request headers): their values are replaced before a line is written. Request logs never include
// headers anyway, and outbound calls' headers are never logged; this is the net under those rules.
const SECRET_KEYS = ['authorization', '"proxy-authorization"', 'cookie', '"set-cookie"', '"x-api-key"', 'password', 'secret', 'token', 'credential', 'credentials', 'apiKey', 'signatureSecret'];
const prefixes = ['', '*.', '*.*.', '*.*.*.'];
const REDACT_PATHS = SECRET_KEYS.flatMap((key) => prefixes.map((prefix) => (key.startsWith('"') ? `${prefix.slice(0, -1)}[${key}]` : `${prefix}${key}`)));

/** Structured JSON logs with credential fields redacted; run and step ids are added by child loggers where work happens. */
export function createLogger(level: string = 'info', destination?: DestinationStream): Logger {
  const options = { level, base: { service: 'countersign' }, timestamp: pino.stdTimeFunctions.isoTime, redact: { paths: REDACT_PATHS, censor: '[redacted]' } };
  return destination === undefined ? pino(options) : pino(options, destination);
}
