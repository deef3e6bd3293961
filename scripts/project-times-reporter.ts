// A vitest reporter that adds, after the usual summary, each project's time: from its first test
// file's start to its last one's end (the projects run side by side), and its files and tests.
import type { Reporter, TestModule } from 'vitest/node';

interface ProjectTime {
  first: number;
  last: number;
  files: number;
  tests: number;
  failed: number;
}

export default class ProjectTimesReporter implements Reporter {
  private readonly projects = new Map<string, ProjectTime>();
  private started = Date.now();

  onTestRunStart(): void {
    this.started = Date.now();
  }

  onTestModuleStart(module: TestModule): void {
    const name = module.project.name || 'default';
    const time = this.projects.get(name) ?? { first: Date.now(), last: Date.now(), files: 0, tests: 0, failed: 0 };
    time.first = Math.min(time.first, Date.now());
    this.projects.set(name, time);
  }

  onTestModuleEnd(module: TestModule): void {
    const time = this.projects.get(module.project.name || 'default');
    if (!time) return;
    time.last = Date.now();
    time.files += 1;
    for (const test of module.children.allTests()) {
      time.tests += 1;
      if (test.result().state === 'failed') time.failed += 1;
    }
  }

  onTestRunEnd(): void {
    if (this.projects.size === 0) return;
    const seconds = (ms: number) => `${(ms / 1000).toFixed(1).padStart(6)} s`;
    const lines = [...this.projects.entries()]
      .sort(([, a], [, b]) => a.first - b.first)
      .map(
        ([name, time]) =>
          `  ${name.padEnd(8)} ${seconds(time.last - time.first)}  (from ${seconds(time.first - this.started).trim()} after the start)  ${time.files} files, ${time.tests} tests${time.failed ? `, ${time.failed} failed` : ''}`,
      );
    console.log(
      [
        '',
        'Time per project (first file started → last file ended; global setup and builds come before):',
        ...lines,
        `  in all   ${seconds(Date.now() - this.started)}`,
      ].join('\n'),
    );
  }
}
