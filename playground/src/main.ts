import "./styles.css";
import { getJson, getText, type Problem, postJson, withQuery } from "./apiClient.js";
import type { Estimate, ExampleInfo, Finding } from "./apiTypes.js";
import { type Context, DEFAULT_SETTINGS, type Pane, type Settings } from "./context.js";
import { documentBody, isProblem, placeItems } from "./documentWorkerClient.js";
import { byId, h, replaceChildren } from "./dom.js";
import { createYamlEditor, type YamlEditor } from "./editor.js";
import { LatestOnly } from "./latestOnly.js";
import { formatMoney } from "./money.js";
import { BreakEvenPane } from "./panes/breakEvenPane.js";
import { ComparePane } from "./panes/comparePane.js";
import { CostPane } from "./panes/costPane.js";
import { DiagramPane } from "./panes/diagramPane.js";
import { FindingsPane } from "./panes/findingsPane.js";
import { WhatIfPane } from "./panes/whatIfPane.js";
import { decodeShare, encodeShare, PANES, type PaneName, type ShareState } from "./shareHash.js";
import { terraformPanel } from "./terraformPanel.js";

const STORAGE_KEY = "linkplan.playground.state";
const THEME_KEY = "linkplan.playground.theme";
const FIRST_EXAMPLE = "endpoints-module";
/** The longest the findings wait for the diagram being drawn before they are asked for. */
const CHECK_WAIT_MS = 3000;

/** Resolves after `ms`, or at once when `signal` fires (the timer then cleared). */
function delay(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener("abort", done, { once: true });
  });
}
const FALLBACK_DOCUMENT = `# A topology: accounts → VPCs → endpoints. Ctrl+Space completes from linkplan's schema.
name: my-network
accounts:
  - id: app
    vpcs:
      - id: app-vpc
        region: us-east-1
        cidr: 10.0.0.0/16
        azs: [us-east-1a, us-east-1b, us-east-1c]
        enableDnsHostnames: true
        endpoints:
          - { id: ecr-api, type: interface, service: ecr.api, privateDns: true, gbPerMonth: 10 }
          - { id: s3, type: gateway, service: s3 }
`;

type Theme = "light" | "dark";

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

function initialTheme(): Theme {
  const saved = storage()?.getItem(THEME_KEY);
  if (saved === "light" || saved === "dark") return saved;
  return window.matchMedia?.("(prefers-color-scheme: dark)").matches ? "dark" : "light";
}

function applyTheme(theme: Theme): void {
  document.documentElement.dataset.theme = theme;
  const button = byId("theme");
  button.setAttribute("aria-pressed", String(theme === "dark"));
}

/** Roving-tabindex tabs (WAI-ARIA APG): arrows, Home and End move and select. */
function tablistKeys(list: HTMLElement, select: (tab: HTMLElement) => void): void {
  list.addEventListener("keydown", (event) => {
    const tabs = [...list.querySelectorAll<HTMLElement>('[role="tab"]')];
    const index = tabs.indexOf(document.activeElement as HTMLElement);
    if (index < 0) return;
    const next =
      event.key === "ArrowRight"
        ? tabs[(index + 1) % tabs.length]
        : event.key === "ArrowLeft"
          ? tabs[(index - 1 + tabs.length) % tabs.length]
          : event.key === "Home"
            ? tabs[0]
            : event.key === "End"
              ? tabs[tabs.length - 1]
              : undefined;
    if (!next) return;
    event.preventDefault();
    select(next);
    next.focus();
  });
}

class Playground implements Context {
  readonly settings: Settings;
  lastEstimate: Estimate | null = null;
  editor!: YamlEditor;
  private readonly panes: Pane[] = [];
  private readonly tabs = new Map<PaneName, HTMLButtonElement>();
  private active: PaneName = "cost";
  private cost!: CostPane;
  private findings!: FindingsPane;
  private diagram!: DiagramPane;
  private compare!: ComparePane;
  private readonly exampleCache = new Map<string, Promise<string | null>>();
  private examplesList: Promise<ExampleInfo[]> | null = null;
  private readonly analysis: LatestOnly<string>;
  private busyCount = 0;
  private persistTimer: ReturnType<typeof setTimeout> | null = null;
  private writtenHash = "";
  private toastTimer: ReturnType<typeof setTimeout> | null = null;
  private leaving = false;

