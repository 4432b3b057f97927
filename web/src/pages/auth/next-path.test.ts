import { describe, expect, it } from 'vitest';
import { nextPathOf, signInHref } from './next-path.ts';

describe('the sign-in page’s next address', () => {
  it('comes back to the page that sent the user to sign in, query included', () => {
    const href = signInHref('/diem/co-quan', '?period=2025-Q2&agency=H99.01');
    expect(href).toBe('/dang-nhap?tiep=%2Fdiem%2Fco-quan%3Fperiod%3D2025-Q2%26agency%3DH99.01');
    expect(nextPathOf(new URL(href, 'http://localhost').search)).toBe(
      '/diem/co-quan?period=2025-Q2&agency=H99.01',
    );
  });

  it('keeps Vietnamese paths and references as they were', () => {
    expect(nextPathOf(`?tiep=${encodeURIComponent('/ho-so/H99.01-250401-0001')}`)).toBe(
      '/ho-so/H99.01-250401-0001',
    );
  });

  it('goes to the dossier list without a usable next address', () => {
    expect(nextPathOf('')).toBe('/ho-so');
    expect(nextPathOf('?tiep=')).toBe('/ho-so');
    expect(nextPathOf('?tiep=ho-so')).toBe('/ho-so');
    // Back to the sign-in page itself would only ask again.
    expect(nextPathOf('?tiep=%2Fdang-nhap%3Ftiep%3D%252Fho-so')).toBe('/ho-so');
  });

  it('never leaves the site (open redirect)', () => {
    for (const next of [
      'https://evil.example/ho-so',
      '//evil.example/ho-so',
      '/\\evil.example',
      '\\\\evil.example',
      '/\t/evil.example',
      '/\n/evil.example',
      'javascript:alert(1)',
      ' //evil.example',
    ]) {
      expect(nextPathOf(`?${new URLSearchParams({ tiep: next }).toString()}`), next).toBe('/ho-so');
    }
  });
});
