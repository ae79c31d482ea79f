import type { Result } from '../../shared/result';
import type { Dispatch } from '../host';

/** The part of an IPC event the border looks at. */
export interface SenderEvent {
  senderFrame: { url: string } | null;
}

/**
 * The border of the bridge: every call from a window passes here. It refuses frames that are not
 * the app and sends the rest through the router, whose dispatchers parse the input with the
 * channel's schema and check the output (once, where the channel is answered).
 */
export function makeHandler(
  channel: string,
  isTrustedSender: (url: string | undefined) => boolean,
  route: Dispatch,
  log: (line: string) => void,
) {
  return async (event: SenderEvent, input: unknown): Promise<Result<unknown>> => {
    if (!isTrustedSender(event.senderFrame?.url)) {
      log(`stepwise: refused ${channel} from an untrusted frame`);
      return { ok: false, error: { code: 'VALIDATION', message: 'This request did not come from Stepwise and was refused.' } };
    }
    return route(channel, input);
  };
}
