// SpreadsheetApp.getUi(): menus, sidebars, dialogs and alerts are recorded so tests (and the preview)
// can inspect them. Alerts and prompts answer from a queue the test fills (default: the first button).
import { type CallCounter, defineGas, GasObject, gasEnum } from './counter';
import type { LocalHtmlOutput } from './html';

export const Button = gasEnum('CLOSE', 'OK', 'CANCEL', 'YES', 'NO');
export const ButtonSet = gasEnum('OK', 'OK_CANCEL', 'YES_NO', 'YES_NO_CANCEL');

export type MenuEntry =
  | { kind: 'item'; caption: string; functionName: string }
  | { kind: 'separator' }
  | { kind: 'submenu'; menu: MenuRecord };

export interface MenuRecord {
  caption: string;
  items: MenuEntry[];
  /** From createAddonMenu: Sheets lists it under Extensions ▸ <the add-on's name> (caption is that name). */
  addon?: boolean;
}

export interface DialogRecord {
  /** Kenali shows sidebars only (no modal or modeless dialog). */
  kind: 'sidebar';
  title: string;
  content: string;
  width: number | null;
  /** 'Naming' when the page came from createHtmlOutputFromFile('Naming'). */
  fileName: string;
}

export interface AlertRecord {
  kind: 'alert' | 'prompt';
  title: string;
  prompt: string;
  buttons: string;
  response: string;
  text?: string;
}

interface QueuedResponse {
  button: string;
  text?: string;
}

/** A menu's items in order, those of its submenus included. */
export function menuItems(menu: MenuRecord): { caption: string; functionName: string }[] {
  return menu.items.flatMap((e) => (e.kind === 'item' ? [e] : e.kind === 'submenu' ? menuItems(e.menu) : []));
}

export class LocalUi extends GasObject {
  declare readonly Button: typeof Button;
  declare readonly ButtonSet: typeof ButtonSet;
  readonly menus: MenuRecord[] = [];
  readonly dialogs: DialogRecord[] = [];
  readonly alerts: AlertRecord[] = [];
  private readonly responses: QueuedResponse[] = [];
  /** Called for a prompt that has no queued answer (instead of answering with the first button): the
   *  preview throws from it to ask the person first, then runs the action again with the answer. */
  onUnansweredPrompt: ((title: string, prompt: string, buttons: string) => void) | null = null;

  constructor(counter: CallCounter) {
    super(counter);
  }

  createMenu(caption: string): LocalMenu {
    return new LocalMenu(this, String(caption));
  }
  /** Sheets titles an add-on's menu with the add-on's name (a bound script's: the project's name), under
   *  Extensions. */
  addonName = 'Kenali';
  createAddonMenu(): LocalMenu {
    const menu = new LocalMenu(this, this.addonName);
    menu.record.addon = true;
    return menu;
  }
  showSidebar(userInterface: LocalHtmlOutput): void {
    this.dialogs.push(userInterface._record('sidebar', userInterface.title));
  }
  alert(a: string, b?: string, c?: string): string {
    const [title, prompt, buttons] =
      c !== undefined ? [a, b!, c] : b !== undefined ? ['', a, b] : ['', a, 'OK'];
    const r = this.nextResponse(buttons);
    this.alerts.push({
      kind: 'alert',
      title: String(title),
      prompt: String(prompt),
      buttons,
      response: r.button,
    });
    return r.button;
  }
  prompt(a: string, b?: string, c?: string): LocalPromptResponse {
    const [title, prompt, buttons] =
      c !== undefined ? [a, b!, c] : b !== undefined ? ['', a, b] : ['', a, 'OK'];
    if (this.responses.length === 0 && this.onUnansweredPrompt) {
      this.onUnansweredPrompt(String(title), String(prompt), String(buttons));
    }
    const r = this.nextResponse(buttons);
    const text = r.text ?? '';
    this.alerts.push({
      kind: 'prompt',
      title: String(title),
      prompt: String(prompt),
      buttons,
      response: r.button,
      text,
    });
    return new LocalPromptResponse(this._counter, r.button, text);
  }

  // ---- for tests ----

  /** Queues the answers of the next alerts/prompts, e.g. respond('NO') or respond({ button: 'OK', text: 'x' }). */
  respond(...answers: (string | QueuedResponse)[]): void {
    for (const a of answers) this.responses.push(typeof a === 'string' ? { button: a } : a);
  }

  /** The function names of every menu item (submenus included). */
  menuFunctionNames(): string[] {
    return this.menus.flatMap((m) => menuItems(m).map((e) => e.functionName));
  }

  _addMenu(menu: MenuRecord): void {
    const i = this.menus.findIndex((m) => m.caption === menu.caption);
    if (i >= 0) this.menus[i] = menu;
    else this.menus.push(menu);
  }

  private nextResponse(buttons: string): QueuedResponse {
    if (!(buttons in ButtonSet)) throw new Error(`Invalid argument: buttons (${buttons})`);
    const queued = this.responses.shift();
    if (queued) {
      if (!allowed(buttons).includes(queued.button)) {
        throw new Error(`Queued response ${queued.button} is not one of ${buttons}'s buttons`);
      }
      return queued;
    }
    return { button: allowed(buttons)[0] };
  }
}

function allowed(buttons: string): string[] {
  switch (buttons) {
    case 'OK_CANCEL':
      return ['OK', 'CANCEL', 'CLOSE'];
    case 'YES_NO':
      return ['YES', 'NO', 'CLOSE'];
    case 'YES_NO_CANCEL':
      return ['YES', 'NO', 'CANCEL', 'CLOSE'];
    default:
      return ['OK', 'CLOSE'];
  }
}

export class LocalMenu extends GasObject {
  readonly record: MenuRecord;

  constructor(
    private readonly ui: LocalUi,
    caption: string,
  ) {
    super(ui._counter);
    this.record = { caption, items: [] };
  }
  addItem(caption: string, functionName: string): this {
    if (typeof functionName !== 'string' || functionName === '')
      throw new Error('Invalid argument: functionName');
    this.record.items.push({ kind: 'item', caption: String(caption), functionName });
    return this;
  }
  addSeparator(): this {
    this.record.items.push({ kind: 'separator' });
    return this;
  }
  addSubMenu(menu: LocalMenu): this {
    this.record.items.push({ kind: 'submenu', menu: menu.record });
    return this;
  }
  addToUi(): void {
    this.ui._addMenu(this.record);
  }
}

export class LocalPromptResponse extends GasObject {
  constructor(
    counter: CallCounter,
    private readonly button: string,
    private readonly text: string,
  ) {
    super(counter);
  }
  getSelectedButton(): string {
    return this.button;
  }
  getResponseText(): string {
    return this.text;
  }
}

defineGas(
  LocalUi,
  'Ui',
  [
    'createMenu',
    'createAddonMenu',
    'showSidebar',
    'alert',
    'prompt',
  ] satisfies (keyof GoogleAppsScript.Base.Ui)[],
  { Button, ButtonSet },
);
defineGas(LocalMenu, 'Menu', [
  'addItem',
  'addSeparator',
  'addSubMenu',
  'addToUi',
] satisfies (keyof GoogleAppsScript.Base.Menu)[]);
defineGas(LocalPromptResponse, 'PromptResponse', ['getSelectedButton', 'getResponseText']);
