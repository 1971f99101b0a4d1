// The "type a real name" field used by the naming queue and the lookup detail. One rule for both:
// blur or Enter saves; empty input saves nothing; a save in flight is never started twice (the blur that
// follows Enter is ignored); a failure keeps the typed text, shows why, and offers a retry.
import { MAX_NAME_LENGTH, normaliseRealName } from '../../src/core/names';
import type { SaveNameResult } from '../../src/core/views';
import { el, errorMessage, nextId } from './dom';

export type SaveTrigger = 'enter' | 'blur' | 'retry';
export type SaverState = 'idle' | 'saving' | 'saved' | 'error';

/** What is saved: core's rule (the server applies the same one). */
export const cleanName = normaliseRealName;

export interface NameSaverHooks {
  /** `firstTry`: no save was sent from this field before (a retry may follow a save that did land). */
  save(name: string, firstTry: boolean): Promise<SaveNameResult>;
  /** Called on every state change (render it). */
  onChange(saver: NameSaver): void;
  onSaved(result: SaveNameResult, name: string): void;
}

export class NameSaver {
  state: SaverState = 'idle';
  /** The server's message of the last failure ('' when none was given). */
  error = '';
  /** The name of the last failed attempt: a blur with the same text does not retry on its own. */
  private failedName: string | null = null;
  private tries = 0;
  private readonly hooks: NameSaverHooks;

  constructor(hooks: NameSaverHooks) {
    this.hooks = hooks;
  }

  /** Starts a save when there is something new to save. Returns true when it did. */
  commit(raw: string, trigger: SaveTrigger): boolean {
    const name = cleanName(raw);
    if (name === '' || this.state === 'saving' || this.state === 'saved') return false;
    // Clicking "retry" blurs the input first: that blur must not send a second, identical save.
    if (trigger === 'blur' && this.state === 'error' && name === this.failedName) return false;
    this.state = 'saving';
    this.error = '';
    this.hooks.onChange(this);
    let pending: Promise<SaveNameResult>;
    try {
      pending = this.hooks.save(name, this.tries++ === 0);
    } catch (e) {
      pending = Promise.reject(e);
    }
    pending.then(
      (result) => {
        this.state = 'saved';
        this.failedName = null;
        this.hooks.onChange(this);
        this.hooks.onSaved(result, name);
      },
      (e: unknown) => {
        this.state = 'error';
        this.failedName = name;
        this.error = errorMessage(e);
        this.hooks.onChange(this);
      },
    );
    return true;
  }
}

export interface NameFieldTexts {
  nameLabel: string;
  namePlaceholder: string;
  saving: string;
  saveFailed: (reason: string) => string;
  unknownError: string;
  retry: string;
}

export interface NameField {
  root: HTMLDivElement;
  input: HTMLInputElement;
  status: HTMLDivElement;
  retry: HTMLButtonElement;
}

export function createNameField(texts: NameFieldTexts): NameField {
  const inputId = nextId('name');
  const statusId = nextId('name-status');
  const input = el('input', {
    className: 'name-input',
    attrs: {
      id: inputId,
      type: 'text',
      autocomplete: 'off',
      spellcheck: 'false',
      maxlength: String(MAX_NAME_LENGTH),
      enterkeyhint: 'next',
      placeholder: texts.namePlaceholder,
      'aria-describedby': statusId,
    },
  });
  const status = el('div', {
    className: 'name-status',
    hidden: true,
    attrs: { id: statusId, role: 'status', 'aria-live': 'polite' },
  });
  const retry = el('button', {
    className: 'retry',
    text: texts.retry,
    hidden: true,
    attrs: { type: 'button' },
  });
  const label = el('label', { className: 'name-label', text: texts.nameLabel, attrs: { for: inputId } });
  const root = el('div', { className: 'name-field' }, [
    label,
    input,
    el('div', { className: 'name-row' }, [status, retry]),
  ]);
  return { root, input, status, retry };
}

/** Shows a saver's state on its field: subtle while saving, the reason and a retry button on failure. */
export function showSaverState(field: NameField, saver: NameSaver, texts: NameFieldTexts): void {
  const { state } = saver;
  field.root.classList.toggle('saving', state === 'saving');
  field.root.classList.toggle('error', state === 'error');
  // Read-only (not disabled) while saving: the text stays visible and focus is not thrown away.
  field.input.readOnly = state === 'saving' || state === 'saved';
  field.input.setAttribute('aria-busy', state === 'saving' ? 'true' : 'false');
  field.input.setAttribute('aria-invalid', state === 'error' ? 'true' : 'false');
  if (state === 'saving') {
    field.status.textContent = texts.saving;
    field.status.setAttribute('role', 'status');
  } else if (state === 'error') {
    field.status.textContent = texts.saveFailed(saver.error || texts.unknownError);
    field.status.setAttribute('role', 'alert');
  } else {
    field.status.textContent = '';
  }
  field.status.hidden = state !== 'saving' && state !== 'error';
  field.retry.hidden = state !== 'error';
}
