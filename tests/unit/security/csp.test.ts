// The Content-Security-Policy both shells send, and the copy in index.html that guards the page
// even before headers apply (a page saved to disk, a future shell).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../main/security.ts';

const root = path.resolve(import.meta.dirname, '../../..');

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [name!, values]),
  );
}

const metaPolicy = () => {
  const html = readFileSync(path.join(root, 'renderer/index.html'), 'utf8');
  const m = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html);
  if (!m) throw new Error('renderer/index.html: no Content-Security-Policy meta tag');
  return m[1]!;
};

describe('the Content-Security-Policy', () => {
  const policy = directives(CONTENT_SECURITY_POLICY);

  it("denies everything by default: default-src 'none'", () => {
    expect(policy.get('default-src')).toEqual(["'none'"]);
  });

  it('allows no inline script, no eval and no inline style', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|unsafe-hashes|wasm-unsafe-eval|strict-dynamic/);
    expect(policy.get('script-src')).toEqual(["'self'"]);
    expect(policy.get('style-src')).toEqual(["'self'"]);
  });

  it('names no remote origin and no scheme source: every fetch directive is self or none', () => {
    for (const [name, values] of policy) {
      if (!name.endsWith('-src')) continue;
      for (const value of values) expect(["'self'", "'none'"], `${name} ${value}`).toContain(value);
    }
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|wss?:|data:|blob:|\*/);
  });

  it('closes base-uri, form-action, object-src and framing', () => {
    for (const name of ['base-uri', 'form-action', 'object-src', 'frame-ancestors']) expect(policy.get(name), name).toEqual(["'none'"]);
  });

  it("is the same in index.html's meta tag, less frame-ancestors (which a meta tag cannot set)", () => {
    const meta = directives(metaPolicy());
    const expected = new Map(policy);
    expected.delete('frame-ancestors');
    expect(meta).toEqual(expected);
  });
});
