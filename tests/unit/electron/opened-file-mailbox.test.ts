import { describe, expect, it } from 'vitest';
import { OPENED_FILE_MESSAGE, isOpenedFileMessage, type OpenedFileMessage } from '../../../main/contract.ts';
import { OpenedFileMailbox } from '../../../main/electron/opened-file-mailbox.ts';

const file = (name: string) => ({ flow: 'import', name, bytes: new Uint8Array([1, 2]) });

describe('OpenedFileMailbox (the preload’s side of files the system opened)', () => {
  it('keeps files until the page listens, then posts them in order, and later ones at once', () => {
    const posted: OpenedFileMessage[] = [];
    const mailbox = new OpenedFileMailbox((m) => posted.push(m));
    mailbox.put(file('a.apkg'));
    mailbox.put(file('b.apkg'));
    expect(posted).toEqual([]);
    mailbox.ready();
    mailbox.put(file('c.apkg'));
    expect(posted.map((m) => [m.type, m.name])).toEqual([
      [OPENED_FILE_MESSAGE, 'a.apkg'],
      [OPENED_FILE_MESSAGE, 'b.apkg'],
      [OPENED_FILE_MESSAGE, 'c.apkg'],
    ]);
  });

  it('drops anything not shaped as a file: no bytes, an unknown flow, no name', () => {
    const posted: OpenedFileMessage[] = [];
    const mailbox = new OpenedFileMailbox((m) => posted.push(m));
    mailbox.ready();
    for (const bad of [null, 'a.apkg', { flow: 'import', name: 'a.apkg', bytes: 'AAEC' }, { flow: 'run', name: 'a', bytes: new Uint8Array() }, { flow: 'article', name: '', bytes: new Uint8Array() }]) mailbox.put(bad);
    expect(posted).toEqual([]);
    expect(isOpenedFileMessage({ type: OPENED_FILE_MESSAGE, ...file('ok.apkg') })).toBe(true);
  });
});