  constructor(private readonly initial: ShareState | null) {
    this.settings = { ...DEFAULT_SETTINGS, diagramTheme: initialTheme(), ...initial?.view };
    this.analysis = new LatestOnly((text, signal) => this.analyse(text, signal));
  }

  async start(): Promise<void> {
    const doc = this.initial?.doc ?? (await this.exampleText(FIRST_EXAMPLE)) ?? FALLBACK_DOCUMENT;
    this.editor = createYamlEditor(byId("editor"), {
      doc,
      label: "Topology (YAML)",
      onChange: (text) => this.documentChanged(text),
    });
    this.cost = new CostPane(this);
    this.diagram = new DiagramPane(this);
    this.findings = new FindingsPane(this);
    this.compare = new ComparePane(this, this.initial?.compare);
    this.panes.push(
      this.cost,
      this.diagram,
      this.findings,
      this.compare,
      new WhatIfPane(this),
      new BreakEvenPane(this),
    );
    this.buildTabs();
    this.wireHeader();
    this.wireSourceTabs();
    this.wireKeyboard();
    window.addEventListener("hashchange", () => this.hashChanged());
    for (const pane of this.panes) pane.documentChanged?.(doc);
    this.selectPane(this.initial?.pane ?? "cost");
    this.analysis.runNow(doc);
    this.persistSoon();
  }

  // ——— Context ———

  examples(): Promise<ExampleInfo[]> {
    this.examplesList ??= getJson<ExampleInfo[]>("/v1/examples").then((r) => (r.ok ? r.value : []));
    return this.examplesList;
  }

  exampleText(name: string): Promise<string | null> {
    let text = this.exampleCache.get(name);
    if (!text) {
      text = getText(`/v1/examples/${encodeURIComponent(name)}`).then((r) =>
        r.ok ? r.value : null,
      );
      this.exampleCache.set(name, text);
    }
    return text;
  }

  settingsChanged(what: keyof Settings): void {
    this.persistSoon();
    if (what === "hoursPerMonth") this.analysis.runNow(this.editor.text());
    if (what === "amounts") this.showTotal();
  }

  stateChanged(): void {
    this.persistSoon();
  }

  busy(delta: 1 | -1): void {
    this.busyCount = Math.max(0, this.busyCount + delta);
    byId("progress").hidden = this.busyCount === 0;
    byId("results-tabs").parentElement?.setAttribute("aria-busy", String(this.busyCount > 0));
  }

  toast(message: string): void {
    const toast = byId("toast");
    toast.textContent = message;
    toast.classList.add("shown");
    if (this.toastTimer) clearTimeout(this.toastTimer);
    this.toastTimer = setTimeout(() => toast.classList.remove("shown"), 2600);
  }

  rendered(part: string, ok: boolean): void {
    const key = `${part}Revision`;
    document.body.dataset[key] = String(Number(document.body.dataset[key] ?? 0) + 1);
    document.dispatchEvent(
      new CustomEvent("linkplan:rendered", { detail: { part, ok, at: performance.now() } }),
    );
  }

  selectPane(name: PaneName, focus = false): void {
    const previous = this.panes.find((p) => p.name === this.active);
    if (previous && previous.name !== name) previous.hidden?.();
    this.active = name;
    for (const pane of this.panes) {
      const selected = pane.name === name;
      pane.panel.hidden = !selected;
      const tab = this.tabs.get(pane.name);
      tab?.setAttribute("aria-selected", String(selected));
      if (tab) tab.tabIndex = selected ? 0 : -1;
    }
    if (focus) this.tabs.get(name)?.focus();
    void this.panes.find((p) => p.name === name)?.shown?.();
    this.persistSoon();
  }

