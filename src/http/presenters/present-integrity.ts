import type { getIntegritySignals } from '#app/ratings/get-integrity-signals.ts';
import { MAX_SIGNAL_RATINGS, type IntegritySignalsView } from '#shared/integrity.view.ts';

/** The integrity signals of a period, with names for agencies, devices, counters and officials. */
export function presentIntegritySignals(
  data: Awaited<ReturnType<typeof getIntegritySignals>>,
): IntegritySignalsView {
  const unknown = (id: string) => ({ id, code: '', name: id });
  return {
    from: data.from,
    to: data.to,
    thresholds: { ...data.thresholds },
    summary: data.summary,
    signals: data.signals.map((signal) => {
      const counter = signal.counterId === null ? undefined : data.counters.get(signal.counterId);
      const device = signal.deviceId === null ? undefined : data.devices.get(signal.deviceId);
      const official = signal.officialId === null ? undefined : data.officials.get(signal.officialId);
      return {
        kind: signal.kind,
        severity: signal.severity,
        agency: data.agencies.get(signal.agencyId) ?? unknown(signal.agencyId),
        device:
          signal.deviceId === null ? null : { id: signal.deviceId, name: device?.name ?? signal.deviceId },
        counter:
          signal.counterId === null
            ? null
            : counter
              ? { id: counter.id, code: counter.code, name: counter.name, deskName: counter.desk_name }
              : { ...unknown(signal.counterId), deskName: '' },
        official:
          signal.officialId === null
            ? null
            : official
              ? { id: official.id, code: official.code, name: official.full_name }
              : unknown(signal.officialId),
        network: signal.network,
        day: signal.day,
        count: signal.count,
        total: signal.total,
        // Two decimals, as the satisfaction shares.
        sharePercent:
          signal.total === null || signal.total === 0
            ? null
            : Math.round((signal.count * 10_000) / signal.total) / 100,
        breakdown: signal.breakdown,
        ratings: signal.ratingIds.slice(0, MAX_SIGNAL_RATINGS).flatMap((id) => {
          const row = data.ratings.get(id);
          if (!row) return [];
          return [
            {
              id,
              dossierId: row.dossier_id,
              dossierCode: row.dossier_code,
              channel: row.channel,
              satisfaction: row.satisfaction,
              submittedAt: new Date(row.submitted_at).toISOString(),
            },
          ];
        }),
      };
    }),
  };
}
