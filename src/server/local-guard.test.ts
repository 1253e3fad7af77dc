import { describe, expect, it } from 'vitest';
import { hostAllowed, LOCAL_NAMES } from './local-guard.js';

const local = new Set(LOCAL_NAMES);

describe('hostAllowed', () => {
  it('accepts this machine by name or address, on the right port', () => {
    expect(hostAllowed('localhost:4321', local, 4321)).toBe(true);
    expect(hostAllowed('127.0.0.1:4321', local, 4321)).toBe(true);
    expect(hostAllowed('[::1]:4321', local, 4321)).toBe(true);
    expect(hostAllowed('LOCALHOST:4321', local, 4321)).toBe(true);
    expect(hostAllowed('localhost', local, 80)).toBe(true);
  });

  it('refuses other names, which is what a DNS-rebinding page sends', () => {
    expect(hostAllowed('evil.example:4321', local, 4321)).toBe(false);
    expect(hostAllowed('localhost.evil.example:4321', local, 4321)).toBe(false);
    expect(hostAllowed('127.0.0.1.nip.io:4321', local, 4321)).toBe(false);
    expect(hostAllowed('evil@localhost:4321', local, 4321)).toBe(false);
    expect(hostAllowed(undefined, local, 4321)).toBe(false);
    expect(hostAllowed('', local, 4321)).toBe(false);
  });

  it('refuses another port when the port is known', () => {
    expect(hostAllowed('localhost:8080', local, 4321)).toBe(false);
    expect(hostAllowed('localhost', local, 4321)).toBe(false);
    expect(hostAllowed('localhost:8080', local, null)).toBe(true);
  });
});
