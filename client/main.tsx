import { render } from 'preact';
import { App } from './app.js';
import { createConnection } from './net/connection.js';
import './styles.css';

const conn = createConnection();
render(<App conn={conn} />, document.getElementById('app')!);
