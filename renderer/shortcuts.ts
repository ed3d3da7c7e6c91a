// Every keyboard shortcut, listed once: the Help screen shows this list. On macOS "Ctrl" reads "Cmd".
export const isMac = typeof navigator !== 'undefined' && /Mac/.test(navigator.platform);
const mod = isMac ? 'Cmd' : 'Ctrl';

export const SHORTCUTS: { section: string; keys: [keys: string, action: string][] }[] = [
  {
    section: 'Studying',
    keys: [
      ['Space or Enter', 'Show the answer'],
      ['1 / 2 / 3 / 4', 'Rate: Again / Hard / Good / Easy'],
      [`${mod}+Z`, 'Undo the last answer, bury or suspend'],
      ['-', 'Bury the card until tomorrow'],
      ['@', 'Suspend the card'],
      ['E', 'Edit the card'],
      ['Esc', 'Back to the decks'],
    ],
  },
  {
    section: 'Reading an article',
    keys: [
      ['Tab', 'Reach the article\'s text (then the keys below choose words without a mouse)'],
      ['Up / Down', 'Previous / next sentence'],
      ['Home / End', 'First / last sentence'],
      ['Right / Left', 'Select the next / previous word of the sentence'],
      ['Shift+Right / Shift+Left', 'Add a word to / drop a word from the end of the selection'],
      ['Esc', 'Clear the selection'],
      ['C', 'Make a cloze of the selected words'],
      ['Q', 'Write a question the selected words answer'],
    ],
  },
  {
    section: 'Inbox of drafts',
    keys: [
      ['Up / Down', 'Move between drafts'],
      ['A or Enter', 'Accept the draft'],
      ['E', 'Edit the draft before accepting it'],
      ['X', 'Reject the draft'],
    ],
  },
  {
    section: 'Statistics',
    keys: [
      ['Arrow keys', 'Move between the days of the calendar (Left and Right: a week; Up and Down: a day)'],
      ['Home / End', 'First or last day of the calendar'],
    ],
  },
  {
    section: 'Anywhere',
    keys: [
      [`${mod}+1`, 'Decks'],
      [`${mod}+2`, 'Statistics'],
      [`${mod}+B`, 'Browse cards'],
      [`${mod}+I`, 'Import and export'],
      [`${mod}+,`, 'Settings'],
      [`${mod}+/`, 'Keyboard shortcuts (this page)'],
      [`${mod}+Q`, 'Quit (desktop app)'],
    ],
  },
];
