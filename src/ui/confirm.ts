/** A yes-or-no question in a modal, as a port: the Studio asks through it, and tests answer it. */
import { showWarning } from './show';

export interface Question {
  readonly message: string;
  readonly detail: string;
  /** The button that says yes; closing the dialog says no. */
  readonly action: string;
}

export type Confirm = (question: Question) => Promise<boolean>;

export const modalConfirm: Confirm = async ({ message, detail, action }) => (await showWarning(message, { modal: true, detail }, action)) === action;
