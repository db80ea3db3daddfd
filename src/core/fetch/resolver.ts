import { lookup } from 'node:dns/promises';

/** One address a hostname resolved to. */
export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/**
 * Turns a hostname into every address it currently has. The fetcher checks all of them and connects only to
 * those, so tests inject a resolver instead of touching DNS.
 */
export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;

/** The system resolver (getaddrinfo: hosts file, then DNS), every answer in the order the system gives. */
export const systemResolver: Resolver = async (hostname) => {
  const answers = await lookup(hostname, { all: true, verbatim: true });
  return answers.map(({ address, family }) => ({ address, family: family === 6 ? 6 : 4 }));
};
