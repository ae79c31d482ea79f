import { z } from 'zod';
import { idSchema, isoDateSchema } from '../domain';
import { channel } from './define';
import { pdfOutputSchema, printOptionsSchema } from './print';

/**
 * The progress report (issue 9): a PDF for one client and a date range, for the clinician (the
 * file, a referrer) or for the client (encouraging words, their charts; never PHQ-9 item 9 or
 * private notes). Rendering only, like print.*: saving and printing go through output.save and
 * output.print (kind 'progressReport'), which record an audit event without content.
 */
export const REPORT_AUDIENCES = ['clinician', 'client'] as const;
export type ReportAudienceKey = (typeof REPORT_AUDIENCES)[number];

export const progressReportInputSchema = z.object({
  clientId: idSchema,
  /** Inclusive; default: the client's start (or their first homework, whichever is earlier). */
  from: isoDateSchema('the first day').nullish(),
  /** Inclusive; default: today. */
  to: isoDateSchema('the last day').nullish(),
  audience: z.enum(REPORT_AUDIENCES).default('clinician'),
  /** paper, and the name in full or initials only (nameOnWorksheets); large print scales the words. */
  options: printOptionsSchema.default({ paper: 'a4', largePrint: false, nameOnWorksheets: 'full' }),
});
export type ProgressReportInput = z.input<typeof progressReportInputSchema>;

export const reportsContract = {
  progress: channel(progressReportInputSchema, pdfOutputSchema),
};
