// Runs before every e2e test file (vitest's setupFiles): what a file opened in the shared browser
// is closed after it.
import { afterAll } from 'vitest';
import { closeOpenContexts } from './browser.ts';

afterAll(closeOpenContexts);
