import { useState } from 'preact/hooks';
import type { BackupInfo } from '../../main/contract.ts';
import { call } from '../api.ts';
import { dateTimeLabel } from '../format.ts';
import { useApi } from '../use-api.ts';
import { ErrorMessage, Frame, Loading, OutcomeMessage, type Outcome } from './Frame.tsx';

export function Backups() {
  const [backups, reload] = useApi('listBackups', {});
  const [confirming, setConfirming] = useState<BackupInfo | null>(null);
  const [message, setMessage] = useState<Outcome>(null);

  async function restore(b: BackupInfo) {
    setConfirming(null);
    try {
      await call('restoreBackup', { id: b.id });
      setMessage({ kind: 'ok', text: `Restored the collection as it was on ${dateTimeLabel(b.createdAt)}. The state it replaced was backed up first.` });
    } catch (e) {
      setMessage({ kind: 'error', text: (e as Error).message });
    }
    reload();
  }

  return (
    <Frame title="Backups" back>
      <p class="muted">
        Deckhand backs up your collection when you quit and every 30 minutes while you study, keeping the newest twelve, one a day for two weeks and one a month for a year.
      </p>
      <OutcomeMessage outcome={message} />
      {backups.state === 'loading' && <Loading />}
      {backups.state === 'error' && <ErrorMessage message={backups.message} />}
      {backups.state === 'ready' &&
        (backups.value.length === 0 ? (
          <p class="empty">No backups yet. The first one is made when you quit after studying.</p>
        ) : (
          <ul class="backup-list">
            {backups.value.map((b) => (
              <li key={b.id} class="backup">
                <span>
                  <strong>{dateTimeLabel(b.createdAt)}</strong>
                  {b.beforeRestore && <span class="muted small"> · taken before a restore</span>}
                </span>
                {confirming?.id === b.id ? (
                  <span class="confirm" role="group" aria-label="Confirm restore">
                    <span>Replace the collection with this backup?</span>
                    <button type="button" class="button primary" onClick={() => void restore(b)} ref={(el) => el?.focus()}>
                      Restore
                    </button>
                    <button type="button" class="button secondary" onClick={() => setConfirming(null)}>
                      Cancel
                    </button>
                  </span>
                ) : (
                  <button type="button" class="button secondary" aria-label={`Restore the backup of ${dateTimeLabel(b.createdAt)}`} onClick={() => setConfirming(b)}>
                    Restore…
                  </button>
                )}
              </li>
            ))}
          </ul>
        ))}
    </Frame>
  );
}
