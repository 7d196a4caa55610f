import { createApp } from './app.js';
import { ConfigError, loadConfig } from './config.js';
import { createLogger } from './logger.js';

async function main() {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\nSee the README's Configuration section.\n`);
      process.exit(2);
    }
    throw err;
  }
  const log = createLogger({ level: config.logLevel, format: config.logFormat });
  const app = await createApp({ config, log });
  const port = await app.listen();
  log.info('jumelage listening', {
    url: `http://localhost:${port}`,
    store: app.store.kind,
    publicUrl: config.publicUrl ?? undefined,
  });

  const stop = (signal: string) => {
    log.info('shutting down', { signal });
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    void app.close().then(() => process.exit(0));
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
  process.on('unhandledRejection', (err) => log.error('unhandled rejection', { err }));
}

void main();
