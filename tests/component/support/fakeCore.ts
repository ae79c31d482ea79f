import type { z } from 'zod';
import {
  contract,
  type ChannelDef,
  type Contract,
  type HandlersOf,
  type ParsedInputOf,
  type StepwiseApi,
} from '../../../shared/contract';
import { AppError, type AppErrorData, type Result } from '../../../shared/result';

/** What a handler of the double is given besides its input. */
export interface FakeContext {
  /** The calls made so far, oldest first (this one last). */
  calls: readonly FakeCall[];
}

/**
 * The handlers a test supplies: any channels of the contract, typed by it (parsed input in, the
 * channel's output out). A channel the test leaves out answers with a failure and is recorded as
 * a problem, so a test cannot pass by accident on a call it did not expect.
 */
export type FakeHandlers = { [D in keyof Contract]?: Partial<HandlersOf<Contract, FakeContext>[D]> };

export interface FakeCall {
  channel: string;
  /** The input as the channel's schema parsed it. */
  input: unknown;
}

/** The parsed inputs of the calls to each channel, typed by the contract: inputs.clients.create[0]. */
export type FakeInputs = {
  [D in keyof Contract]: {
    [V in keyof Contract[D]]: Contract[D][V] extends ChannelDef ? ParsedInputOf<Contract[D][V]>[] : never;
  };
};

export interface FakeCore {
  /** window.stepwise for the component under test. */
  api: StepwiseApi;
  /** Every call, oldest first. */
  calls: FakeCall[];
  /** The parsed inputs of the calls, by channel. */
  inputs: FakeInputs;
  /** Calls without a handler, and outputs that do not match the contract. Empty in a good test. */
  problems: string[];
}

type AnyHandler = (input: unknown, ctx: FakeContext) => unknown;

/**
 * A typed in-memory double of the core (and of the main process's own channels) for renderer
 * component tests. Every call goes through the contract's zod schemas both ways, as it does in
 * the app: input is parsed (a bad input fails with VALIDATION and per-field messages, as the
 * core's would), and the handler's output must parse as the channel's output. So the double
 * cannot drift from the contract: change a schema and the tests that feed it wrong data fail.
 */
export function fakeCore(handlers: FakeHandlers): FakeCore {
  const calls: FakeCall[] = [];
  const problems: string[] = [];
  const api: Record<string, Record<string, (input?: unknown) => Promise<Result<unknown>>>> = {};
  const inputs: Record<string, Record<string, unknown[]>> = {};
  const table = handlers as Record<string, Record<string, AnyHandler | undefined> | undefined>;

  for (const [domain, verbs] of Object.entries(contract)) {
    const fns: Record<string, (input?: unknown) => Promise<Result<unknown>>> = {};
    const seen: Record<string, unknown[]> = {};
    for (const [verb, ch] of Object.entries(verbs as Record<string, { input: z.ZodType; output: z.ZodType }>)) {
      const channel = `${domain}.${verb}`;
      seen[verb] = [];
      fns[verb] = async (input?: unknown): Promise<Result<unknown>> => {
        const parsed = ch.input.safeParse(input);
        if (!parsed.success) return { ok: false, error: validationError(parsed.error) };
        calls.push({ channel, input: parsed.data });
        seen[verb]!.push(parsed.data);
        const handler = table[domain]?.[verb];
        if (!handler) {
          problems.push(`no handler for ${channel} in this test`);
          return { ok: false, error: { code: 'INTERNAL', message: `No handler for ${channel} in this test.` } };
        }
        try {
          const value = await handler(parsed.data, { calls: [...calls] });
          const out = ch.output.safeParse(value);
          if (!out.success) {
            problems.push(`the output of ${channel} does not match the contract: ${out.error.message}`);
            return { ok: false, error: { code: 'INTERNAL', message: 'The test double gave an output the contract refuses.' } };
          }
          return { ok: true, value: out.data };
        } catch (e) {
          if (e instanceof AppError) return { ok: false, error: e.toData() };
          throw e;
        }
      };
    }
    api[domain] = fns;
    inputs[domain] = seen;
  }

  return {
    api: api as unknown as StepwiseApi,
    calls,
    inputs: inputs as FakeInputs,
    problems,
  };
}

/** zod issues → the core's VALIDATION error: the first message, and one message per field path. */
function validationError(error: z.ZodError): AppErrorData {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) fields[issue.path.join('.') || '_'] ??= issue.message;
  return { code: 'VALIDATION', message: error.issues[0]?.message ?? 'Some of the details are not valid.', fields };
}
