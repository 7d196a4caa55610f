/** The wire schemas of the SFU signalling commands (types and rules in sfu.ts, which the client imports). */
import { z } from 'zod';
import { SDP_MAX } from './schema.js';
import { type SfuWant, TOP_LAYER } from './sfu.js';

const id = z.string().min(1).max(64);
const sdp = z.string().min(1).max(SDP_MAX);

export const sfuPublishSchema = z.object({ jsep: z.object({ type: z.literal('offer'), sdp }).strict() }).strict();
export const sfuStartSchema = z.object({ jsep: z.object({ type: z.literal('answer'), sdp }).strict() }).strict();

export const sfuWantSchema = z
  .object({
    participantId: id,
    kind: z.enum(['audio', 'video']),
    layer: z.number().int().min(0).max(TOP_LAYER).optional(),
  })
  .strict() satisfies z.ZodType<SfuWant>;

export const sfuSubscribeSchema = z.object({ streams: z.array(sfuWantSchema).max(400) }).strict();

export const sfuCandidateSchema = z
  .object({
    candidate: z.string().max(2000),
    sdpMLineIndex: z.number().int().min(0).max(400).nullable().optional(),
    sdpMid: z.string().max(64).nullable().optional(),
  })
  .strict();

export const sfuTrickleSchema = z
  .object({
    handle: z.enum(['publisher', 'subscriber']),
    /** null: this side has gathered all its candidates. */
    candidates: z.array(sfuCandidateSchema.nullable()).min(1).max(24),
  })
  .strict();

export const sfuEmptySchema = z.object({}).strict();
