// nginx as the cluster test's load balancer (Debian's nginx, run without root's config): one
// address for the site instances, one for the CMS instances. A request that finds an instance
// gone (refused, reset, 502/503/504) is passed to the next one, as a production balancer would.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { isExecutable, waitForHttp } from '../processes.ts';

export interface BalancedService {
  /** The balancer's port for this service. */
  port: number;
  /** The instances' ports on 127.0.0.1. */
  instances: number[];
}

export interface Nginx {
  process: ChildProcess;
  stop(): Promise<void>;
}

function upstream(name: string, service: BalancedService): string {
  // A failed instance is skipped for two seconds, then tried again.
  const servers = service.instances.map((port) => `    server 127.0.0.1:${port} max_fails=1 fail_timeout=2s;`).join('\n');
  return `  upstream ${name} {\n${servers}\n    keepalive 16;\n  }`;
}

function server(name: string, service: BalancedService): string {
  return `  server {
    listen 127.0.0.1:${service.port};
    client_max_body_size 50m;
    location / {
      proxy_pass http://${name};
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
      # GETs go to the next instance on any failure; a POST only if it never reached one (no double submissions).
      proxy_next_upstream error timeout http_502 http_503 http_504;
      proxy_next_upstream_tries 3;
      proxy_connect_timeout 2s;
      proxy_read_timeout 60s;
    }
  }`;
}

/** nginx from PATH (Debian puts it in /usr/sbin), or undefined. */
export function findNginx(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return [...(env.PATH ?? '').split(delimiter), '/usr/sbin']
    .filter((dir) => dir !== '')
    .map((dir) => join(dir, 'nginx'))
    .find(isExecutable);
}

/** Writes the configuration into `dir` and starts nginx in the foreground; ready once `readyUrl` (through it) answers. */
export async function startNginx(dir: string, services: { site: BalancedService; cms: BalancedService }, readyUrl: string): Promise<Nginx> {
  mkdirSync(dir, { recursive: true });
  const config = `# written by scripts/cluster/nginx.ts
${process.getuid?.() === 0 ? 'user root;' : ''}
worker_processes 1;
pid ${join(dir, 'nginx.pid')};
error_log ${join(dir, 'error.log')} warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path ${join(dir, 'body')};
  proxy_temp_path ${join(dir, 'proxy')};
  fastcgi_temp_path ${join(dir, 'fastcgi')};
  uwsgi_temp_path ${join(dir, 'uwsgi')};
  scgi_temp_path ${join(dir, 'scgi')};
${upstream('site', services.site)}
${upstream('cms', services.cms)}
${server('site', services.site)}
${server('cms', services.cms)}
}
`;
  const file = join(dir, 'nginx.conf');
  writeFileSync(file, config);
  const binary = findNginx();
  if (!binary) throw new Error('nginx was not found (Debian: sudo apt-get install nginx)');
  const child = spawn(binary, ['-p', dir, '-c', file, '-g', 'daemon off;'], { stdio: ['ignore', 'ignore', 'inherit'] });
  await waitForHttp(readyUrl, 20_000, child);
  return {
    process: child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGQUIT');
      }),
  };
}
