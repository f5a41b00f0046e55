/** A small base for things that own disposables (after vscode-hexeditor's `dispose.ts`). */
import type * as vscode from 'vscode';

export abstract class Disposable implements vscode.Disposable {
  private readonly owned: vscode.Disposable[] = [];
  private disposedAlready = false;

  protected get isDisposed(): boolean {
    return this.disposedAlready;
  }

  /** Disposed with this object (at once, if this object is already gone). */
  protected _register<T extends vscode.Disposable>(disposable: T): T {
    if (this.disposedAlready) disposable.dispose();
    else this.owned.push(disposable);
    return disposable;
  }

  dispose(): void {
    if (this.disposedAlready) return;
    this.disposedAlready = true;
    // Last registered first, like a stack of try/finally blocks.
    for (const disposable of this.owned.splice(0).reverse()) {
      try {
        disposable.dispose();
      } catch {
        // one failing disposal must not keep the others alive
      }
    }
  }
}
