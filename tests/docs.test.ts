// The README and docs/ stay true: the README short, its test commands those CI runs, every
// `npm run` it names a real script, and every relative Markdown link in README.md and docs/
// leading to a file of this repository and, with a #fragment, to a heading that exists there.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');

/** README.md and every Markdown file under docs/, as paths relative to the repository. */
function markdownFiles(): string[] {
  const files = ['README.md'];
  const walk = (dir: string) => {
    for (const entry of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
      const path = `${dir}/${entry.name}`;
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.md')) files.push(path);
    }
  };
  walk('docs');
  return files;
}

/** The text outside fenced code blocks, line by line (code lines are blanked, so line numbers stay). */
function proseLines(markdown: string): string[] {
  let fence: string | undefined;
  return markdown.split('\n').map((line) => {
    const marker = /^\s*(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence) {
      if (marker && marker[0] === fence[0] && marker.length >= fence.length) fence = undefined;
      return '';
    }
    if (marker) {
      fence = marker;
      return '';
    }
    return line;
  });
}

/** GitHub's anchor for a heading: the rendered text, lower-cased, without punctuation, spaces → hyphens. */
function slug(heading: string): string {
  const text = heading
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1') // links and images: their text
    .replace(/<[^>]+>/g, '') // inline HTML
    .replace(/[`*]/g, ''); // code and emphasis markers
  return text
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\p{M}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

/** The anchors a Markdown file offers: its headings (duplicates numbered as GitHub does) and explicit ids. */
function anchorsOf(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  for (const line of proseLines(markdown)) {
    const heading = /^ {0,3}#{1,6}\s+(.*?)\s*#*\s*$/.exec(line)?.[1];
    if (heading !== undefined) {
      const base = slug(heading);
      const count = seen.get(base) ?? 0;
      seen.set(base, count + 1);
      anchors.add(count === 0 ? base : `${base}-${count}`);
    }
    for (const match of line.matchAll(/<a\s+(?:id|name)="([^"]+)"/g)) anchors.add(match[1]!);
  }
  return anchors;
}

interface Link {
  file: string;
  line: number;
  target: string;
}

/** Inline links and images, and reference definitions, outside code; autolinks are left out. */
function linksOf(file: string): Link[] {
  const links: Link[] = [];
  proseLines(read(file)).forEach((text, index) => {
    // Code spans hold example syntax, not links; the link text around one still counts.
    const line = text.replace(/`[^`]*`/g, 'code');
    for (const match of line.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) {
      links.push({ file, line: index + 1, target: match[1]! });
    }
    const definition = /^ {0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s+"[^"]*")?\s*$/.exec(line);
    if (definition) links.push({ file, line: index + 1, target: definition[1]! });
  });
  return links;
}

/** What is wrong with one relative link, or undefined when it leads somewhere that exists. */
function problemWith(link: Link): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(link.target)) return undefined; // https:, mailto: …
  const [rawPath = '', fragment] = link.target.split('#', 2);
  const path = decodeURIComponent(rawPath);
  const target = path === '' ? join(ROOT, link.file) : resolve(ROOT, dirname(link.file), path);
  const inRepo = relative(ROOT, target);
  if (inRepo.startsWith('..') || inRepo.startsWith(sep)) return 'leads out of the repository';
  if (!existsSync(target)) return 'no such file';
  if (fragment === undefined) return undefined;
  if (!statSync(target).isFile() || !target.endsWith('.md')) return `#${fragment} on a file that is not Markdown`;
  if (!anchorsOf(readFileSync(target, 'utf8')).has(decodeURIComponent(fragment))) return `no heading #${fragment} in ${inRepo}`;
  return undefined;
}

