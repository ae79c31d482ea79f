import { coreContract, findChannel, shellContract } from '../../shared/contract';
import { UNKNOWN_REQUEST, type Dispatch } from './dispatch';

/**
 * The renderer's door: exactly the channels of the contract, each sent where it is answered — the
 * main process's own channels to `shell`, the core's to `core`. Internal channels and anything
 * else are refused. Used by the Electron main process and by the browser test harness.
 */
export function createRouter(routes: { core: Dispatch; shell: Dispatch }): Dispatch {
  return (channel, input) =>
    findChannel(shellContract, channel)
      ? routes.shell(channel, input)
      : findChannel(coreContract, channel)
        ? routes.core(channel, input)
        : Promise.resolve(UNKNOWN_REQUEST);
}
