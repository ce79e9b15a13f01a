// Fails when src/api/schema.d.ts differs from what openapi-typescript generates from ../openapi/openapi.json.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dir = mkdtempSync(join(tmpdir(), 'schema-'));
const fresh = join(dir, 'schema.d.ts');
try {
  execFileSync('npx', ['openapi-typescript', '../openapi/openapi.json', '--default-non-nullable', 'false', '-o', fresh], { stdio: 'pipe' });
  const committed = readFileSync('src/api/schema.d.ts', 'utf8');
  if (readFileSync(fresh, 'utf8') !== committed) {
    console.error('src/api/schema.d.ts is stale: run `npm run gen` (or `make openapi`) and commit the result.');
    process.exitCode = 1;
  } else {
    console.log('src/api/schema.d.ts matches ../openapi/openapi.json');
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
