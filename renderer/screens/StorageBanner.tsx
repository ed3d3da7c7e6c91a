import { useEffect, useState } from 'preact/hooks';
import type { StorageStatus } from '../../main/contract.ts';
import { call, STORAGE_CHECK } from '../api.ts';

/** How often the banner asks whether changes are being saved: a snapshot fails (or recovers) in the background. */
const CHECK_EVERY_MS = 10_000;

/**
 * Above every screen while the collection's changes are not being saved (a read-only folder, a
 * full disk, a drive unplugged): what is wrong and what to do, until it is put right.
 */
export function StorageBanner() {
  const [status, setStatus] = useState<StorageStatus>({ state: 'ok' });
  useEffect(() => {
    let live = true;
    const check = () =>
      call('getStorageStatus', {}).then(
        (s) => live && setStatus(s),
        () => {
          // The bridge itself failed: the screen's own call says so.
        },
      );
    check();
    const timer = setInterval(check, CHECK_EVERY_MS);
    window.addEventListener(STORAGE_CHECK, check);
    return () => {
      live = false;
      clearInterval(timer);
      window.removeEventListener(STORAGE_CHECK, check);
    };
  }, []);
  if (status.state === 'ok') return null;
  return (
    <div class="storage-banner" role="alert">
      <strong>{status.state === 'read-only' ? 'Read-only collection' : 'Changes are not being saved'}</strong> {status.message}
    </div>
  );
}
