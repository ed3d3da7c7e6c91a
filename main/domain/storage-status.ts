/** Whether the collection's changes are being saved: every screen shows a banner when they are not. */
export type StorageStatus = { state: 'ok' } | { state: 'read-only' | 'failing'; message: string };
