// `npm run dev`: Vite with hot reload on :5173, the server recompiled and restarted on change (:3000).
import { spawn } from 'node:child_process';

const children = [
  spawn(
    process.execPath,
    ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.server.json', '--watch', '--preserveWatchOutput'],
    { stdio: 'inherit' },
  ),
  spawn(process.execPath, ['--watch', 'dist/server/server/main.js'], {
    stdio: 'inherit',
    env: { ...process.env, CLIENT_DIR: 'dist/client' },
  }),
  spawn(process.execPath, ['node_modules/vite/bin/vite.js'], { stdio: 'inherit' }),
];
const stop = () => {
  for (const c of children) c.kill('SIGTERM');
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
