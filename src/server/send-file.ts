import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ReceiptsError } from '../domain/errors.js';
import { sendError } from './error-reply.js';
import { parseRange } from './http-range.js';

/**
 * Stream a file the server chose (never a path from the request) with HTTP Range: 200 with
 * the whole file, 206 with the asked span, 416 (BAD_RANGE) with the size for a span outside
 * it. Video elements need Range to seek; images and downloads take it too.
 */
export async function sendFileWithRange(
  request: FastifyRequest,
  reply: FastifyReply,
  file: string,
  options: { readonly contentType: string; readonly what: string; readonly cache?: string },
): Promise<FastifyReply> {
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) {
    throw new ReceiptsError(
      'MEDIA_NOT_FOUND',
      `${options.what}: the file is missing (moved, renamed, or an unmounted disk).`,
    );
  }
  const size = info.size;
  reply
    .header('accept-ranges', 'bytes')
    .header('content-type', options.contentType)
    .header('last-modified', info.mtime.toUTCString())
    .header('cache-control', options.cache ?? 'no-cache');
  const range = parseRange(request.headers.range, size);
  if (range === 'unsatisfiable') {
    reply.header('content-range', `bytes */${size}`);
    return sendError(
      reply,
      new ReceiptsError(
        'BAD_RANGE',
        `${request.headers.range ?? ''} is not a byte range of ${options.what} (${size} bytes).`,
      ),
    );
  }
  if (range === null) {
    return reply.header('content-length', size).send(createReadStream(file));
  }
  return reply
    .code(206)
    .header('content-range', `bytes ${range.start}-${range.end}/${size}`)
    .header('content-length', range.end - range.start + 1)
    .send(createReadStream(file, { start: range.start, end: range.end }));
}
