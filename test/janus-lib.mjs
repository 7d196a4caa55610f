// Where the Debian package put Janus's plugins and transports: /usr/lib/<multiarch>/janus (amd64, arm64,
// ...), or JANUS_LIB_DIR when Janus was installed elsewhere. Shared by the test setup and bench:media-sfu.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';

/** @returns {string} the folder holding plugins/ and transports/, or throws saying where it looked */
export function janusLibDir() {
  const fromEnv = process.env.JANUS_LIB_DIR;
  const multiarch = existsSync('/usr/lib')
    ? readdirSync('/usr/lib', { withFileTypes: true })
        .filter((d) => d.isDirectory() && d.name.includes('-linux-'))
        .map((d) => path.join('/usr/lib', d.name, 'janus'))
    : [];
  const candidates = [
    ...(fromEnv ? [fromEnv] : []),
    ...multiarch,
    '/usr/lib/janus',
    '/usr/local/lib/janus',
    '/opt/janus/lib/janus',
  ];
  const found = candidates.find(
    (dir) => existsSync(path.join(dir, 'plugins')) && existsSync(path.join(dir, 'transports')),
  );
  if (!found) throw new Error(`Janus plugins not found (looked in ${candidates.join(', ')}); set JANUS_LIB_DIR`);
  return found;
}
