/**
 * POST /api/workshops/:id/report: the results report (HTML) or its data (CSV) in the asked language, for
 * anyone who took part (their participant id and resume token), during the workshop and after its end.
 * Refusals are JSON `{ code, message }` with the codes of the protocol, so the page says them in its language.
 */
import express, { type Request, type Response } from 'express';
import { CommandError, type ErrorCode } from '../../shared/command.js';
import { REPORT_REQUEST_BYTES, reportRequestSchema } from '../../shared/report/schema.js';
import { secretMatches } from '../ids.js';
import { spend } from '../realtime/attempts.js';
import { clientAddress } from '../realtime/client-address.js';
import type { Deps } from '../realtime/types.js';
import { collectReport } from './collect.js';
import { reportCsv } from './csv.js';
import { renderReport } from './Report.js';

/** Reports read much of the store: a few per minute per address is plenty for people, little for a flood. */
const PER_MINUTE = 20;

function refuse(res: Response, status: number, code: ErrorCode, message: string, retryAfterS?: number) {
  if (retryAfterS !== undefined) res.set('Retry-After', String(retryAfterS));
  res.status(status).json({ code, message, ...(retryAfterS !== undefined ? { retryAfterS } : {}) });
}

export function reportRoute(deps: Deps): express.Router {
  const { store, config, log } = deps;
  const limiter = store.limiter('report', PER_MINUTE, 60);
  const router = express.Router();
  router.post(
    '/api/workshops/:id/report',
    express.json({ limit: REPORT_REQUEST_BYTES }),
    async (req: Request<{ id: string }>, res: Response) => {
      const address = clientAddress(req.socket.remoteAddress, req.headers['x-forwarded-for'], config.trustProxy);
      try {
        await spend(limiter, address);
        const input = reportRequestSchema.safeParse(req.body);
        if (!input.success) return refuse(res, 400, 'invalid_payload', input.error.issues[0]?.message ?? 'Invalid');
        const { participantId, resumeToken, locale, timeZone, format } = input.data;
        const workshopId = req.params.id.slice(0, 64);
        const member = await store.getParticipant(workshopId, participantId);
        if (!member || !secretMatches(resumeToken, member.resumeTokenHash))
          return refuse(res, 403, 'forbidden', 'Only people who took part can read the report');
        if (member.removed) return refuse(res, 403, 'removed', 'You were removed from this workshop');
        const data = await collectReport(store, workshopId, deps.clock());
        if (!data) return refuse(res, 404, 'not_found', 'Workshop not found');
        const date = new Date(data.at).toISOString().slice(0, 10);
        const name = `report-${data.workshop.code}-${date}-${locale}.${format}`;
        const body = format === 'csv' ? reportCsv(data, locale, timeZone) : renderReport(data, locale, timeZone);
        log.info('report made', { workshop: workshopId, format, locale, bytes: body.length });
        res
          .type(format === 'csv' ? 'text/csv; charset=utf-8' : 'text/html; charset=utf-8')
          .set('Cache-Control', 'no-store')
          .set('Content-Disposition', `attachment; filename="${name}"`)
          .send(body);
      } catch (err) {
        if (err instanceof CommandError && err.retryAfterS !== undefined)
          return refuse(res, 429, err.code, err.message, err.retryAfterS);
        // Anything else is the store (or a bug): the page says to try again; nothing was changed.
        log.error('report failed', { workshop: req.params.id, err });
        refuse(res, 503, 'store_unavailable', 'The server cannot reach its storage right now. Try again in a moment.');
      }
    },
  );
  // A body that is not JSON, or too large, before the handler runs.
  router.use('/api/workshops/:id/report', (err: unknown, _req: Request, res: Response, next: (e?: unknown) => void) => {
    const status = (err as { status?: number }).status;
    if (status === 413) return refuse(res, 413, 'payload_too_large', 'Not a report request');
    if (status === 400) return refuse(res, 400, 'invalid_payload', 'Not a report request');
    next(err);
  });
  return router;
}
