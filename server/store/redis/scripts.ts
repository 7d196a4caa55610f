import { defineScript } from 'redis';

/**
 * A Lua script as a node-redis script definition: node-redis sends EVALSHA and loads the script with
 * EVAL only when Redis answers NOSCRIPT (after a restart or SCRIPT FLUSH), so the text travels once.
 * Each script runs atomically inside Redis; it is called with its keys and string arguments, and its
 * raw reply is decoded by the caller (server/store/redis/codec.ts).
 */
export function luaScript(lua: string) {
  return defineScript({
    SCRIPT: lua,
    parseCommand(parser, keys: readonly string[], args: readonly string[]) {
      parser.pushKeysLength([...keys]);
      parser.push(...args);
    },
    transformReply: (reply: unknown): unknown => reply,
  });
}
