/** The two passphrases the crash loop's child alternates between. */
export const PASSPHRASES = ['crash loop passphrase one', 'crash loop passphrase two'] as const;
