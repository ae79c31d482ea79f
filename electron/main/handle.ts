import type { ChannelDef } from '../../shared/contract';
import type { Result } from '../../shared/result';
import { validationError } from '../core/errors';

/** The part of an IPC event the border looks at. */
export interface SenderEvent {
  senderFrame: { url: string } | null;
}

/**
 * The border of the bridge: every call from a window passes here. It refuses frames that are not
 * the app, parses the input with the channel's schema, calls through, and checks the output.
 */
export function makeHandler(
  channel: string,
  def: ChannelDef,
  isTrustedSender: (url: string | undefined) => boolean,
  call: (channel: string, input: unknown) => Promise<Result<unknown>>,
  log: (line: string) => void,
) {
  return async (event: SenderEvent, input: unknown): Promise<Result<unknown>> => {
    if (!isTrustedSender(event.senderFrame?.url)) {
      log(`stepwise: refused ${channel} from an untrusted frame`);
      return { ok: false, error: { code: 'VALIDATION', message: 'This request did not come from Stepwise and was refused.' } };
    }
    const parsed = def.input.safeParse(input);
    if (!parsed.success) return { ok: false, error: validationError(parsed.error).toData() };
    const result = await call(channel, input);
    if (result.ok && !def.output.safeParse(result.value).success) {
      log(`stepwise: output of ${channel} does not match the contract`);
      return {
        ok: false,
        error: { code: 'INTERNAL', message: 'Something went wrong inside Stepwise. Nothing was changed. Please try again.' },
      };
    }
    return result;
  };
}
