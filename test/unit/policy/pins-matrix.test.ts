import { describe, expect, it } from 'vitest';
import { parseAllowList } from '../../../src/policy/pins/policy.js';
import { scanText } from '../../../src/policy/pins/scan.js';
import { matrixPath } from '../../../src/policy/pins/matrix.js';

// Containers and services driven by a matrix, in the shapes large real workflows use: one finding per
// unpinned value, at the line of the container:/image: key, naming the line the value is written on;
// nothing for an entry without the property; "dynamic" only for a value made outside the file.

const DIGEST = `@sha256:${'c'.repeat(64)}`;
const scan = (text: string) => scanText('w.yml', text, parseAllowList([])).map(({ line, ref, matrix_line, dynamic }) => ({ line, ref, ...(matrix_line ? { matrix_line } : {}), ...(dynamic ? { dynamic } : {}) }));

describe('pins in a matrix', () => {
  it('expands a property of matrix objects, skipping entries without it and pinned ones', () => {
    const text = `jobs:
  build:
    strategy:
      matrix:
        build:
          - name: linux
            container: ubuntu:24.04
          - name: alpine
            container: alpine${DIGEST}
          - name: mac
          - name: musl
            container: { image: rust:alpine }
    container: \${{ matrix.build.container }}
    runs-on: x
`;
    expect(scan(text)).toEqual([
      { line: 13, ref: 'ubuntu:24.04', matrix_line: 7 },
      { line: 13, ref: 'rust:alpine', matrix_line: 12 },
    ]);
  });

  it("reads matrix['a'].b and matrix.a['b'] as matrix.a.b", () => {
    expect(matrixPath("matrix[build].container")).toEqual(['build', 'container']);
    expect(matrixPath('matrix.build[container]')).toEqual(['build', 'container']);
    expect(matrixPath('needs.a.outputs.b')).toBeUndefined();
    const text = "jobs:\n  a:\n    strategy: {matrix: {cfg: [{img: 'node:22'}]}}\n    container: ${{ matrix['cfg'].img }}\n    services:\n      db:\n        image: ${{ matrix.cfg['img'] }}\n";
    expect(scan(text)).toEqual([
      { line: 4, ref: 'node:22', matrix_line: 3 },
      { line: 7, ref: 'node:22', matrix_line: 3 },
    ]);
  });

  it('honours exclude, partial matches included, and include that extends or adds combinations', () => {
    const text = `jobs:
  a:
    strategy:
      matrix:
        os: [linux, windows]
        image: [redis:7, redis:8]
        exclude:
          - image: redis:7
        include:
          - os: linux
            extra: postgres:16
          - os: freebsd
            image: valkey:8
    services:
      cache:
        image: \${{ matrix.image }}
      db:
        image: \${{ matrix.extra }}
`;
    expect(scan(text)).toEqual([
      { line: 16, ref: 'redis:8', matrix_line: 6 },
      { line: 16, ref: 'valkey:8', matrix_line: 13 },
      { line: 18, ref: 'postgres:16', matrix_line: 11 },
    ]);
  });

  it('excludes a combination whose object value only partly matches the rule', () => {
    const text = `jobs:
  a:
    strategy:
      matrix:
        cfg:
          - { image: 'gcc:14', arch: x64 }
          - { image: 'gcc:13', arch: arm }
        exclude:
          - cfg: { arch: arm }
    container: \${{ matrix.cfg.image }}
`;
    expect(scan(text)).toEqual([{ line: 10, ref: 'gcc:14', matrix_line: 6 }]);
  });

  it("reads fromJSON('…') of a literal, as the matrix, an axis or include", () => {
    const whole = `jobs:\n  a:\n    strategy:\n      matrix: \${{ fromJSON('{"include":[{"c":"debian:12"},{"c":"debian${DIGEST}"}]}') }}\n    container: \${{ matrix.c }}\n`;
    expect(scan(whole)).toEqual([{ line: 5, ref: 'debian:12', matrix_line: 4 }]);
    const axis = `jobs:\n  a:\n    strategy:\n      matrix:\n        image: \${{ fromJSON('["python:3.12", "python:3.13"]') }}\n    container: \${{ matrix.image }}\n`;
    expect(scan(axis)).toEqual([
      { line: 6, ref: 'python:3.12', matrix_line: 5 },
      { line: 6, ref: 'python:3.13', matrix_line: 5 },
    ]);
  });

  it('calls a value dynamic only when it comes from outside the file', () => {
    const outside = "jobs:\n  a:\n    strategy:\n      matrix: ${{ fromJSON(needs.setup.outputs.matrix) }}\n    container: ${{ matrix.image }}\n";
    expect(scan(outside)).toEqual([{ line: 5, ref: 'matrix.image', dynamic: true }]);
    const axis = "jobs:\n  a:\n    strategy:\n      matrix:\n        image: ${{ fromJSON(needs.setup.outputs.images) }}\n        os: [linux]\n    container: ${{ matrix.image }}\n";
    expect(scan(axis)).toEqual([{ line: 7, ref: 'matrix.image', dynamic: true }]);
    // No matrix, or no such property: GitHub evaluates it to null, and the job runs without a container.
    expect(scan('jobs:\n  a:\n    container: ${{ matrix.image }}\n')).toEqual([]);
    expect(scan('jobs:\n  a:\n    strategy: {matrix: {os: [a, b]}}\n    container: ${{ matrix.image }}\n')).toEqual([]);
    expect(scan('jobs:\n  a:\n    container: ${{ needs.setup.outputs.image }}\n')).toEqual([{ line: 3, ref: 'needs.setup.outputs.image', dynamic: true }]);
  });

  it('follows a matrix value that is an expression of other literals', () => {
    const text = "jobs:\n  a:\n    strategy: {matrix: {img: ['alpine:3']}}\n    container: ${{ matrix.img || 'busybox:1' }}\n";
    expect(scan(text)).toEqual([
      { line: 4, ref: 'alpine:3', matrix_line: 3 },
      { line: 4, ref: 'busybox:1' },
    ]);
  });
});
