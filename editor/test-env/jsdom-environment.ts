import { JSDOM } from 'jsdom';
import type { Environment } from 'vitest/runtime';
import { populateGlobal } from 'vitest/runtime';

/**
 * Vitest's jsdom environment, but with the editor's own jsdom (27): the lockfile gives Vitest
 * jsdom 31 as its peer, whose undici needs Node 22 (zlib zstd), while the workspace supports Node 20.
 * Remove once the lockfile pins a jsdom that runs on Node 20 for Vitest too.
 */
const environment: Environment = {
  name: 'editor-jsdom',
  viteEnvironment: 'client',
  setup(global: Record<string, unknown>) {
    const dom = new JSDOM('<!DOCTYPE html>', { pretendToBeVisual: true, url: 'http://localhost:3000' });
    const { keys, originals } = populateGlobal(global, dom.window, { bindFunctions: true });
    global['jsdom'] = dom;
    return {
      teardown(target: Record<string, unknown>) {
        dom.window.close();
        delete target['jsdom'];
        for (const key of keys) delete target[key];
        originals.forEach((value, key) => (target[key] = value));
      },
    };
  },
};

export default environment;
