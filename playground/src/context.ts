import type { Estimate, ExampleInfo } from "./apiTypes.js";
import type { YamlEditor } from "./editor.js";
import type { PaneName, ViewSettings } from "./shareHash.js";

export type Settings = Required<ViewSettings> & { findings: boolean };

export const DEFAULT_SETTINGS: Settings = {
  detail: "vpcs",
  costs: true,
  diagramTheme: "light",
  amounts: "monthly",
  hoursPerMonth: 730,
  groupBy: "lines",
  findings: false,
};

/** What the panes share: the main editor, the view settings and the page's services. */
export interface Context {
  readonly editor: YamlEditor;
  readonly settings: Settings;
  /** the last estimate the server answered for a valid document (null before one) */
  lastEstimate: Estimate | null;
  examples(): Promise<ExampleInfo[]>;
  /** an example's YAML (cached), or null when the server has no such example */
  exampleText(name: string): Promise<string | null>;
  /** a setting changed: remember it (URL, storage) and redo what depends on it */
  settingsChanged(what: keyof Settings): void;
  /** the state changed in a way a share link should keep */
  stateChanged(): void;
  busy(delta: 1 | -1): void;
  toast(message: string): void;
  /** tell listeners (tests, the benchmark) that a part of the page shows a new answer */
  rendered(part: string, ok: boolean): void;
  selectPane(name: PaneName, focus?: boolean): void;
  /** replace the main document (one undoable change) and show the editor */
  openDocument(text: string): void;
  /** show two documents side by side in the Compare pane */
  openCompare(a: string, b: string): void;
}

/** A results pane: its tab, its panel, and what it does when shown or when the text changes. */
export interface Pane {
  readonly name: PaneName;
  readonly label: string;
  readonly panel: HTMLElement;
  /** a count shown on the tab (findings), or null */
  badge?(): { text: string; kind: string } | null;
  shown?(): void;
  hidden?(): void;
  documentChanged?(text: string): void;
}
