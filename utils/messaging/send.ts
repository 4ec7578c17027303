import { browser } from 'wxt/browser';
import type { Envelope, MessageType, RequestOf, ResponseOf } from './protocol';

export async function sendMessage<T extends MessageType>(type: T, payload: RequestOf<T>): Promise<ResponseOf<T>> {
  const envelope: Envelope<T> = { type, payload };
  return (await browser.runtime.sendMessage(envelope)) as ResponseOf<T>;
}
