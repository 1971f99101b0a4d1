// The few jsdom APIs the sidebar tests use (jsdom ships no types and @types/jsdom is not installed).
declare module 'jsdom' {
  export type DOMWindow = Window & typeof globalThis;

  export class VirtualConsole {
    on(event: 'jsdomError', listener: (error: Error) => void): this;
    on(event: 'error' | 'warn' | 'log' | 'info', listener: (...args: unknown[]) => void): this;
  }

  export interface ConstructorOptions {
    url?: string;
    runScripts?: 'dangerously' | 'outside-only';
    pretendToBeVisual?: boolean;
    virtualConsole?: VirtualConsole;
    beforeParse?(window: DOMWindow): void;
  }

  export class JSDOM {
    constructor(html?: string, options?: ConstructorOptions);
    readonly window: DOMWindow;
  }
}
