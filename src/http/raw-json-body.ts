import type { FastifyInstance } from 'fastify';
import { DomainError } from '#domain/errors.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The exact JSON text received, for routes whose signature covers the bytes sent. */
    rawBody?: string;
  }
}

/** In this plugin scope, JSON bodies keep their raw text next to the parsed value (signed requests). */
export function keepRawJsonBody(scope: FastifyInstance): void {
  scope.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    request.rawBody = text;
    try {
      done(null, JSON.parse(text));
    } catch {
      done(
        new DomainError('VALIDATION_FAILED', { problems: [{ field: 'body', message: 'JSON không hợp lệ' }] }),
        undefined,
      );
    }
  });
}
