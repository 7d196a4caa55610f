/** The few parts of janode (untyped JavaScript) that server/sfu uses. */
declare module 'janode' {
  import type { EventEmitter } from 'node:events';
  export interface JanodeHandle extends EventEmitter {
    readonly id: number;
    trickle(candidate: unknown): Promise<unknown>;
    trickleComplete(): Promise<unknown>;
    detach(): Promise<unknown>;
    hangup(): Promise<unknown>;
  }
  export interface JanodeSession extends EventEmitter {
    attach<H extends JanodeHandle>(plugin: { id: string; Handle: unknown }): Promise<H>;
    destroy(): Promise<unknown>;
  }
  export interface JanodeConnection extends EventEmitter {
    create(kaIntervalSeconds?: number): Promise<JanodeSession>;
    close(): Promise<unknown>;
  }
  const Janode: {
    connect(config: {
      address: { url: string } | { url: string }[];
      retry_time_secs?: number;
      max_retries?: number;
    }): Promise<JanodeConnection>;
    Logger: { setLevel(level: 'debug' | 'verb' | 'info' | 'warn' | 'error' | 'none'): string };
    EVENT: Record<string, string>;
  };
  export default Janode;
}

declare module 'janode/plugins/videoroom' {
  import type { JanodeHandle } from 'janode';
  export interface Jsep {
    type: 'offer' | 'answer';
    sdp: string;
  }
  export interface VideoRoomHandle extends JanodeHandle {
    create(params: Record<string, unknown>): Promise<{ room: number }>;
    destroy(params: { room: number; secret?: string }): Promise<unknown>;
    exists(params: { room: number }): Promise<{ exists: boolean }>;
    joinConfigurePublisher(params: Record<string, unknown>): Promise<{ feed: number; jsep?: Jsep }>;
    joinSubscriber(params: Record<string, unknown>): Promise<{ jsep?: Jsep; streams?: JanusStream[] }>;
    update(params: {
      subscribe?: unknown[];
      unsubscribe?: unknown[];
    }): Promise<{ jsep?: Jsep; streams?: JanusStream[] }>;
    configure(params: Record<string, unknown>): Promise<{ jsep?: Jsep; streams?: JanusStream[] }>;
    start(params: { jsep: Jsep }): Promise<unknown>;
    leave(): Promise<unknown>;
  }
  export interface JanusStream {
    type: 'audio' | 'video' | 'data';
    mid: string;
    feed_id?: number;
    feed_mid?: string;
    active?: boolean;
  }
  const VideoRoomPlugin: { id: string; Handle: unknown; EVENT: Record<string, string> };
  export default VideoRoomPlugin;
}
