import type { StepwiseApi } from '../../shared/contract';

declare global {
  interface Window {
    stepwise: StepwiseApi;
  }
}
export {};
