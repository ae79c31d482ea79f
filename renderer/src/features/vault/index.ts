/**
 * What the vault feature offers other features (Settings changes the passphrase and shows a new
 * recovery key with these). Other features import from here, never a file inside this folder.
 */
export { NewPassphraseForm } from './NewPassphrase';
export { RecoveryKeyNotice } from './RecoveryKeyNotice';
