import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import { ERROR_CODES, ReceiptsError, isReceiptsError } from '../domain/errors.js';
import type { ApiError } from './api-types.js';

/** Answer with a ReceiptsError: the registry's status and `{error: {code, message}}`. */
export function sendError(reply: FastifyReply, e: ReceiptsError): FastifyReply {
  const body: ApiError = { error: { code: e.code, message: e.toLine() } };
  return reply.code(ERROR_CODES[e.code].http).type('application/json; charset=utf-8').send(body);
}

/**
 * The one place errors become HTTP answers: ReceiptsErrors by the registry, fastify's own
 * (a malformed JSON body, a wrong content type) with their status, anything else as
 * INTERNAL without its details (logged, not shown: a stack helps nobody in a browser).
 */
export function registerErrorReplies(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (isReceiptsError(error)) return sendError(reply, error);
    const status = error.statusCode;
    if (status !== undefined && status >= 400 && status < 500) {
      const code = error.code ?? 'USAGE';
      const body: ApiError = { error: { code, message: error.message } };
      return reply.code(status).send(body);
    }
    request.log.error(error);
    return sendError(
      reply,
      new ReceiptsError('INTERNAL', 'A bug in Receipts; the server log has the details.'),
    );
  });
  app.setNotFoundHandler((request, reply) =>
    sendError(
      reply,
      new ReceiptsError('NOT_FOUND', `Nothing at ${request.method} ${request.url.split('?')[0]}.`),
    ),
  );
}
