import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/http/app.ts';
import { allowedHostsFor } from '../../src/http/guard.ts';
import { uploadLimitsFromEnvironment } from '../../src/http/routes/trade-data.ts';
import { createTestDatabase, type TestDatabase } from '../support/engines.ts';
import { rawRequest, rawSocket, type RawAnswer } from '../support/http.ts';

function expectProblem(answer: RawAnswer, status: number, code?: string): Record<string, unknown> {
  expect(answer.status).toBe(status);
  expect(answer.headers['content-type']).toContain('application/problem+json');
  const problem = JSON.parse(answer.body) as Record<string, unknown>;
  expect(problem).toMatchObject({ status, ...(code ? { code } : {}) });
  expect(typeof problem.detail).toBe('string');
  return problem;
}

/** Answers the raw HTTP text of a response: its status line and its body after the blank line. */
function parseRawAnswer(text: string): { status: number; contentType: string; body: string } {
  const [head = '', body = ''] = text.split('\r\n\r\n');
  const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1]);
  const contentType = /content-type: ([^\r\n]+)/i.exec(head)?.[1] ?? '';
  return { status, contentType, body };
}

describe('requests a stranger or a hostile page could send', () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let base = '';
  let webRoot = '';
  let port = 0;

  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
    webRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-web-'));
    fs.mkdirSync(path.join(webRoot, 'assets'));
    fs.writeFileSync(
      path.join(webRoot, 'index.html'),
      '<!doctype html><html><head><script type="module" src="/assets/app-1a2b3c.js"></script></head></html>',
    );
    fs.writeFileSync(path.join(webRoot, 'assets/app-1a2b3c.js'), 'export {};\n');
    app = await buildApp({
      db: database.db,
      database,
      webRoot,
      uploadLimits: { table: 64 * 1024, xlsx: 16 * 1024 },
    });
    await app.listen({ host: '127.0.0.1', port: 0 });
    port = (app.server.address() as { port: number }).port;
    base = `http://127.0.0.1:${port}`;
  });
  afterAll(async () => {
    await app.close();
    await database.drop();
    fs.rmSync(webRoot, { recursive: true, force: true });
  });

  const send = (options: Parameters<typeof rawRequest>[1]) => rawRequest(base, options);
  const alive = async () => expect((await send({ path: '/api/health' })).status).toBe(200);
  const datasetNames = async () =>
    (JSON.parse((await send({ path: '/api/trade/datasets' })).body) as Array<{ name: string }>).map((d) => d.name);

  describe('malformed requests', () => {
    it('answers an import without a body or with a JSON body with problem+json, every time, and keeps running', async () => {
      for (let i = 0; i < 25; i += 1) {
        const empty = await send({ method: 'POST', path: '/api/trade/imports?format=baci&dataset=x' });
        expect(expectProblem(empty, 422, 'VALIDATION_FAILED').detail).toContain('send it as the request body');
        const json = await send({
          method: 'POST',
          path: '/api/trade/imports?format=baci&dataset=x',
          headers: { 'content-type': 'application/json' },
          body: '{"rows": []}',
        });
        const problem = expectProblem(json, 415, 'UNSUPPORTED_MEDIA_TYPE');
        expect(problem.accepts).toContain('text/csv');
      }
      await alive();
    });

    it('answers an address part too long (414), an address that is not text (400) and an unknown content type (415) with problem+json', async () => {
      const api = await buildApp({ db: database.db, webRoot: false });
      await api.listen({ host: '127.0.0.1', port: 0 });
      const apiBase = `http://127.0.0.1:${(api.server.address() as { port: number }).port}`;
      try {
        expectProblem(
          await rawRequest(apiBase, { path: `/api/organizations/${'a'.repeat(300)}` }),
          414,
          'URI_TOO_LONG',
        );
        expectProblem(await rawRequest(apiBase, { path: '/api/organizations/%E0%A4%A' }), 400, 'BAD_REQUEST');
      } finally {
        await api.close();
      }
      const xml = await send({
        method: 'POST',
        path: '/api/organizations',
        headers: { 'content-type': 'application/xml' },
        body: '<organization/>',
      });
      expect(expectProblem(xml, 415, 'UNSUPPORTED_MEDIA_TYPE').detail).toContain('send application/json');
    });

    it('refuses a NUL character in the address, the query or the body, naming every field that holds one', async () => {
      const query = expectProblem(await send({ path: '/api/organizations?q=%00' }), 422, 'VALIDATION_FAILED');
      expect(query.problems).toEqual([{ path: 'querystring.q', message: 'the text holds a NUL character (U+0000)' }]);
      expectProblem(await send({ path: '/api/organizations/%00' }), 422, 'VALIDATION_FAILED');
      const body = await send({
        method: 'POST',
        path: '/api/organizations',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          nameEn: 'a\u0000b',
          nameRu: 'x',
          kind: 'enterprise',
          territoryCode: 'BY',
          aliases: ['ok', '\u0000'],
        }),
      });
      expect(expectProblem(body, 422).problems).toEqual([
        { path: 'nameEn', message: 'the text holds a NUL character (U+0000)' },
        { path: 'aliases.1', message: 'the text holds a NUL character (U+0000)' },
      ]);
    });

    it('answers a body nested thousands deep, and a version past 32 bits, with 4xx', async () => {
      for (const body of ['['.repeat(5000) + ']'.repeat(5000), '{"a":'.repeat(5000) + '1' + '}'.repeat(5000)]) {
        const answer = await send({
          method: 'POST',
          path: '/api/organizations',
          headers: { 'content-type': 'application/json' },
          body,
        });
        expect(answer.status).toBeGreaterThanOrEqual(400);
        expect(answer.status).toBeLessThan(500);
        expect(answer.headers['content-type']).toContain('application/problem+json');
      }
      const stale = await send({
        method: 'PATCH',
        path: '/api/territories/BY',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ nameEn: 'Belarus', version: 2 ** 31 }),
      });
      expect(expectProblem(stale, 422, 'VALIDATION_FAILED').problems).toEqual([
        expect.objectContaining({ path: 'version' }),
      ]);
      expectProblem(await send({ method: 'DELETE', path: '/api/organizations/x?version=2147483648' }), 422);
    });

    it('takes a mapping only as a JSON object, never as the name of a file on the server', async () => {
      for (const mapping of ['"/etc/passwd"', '"README.md"', '[1]', '12', 'null']) {
        const answer = await send({
          method: 'POST',
          path: `/api/trade/imports?format=mapped&dataset=m&mapping=${encodeURIComponent(mapping)}`,
          headers: { 'content-type': 'text/csv' },
          body: 'a,b\n1,2\n',
        });
        expect(expectProblem(answer, 422).problems).toEqual([
          expect.objectContaining({ path: 'querystring.mapping', message: 'mapping must be a JSON object' }),
        ]);
      }
    });

    it('answers headers too large (431) and a request that is not HTTP (400) with problem+json on the socket', async () => {
      const big = parseRawAnswer(
        await rawSocket(base, `GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: ${'a'.repeat(40_000)}\r\n\r\n`),
      );
      expect(big.status).toBe(431);
      expect(big.contentType).toContain('application/problem+json');
      expect(JSON.parse(big.body)).toMatchObject({ status: 431, code: 'HEADERS_TOO_LARGE' });

      const garbage = parseRawAnswer(await rawSocket(base, 'HELLO THERE\r\n\r\n'));
      expect(garbage.status).toBe(400);
      expect(garbage.contentType).toContain('application/problem+json');
      expect(JSON.parse(garbage.body)).toMatchObject({ status: 400, code: 'BAD_REQUEST' });
      await alive();
    });
  });

  describe('writes forged by another site, and DNS rebinding', () => {
    it('refuses a text/plain import (what a cross-site form can send) and creates no dataset', async () => {
      const forged = await send({
        method: 'POST',
        path: '/api/trade/imports?format=mapped&dataset=Forged%20customs&kind=official_customs',
        headers: { 'content-type': 'text/plain' },
        body: 'period,partner,flow,hs,value\n2017-01,BY,1,8704,1\n',
      });
      expectProblem(forged, 415, 'UNSUPPORTED_MEDIA_TYPE');
      const form = await send({
        method: 'POST',
        path: '/api/organizations',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'nameEn=Forged',
      });
      expectProblem(form, 415, 'UNSUPPORTED_MEDIA_TYPE');
      expect(await datasetNames()).not.toContain('Forged customs');
    });

    it("refuses writes that a page of another site sends from the user's browser, and takes those of its own pages", async () => {
      const organization = JSON.stringify({
        nameEn: 'Gomselmash',
        nameRu: 'Гомсельмаш',
        kind: 'enterprise',
        territoryCode: 'BY',
      });
      const post = (headers: Record<string, string>) =>
        send({
          method: 'POST',
          path: '/api/organizations',
          headers: { 'content-type': 'application/json', ...headers },
          body: organization,
        });
      const crossSite = await post({ origin: 'http://evil.example' });
      expect(expectProblem(crossSite, 403, 'FORBIDDEN').detail).toContain('another site');
      expectProblem(await post({ origin: 'null' }), 403, 'FORBIDDEN');
      expectProblem(await post({ origin: `http://localhost:${port + 1}` }), 403, 'FORBIDDEN');
      expectProblem(await post({ 'sec-fetch-site': 'cross-site' }), 403, 'FORBIDDEN');
      const list = async () => JSON.parse((await send({ path: '/api/organizations?q=Gomselmash' })).body).items;
      expect(await list()).toEqual([]);

      expect((await post({ origin: base, 'sec-fetch-site': 'same-origin' })).status).toBe(201);
      expect(await list()).toHaveLength(1);
      // A script or the CLI's HTTP client names no origin.
      const deleted = await send({
        method: 'DELETE',
        path: `/api/organizations/${(await list())[0].id}?version=1`,
      });
      expect(deleted.status).toBe(204);
    });

    it('refuses a request for a host name it does not serve, reads and writes alike', async () => {
      const rebound = await send({ path: '/api/organizations', headers: { host: `attacker.example:${port}` } });
      expect(expectProblem(rebound, 403, 'FORBIDDEN').detail).toContain('ACCORD_ALLOWED_HOSTS');
      expectProblem(await send({ path: '/api/health', headers: { host: `evil.example@127.0.0.1:${port}` } }), 403);
      expectProblem(await send({ path: '/', headers: { host: 'attacker.example' } }), 403);
      for (const host of [`localhost:${port}`, `127.0.0.1:${port}`, `[::1]:${port}`, 'LOCALHOST']) {
        expect((await send({ path: '/api/health', headers: { host } })).status).toBe(200);
      }
    });

    it('answers for the bound address and localhost by default, for every address of the machine when bound to all, and for names added', () => {
      expect(allowedHostsFor('127.0.0.1')).toEqual(expect.arrayContaining(['localhost', '127.0.0.1', '::1']));
      expect(allowedHostsFor('10.1.2.3')).toContain('10.1.2.3');
      const everywhere = allowedHostsFor('0.0.0.0', ['accord.example.org']);
      expect(everywhere).toEqual(
        expect.arrayContaining([os.hostname().toLowerCase(), 'accord.example.org', 'localhost']),
      );
      expect(everywhere).not.toContain('0.0.0.0');
      expect(allowedHostsFor('127.0.0.1', ['Accord.Example.org:8443'])).toContain('accord.example.org');
    });
  });

  describe('headers of every answer', () => {
    it('sends a content security policy without inline script, nosniff, no framing and a referrer policy', async () => {
      for (const answer of [
        await send({ path: '/' }),
        await send({ path: '/api/health' }),
        await send({ path: '/nope.js' }),
      ]) {
        const policy = String(answer.headers['content-security-policy']);
        expect(policy).toMatch(/(^|;)\s*script-src 'self'\s*(;|$)/);
        expect(policy).toContain("frame-ancestors 'none'");
        expect(policy).toContain("object-src 'none'");
        expect(answer.headers['x-content-type-options']).toBe('nosniff');
        expect(answer.headers['x-frame-options']).toBe('DENY');
        expect(answer.headers['referrer-policy']).toBe('same-origin');
      }
    });

    it('lets browsers keep hashed assets for a year, but asks again for the page that names them', async () => {
      for (const page of ['/', '/partners/RU-KRS']) {
        const answer = await send({ path: page });
        expect(answer.status).toBe(200);
        expect(answer.headers['cache-control']).toBe('no-cache');
      }
      const asset = await send({ path: '/assets/app-1a2b3c.js' });
      expect(asset.status).toBe(200);
      expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expectProblem(await send({ path: '/assets/app-1a2b3c.js', headers: { range: 'bytes=999-' } }), 416);
    });
  });

  describe('uploads and what their errors quote', () => {
    const upload = (query: string, body: string | Buffer, headers: Record<string, string> = {}) =>
      send({
        method: 'POST',
        path: `/api/trade/imports?${query}`,
        headers: { 'content-type': 'application/octet-stream', ...headers },
        body,
      });

    async function finished(id: string) {
      for (let i = 0; i < 500; i += 1) {
        const job = JSON.parse((await send({ path: `/api/trade/imports/${id}` })).body);
        if (job.status !== 'running') return job;
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      throw new Error('the import did not finish');
    }

    it('stops an upload at its kind’s limit with a 413 that names the file and the limit', async () => {
      const csv = await upload('format=baci&dataset=big&fileName=baci_2017.csv', 'x'.repeat(100 * 1024));
      const problem = expectProblem(csv, 413, 'PAYLOAD_TOO_LARGE');
      expect(problem.detail).toBe('baci_2017.csv is larger than the 64 KB an uploaded file may be');
      expect(problem.limitBytes).toBe(64 * 1024);

      const workbook = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(20 * 1024)]);
      const xlsx = await upload(
        'format=mapped&kind=official_customs&dataset=big&fileName=kursk.xlsx&mapping=%7B%7D',
        workbook,
      );
      expect(expectProblem(xlsx, 413).detail).toBe(
        'kursk.xlsx is larger than the 16 KB an uploaded XLSX workbook may be',
      );

      // A workbook whose first chunk holds only part of its signature is still known for one.
      const split = parseRawAnswer(
        await rawSocket(
          base,
          `POST /api/trade/imports?format=mapped&kind=official_customs&dataset=big&fileName=split.xlsx&mapping=%7B%7D HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n` +
            'Content-Type: application/octet-stream\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n' +
            `2\r\nPK\r\n${(20 * 1024).toString(16)}\r\n\u0003\u0004${'x'.repeat(20 * 1024 - 2)}\r\n0\r\n\r\n`,
        ),
      );
      expect(split.status).toBe(413);
      expect(JSON.parse(split.body).detail).toBe(
        'split.xlsx is larger than the 16 KB an uploaded XLSX workbook may be',
      );

      // A body sent in chunks, with no length declared, is stopped the same way.
      const chunked = await upload('format=baci&dataset=big', 'x'.repeat(100 * 1024), {
        'transfer-encoding': 'chunked',
      });
      expect(expectProblem(chunked, 413).detail).toBe(
        'the uploaded file is larger than the 64 KB an uploaded file may be',
      );
      expect(await datasetNames()).not.toContain('big');
      await alive();
    });

    it('takes upload limits from the environment and refuses one that is not a whole number of bytes', () => {
      expect(uploadLimitsFromEnvironment({})).toEqual({ table: 2 * 1024 ** 3, xlsx: 200 * 1024 ** 2 });
      expect(uploadLimitsFromEnvironment({ ACCORD_MAX_UPLOAD_BYTES: '1048576' }).table).toBe(1048576);
      for (const wrong of ['2GB', '-1', '0', '1.5']) {
        expect(() => uploadLimitsFromEnvironment({ ACCORD_MAX_XLSX_BYTES: wrong })).toThrow(
          `ACCORD_MAX_XLSX_BYTES must be a whole number of bytes, not "${wrong}"`,
        );
      }
    });

    it('quotes a short excerpt of a huge cell and names the uploaded file, never a path of the server', async () => {
      const huge = '9'.repeat(50_000);
      const file = `t,i,j,k,v,q\n2017,112,643,870410,1000.5,3\n2017,112,643,${huge},1.0,2\n`;
      const started = await upload('format=baci&dataset=huge&fileName=baci_huge.csv', file);
      expect(started.status).toBe(202);
      const answer = await send({ path: `/api/trade/imports/${JSON.parse(started.body).id}` });
      const job = await finished(JSON.parse(started.body).id);
      expect(job.status).toBe('failed');
      const text = JSON.stringify(job);
      expect(text.length).toBeLessThan(3000);
      expect(job.error.message).toContain('baci_huge.csv');
      expect(job.error.problems[0].message).toContain('(50,000 characters)');
      expect(text).not.toContain(os.tmpdir());
      expect(answer.body).not.toContain(os.tmpdir());
      const rejected = await send({ path: `/api/trade/imports/${job.id}/rejected-rows` });
      expect(rejected.body.length).toBeLessThan(1000);
      expect(rejected.body).toContain('(50,000 characters)');
    });

    it('names an upload sent without a file name "the uploaded file", never by its path on the server', async () => {
      const started = await upload('format=comtrade&dataset=unnamed', Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0x01]));
      const job = await finished(JSON.parse(started.body).id);
      expect(job.status).toBe('failed');
      expect(job.error.message).toContain('the uploaded file starts as a gzip file but cannot be unpacked');
      expect(JSON.stringify(job)).not.toContain(os.tmpdir());
    });

    it('refuses a row longer than any trade table has, quoting only its start', async () => {
      const file = `t,i,j,k,v,q\n2017,112,643,870410,1000.5,3\n2017,112,643,870410,${'1'.repeat(40_000)}\n`;
      const api = await buildApp({
        db: database.db,
        database,
        webRoot: false,
        uploadLimits: { table: 4 * 1024 * 1024, xlsx: 1024 },
      });
      try {
        const started = await api.inject({
          method: 'POST',
          url: '/api/trade/imports?format=comtrade&dataset=long&fileName=long.csv',
          headers: { 'content-type': 'text/csv' },
          payload: file.replace(/1{40000}/, '1'.repeat(1_100_000)),
        });
        expect(started.statusCode).toBe(202);
        let job = started.json();
        while (job.status === 'running') {
          await new Promise((resolve) => setTimeout(resolve, 10));
          job = (await api.inject({ method: 'GET', url: `/api/trade/imports/${job.id}` })).json();
        }
        expect(job.status).toBe('failed');
        expect(job.error.message).toContain('line 3: the row is longer than 1,048,576 characters');
        expect(JSON.stringify(job).length).toBeLessThan(2000);
      } finally {
        await api.close();
      }
    });
  });
});
