import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authenticateDevice, authenticateDeviceStream } from '#app/devices/authenticate-device.ts';
import { deviceTopic, inviteRating } from '#app/devices/invite-rating.ts';
import { listRatingDevices } from '#app/devices/list-rating-devices.ts';
import { loadDeviceIdentity } from '#app/devices/load-device-identity.ts';
import { pairRatingDevice } from '#app/devices/pair-rating-device.ts';
import { pendingInvitation } from '#app/devices/pending-invitation.ts';
import { registerRatingDevice } from '#app/devices/register-rating-device.ts';
import { renewPairingCode } from '#app/devices/renew-pairing-code.ts';
import { revokeRatingDevice } from '#app/devices/revoke-rating-device.ts';
import { submitDeviceRating } from '#app/devices/submit-device-rating.ts';
import { ratingOrigin } from '#app/ratings/rating-origin.ts';
import { setRequestActor } from '#app/request-context.ts';
import { DomainError } from '#domain/errors.ts';
import { DEVICE_SIGNATURE_HEADER } from '#shared/device-protocol.ts';
import {
  ANY_AGENCY,
  allOf,
  counterOfBody,
  deviceOfBody,
  deviceOfParam,
  dossierOfParam,
} from '../auth/resources.ts';
import { policy, publicAccess, signedAccess } from '../auth/route-access.ts';
import type { HttpContext, ZodApp } from '../context.ts';
import { dossierRef } from '../dossier-ref.ts';
import { keepRawJsonBody } from '../raw-json-body.ts';
import { publicRateLimit } from '../rate-limits.ts';

const tags = ['devices'];
const Uuid = z.uuid();
const DeviceParams = z.object({ id: Uuid });
const RegisteredDevice = z.object({
  deviceId: z.string(),
  pairingCode: z.string().describe('one-time code to type on the device; valid 15 minutes'),
  pairingExpiresAt: z.string(),
});
const DeviceIdentity = z.object({
  deviceId: z.string(),
  name: z.string(),
  counterName: z.string(),
  deskName: z.string(),
  agencyName: z.string(),
});
const point = z.union([z.literal(0), z.literal(1), z.literal(2)]);
const DeviceRatingBody = z
  .object({
    id: z.string().min(8).max(64).describe("the device's id for this rating: resending it is a no-op"),
    token: z.string().min(10).max(200),
    invitationId: Uuid.optional(),
    satisfaction: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5)]),
    cs1: point.optional(),
    cs3: point.optional(),
    cs4: point.optional(),
    conduct: z.enum(['no', 'yes']).optional(),
    comment: z.string().trim().max(1000).optional(),
    ratedAt: z.string().max(40),
  })
  .strict();
const RatingAccepted = z.object({ id: z.string(), counts: z.boolean(), dossierCode: z.string() });

/** Keeps a server-sent-events connection open and lets the caller write events to it. */
function openEventStream(request: FastifyRequest, reply: FastifyReply, open: Set<() => void>) {
  reply.hijack();
  const raw = reply.raw;
  const end = (): void => {
    raw.end();
  };
  open.add(end);
  raw.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
  });
  raw.write('retry: 1000\n\n');
  const send = (event: string, data: unknown): void => {
    raw.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  };
  // A comment every 15 s keeps proxies from closing an idle stream and lets the device notice a dead one.
  const heartbeat = setInterval(() => raw.write(': ping\n\n'), 15_000);
  const closers: (() => void)[] = [() => clearInterval(heartbeat), () => open.delete(end)];
  request.raw.on('close', () => closers.forEach((close) => close()));
  return { send, onClose: (close: () => void) => closers.push(close) };
}

/**
 * Counter rating devices (issue 4, point 4): registration and pairing, the device's event
 * stream that receives "Mời đánh giá", the official's invitation, and the device's signed
 * ratings (delivered at once or after being kept offline).
 */
