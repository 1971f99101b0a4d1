// Types of build.mjs for the tests that import it.
export const PAGES: { name: string; dir: string }[];
export function renderPage(page: { name: string; dir: string }): Promise<string>;
export function assertNoDoubleSlash(name: string, html: string): void;
export function build(): Promise<string[]>;
