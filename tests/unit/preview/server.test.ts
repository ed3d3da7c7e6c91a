import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPreview, type Preview } from '../../../main/preview/server.ts';
import { BYTES_CONTENT_TYPE, decodeWithBytes, encodeWithBytes } from '../../../main/preview/wire.ts';
import { createService, type DeckhandService } from '../../../main/service.ts';
import { openCollectionStore } from '../../../main/store/collection-store.ts';
import { writeHostileMediaFolder } from '../store/media-fixture.ts';
import { tempDir } from '../temp-dir.ts';

let preview: Preview;
let service: DeckhandService;

beforeAll(async () => {
  const root = tempDir('deckhand-preview-');
  mkdirSync(path.join(root, 'renderer'));
  writeFileSync(path.join(root, 'renderer/index.html'), '<html><head><script src="./app.js"></script></head></html>');
  writeFileSync(path.join(root, 'renderer/app.js'), 'console.log(1)');
  writeFileSync(path.join(root, 'secret.txt'), 'secret');
  writeFileSync(path.join(root, 'bridge.js'), '/* bridge */');
  service = createService({ store: await openCollectionStore(path.join(root, 'data')), clock: Date.now });
  preview = await startPreview({ service, rendererDir: path.join(root, 'renderer'), bridgeFile: path.join(root, 'bridge.js') });
});
afterAll(async () => {
  await preview.close();
  service.close();
});

/** A raw request, so Host and Origin can be set as an attacker would. */
function send(pathname: string, { method = 'GET', headers = {}, body }: { method?: string; headers?: Record<string, string>; body?: string | Uint8Array } = {}) {
  const url = new URL(preview.url);
  return new Promise<{ status: number; body: string; csp?: string; type?: string; nosniff?: string }>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: url.port, path: pathname, method, headers: { host: url.host, ...headers } }, (res) => {
      let text = '';
      res.setEncoding('latin1');
      res.on('data', (d) => (text += d));
      res.on('end', () =>
        resolve({ status: res.statusCode!, body: text, csp: res.headers['content-security-policy'] as string | undefined, type: res.headers['content-type'], nosniff: res.headers['x-content-type-options'] as string | undefined }),
      );
    });
    req.on('error', reject);
    req.end(body);
  });
}

const tokenPath = () => new URL(preview.url).pathname;

