import type { ReportFormat } from '../../shared/report/schema.js';
import type { UiLocale } from '../../shared/languages.js';

/** Who asks: the participant's id and resume token (kept after the workshop ended, for this page). */
export interface ReportAccess {
  workshopId: string;
  participantId: string;
  resumeToken: string;
}

export type ReportAnswer =
  | { ok: true; body: string; filename: string }
  | { ok: false; code: string; retryAfterS?: number };

/** The report (HTML) or its data (CSV) in `locale`, with times on this device's clock. */
export async function fetchReport(access: ReportAccess, locale: UiLocale, format: ReportFormat): Promise<ReportAnswer> {
  let res: Response;
  try {
    res = await fetch(`/api/workshops/${encodeURIComponent(access.workshopId)}/report`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        participantId: access.participantId,
        resumeToken: access.resumeToken,
        locale,
        timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC',
        format,
      }),
    });
  } catch {
    return { ok: false, code: 'network' };
  }
  if (!res.ok) {
    const refusal = (await res.json().catch(() => null)) as { code?: string; retryAfterS?: number } | null;
    return { ok: false, code: refusal?.code ?? 'store_unavailable', retryAfterS: refusal?.retryAfterS };
  }
  const filename = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? `report.${format}`;
  return { ok: true, body: await res.text(), filename };
}
