/** [WS18] Names cannot lie: bidi tricks and invisible characters are removed, copies of a moderator's name refused. */
import { afterEach, expect, test } from 'vitest';
import { PROTOCOL_VERSION } from '../../shared/protocol.js';
import { closeAllClients, connectClient, request, startServer, type TestServer } from '../../test/server-harness.js';
import { joinAs, workshopWith } from '../../test/workshop-helpers.js';

let server: TestServer;
afterEach(async () => {
  closeAllClients();
  await server.close();
  expect(server.errors).toEqual([]);
});

test('[WS18] names are cleaned, empty-looking names refused, and a moderator’s name cannot be copied', async () => {
  server = await startServer();
  const { code, moderator } = await workshopWith(server.url);
  expect(moderator.snapshot.self).toMatchObject({ name: 'Mia Moderatorin', role: 'moderator' });

  const tricky = await joinAs(server.url, code, { name: 'Anna\u202Egnp.exe', town: '\u2067Łódź\u200B' });
  expect(tricky.snapshot.self).toMatchObject({ name: 'Annagnp.exe', town: 'Łódź' });

  const socket = await connectClient(server.url);
  const join = (name: string) => request(socket, 'workshop:join', { v: PROTOCOL_VERSION, code, name, town: 'Lyon' });
  expect(await join('\u200B\u200B\u2060')).toMatchObject({ ok: false, code: 'invalid_payload' });
  expect(await join('\u202E \uFEFF')).toMatchObject({ ok: false, code: 'invalid_payload' });
  for (const copy of ['Mia Moderatorin', 'mia  moderatorin', 'Mіa Moderatorin', 'Mia Modératorin'])
    expect(await join(copy), copy).toMatchObject({ ok: false, code: 'name_taken' });
  // A long name is kept whole (the page wraps it); a name merely sharing a first name is fine.
  expect((await joinAs(server.url, code, { name: 'W'.repeat(60) })).snapshot.self.name).toHaveLength(60);
  expect(await join('Mia')).toMatchObject({ ok: true });
});
