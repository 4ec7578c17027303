// Structured logs, one JSON object per line. What may be logged is decided here: request line, status, timing,
// request id, error class and code — never a body, a query string, a header value, a note or a contact.

export const LOG_LEVELS = ['silent', 'error', 'warn', 'info', 'debug'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export type LogFields = Record<string, string | number | boolean | null | undefined>;

export interface Logger {
  error(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  info(event: string, fields?: LogFields): void;
  debug(event: string, fields?: LogFields): void;
}

export function createLogger(level: LogLevel, write: (line: string) => void = (line) => process.stdout.write(`${line}\n`)): Logger {
  const threshold = LOG_LEVELS.indexOf(level);
  const at = (name: Exclude<LogLevel, 'silent'>) => (event: string, fields: LogFields = {}) => {
    if (threshold < LOG_LEVELS.indexOf(name)) return;
    write(JSON.stringify({ time: new Date().toISOString(), level: name, event, ...fields }));
  };
  return { error: at('error'), warn: at('warn'), info: at('info'), debug: at('debug') };
}

export const silentLogger = createLogger('silent');

/**
 * What of an unexpected error may be logged: its class, database error code and where it was thrown. Not its
 * message: database messages quote the offending input ("invalid input syntax …: <value>"), which is reporters' data.
 */
export function describeError(error: unknown): LogFields {
  const value = error as { name?: unknown; code?: unknown; stack?: unknown } | undefined;
  const frame = typeof value?.stack === 'string' ? /\n\s+at (?:.*\()?(.*?:\d+:\d+)\)?/.exec(value.stack)?.[1] : undefined;
  return {
    errorClass: typeof value?.name === 'string' ? value.name : typeof error,
    errorCode: typeof value?.code === 'string' ? value.code : undefined,
    where: frame?.replace(/^.*\/(server|contract|utils|node_modules)\//, '$1/'),
  };
}
