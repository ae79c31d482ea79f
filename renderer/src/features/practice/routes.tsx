import { ClientPractice } from './ClientPractice';

/** The Practice tab of the client page. */
export const practiceTab = { path: 'practice', label: 'Practice', element: <ClientPractice /> };
