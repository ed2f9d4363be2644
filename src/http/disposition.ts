import type { FastifyReply } from 'fastify';

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

/** Answers with a file to keep: its type, its name, and never a cached copy of what may be confidential. */
export function sendFile(
  reply: FastifyReply,
  file: { bytes: Buffer; contentType: string; fileName: string },
  headers: Record<string, string> = {},
): FastifyReply {
  return reply
    .type(file.contentType)
    .headers({ ...headers, 'content-disposition': attachment(file.fileName), 'cache-control': 'no-store' })
    .send(file.bytes);
}
