const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A dossier named in a URL or a body: its id (UUID, any case) or its legal code. */
export function dossierRef(ref: string): { id: string } | { code: string } {
  return UUID.test(ref) ? { id: ref.toLowerCase() } : { code: ref };
}
