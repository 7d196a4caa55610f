import { breakoutHandlers } from './breakouts/handlers.js';
import { boardHandlers } from './boards/handlers.js';
import { chatHandlers } from './chat/handlers.js';
import { mediaHandlers } from './media/handlers.js';
import { pollHandlers } from './polls/handlers.js';
import { sfuHandlers } from './sfu/handlers.js';
import type { Deps, HandlerTable } from './realtime/types.js';
import { workshopHandlers } from './workshops/handlers.js';

/** Every feature's command handlers; the type makes a command without a handler a compile error. */
export function createHandlers(deps: Deps): HandlerTable {
  return {
    ...workshopHandlers(deps),
    ...chatHandlers(deps),
    ...breakoutHandlers(deps),
    ...mediaHandlers(deps),
    ...sfuHandlers(deps),
    ...boardHandlers(deps),
    ...pollHandlers(deps),
  };
}
