import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { catalogues, merge } from '.';

type Tree = { [key: string]: string | Tree };

function keys(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`] : keys(v, `${prefix}${k}.`)));
}

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) && name !== 'schema.d.ts' ? [path] : [];
  });
}

describe('catalogues', () => {
  const fr = keys(catalogues.fr as Tree).sort();

  it.each(['nl', 'en'] as const)('%s has exactly the keys of fr', (language) => {
    expect(keys(catalogues[language] as Tree).sort()).toEqual(fr);
  });

  it('has no empty label', () => {
    for (const language of ['fr', 'nl', 'en'] as const) {
      const tree = catalogues[language] as Tree;
      for (const key of keys(tree)) {
        const value = key.split('.').reduce<string | Tree>((node, part) => (node as Tree)[part]!, tree);
        expect(String(value).trim(), `${language}: ${key}`).not.toBe('');
      }
    }
  });

  it('knows every key the screens ask for literally', () => {
    const known = new Set(fr);
    const missing: string[] = [];
    for (const file of sources(join(__dirname, '..'))) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\bt\(\s*'([a-zA-Z0-9_.-]+)'/g)) {
        if (!known.has(m[1]!)) missing.push(`${file}: ${m[1]}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('refuses a key defined in two parts', () => {
    expect(() => merge({ a: { b: 'x' } }, { a: { b: 'y' } })).toThrow(/a|b/);
  });
});
