/**
 * The results report: asked for over HTTP (POST /api/workshops/:id/report) with the participant's
 * resume token, so that it can still be fetched after the workshop has ended, in any interface language.
 */
import { z } from 'zod';
import { UI_LOCALES } from '../languages.js';

export const REPORT_FORMATS = ['html', 'csv'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** A time zone the server's Intl knows (the reader's own, so that times read as on their clock). */
export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

export const reportRequestSchema = z.object({
  participantId: z.string().min(1).max(64),
  resumeToken: z.string().min(1).max(200),
  locale: z.enum(UI_LOCALES),
  timeZone: z.string().max(64).refine(isTimeZone, 'Not a time zone').default('UTC'),
  format: z.enum(REPORT_FORMATS).default('html'),
});
export type ReportRequest = z.input<typeof reportRequestSchema>;

/** The most a request body may be. */
export const REPORT_REQUEST_BYTES = 2048;
