import pino, { type Logger } from 'pino';

/** Structured JSON logs; run and step ids are added by child loggers where work happens. */
export function createLogger(level: string = 'info'): Logger {
  return pino({ level, base: { service: 'countersign' }, timestamp: pino.stdTimeFunctions.isoTime });
}
