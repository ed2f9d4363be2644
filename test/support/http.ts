import http from 'node:http';
import net from 'node:net';

export interface RawAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/**
 * One request over a real connection, with exactly the headers given (Host included) and a body of any
 * content type or none: what a browser, a script or an attacker could send.
 */
export function rawRequest(
  base: string,
  options: { method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer },
): Promise<RawAnswer> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: url.hostname,
        port: url.port,
        method: options.method ?? 'GET',
        path: options.path,
        headers: withLength(options.headers ?? {}, options.body),
        agent: false,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end(options.body);
  });
}

/** Writes bytes on a fresh socket and returns whatever comes back until the server closes it. */
export function rawSocket(base: string, bytes: string): Promise<string> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(url.port), url.hostname);
    const chunks: Buffer[] = [];
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('close', () => resolve(Buffer.concat(chunks).toString('utf8')));
    socket.on('error', (error: NodeJS.ErrnoException) => {
      // The server may close while the rest of a refused request is still being written.
      if (error.code === 'ECONNRESET' || error.code === 'EPIPE') resolve(Buffer.concat(chunks).toString('utf8'));
      else reject(error);
    });
    socket.end(bytes);
  });
}

/** A body is sent with its length (Node sends none for a GET), unless it is sent in chunks. */
function withLength(headers: Record<string, string>, body: string | Buffer | undefined): Record<string, string> {
  if (body === undefined || 'transfer-encoding' in headers || 'content-length' in headers) return headers;
  return { ...headers, 'content-length': String(Buffer.byteLength(body)) };
}
