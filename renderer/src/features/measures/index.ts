/** What other features use of the measures feature. */
export { MeasuresStage } from './MeasuresStage';
export { Item9Notices } from './Item9Notice';
export { CaseloadAttention, CaseloadLines } from './Caseload';
export { RciSettings } from './RciSettings';
