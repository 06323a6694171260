import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { KeylessError } from '../../../src/errors.js';
import { localActionFiles, workflowFromRef } from '../../../src/policy/pins/sources.js';

const { win32, posix } = path;

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    return error instanceof KeylessError ? error.code : 'not a KeylessError';
  }
  return undefined;
}

describe('the running workflow, from GITHUB_WORKFLOW_REF', () => {
  const ref = 'acme/widget/.github/workflows/ci.yml@refs/heads/main';

  it('is read from the Windows checkout and reported with /', () => {
    expect(workflowFromRef(ref, 'D:\\a\\widget\\widget', win32)).toEqual({
      repo: 'acme/widget',
      file: '.github/workflows/ci.yml',
      local: 'D:\\a\\widget\\widget\\.github\\workflows\\ci.yml',
    });
  });

  it('is read from a POSIX checkout', () => {
    expect(workflowFromRef(ref, '/home/runner/work/widget/widget', posix)).toEqual({
      repo: 'acme/widget',
      file: '.github/workflows/ci.yml',
      local: '/home/runner/work/widget/widget/.github/workflows/ci.yml',
    });
  });

  it('refuses a path that is not plain, which would name another file on one OS or in the API URL', () => {
    for (const bad of ['acme/widget/.github/workflows/../../../secrets.yml@refs/heads/main', 'acme/widget/.github\\workflows\\ci.yml@refs/heads/main', 'acme/widget/.github//ci.yml@refs/heads/main', 'acme/widget/./ci.yml@refs/heads/main']) {
      expect(codeOf(() => workflowFromRef(bad, 'D:\\a\\widget', win32)), bad).toBe('INPUT_INVALID');
    }
    expect(codeOf(() => workflowFromRef('', '/w', posix))).toBe('INPUT_INVALID');
  });
});

describe('local actions (uses: ./path)', () => {
  it('are found in the Windows checkout, / or \\ in the uses: path, and reported with /', () => {
    const expected = [
      { file: 'actions/build/action.yml', local: 'D:\\a\\w\\actions\\build\\action.yml' },
      { file: 'actions/build/action.yaml', local: 'D:\\a\\w\\actions\\build\\action.yaml' },
    ];
    expect(localActionFiles('D:\\a\\w', 'actions/build', win32)).toEqual(expected);
    expect(localActionFiles('D:\\a\\w', 'actions\\build', win32)).toEqual(expected);
    expect(localActionFiles('D:\\a\\w', '.', win32).map((f) => f.file)).toEqual(['action.yml', 'action.yaml']);
  });

  it('are never read outside the checkout', () => {
    expect(localActionFiles('D:\\a\\w', '..\\other', win32)).toEqual([]);
    expect(localActionFiles('D:\\a\\w', '../other', win32)).toEqual([]);
    expect(localActionFiles('/srv/w', '../other', posix)).toEqual([]);
    expect(localActionFiles('/srv/w', 'x/../../other', posix)).toEqual([]);
  });

  it('take a folder whose name only starts with two dots', () => {
    expect(localActionFiles('/srv/w', '..actions', posix).map((f) => f.file)).toEqual(['..actions/action.yml', '..actions/action.yaml']);
  });
});
