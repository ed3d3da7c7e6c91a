// Real third-party data lives in ../shared beside the checkout. Where it is absent, tests that
// need it are skipped and say why.
import { existsSync } from 'node:fs';
import path from 'node:path';

export const SHARED = path.resolve(import.meta.dirname, '../../../shared');
export const REALDATA = path.join(SHARED, 'realdata');
export const hasShared = existsSync(REALDATA);
export const sharedSkipReason = `skipped: ${REALDATA} is not present on this machine`;
