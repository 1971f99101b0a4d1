// jsdom's request interception (not in test/sidebar/jsdom.d.ts, which declares only what those tests use).
declare module 'jsdom' {
  export interface ConstructorOptions {
    resources?: 'usable' | { interceptors?: unknown[] };
  }

  /** Sees every request the document makes; a returned Response answers it without any network. */
  export function requestInterceptor(
    fn: (
      request: Request,
      context: { element: Element | null },
    ) => Response | undefined | Promise<Response | undefined>,
  ): unknown;
}
