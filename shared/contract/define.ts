import { z } from 'zod';
import type { Result } from '../result';

/** One channel of the bridge: what it takes and what it gives back, both checked at runtime. */
export interface ChannelDef<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
}

export const channel = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O): ChannelDef<I, O> => ({
  input,
  output,
});

/** Input of a channel that takes nothing. */
export const noInput = z.undefined();

export type DomainDef = Record<string, ChannelDef>;
export type ContractDef = Record<string, DomainDef>;

export type InputOf<C extends ChannelDef> = z.input<C['input']>;
export type ParsedInputOf<C extends ChannelDef> = z.output<C['input']>;
export type OutputOf<C extends ChannelDef> = z.output<C['output']>;

/** window.stepwise as the renderer sees it: named functions per domain, each returning a Result. */
export type ApiOf<C extends ContractDef> = {
  [D in keyof C]: {
    [V in keyof C[D]]: undefined extends InputOf<C[D][V]>
      ? (input?: InputOf<C[D][V]>) => Promise<Result<OutputOf<C[D][V]>>>
      : (input: InputOf<C[D][V]>) => Promise<Result<OutputOf<C[D][V]>>>;
  };
};

/**
 * The same client for hosts that want the value: each function resolves to the channel's output
 * or rejects with the failure (an error carrying its code and message).
 */
export type DoOf<C extends ContractDef> = {
  [D in keyof C]: {
    [V in keyof C[D]]: undefined extends InputOf<C[D][V]>
      ? (input?: InputOf<C[D][V]>) => Promise<OutputOf<C[D][V]>>
      : (input: InputOf<C[D][V]>) => Promise<OutputOf<C[D][V]>>;
  };
};

/** Every `domain.verb` name of a contract, as a type. */
export type ChannelName<C extends ContractDef> = {
  [D in keyof C & string]: `${D}.${keyof C[D] & string}`;
}[keyof C & string];

/** What the core implements: one handler per channel, given parsed input. */
export type HandlersOf<C extends ContractDef, Ctx> = {
  [D in keyof C]: {
    [V in keyof C[D]]: (
      input: ParsedInputOf<C[D][V]>,
      ctx: Ctx,
    ) => Promise<z.input<C[D][V]['output']>> | z.input<C[D][V]['output']>;
  };
};

/** Every channel name, `domain.verb`, in a stable order. */
export function channelNames(contract: ContractDef): string[] {
  const names: string[] = [];
  for (const domain of Object.keys(contract)) {
    for (const verb of Object.keys(contract[domain] ?? {})) names.push(`${domain}.${verb}`);
  }
  return names;
}

export function findChannel(contract: ContractDef, name: string): ChannelDef | undefined {
  const dot = name.indexOf('.');
  if (dot <= 0) return undefined;
  const domain = name.slice(0, dot);
  const verb = name.slice(dot + 1);
  if (!Object.hasOwn(contract, domain)) return undefined;
  const d = contract[domain]!;
  return Object.hasOwn(d, verb) ? d[verb] : undefined;
}
