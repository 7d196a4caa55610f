import { storeVoteOutcome } from '../../../shared/polls/rules.js';
import type { PollChange, PollRecord, PollStore, RecordVoteResult, StoredVote } from './types.js';

interface PollState {
  poll: PollRecord;
  votes: Map<string, StoredVote>;
  rev: number;
}

const copy = <T>(value: T): T => structuredClone(value);
const answer = (v: StoredVote) => ({ choices: v.c, text: v.t });

/** Polls in memory. Each method runs to completion without awaiting, so each is atomic. */
export class MemoryPollStore implements PollStore {
  private readonly byWorkshop = new Map<string, Map<string, PollState>>();

  async createPoll(poll: PollRecord) {
    const polls = this.byWorkshop.get(poll.workshopId) ?? new Map<string, PollState>();
    polls.set(poll.id, { poll: copy(poll), votes: new Map(), rev: 0 });
    this.byWorkshop.set(poll.workshopId, polls);
  }

  async getPoll(workshopId: string, pollId: string) {
    const s = this.state(workshopId, pollId);
    return s ? copy(s.poll) : null;
  }

  async listPolls(workshopId: string) {
    return [...(this.byWorkshop.get(workshopId)?.values() ?? [])].map((s) => copy(s.poll));
  }

  async updateDraft(poll: PollRecord): Promise<PollChange> {
    const s = this.state(poll.workshopId, poll.id);
    if (!s) return 'not_found';
    if (s.poll.status !== 'draft') return 'conflict';
    s.poll = { ...copy(poll), status: 'draft', createdAt: s.poll.createdAt };
    return copy(s.poll);
  }

  async deletePoll(workshopId: string, pollId: string) {
    const s = this.state(workshopId, pollId);
    if (!s) return 'not_found' as const;
    this.byWorkshop.get(workshopId)?.delete(pollId);
    return 'ok' as const;
  }

  async launchPoll(
    workshopId: string,
    pollId: string,
    launch: { openedAt: number; deadline: number | null; rooms: string[] },
  ) {
    return this.change(workshopId, pollId, (p) => {
      if (p.status !== 'draft') return false;
      Object.assign(p, {
        status: 'open',
        openedAt: launch.openedAt,
        deadline: launch.deadline,
        rooms: [...launch.rooms],
      });
      return true;
    });
  }

  async closePoll(workshopId: string, pollId: string, at: number) {
    return this.change(workshopId, pollId, (p) => {
      if (p.status === 'draft') return false;
      if (p.status === 'open') Object.assign(p, { status: 'closed', closedAt: at });
      return true;
    });
  }

  async revealPoll(workshopId: string, pollId: string, at: number) {
    return this.change(workshopId, pollId, (p) => {
      if (p.status === 'draft') return false;
      if (p.status === 'open') Object.assign(p, { status: 'closed', closedAt: at });
      p.revealed = true;
      return true;
    });
  }

  async recordVote(poll: PollRecord, participantId: string, vote: StoredVote): Promise<RecordVoteResult> {
    const s = this.state(poll.workshopId, poll.id);
    if (!s) return 'not_found';
    const old = s.votes.get(participantId);
    const outcome = storeVoteOutcome(s.poll, old && answer(old), answer(vote), vote.at);
    if (outcome === 'recorded' || outcome === 'replaced') {
      s.votes.set(participantId, copy(vote));
      s.rev += 1;
    }
    return outcome;
  }

  async pollVotes(workshopId: string, pollId: string) {
    const s = this.state(workshopId, pollId);
    return { rev: s?.rev ?? 0, votes: new Map([...(s?.votes ?? [])].map(([k, v]) => [k, copy(v)])) };
  }

  async votesBy(workshopId: string, pollIds: readonly string[], participantId: string) {
    const out = new Map<string, StoredVote>();
    for (const id of pollIds) {
      const v = this.state(workshopId, id)?.votes.get(participantId);
      if (v) out.set(id, copy(v));
    }
    return out;
  }

  /** [WS16] Forgets every poll of a workshop whose lifetime is over. */
  dropWorkshop(workshopId: string) {
    this.byWorkshop.delete(workshopId);
  }

  private state(workshopId: string, pollId: string) {
    return this.byWorkshop.get(workshopId)?.get(pollId);
  }

  private change(workshopId: string, pollId: string, apply: (p: PollRecord) => boolean): PollChange {
    const s = this.state(workshopId, pollId);
    if (!s) return 'not_found';
    return apply(s.poll) ? copy(s.poll) : 'conflict';
  }
}
