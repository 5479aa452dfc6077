// The layering rules fire: sample files at the paths they would have, linted with the project's own config.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';
import { checkImport } from '../../../scripts/lint/layers.mjs';

const eslint = new ESLint({ cwd: path.resolve('.') });

async function problems(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.resolve(file) });
  return (result?.messages ?? []).map((m) => `${m.ruleId}: ${m.message}`);
}

describe('lint: the layering rules of docs/architecture.md', () => {
  it('X-5 electron may be imported in the shell only', async () => {
    const code = "import { app } from 'electron';\nexport const a = app;\n";
    expect(await problems('main/core/visitors/sample.ts', code)).toEqual([expect.stringMatching(/layers\/imports: 'electron' may not be imported here/)]);
    expect(await problems('main/server/sample.ts', code)).toHaveLength(1);
    expect(await problems('main/app/sample.ts', code)).toEqual([]);
    expect(await problems('main/preload.ts', code)).toEqual([]);
  });

  it('X-1 ids come only from main/core/ids.ts and the core reads time only from its clock', async () => {
    expect(await problems('main/core/visitors/sample.ts', "import { ulid } from 'ulid';\nexport const a = ulid();\n")).toEqual([
      expect.stringMatching(/'ulid' may not be imported here: every id comes from main\/core\/ids.ts/),
    ]);
    expect(await problems('main/core/visitors/sample.ts', 'export const now = () => Date.now();\n')).toEqual([
      expect.stringMatching(/no-restricted-syntax: The core reads time from ctx.now/),
    ]);
    expect(await problems('main/server/sample.ts', 'export const now = () => Date.now();\n')).toEqual([]);
  });

  it('X-1 the core imports no shell, transport or host; shared imports neither side; the renderer not main', async () => {
    expect(await problems('main/core/visitors/sample.ts', "import { x } from '../../server/http-server';\nexport const a = x;\n")).toEqual([
      expect.stringMatching(/main\/core\/ may not import main\/server\//),
    ]);
    expect(await problems('shared/rules/sample.ts', "import { x } from '../../main/core/ids';\nexport const a = x;\n")).toHaveLength(1);
    expect(await problems('renderer/src/features/calls/sample.ts', "import { x } from '../../../../main/core/ids';\nexport const a = x;\n")).toHaveLength(1);
    expect(await problems('main/ipc/sample.ts', "import { x } from '../app/security';\nexport const a = x;\n")).toHaveLength(1);
  });

  it('X-1 a feature reaches another only through its index.ts', async () => {
    expect(await problems('main/core/visitors/sample.ts', "import { x } from '../calls/ring-timer';\nexport const a = x;\n")).toEqual([
      expect.stringMatching(/import main\/core\/calls through its public face/),
    ]);
    expect(await problems('main/core/visitors/sample.ts', "import { x } from '../calls';\nexport const a = x;\n")).toEqual([]);
    // The core's own machinery is open to every feature, and a feature's own files to itself.
    expect(await problems('main/core/visitors/sample.ts', "import { x } from '../store/sql';\nimport { y } from './desk';\nexport const a = [x, y];\n")).toEqual([]);
    expect(await problems('renderer/src/features/calls/sample.ts', "import { x } from '../visitors/VisitorForm';\nexport const a = x;\n")).toEqual([
      expect.stringMatching(/renderer\/src\/features\/visitors through its public face/),
    ]);
  });

  it('X-1 the rule table itself: ui below features below app', () => {
    expect(checkImport('renderer/src/ui/Sample.tsx', '../features/calls')).toMatch(/ui is below the features/);
    expect(checkImport('renderer/src/features/calls/Sample.tsx', '../../app/registry')).toMatch(/features are below the app/);
    expect(checkImport('renderer/src/app/registry.tsx', '../features/calls/CallLogPage')).toBeNull();
    expect(checkImport('main/core/features.ts', './visitors/desk')).toBeNull();
    // The core's machinery is below the features (two named exceptions).
    expect(checkImport('main/core/store/open.ts', '../backup')).toMatch(/the core's machinery, below the features/);
    expect(checkImport('main/core/audit/verify-content.ts', '../incidents/rows')).toBeNull();
    expect(checkImport('main/core/audit/verify.ts', '../incidents/rows')).toMatch(/below the features/);
  });
});
