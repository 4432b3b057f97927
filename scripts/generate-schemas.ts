// Writes the published JSON Schemas of the import formats to docs/schemas/ from the zod
// contracts (src/shared/import.schema.ts). Run after changing a contract:
//   node --import tsx scripts/generate-schemas.ts
// A unit test (src/shared/import.schema.test.ts) fails while the committed files differ.
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { buildImportSchemas } from '#shared/import.schema.ts';

/** Folder of the generated schema files. */
export const SCHEMAS_DIR = resolve(import.meta.dirname, '../docs/schemas');

/** The schema files as they must be committed: file name → text, formatted like the rest of the repository. */
export async function renderSchemaFiles(): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const [name, schema] of Object.entries(buildImportSchemas())) {
    const path = join(SCHEMAS_DIR, name);
    const options = (await resolveConfig(path)) ?? {};
    files.set(name, await format(JSON.stringify(schema, null, 2), { ...options, filepath: path }));
  }
  return files;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  await mkdir(SCHEMAS_DIR, { recursive: true });
  for (const [name, text] of await renderSchemaFiles()) {
    await writeFile(join(SCHEMAS_DIR, name), text);
    process.stdout.write(`wrote docs/schemas/${name}\n`);
  }
}
