// Extension pages (panel, options) call the background through here; replies are validated too,
// since a page must not trust shapes that only TypeScript vouches for.
import { protocol, type MessageName, type RequestOf, type ResponseOf } from './protocol';
import { MessageError, sendMessage } from './send';

export { MessageError };

export async function request<K extends MessageName>(type: K, data: RequestOf<K>): Promise<ResponseOf<K>> {
  const reply = await sendMessage(type, data);
  const parsed = protocol[type].response.safeParse(reply);
  if (!parsed.success) {
    throw new MessageError('bad-reply', `The extension answered "${type}" in an unexpected shape.`);
  }
  return parsed.data as ResponseOf<K>;
}