export async function registerDeviceRoutes(app: ZodApp, ctx: HttpContext): Promise<void> {
  // Streams never end by themselves: a closing server ends them (the devices reconnect elsewhere).
  const openStreams = new Set<() => void>();
  app.addHook('preClose', (done) => {
    openStreams.forEach((end) => end());
    done();
  });
  const { db } = ctx.deps;
  const device = deviceOfParam(db);
  const manage = policy('device.manage', device, { hideAs: 'DEVICE_NOT_FOUND' });
  // The device proves itself with its key's signature (checked by the handler), not a session.
  const signedByDevice = signedAccess('the counter device signs the request with its own key');
  app.get(
    '/quay',
    { config: { access: publicAccess('the counter device page') }, schema: { hide: true } },
    (_request, reply) => reply.redirect('/quay/'),
  );
  app.get(
    '/api/v1/devices',
    {
      config: { access: policy(['device.manage', 'dossier.invite_rating'], ANY_AGENCY) },
      schema: {
        tags,
        summary: 'Counter rating devices (kiosks, tablets), with their counter and pairing status',
        querystring: z.object({ agencyId: Uuid.optional(), includeRevoked: z.coerce.boolean().optional() }),
      },
    },
    async (request) => ({
      devices: await listRatingDevices(ctx.deps.db, {
        ...(request.query.agencyId ? { agencyId: request.query.agencyId } : {}),
        ...(request.query.includeRevoked ? { includeRevoked: true } : {}),
      }),
    }),
  );
  app.post(
    '/api/v1/devices',
    {
      config: { access: policy('device.manage', counterOfBody(db)) },
      schema: {
        tags,
        summary: 'Register a rating device to a counter; returns its one-time pairing code',
        body: z.object({ counterId: Uuid, name: z.string().trim().min(1).max(120) }),
        response: { 201: RegisteredDevice },
      },
    },
    async (request, reply) => reply.status(201).send(await registerRatingDevice(ctx.deps, request.body)),
  );
  app.post(
    '/api/v1/devices/:id/pairing-code',
    {
      config: { access: manage },
      schema: {
        tags,
        summary: 'A new one-time pairing code (replaced tablet): the old key stops working once it pairs',
        params: DeviceParams,
        response: { 200: RegisteredDevice },
      },
    },
    async (request) => renewPairingCode(ctx.deps, request.params.id),
  );
  app.post(
    '/api/v1/devices/:id/revoke',
    {
      config: { access: manage },
      schema: { tags, summary: 'Take a device out of service', params: DeviceParams },
    },
    async (request, reply) => {
      await revokeRatingDevice(ctx.deps, request.params.id);
      return reply.status(204).send();
    },
  );
  app.post(
    '/api/v1/devices/pair',
    {
      // Public, and a pairing code is short: limited so it cannot be guessed.
      config: { ...publicRateLimit, access: publicAccess('the one-time pairing code is the credential') },
      schema: {
        tags,
        summary: 'The device pairs with its one-time code and registers the public half of its own key',
        body: z.object({
          pairingCode: z.string().trim().min(4).max(20),
          publicKey: z.string().min(40).max(400).describe('ECDSA P-256 public key, SPKI DER in base64'),
        }),
        response: { 200: DeviceIdentity },
      },
    },
    async (request) => pairRatingDevice(ctx.deps, request.body),
  );
  app.get(
    '/api/v1/devices/:id/events',
    {
      config: { ...publicRateLimit, access: signedByDevice },
      schema: {
        tags,
        summary:
          'The device\'s event stream (text/event-stream): "invitation" events for "Mời đánh giá"; signed timestamp',
        params: DeviceParams,
        querystring: z.object({
          ts: z.coerce.number().int().describe('epoch milliseconds; within 5 minutes'),
          sig: z.string().max(200).describe('base64url ECDSA signature of "hailong-device-events:<id>:<ts>"'),
        }),
      },
    },
    async (request, reply) => {
      await authenticateDeviceStream(ctx.deps, request.params.id, request.query.ts, request.query.sig);
      const identity = await loadDeviceIdentity(ctx.deps.db, request.params.id);
      if (!identity) throw new DomainError('DEVICE_NOT_FOUND');
      const stream = openEventStream(request, reply, openStreams);
      if (ctx.deps.bus) {
        stream.onClose(
          ctx.deps.bus.subscribe(deviceTopic(identity.deviceId), (invitation) =>
            stream.send('invitation', invitation),
          ),
        );
      }
      stream.send('ready', identity);
      const pending = await pendingInvitation(ctx.deps, identity.deviceId);
      if (pending) stream.send('invitation', pending);
    },
  );
  app.post(
    '/api/v1/dossiers/:ref/rating-invitations',
    {
      config: {
        access: policy('dossier.invite_rating', allOf(dossierOfParam(db), deviceOfBody(db)), {
          hideAs: 'DOSSIER_NOT_FOUND',
        }),
      },
      schema: {
        tags,
        summary:
          '"Mời đánh giá": show the rating screen for this dossier on a counter device (the response holds no token)',
        params: z.object({ ref: z.string().min(1).max(80) }),
        body: z.object({ deviceId: Uuid }),
        response: {
          201: z.object({
            invitationId: z.string(),
            deviceId: z.string(),
            dossierCode: z.string(),
            invitedAt: z.string(),
          }),
        },
      },
    },
    async (request, reply) => {
      const invitation = await inviteRating(ctx.deps, {
        dossierRef: dossierRef(request.params.ref),
        deviceId: request.body.deviceId,
      });
      return reply.status(201).send({
        invitationId: invitation.invitationId,
        deviceId: invitation.deviceId,
        dossierCode: invitation.dossierCode,
        invitedAt: invitation.invitedAt,
      });
    },
  );

  await app.register((scope, _options, done) => {
    keepRawJsonBody(scope);
    scope.withTypeProvider<ZodTypeProvider>().post(
      '/api/v1/devices/:id/ratings',
      {
        config: { ...publicRateLimit, access: signedByDevice },
        schema: {
          tags,
          summary:
            "A citizen's rating made on the device, signed with the device's key over the raw body; exactly once by its id",
          params: DeviceParams,
          headers: z.object({
            [DEVICE_SIGNATURE_HEADER]: z
              .string()
              .max(200)
              .describe('base64url ECDSA P-256 / SHA-256 signature of the raw body (IEEE P1363)'),
          }),
          body: DeviceRatingBody,
          response: { 200: RatingAccepted, 201: RatingAccepted },
        },
      },
      async (request, reply) => {
        const device = await authenticateDevice(
          ctx.deps,
          request.params.id,
          request.rawBody ?? '',
          request.headers[DEVICE_SIGNATURE_HEADER],
        );
        setRequestActor({ kind: 'device', deviceId: device.id });
        const { invitationId, cs1, cs3, cs4, conduct, comment, ...rest } = request.body;
        const result = await submitDeviceRating(
          ctx.deps,
          device,
          {
            ...rest,
            ...(invitationId !== undefined ? { invitationId } : {}),
            ...(cs1 !== undefined ? { cs1 } : {}),
            ...(cs3 !== undefined ? { cs3 } : {}),
            ...(cs4 !== undefined ? { cs4 } : {}),
            ...(conduct !== undefined ? { conduct } : {}),
            ...(comment ? { comment } : {}),
          },
          // A counter device sits on the agency's own network by design: only its network digest is kept.
          { network: ratingOrigin(request.ip, ctx.deps.tokenKeys, undefined).network },
        );
        return reply
          .status(result.replayed ? 200 : 201)
          .send({ id: result.id, counts: result.counts, dossierCode: result.dossierCode });
      },
    );
    done();
  });
}