/** The commands of the ```sh blocks under a `## <title>` heading, comments cut off. */
function commandsUnder(markdown: string, title: string): string[] {
  const section = markdown.split(/^## /m).find((part) => part.startsWith(`${title}\n`)) ?? '';
  const blocks = [...section.matchAll(/```sh\n([\s\S]*?)```/g)].map((match) => match[1]!);
  if (blocks.length === 0) throw new Error(`no sh block under "## ${title}"`);
  return blocks
    .join('\n')
    .split('\n')
    .map((line) => line.replace(/#.*/, '').trim())
    .filter(Boolean);
}

/** `npm test` and `npm run <script>` as .ci/run runs them (comments and echo lines left out). */
function ciCommands(): string[] {
  const commands = read('.ci/run')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#') && !line.startsWith('echo'))
    .flatMap((line) => [...line.matchAll(/\bnpm (test|ci|run [\w:-]+)/g)].map((match) => `npm ${match[1]}`));
  return [...new Set(commands)];
}

/** `npm run <script>` (with `-w <workspace>` where given) and `npm test`/`npm start` in a Markdown text. */
function npmScriptsNamed(markdown: string): { script: string; workspace?: string }[] {
  return [...markdown.matchAll(/\bnpm (?:(test|start)\b|run (?:--?[\w-]+ )*([\w:-]+)(?: -w (\w+))?)/g)].map((match) => ({
    script: match[1] ?? match[2]!,
    ...(match[3] ? { workspace: match[3] } : {}),
  }));
}

describe('README.md', () => {
  const readme = read('README.md');

  it('is at most 250 lines', () => {
    expect(readme.trimEnd().split('\n').length).toBeLessThanOrEqual(250);
  });

  it("gives the test commands CI runs, and CI runs no other besides the quick start's install and build", () => {
    const tests = commandsUnder(readme, 'Test').map((command) => command.replace(/\s+/g, ' '));
    const setup = commandsUnder(readme, 'Quick start');
    expect(tests).toEqual(['npm test', 'npm run test:postgres', 'npm run test:cluster', 'npm run lint']);
    const ci = ciCommands();
    expect(ci.filter((command) => !setup.includes(command)).sort()).toEqual([...tests].sort());
    expect(ci).toEqual(expect.arrayContaining(['npm ci', 'npm run build']));
    expect(setup).toEqual(expect.arrayContaining(['npm ci', 'npm run build', 'npm start']));
  });

  it('links every guide in docs/', () => {
    const guides = readdirSync(join(ROOT, 'docs')).filter((name) => name.endsWith('.md'));
    expect(guides.length).toBeGreaterThan(0);
    const linked = new Set(linksOf('README.md').map((link) => link.target.split('#')[0]));
    expect(guides.filter((name) => !linked.has(`docs/${name}`))).toEqual([]);
  });
});

describe('npm scripts named in README.md and docs/', () => {
  const scriptsOf = (workspace?: string): Record<string, string> => JSON.parse(read(workspace ? `${workspace}/package.json` : 'package.json')).scripts ?? {};

  it.each(markdownFiles())('%s names only scripts that exist', (file) => {
    const missing = npmScriptsNamed(read(file))
      .filter(({ script, workspace }) => !(script in scriptsOf(workspace)))
      .map(({ script, workspace }) => (workspace ? `${script} -w ${workspace}` : script));
    expect(missing).toEqual([]);
  });
});

describe('relative links in README.md and docs/', () => {
  it('finds links to check (the parser still sees them)', () => {
    const links = markdownFiles().flatMap(linksOf);
    expect(links.filter((link) => link.target.includes('#')).length).toBeGreaterThan(10);
    expect(links.length).toBeGreaterThan(50);
  });

  it.each(markdownFiles())('%s: every relative link leads to a file and heading that exist', (file) => {
    const broken = linksOf(file).flatMap((link) => {
      const problem = problemWith(link);
      return problem ? [`${file}:${link.line} ${link.target}: ${problem}`] : [];
    });
    expect(broken).toEqual([]);
  });

  it("computes GitHub's anchors", () => {
    expect(slug('2. TLS and reverse proxy')).toBe('2-tls-and-reverse-proxy');
    expect(slug('Configuration (`.env`)')).toBe('configuration-env');
    expect(slug('Import & Export')).toBe('import--export');
    expect(slug('Zur Prüfung geben, prüfen, veröffentlichen')).toBe('zur-prüfung-geben-prüfen-veröffentlichen');
    expect(slug("The site's NUXT variables")).toBe('the-sites-nuxt-variables');
    expect([...anchorsOf('# A\n## Same\n```sh\n# not a heading\n```\n## Same\n')]).toEqual(['a', 'same', 'same-1']);
  });

  it('catches a link to a missing file, a missing heading and a way out of the repository', () => {
    expect(problemWith({ file: 'README.md', line: 1, target: 'docs/nothing-here.md' })).toBe('no such file');
    expect(problemWith({ file: 'docs/search.md', line: 1, target: 'operations.md#no-such-heading' })).toMatch(/no heading/);
    expect(problemWith({ file: 'docs/search.md', line: 1, target: '../../outside.md' })).toBe('leads out of the repository');
    expect(problemWith({ file: 'docs/search.md', line: 1, target: '#keys' })).toBeUndefined();
  });
});
