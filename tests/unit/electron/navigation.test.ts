import { describe, expect, it } from 'vitest';
import { API_METHODS, channelFor } from '../../../main/contract.ts';
import { COMMAND_CHANNEL, NAVIGATE_CHANNEL, ROUTES, isCommand, isRoute } from '../../../main/electron/navigation.ts';

describe('menu navigation', () => {
  it('has a channel of its own, apart from every API method', () => {
    expect(API_METHODS.map(channelFor)).not.toContain(NAVIGATE_CHANNEL);
    expect(API_METHODS.map(channelFor)).not.toContain(COMMAND_CHANNEL);
  });

  it('applies only the routes it lists', () => {
    expect(isRoute(ROUTES.decks)).toBe(true);
    for (const value of ['#/evil', 'javascript:alert(1)', 'https://example.com/', '', null, 1, { hash: '#/' }]) expect(isRoute(value)).toBe(false);
  });

  it('applies only the commands it lists', () => {
    expect(isCommand('undo')).toBe(true);
    for (const value of ['redo', 'eval', '', null]) expect(isCommand(value)).toBe(false);
  });
});
