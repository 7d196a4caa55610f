import { createHmac } from 'node:crypto';
import { z } from 'zod';
import type { IceServer } from '../../shared/media/schema.js';

/** Media settings from the environment (see the README, "Video and audio", Configuration). */
export interface MediaSettings {
  /** Given to every client as they are (STUN, and TURN with static credentials). */
  iceServers: IceServer[];
  /** TURN URLs whose credentials are made per participant from `turnSecret` (coturn's use-auth-secret). */
  turnSecretUrls: string[];
  turnSecret: string | null;
  turnTtlSeconds: number;
  uploadBudgetKbps: number;
}

const ICE_URL = /^(stun|stuns|turn|turns):[^\s]+$/;
const iceUrl = z.string().regex(ICE_URL, 'must start with stun:, stuns:, turn: or turns:');
const iceServerSchema = z
  .object({
    urls: z.union([iceUrl, z.array(iceUrl).min(1)]),
    username: z.string().min(1).optional(),
    credential: z.string().min(1).optional(),
  })
  .strict();

export const mediaEnvSchema = {
  /** A JSON array of RTCIceServer objects; an alternative to the STUN_/TURN_ variables below. */
  ICE_SERVERS_JSON: z.string().optional(),
  /** Comma-separated stun: URLs. */
  STUN_URLS: z.string().optional(),
  /** Comma-separated turn:/turns: URLs, with TURN_USERNAME + TURN_CREDENTIAL or TURN_SECRET. */
  TURN_URLS: z.string().optional(),
  TURN_USERNAME: z.string().optional(),
  TURN_CREDENTIAL: z.string().optional(),
  /** coturn `static-auth-secret`: short-lived credentials are made for each participant. */
  TURN_SECRET: z.string().min(16).optional(),
  TURN_TTL_SECONDS: z.coerce
    .number()
    .int()
    .min(60)
    .max(7 * 24 * 3600)
    .default(12 * 3600),
  /** One person's total upload target in kbit/s; outbound video per peer is capped to stay within it. */
  MEDIA_UPLOAD_BUDGET_KBPS: z.coerce.number().int().min(100).max(100_000).default(2500),
};

const mediaEnvObject = z.object(mediaEnvSchema);
type MediaEnv = z.output<typeof mediaEnvObject>;

const list = (s: string | undefined) =>
  (s ?? '')
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);

/** Turns the parsed variables into settings; returns problems as `NAME: message` lines instead. */
export function mediaSettings(e: MediaEnv): MediaSettings | string[] {
  const problems: string[] = [];
  const iceServers: IceServer[] = [];
  const stun = list(e.STUN_URLS);
  const turn = list(e.TURN_URLS);
  if (e.ICE_SERVERS_JSON) {
    if (stun.length || turn.length)
      problems.push('ICE_SERVERS_JSON: set either ICE_SERVERS_JSON or STUN_URLS/TURN_URLS, not both');
    let raw: unknown;
    try {
      raw = JSON.parse(e.ICE_SERVERS_JSON);
    } catch {
      problems.push('ICE_SERVERS_JSON: not valid JSON');
    }
    const parsed = z.array(iceServerSchema).max(10).safeParse(raw);
    if (raw !== undefined && !parsed.success)
      problems.push(
        `ICE_SERVERS_JSON: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`,
      );
    if (parsed.success) iceServers.push(...parsed.data.map(clean));
  }
  for (const url of stun)
    if (!/^stuns?:/.test(url) || !ICE_URL.test(url))
      problems.push(`STUN_URLS: "${url}" must start with stun: or stuns:`);
  for (const url of turn)
    if (!/^turns?:/.test(url) || !ICE_URL.test(url))
      problems.push(`TURN_URLS: "${url}" must start with turn: or turns:`);
  if (stun.length) iceServers.push({ urls: stun });
  const staticTurn = Boolean(e.TURN_USERNAME || e.TURN_CREDENTIAL);
  if (turn.length && e.TURN_SECRET && staticTurn)
    problems.push('TURN_SECRET: use TURN_SECRET or TURN_USERNAME/TURN_CREDENTIAL, not both');
  if (turn.length && !e.TURN_SECRET && !(e.TURN_USERNAME && e.TURN_CREDENTIAL)) {
    problems.push('TURN_URLS: needs TURN_USERNAME and TURN_CREDENTIAL, or TURN_SECRET');
  }
  if (!turn.length && (staticTurn || e.TURN_SECRET))
    problems.push('TURN_URLS: TURN credentials are set but no TURN_URLS');
  if (turn.length && !e.TURN_SECRET && e.TURN_USERNAME && e.TURN_CREDENTIAL) {
    iceServers.push({ urls: turn, username: e.TURN_USERNAME, credential: e.TURN_CREDENTIAL });
  }
  if (problems.length) return problems;
  return {
    iceServers,
    turnSecretUrls: e.TURN_SECRET ? turn : [],
    turnSecret: e.TURN_SECRET ?? null,
    turnTtlSeconds: e.TURN_TTL_SECONDS,
    uploadBudgetKbps: e.MEDIA_UPLOAD_BUDGET_KBPS,
  };
}

function clean(s: z.output<typeof iceServerSchema>): IceServer {
  return {
    urls: s.urls,
    ...(s.username ? { username: s.username } : {}),
    ...(s.credential ? { credential: s.credential } : {}),
  };
}

/**
 * The ICE servers one participant gets. With a TURN secret, credentials follow coturn's REST scheme:
 * username = "<expiry unix seconds>:<participant id>", credential = base64(HMAC-SHA1(secret, username)).
 */
export function iceServersFor(settings: MediaSettings, participantId: string, nowMs: number): IceServer[] {
  if (!settings.turnSecret || settings.turnSecretUrls.length === 0) return settings.iceServers;
  const username = `${Math.floor(nowMs / 1000) + settings.turnTtlSeconds}:${participantId}`;
  const credential = createHmac('sha1', settings.turnSecret).update(username).digest('base64');
  return [...settings.iceServers, { urls: settings.turnSecretUrls, username, credential }];
}
