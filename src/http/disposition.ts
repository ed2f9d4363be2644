import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * `Content-Disposition: attachment` naming the file (RFC 6266). A name beyond printable ASCII also goes
 * in `filename*` as UTF-8 (RFC 8187), with a plain stand-in for clients that read only `filename`; a
 * header value itself must stay ASCII.
 */
export function attachment(fileName: string): string {
  const plain = fileName.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  if (plain === fileName) return `attachment; filename="${fileName}"`;
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${plain}"; filename*=UTF-8''${encoded}`;
}

/**
 * Reads to its end whatever body a request came with, unread (a GET's): Node closes the connection on a
 * request still sending when a long answer is written, and the client then gets half a file.
 */
function drained(request: FastifyRequest): Promise<void> {
  const raw = request.raw;
  if (raw.complete || raw.readableEnded) return Promise.resolve();
  return new Promise((resolve) => {
    raw.once('end', resolve);
    raw.once('close', resolve);
    raw.resume();
  });
}

/** Answers with a file to keep: its type, its name, and never a cached copy of what may be confidential. */
export async function sendFile(
  reply: FastifyReply,
  file: { bytes: Buffer; contentType: string; fileName: string },
  headers: Record<string, string> = {},
): Promise<FastifyReply> {
  await drained(reply.request);
  return reply
    .type(file.contentType)
    .headers({ ...headers, 'content-disposition': attachment(file.fileName), 'cache-control': 'no-store' })
    .send(file.bytes);
}
