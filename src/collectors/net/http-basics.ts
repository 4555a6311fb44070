/**
 * The HTTP facts every client here shares (registry, OSV, GitHub): one
 * definition of success, redirect and server error, and one capped body reader.
 */

const FIRST_SUCCESS = 200;
const LAST_SUCCESS = 299;
const FIRST_SERVER_ERROR = 500;
const LAST_SERVER_ERROR = 599;
export const TOO_MANY_REQUESTS = 429;

/** The redirects a client follows by hand (so it can decide where credentials may go). */
export const REDIRECT_STATUSES: ReadonlySet<number> = new Set([301, 302, 303, 307, 308]);

export function isSuccess(status: number): boolean {
  return status >= FIRST_SUCCESS && status <= LAST_SUCCESS;
}

export function isServerError(status: number): boolean {
  return status >= FIRST_SERVER_ERROR && status <= LAST_SERVER_ERROR;
}

/** A body read to the end, or null (and the stream destroyed) once it passes `maxBytes`. */
export async function readCapped(
  body: AsyncIterable<Buffer> & { destroy(): unknown },
  maxBytes: number,
): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += chunk.length;
    if (size > maxBytes) {
      body.destroy();
      return null;
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString("utf8");
}