describe('the preview server', () => {
  it('answers a call larger than 1 MB with 413, except an import or an added article, which carry their file', async () => {
    const big = JSON.stringify({ query: 'x'.repeat(2_000_000) });
    const refused = await send(`${tokenPath()}api/searchCards`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: big });
    expect(refused).toMatchObject({ status: 413, body: 'Request too large.' });
    const csv = new TextEncoder().encode(`${'q'.repeat(1_500_000)},answer\n`);
    const imported = await send(`${tokenPath()}api/importFile`, { method: 'POST', headers: { 'content-type': BYTES_CONTENT_TYPE }, body: encodeWithBytes({ name: 'long.csv', data: csv })! });
    expect(imported.status).toBe(200);
    // Through to the service: this note's field is over the import limit, so it is left out by name.
    expect(JSON.parse(imported.body)).toMatchObject({ ok: true, value: { file: 'long.csv', notesAdded: 0, skipped: [{ reason: expect.stringMatching(/^a field is 1,500,000 characters long/) }] } });
    // A long article, pasted, is read like any other.
    const text = Array.from({ length: 20_000 }, (_, i) => `Sentence ${i} of a long article about rivers.${i % 20 === 19 ? '\n\n' : ' '}`).join('');
    const added = await send(`${tokenPath()}api/addArticle`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text, title: 'Long' }) });
    expect(added.status).toBe(200);
    const article = JSON.parse(added.body) as { ok: true; value: { deckId: string; title: string } };
    expect(article).toMatchObject({ ok: true, value: { title: 'Long' } });
    // The other tests here expect an empty collection.
    await send(`${tokenPath()}api/deleteDeck`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ deckId: article.value.deckId }) });
  });

  it('carries files as bytes both ways: an import in, an export out; base64 text or a forged part is refused', async () => {
    const post = (method: string, body: string | Uint8Array, type = 'application/json') => send(`${tokenPath()}api/${method}`, { method: 'POST', headers: { 'content-type': type }, body });
    const csv = new TextEncoder().encode('#separator:tab\nperro\tdog\n');
    const asText = await post('importFile', JSON.stringify({ name: 'w.csv', data: Buffer.from(csv).toString('base64') }));
    expect(JSON.parse(asText.body)).toEqual({ ok: false, error: { code: 'bad-request', message: 'importFile: "data" must be the file\'s bytes (a Uint8Array)' } });
    const forged = await post('importFile', JSON.stringify({ name: 'w.csv', data: { $bytes: 3 } }));
    expect(JSON.parse(forged.body)).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    const cut = await post('importFile', encodeWithBytes({ name: 'w.csv', data: csv })!.subarray(0, 30), BYTES_CONTENT_TYPE);
    expect(JSON.parse(cut.body)).toMatchObject({ ok: false, error: { code: 'bad-request', message: expect.stringMatching(/^The request body is shorter/) } });

    const imported = await post('importFile', encodeWithBytes({ name: 'w.csv', data: csv })!, BYTES_CONTENT_TYPE);
    const report = JSON.parse(imported.body) as { ok: true; value: { decksAdded: string[] } };
    expect(report).toMatchObject({ ok: true, value: { file: 'w.csv', cardsAdded: 1 } });
    const exported = await post('exportFile', JSON.stringify({ format: 'csv' }));
    expect(exported.type).toBe(BYTES_CONTENT_TYPE);
    const answer = decodeWithBytes(Buffer.from(exported.body, 'latin1')) as { ok: true; value: { data: Uint8Array } };
    expect(new TextDecoder().decode(answer.value.data)).toContain('perro');
    // The other tests here expect an empty collection.
    const decks = JSON.parse((await post('listDecks', '{}')).body) as { value: { id: string }[] };
    for (const deck of decks.value) await post('deleteDeck', JSON.stringify({ deckId: deck.id }));
  });

  it('answers a file larger than the importers accept with 413, without keeping it in memory', async () => {
    const url = new URL(preview.url);
    const status = await new Promise<number>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: url.port, path: `${tokenPath()}api/importFile`, method: 'POST', headers: { host: url.host, 'content-type': BYTES_CONTENT_TYPE, 'content-length': String(300 * 1048576) } }, (res) => {
        resolve(res.statusCode!);
        res.resume();
        req.destroy();
      });
      req.on('error', (e) => (/socket hang up|EPIPE|ECONNRESET/.test(e.message) ? undefined : reject(e)));
      // Stream zeros until the server answers.
      const chunk = Buffer.alloc(1048576);
      let sent = 0;
      const pump = () => {
        while (sent < 300 && !req.destroyed) {
          sent++;
          if (!req.write(chunk)) return void req.once('drain', pump);
        }
        if (!req.destroyed) req.end();
      };
      pump();
    });
    expect(status).toBe(413);
  });

  it('listens on 127.0.0.1 only and prints a URL carrying the token', () => {
    expect(preview.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/[\w-]{32}\/$/);
  });

  it('serves the page with the bridge before the app script, under a strict CSP', async () => {
    const res = await send(tokenPath());
    expect(res.status).toBe(200);
    expect(res.body.indexOf('web-bridge.js')).toBeLessThan(res.body.indexOf('app.js'));
    expect(res.csp).toContain("script-src 'self'");
    expect(res.csp).not.toContain('unsafe-inline');
  });

  it('answers API calls with the dispatcher envelope', async () => {
    const res = await send(`${tokenPath()}api/listDecks`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(JSON.parse(res.body)).toEqual({ ok: true, value: [] });
  });

  it('refuses a request without the token, or with a wrong one', async () => {
    expect((await send('/')).status).toBe(403);
    expect((await send('/api/listDecks', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).status).toBe(403);
    expect((await send(`/${'x'.repeat(32)}/`)).status).toBe(403);
  });

  it('refuses a foreign Host (DNS rebinding) or a foreign Origin (another site)', async () => {
    expect((await send(tokenPath(), { headers: { host: 'evil.example:80' } })).status).toBe(403);
    const call = await send(`${tokenPath()}api/listDecks`, { method: 'POST', headers: { origin: 'https://evil.example', 'content-type': 'application/json' }, body: '{}' });
    expect(call.status).toBe(403);
  });

  it('serves nothing outside the renderer folder', async () => {
    expect((await send(`${tokenPath()}../secret.txt`)).status).not.toBe(200);
    expect((await send(`${tokenPath()}%2e%2e/secret.txt`)).body).not.toContain('secret');
  });

  it('answers malformed JSON with a clear error envelope', async () => {
    const res = await send(`${tokenPath()}api/listDecks`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{oops' });
    expect(JSON.parse(res.body)).toEqual({ ok: false, error: { code: 'bad-request', message: 'The request body is not valid JSON.' } });
  });
});

describe('the preview server’s media route', () => {
  it('serves only real images and audio from the media folder, typed by their bytes, never sniffed by the browser', async () => {
    const { served, refused } = writeHostileMediaFolder(service.getAppInfo().dataDir);
    for (const [encoded, expected] of Object.entries(served)) {
      const res = await send(`${tokenPath()}media/${encoded}`);
      expect(res.status, encoded).toBe(200);
      expect(res.type, encoded).toBe(expected.mime);
      expect(res.nosniff, encoded).toBe('nosniff');
      expect(Buffer.from(res.body, 'latin1').equals(Buffer.from(expected.bytes)), encoded).toBe(true);
    }
    for (const encoded of refused) {
      const res = await send(`${tokenPath()}media/${encoded}`);
      expect(res.status, encoded).toBe(404);
      expect(res.body, encoded).toBe('Not found.');
    }
  });

  it('needs the token for media as for everything else', async () => {
    expect((await send('/media/good.png')).status).toBe(403);
  });
});
