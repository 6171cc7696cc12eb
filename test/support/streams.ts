import { request as httpRequest } from 'node:http';

/**
 * Sends `total` bytes as a chunked body (no Content-Length), as fast as the socket takes
 * them, until the server answers; how much was sent by then, and the answer.
 */
export function streamUntilAnswered(
  url: string,
  headers: Record<string, string>,
  chunk: Buffer,
  total: number,
  head: Buffer = Buffer.alloc(0),
): Promise<{ status: number; body: string; contentType: string; sent: number }> {
  return new Promise((resolve, reject) => {
    let sent = 0;
    let answered = false;
    const req = httpRequest(url, {
      method: 'POST',
      headers: { ...headers, 'transfer-encoding': 'chunked' },
    });
    req.on('response', (res) => {
      answered = true;
      const sentWhenAnswered = sent;
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => {
        body += d;
      });
      res.on('end', () => {
        req.destroy();
        resolve({
          status: res.statusCode ?? 0,
          body,
          contentType: String(res.headers['content-type']),
          sent: sentWhenAnswered,
        });
      });
    });
    req.on('error', (error) => {
      if (!answered) reject(error);
    });
    const pump = () => {
      while (!answered && sent < total) {
        const piece = sent === 0 && head.length ? head : chunk;
        sent += piece.length;
        if (!req.write(piece)) return void req.once('drain', pump);
      }
      if (!answered) req.end();
    };
    pump();
  });
}