  openDocument(text: string): void {
    this.selectSource("yaml");
    this.editor.setText(text);
    this.editor.view.focus();
  }

  openCompare(a: string, b: string): void {
    this.compare.open(a, b);
    this.selectPane("compare", true);
  }

  // ——— the document ———

  private documentChanged(text: string): void {
    // the estimate first: the total is what most readers look at
    this.analysis.schedule(text);
    for (const pane of this.panes) pane.documentChanged?.(text);
    this.persistSoon();
  }

  /**
   * The estimate (the total first), then linkplan check's findings (the findings pane and
   * the editor's diagnostics); the places of findings and problems in the text are worked
   * out off the page's thread.
   */
  private async analyse(text: string, signal: AbortSignal): Promise<void> {
    this.busy(1);
    try {
      const body = await documentBody(text);
      if (signal.aborted) return;
      if (isProblem(body)) {
        this.rendered("estimate", false);
        await this.showProblem(text, body);
        return;
      }
      const result = await postJson<Estimate>(
        withQuery("/v1/estimate", { hoursPerMonth: this.settings.hoursPerMonth }),
        body,
        signal,
      );
      if (signal.aborted) return;
      if (result.ok) this.showEstimate(result.value);
      this.rendered("estimate", result.ok);
      if (!result.ok) {
        await this.showProblem(text, result.problem);
        return;
      }
      // check after the estimate and the diagram being drawn (up to CHECK_WAIT_MS), so that
      // it does not compete with them for the server's threads and the browser's (the
      // findings are the least urgent)
      await Promise.race([this.diagram.idle(), delay(CHECK_WAIT_MS, signal)]);
      if (signal.aborted) return;
      const check = await postJson<{ findings: Finding[] }>("/v1/check", body, signal);
      if (signal.aborted || !check.ok) return;
      const findings = check.value.findings.map((f) => ({ ...f, source: `check: ${f.rule}` }));
      const located = await placeItems(text, findings);
      if (signal.aborted) return;
      this.editor.setServerItems(text, located);
      this.findings.show(located, false);
      this.updateBadges();
      const errors = findings.filter((f) => f.severity === "error").length;
      if (errors > 0) {
        byId("doc-status").textContent += ` · ${errors} check error${errors === 1 ? "" : "s"}`;
      }
      this.rendered("findings", true);
    } finally {
      this.busy(-1);
    }
  }

  private showEstimate(estimate: Estimate): void {
    this.lastEstimate = estimate;
    this.showTotal();
    byId("headline").classList.remove("stale");
    byId("banner").hidden = true;
    const status = byId("doc-status");
    status.className = "tabs-note";
    status.textContent = `valid · ${estimate.lines.length} cost lines`;
    this.cost.show(estimate, false);
  }

  private async showProblem(text: string, problem: Problem): Promise<void> {
    const items = (problem.errors ?? []).map((e) => ({
      path: e.path,
      message: e.message,
      severity: "error" as const,
      source: `linkplan: ${problem.code}`,
    }));
    const located = await placeItems(text, items);
    if (this.editor.text() !== text) return;
    this.editor.setServerItems(text, located);
    this.cost.show(this.lastEstimate, true);
    this.findings.show(null, true);
    byId("headline").classList.toggle("stale", this.lastEstimate !== null);
    const status = byId("doc-status");
    status.className = "tabs-note error";
    status.textContent =
      located.length > 0
        ? `${located.length} problem${located.length === 1 ? "" : "s"}`
        : problem.title;
    const banner = byId("banner");
    banner.hidden = false;
    const first = located[0];
    replaceChildren(
      banner,
      h("strong", {}, `${problem.title}: `),
      problem.detail,
      this.lastEstimate ? " — the figures below are those of the last valid version." : null,
      located.length > 0
        ? h(
            "ul",
            {},
            ...located
              .slice(0, 5)
              .map(({ item, line }) =>
                h("li", {}, `line ${line}: ${item.path ? `${item.path}: ` : ""}${item.message}`),
              ),
            located.length > 5 ? h("li", {}, `… and ${located.length - 5} more`) : null,
          )
        : null,
      first
        ? h(
            "button",
            {
              type: "button",
              className: "button small",
              onclick: () => this.editor.goTo(first.line, first.column),
            },
            "Go to the first problem",
          )
        : null,
    );
  }

