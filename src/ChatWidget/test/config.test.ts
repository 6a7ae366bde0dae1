import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseConfig, type ScriptLike } from '../src/config';

function tag(src: string, attrs: Record<string, string>): ScriptLike {
  return { src, getAttribute: (name) => attrs[name] ?? null };
}

const page = 'https://shop.example.com/products/42';

describe('parseConfig', () => {
  it('derives the base URL from the script address', () => {
    const c = parseConfig(tag('https://hub.example.com/widget.js', { 'data-tenant': 'acme' }), page);
    assert.deepEqual(c, { base: 'https://hub.example.com', tenant: 'acme', lang: null, dock: 'auto' });
  });

  it('keeps a path base and drops query and fragment', () => {
    const c = parseConfig(tag('https://example.com/gamify/widget.js?v=3#x', { 'data-tenant': 'acme' }), page);
    assert.equal(c?.base, 'https://example.com/gamify');
  });

  it('resolves a relative src against the page', () => {
    const c = parseConfig(tag('/hg/widget.js', { 'data-tenant': 'acme' }), page);
    assert.equal(c?.base, 'https://shop.example.com/hg');
  });

  it('reads data-lang and data-dock', () => {
    const c = parseConfig(tag('https://h/widget.js', { 'data-tenant': 'acme', 'data-lang': 'NB', 'data-dock': 'none' }), page);
    assert.equal(c?.lang, 'nb');
    assert.equal(c?.dock, 'none');
  });

  it('treats an unknown data-dock as auto', () => {
    assert.equal(parseConfig(tag('https://h/widget.js', { 'data-tenant': 'acme', 'data-dock': 'left' }), page)?.dock, 'auto');
  });

  it('refuses a missing or malformed tenant', () => {
    assert.equal(parseConfig(tag('https://h/widget.js', {}), page), null);
    assert.equal(parseConfig(tag('https://h/widget.js', { 'data-tenant': 'Acme Corp' }), page), null);
    assert.equal(parseConfig(tag('https://h/widget.js', { 'data-tenant': 'x'.repeat(41) }), page), null);
  });

  it('refuses a non-http source', () => {
    assert.equal(parseConfig(tag('javascript:alert(1)', { 'data-tenant': 'acme' }), page), null);
  });
});
