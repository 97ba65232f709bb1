// The html tag escapes every interpolated value, checks URLs in URL attributes, refuses values where
// they would become script or attributes; fast-check tries arbitrary strings in every position.
import fc from 'fast-check'
import { parseHTML } from 'linkedom'
import { describe, expect, it } from 'vitest'
import { attrUrl, escapeHtml, html, joinHtml, SafeHtml, safeUrl } from '../../src/web/html.ts'

const HOSTILE = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "' onmouseover='alert(1)",
  '&lt;b&gt;',
]

describe('html``', () => {
  it('escapes & < > " \' in text and attribute values', () => {
    const out = html`<p title="${`a"b'c`}">${'<b>&</b>'}</p>`.toString()
    expect(out).toBe('<p title="a&quot;b&#39;c">&lt;b&gt;&amp;&lt;/b&gt;</p>')
  })

  it('keeps SafeHtml as it is and joins arrays', () => {
    const items = ['x', '<y>'].map((item) => html`<li>${item}</li>`)
    expect(html`<ul>${items}</ul>`.toString()).toBe('<ul><li>x</li><li>&lt;y&gt;</li></ul>')
    expect(joinHtml(['a', html`<b>b</b>`], ', ').toString()).toBe('a, <b>b</b>')
  })

  it('prints nothing for false, null, undefined and the empty string; numbers as text', () => {
    expect(html`<p>${false}${null}${undefined}${''}${3}${10n}</p>`.toString()).toBe('<p>310</p>')
  })

  it('cannot be forged: only the tag makes SafeHtml', () => {
    const fake = { toString: () => '<script>' } as unknown as string
    expect(html`<p>${fake}</p>`.toString()).toBe('<p>&lt;script&gt;</p>')
    expect(Object.create(SafeHtml.prototype)).toBeInstanceOf(SafeHtml)
    expect(() => html`<p>${Object.create(SafeHtml.prototype) as SafeHtml}</p>`.toString()).toThrow()
  })

  it('refuses a plain value between attributes and inside an on… attribute', () => {
    expect(() => html`<input ${'onfocus=alert(1)'}>`).toThrow(/quoted/)
    expect(() => html`<a onclick="${'alert(1)'}">x</a>`).toThrow(/on…/)
    expect(html`<input ${html`checked`}>`.toString()).toBe('<input checked>')
  })

  it('turns a URL attribute that would leave the site or run script into "#"', () => {
    for (const url of [
      'javascript:alert(1)',
      ' JaVaScRiPt:alert(1)',
      'java\tscript:alert(1)',
      'data:text/html,x',
      '//evil.example/',
      '\\\\evil.example',
      'http://evil.example/',
      'vbscript:x',
    ]) {
      expect(html`<a href="${url}">x</a>`.toString()).toBe('<a href="#">x</a>')
      expect(attrUrl(url).toString()).toBe('#')
    }
    expect(html`<a href="/${'/evil.example'}">x</a>`.toString()).toBe('<a href="/#">x</a>')
    expect(html`<a href="${'/tenders?state=draft&x=1'}">x</a>`.toString()).toBe(
      '<a href="/tenders?state=draft&amp;x=1">x</a>',
    )
    expect(html`<form action="${'https://example.org/a'}"></form>`.toString()).toContain(
      'https://example.org/a',
    )
    expect(safeUrl('?lang=en')).toBe('?lang=en')
    expect(safeUrl('#main')).toBe('#main')
  })

  it('lets no interpolated string survive unescaped, in text or in a quoted attribute', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string(), (text, attribute) => {
        const out = html`<div title="${attribute}"><p>${text}</p></div>`.toString()
        const { document } = parseHTML(`<!doctype html><html><body>${out}</body></html>`)
        const div = document.querySelector('div')
        expect(div?.getAttribute('title')).toBe(attribute)
        expect(document.querySelector('p')?.textContent).toBe(text)
        expect(div?.children.length).toBe(1)
        expect(escapeHtml(text)).not.toMatch(/[<>"']/)
      }),
      { numRuns: 200 },
    )
  })

  it('renders hostile strings as text', () => {
    for (const hostile of HOSTILE) {
      const out = html`<p class="${hostile}">${hostile}</p>`.toString()
      const { document } = parseHTML(`<html><body>${out}</body></html>`)
      expect(document.querySelectorAll('script, img').length).toBe(0)
      expect(document.querySelector('p')?.textContent).toBe(hostile)
      expect(document.querySelector('p')?.getAttributeNames()).toEqual(['class'])
    }
  })
})
