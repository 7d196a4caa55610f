// The base styles first: each feature's CSS (imported by its components) comes after them and builds on them.
import './styles.css';
import { render } from 'preact';
import { App } from './app.js';
import { localeReady } from './i18n/i18n.js';
import { createConnection } from './net/connection.js';

const conn = createConnection();
// The first screen appears in the person's language: its messages are a chunk of their own (English is bundled).
void localeReady.then(() => render(<App conn={conn} />, document.getElementById('app')!));
