/** Tiny DOM helpers (no framework). */

type Attrs = Record<string, string | number | boolean | undefined>;

/** Create an element with attributes and children (strings become text). */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: (Node | string | null)[]): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) continue;
    if (k === "text") e.textContent = String(v);
    else e.setAttribute(k, v === true ? "" : String(v));
  }
  for (const c of children) if (c !== null) e.append(c);
  return e;
}

/** A labelled <select> whose value is reported to `onChange`. */
export function select(
  id: string,
  label: string,
  options: readonly (readonly [string, string])[],
  value: string,
  onChange: (v: string) => void,
): HTMLLabelElement {
  const s = el("select", { id, name: id });
  for (const [v, text] of options) s.append(el("option", { value: v, text, selected: v === value }));
  s.addEventListener("change", () => onChange(s.value));
  return el("label", { for: id }, `${label} `, s);
}

/** A labelled checkbox. */
export function checkbox(id: string, label: string, checked: boolean, onChange: (v: boolean) => void): HTMLLabelElement {
  const c = el("input", { id, name: id, type: "checkbox", checked });
  c.addEventListener("change", () => onChange(c.checked));
  return el("label", { for: id, class: "check" }, c, ` ${label}`);
}

/** A labelled range slider with its current value shown. */
export function slider(
  id: string,
  label: string,
  min: number,
  max: number,
  step: number,
  value: number,
  onInput: (v: number) => void,
  show: (v: number) => string = String,
): HTMLLabelElement {
  const out = el("output", { for: id, id: `${id}-value`, text: show(value) });
  const r = el("input", { id, name: id, type: "range", min, max, step, value });
  r.addEventListener("input", () => {
    out.textContent = show(Number(r.value));
    onInput(Number(r.value));
  });
  return el("label", { for: id, class: "slider" }, `${label} `, r, " ", out);
}

/** Debounce: call `f` once calls have paused for `ms`. */
export function debounce<A extends unknown[]>(f: (...a: A) => void, ms: number): (...a: A) => void {
  let t: ReturnType<typeof setTimeout> | undefined;
  return (...a: A) => {
    if (t !== undefined) clearTimeout(t);
    t = setTimeout(() => f(...a), ms);
  };
}