  private showTotal(): void {
    const estimate = this.lastEstimate;
    const hourly = this.settings.amounts === "hourly";
    byId("doc-name").textContent = estimate?.name ?? "—";
    byId("total").textContent = estimate
      ? formatMoney(hourly ? estimate.totals.hourly : estimate.totals.monthly, estimate.currency)
      : "—";
    byId("total-unit").textContent = hourly ? "per hour" : "per month";
    document.title = estimate ? `${estimate.name} — linkplan playground` : "linkplan playground";
  }

  private updateBadges(): void {
    for (const pane of this.panes) {
      const tab = this.tabs.get(pane.name);
      const badge = pane.badge?.();
      if (!tab) continue;
      replaceChildren(
        tab,
        pane.label,
        badge
          ? h(
              "span",
              {
                className: `count ${badge.kind}`,
                "aria-label": `(${badge.text} ${badge.kind || "total"})`,
              },
              badge.text,
            )
          : null,
      );
    }
  }

  // ——— layout and wiring ———

  private buildTabs(): void {
    const list = byId("results-tabs");
    const container = byId("panes");
    for (const [index, pane] of this.panes.entries()) {
      const tab = h(
        "button",
        {
          type: "button",
          role: "tab",
          id: `tab-${pane.name}`,
          "aria-controls": `pane-${pane.name}`,
          "aria-keyshortcuts": `Alt+${index + 1}`,
          onclick: () => this.selectPane(pane.name),
        },
        pane.label,
      );
      this.tabs.set(pane.name, tab);
      list.append(tab);
      pane.panel.id = `pane-${pane.name}`;
      pane.panel.setAttribute("role", "tabpanel");
      pane.panel.setAttribute("aria-labelledby", tab.id);
      pane.panel.tabIndex = 0;
      container.append(pane.panel);
    }
    tablistKeys(list, (tab) => {
      const name = tab.id.replace(/^tab-/, "") as PaneName;
      this.selectPane(name);
    });
  }

  private selectSource(which: "yaml" | "terraform"): void {
    for (const name of ["yaml", "terraform"] as const) {
      const tab = byId(`tab-${name}`);
      const selected = name === which;
      tab.setAttribute("aria-selected", String(selected));
      tab.tabIndex = selected ? 0 : -1;
      byId(`panel-${name}`).hidden = !selected;
    }
  }

  private wireSourceTabs(): void {
    const list = byId("source-tabs");
    let terraformReady = false;
    const select = (which: "yaml" | "terraform") => {
      if (which === "terraform" && !terraformReady) {
        terraformReady = true;
        terraformPanel(
          byId("panel-terraform"),
          (yaml) => this.openDocument(yaml),
          (d) => this.busy(d),
        );
      }
      this.selectSource(which);
    };
    byId("tab-yaml").addEventListener("click", () => select("yaml"));
    byId("tab-terraform").addEventListener("click", () => select("terraform"));
    tablistKeys(list, (tab) => select(tab.id === "tab-terraform" ? "terraform" : "yaml"));
  }

