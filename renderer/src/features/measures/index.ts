/** What other features use of the measures feature. */
export { MeasuresStage } from './MeasuresStage';
export { Item9Notice, Item9Notices } from './Item9Notice';
export { CaseloadLines } from './Caseload';
export { ClientModeScreen } from './ClientMode';
export { ClientModeButton, ClientModeLauncher, ClientModeOutcomeNotice } from './ClientModeStart';
export { ClientModeContext, clientModeMarker, type ClientModeOutcome, type ClientModeRequest } from './clientMode';
export { MeasurePaper } from './MeasurePaper';
export { RciSettings } from './RciSettings';
