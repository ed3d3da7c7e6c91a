import { SHORTCUTS } from '../shortcuts.ts';
import { Frame } from './Frame.tsx';

export function Help() {
  return (
    <Frame title="Keyboard shortcuts" back>
      <p class="muted">Everything in Deckhand works from the keyboard: Tab moves between controls, Enter or Space presses the one that has focus.</p>
      {SHORTCUTS.map((group) => (
        <section key={group.section} class="shortcuts" aria-labelledby={`keys-${group.section}`}>
          <h2 id={`keys-${group.section}`}>{group.section}</h2>
          <table>
            <thead>
              <tr>
                <th scope="col">Keys</th>
                <th scope="col">What they do</th>
              </tr>
            </thead>
            <tbody>
              {group.keys.map(([keys, action]) => (
                <tr key={keys}>
                  <td>
                    <kbd>{keys}</kbd>
                  </td>
                  <td>{action}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
    </Frame>
  );
}