  private wireHeader(): void {
    const examples = byId<HTMLSelectElement>("examples");
    void this.examples().then((list) => {
      for (const example of list) {
        examples.append(
          h("option", { value: example.name, title: example.description }, example.name),
        );
      }
    });
    examples.addEventListener("change", async () => {
      const name = examples.value;
      examples.value = "";
      if (!name) return;
      const text = await this.exampleText(name);
      if (text === null) return this.toast(`No example ${name}`);
      this.openDocument(text);
    });
    byId("share").addEventListener("click", () => void this.share());
    byId("theme").addEventListener("click", () => {
      const theme: Theme = document.documentElement.dataset.theme === "dark" ? "light" : "dark";
      storage()?.setItem(THEME_KEY, theme);
      applyTheme(theme);
      if (this.settings.diagramTheme !== theme) {
        this.settings.diagramTheme = theme;
        this.diagram.themeChanged();
        this.persistSoon();
      }
    });
    const help = byId("help");
    const panel = byId("help-panel");
    help.addEventListener("click", () => {
      panel.hidden = !panel.hidden;
      help.setAttribute("aria-expanded", String(!panel.hidden));
    });
    document.addEventListener("keydown", (event) => {
      if (event.key === "Escape" && !panel.hidden) {
        panel.hidden = true;
        help.setAttribute("aria-expanded", "false");
        help.focus();
      }
    });
  }

  private wireKeyboard(): void {
    // the skip link lands on the selected results tab (the tab list itself takes no focus)
    document.querySelector(".skip-link")?.addEventListener("click", (event) => {
      event.preventDefault();
      this.tabs.get(this.active)?.focus();
    });
    document.addEventListener("keydown", (event) => {
      if (!event.altKey || event.ctrlKey || event.metaKey) return;
      const digit = /^Digit([1-6])$/.exec(event.code);
      if (digit) {
        const name = PANES[Number(digit[1]) - 1];
        if (name) {
          event.preventDefault();
          this.selectPane(name, true);
        }
      } else if (event.code === "KeyE") {
        event.preventDefault();
        this.selectSource("yaml");
        this.editor.view.focus();
      }
    });
  }

  // ——— share and keep ———

  private state(): ShareState {
    const { findings: _findings, ...view } = this.settings;
    const compare = this.compare?.state();
    return {
      doc: this.editor.text(),
      pane: this.active,
      view,
      ...(compare ? { compare } : {}),
    };
  }

  private persistSoon(): void {
    if (this.leaving) return;
    if (this.persistTimer) clearTimeout(this.persistTimer);
    // compressing a large document takes a few milliseconds: when the page is idle
    this.persistTimer = setTimeout(() => {
      if ("requestIdleCallback" in window)
        requestIdleCallback(() => this.persist(), { timeout: 2000 });
      else this.persist();
    }, 400);
  }

  private persist(): string {
    if (this.leaving) return location.href;
    if (this.persistTimer) clearTimeout(this.persistTimer);
    this.persistTimer = null;
    const encoded = encodeShare(this.state());
    try {
      storage()?.setItem(STORAGE_KEY, encoded);
    } catch {
      // storage full or refused: the link still holds the document
    }
    this.writtenHash = `#${encoded}`;
    if (location.hash !== this.writtenHash) history.replaceState(null, "", this.writtenHash);
    return location.href;
  }

  private async share(): Promise<void> {
    const url = this.persist();
    try {
      await navigator.clipboard.writeText(url);
      this.toast("Link copied: it holds the document itself");
    } catch {
      this.toast("Copy the link from the address bar");
    }
  }

  /** Another share link pasted into this tab: start again from it (every control follows). */
  private hashChanged(): void {
    if (location.hash === this.writtenHash) return;
    if (!decodeShare(location.hash)) return;
    // nothing of this page's state may overwrite the link while it reloads
    this.leaving = true;
    if (this.persistTimer) clearTimeout(this.persistTimer);
    location.reload();
  }
}

function savedState(): ShareState | null {
  const fromLink = decodeShare(location.hash);
  if (fromLink) return fromLink;
  const stored = storage()?.getItem(STORAGE_KEY);
  return stored ? decodeShare(stored) : null;
}

applyTheme(initialTheme());
void new Playground(savedState()).start();
