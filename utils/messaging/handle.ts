import type { Browser } from 'wxt/browser';
import type { z } from 'zod';
import type { MessageType, ResponseOf } from './protocol';
import { REQUEST_SCHEMAS } from './schemas';

export type Handlers = {
  [T in MessageType]: (payload: z.infer<(typeof REQUEST_SCHEMAS)[T]>, sender: Browser.runtime.MessageSender) => Promise<ResponseOf<T>>;
};

export class InvalidMessageError extends Error {}

/**
 * Routes one runtime message to its handler after validating the envelope and payload.
 * Messages from other extensions, unknown types and bad payloads are refused with an error the caller sees.
 */
export async function dispatchMessage(handlers: Handlers, message: unknown, sender: Browser.runtime.MessageSender, ownId: string): Promise<unknown> {
  if (sender.id !== ownId) throw new InvalidMessageError('message from another extension');
  if (!message || typeof message !== 'object') throw new InvalidMessageError('message is not an object');
  const { type, payload } = message as { type?: unknown; payload?: unknown };
  if (typeof type !== 'string' || !Object.hasOwn(REQUEST_SCHEMAS, type)) throw new InvalidMessageError(`unknown message type ${String(type)}`);
  const key = type as MessageType;
  const parsed = REQUEST_SCHEMAS[key].safeParse(payload);
  if (!parsed.success) {
    throw new InvalidMessageError(`invalid ${key}: ${parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`);
  }
  const handler = handlers[key] as (payload: unknown, sender: Browser.runtime.MessageSender) => Promise<unknown>;
  return handler(parsed.data, sender);
}
