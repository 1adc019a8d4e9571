// The explorer's page: every switch asks the server for a what-if; the server's solver answers.
// No framework and no build step: the page reads the facts from its switches and draws the JSON it gets.
"use strict";

const body = document.body;
const claim = { case: body.dataset.case, claimant: body.dataset.claimant };
const WORDS = { duty: "duty", no_duty: "no duty", open: "open" };
let asked = 0; // only the latest what-if is drawn

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (key === "text") node.textContent = value; else node.setAttribute(key, value);
  }
  for (const child of children) if (child) node.append(child);
  return node;
}

async function call(method, path, payload) {
  const options = method === "POST"
    ? { method, headers: { "Content-Type": "application/json" }, body: JSON.stringify(payload) } : { method };
  const response = await fetch(path, options);
  const answer = await response.json();
  if (!response.ok) throw new Error(answer.error + (answer.did_you_mean ? "; " + answer.did_you_mean : ""));
  return answer;
}

function parse(value) { return value === "true" ? true : value === "false" ? false : "unknown"; }

// The facts whose switch differs from the case file, as the API takes them.
function changedFacts() {
  const facts = {};
  for (const row of document.querySelectorAll("#facts tr[data-fact]")) {
    const chosen = row.querySelector("input:checked").value;
    row.classList.toggle("changed", chosen !== row.dataset.stated);
    if (chosen !== row.dataset.stated) facts[row.dataset.fact] = parse(chosen);
  }
  return facts;
}

function holdingBadge(holding) {
  return el("span", { class: "holding " + holding, text: WORDS[holding] || holding });
}

function ruleItem(id, rules) {
  const words = rules[id];
  const item = el("li", {}, el("code", { text: id }), document.createTextNode(" [" + words.cites.join("; ") + "] "),
    el("span", { class: "says", text: words.says }));
  for (const quote of words.quotes) item.append(el("q", { text: quote.text }), document.createTextNode(" (" + quote.cite + ") "));
  if (words.reconstructed) item.append(el("div", { class: "reconstructed", text: "Our reading: " + words.reconstructed }));
  return item;
}

function viewCard(result, rules) {
  const after = result.after;
  const moved = result.before.holding !== after.holding;
  const card = el("article", { class: "view" + (moved ? " moved" : ""), "data-view": result.view },
    el("h3", {}, el("span", { text: result.view + ": " }), holdingBadge(after.holding)));
  if (moved) card.append(el("p", { class: "was", text: "as stated: " + WORDS[result.before.holding] }));
  const grounds = el("ul", { class: "grounds" });
  for (const g of after.grounds) {
    const item = el("li", {}, el("b", { text: g.label }), document.createTextNode(
      " (" + g.ground + (g.certainty === "certain" ? "" : ", only if the unknown facts go the claimant's way") + ")"));
    const list = el("ul", { class: "rules" });
    for (const r of g.rules) list.append(ruleItem(r.rule, rules));
    item.append(list);
    grounds.append(item);
  }
  card.append(after.grounds.length ? grounds : el("p", { class: "hint", text: "no ground of duty the view accepts is met" }));
  if (after.documented) {
    card.append(el("p", { class: "documented",
      text: "documented: " + WORDS[after.documented] + (after.documented_basis === "reconstructed" ? " (reconstructed)" : "") +
        ", " + after.documented_source }));
  }
  const flips = el("div", { class: "flips" });
  card.append(el("p", { class: "actions" },
    el("button", { type: "button", class: "flip", "data-view": result.view, text: "What would flip this?" }),
    el("button", { type: "button", class: "explain", "data-view": result.view, text: "Explain" })), flips);
  return card;
}

async function refresh() {
  const mine = ++asked;
  const status = document.getElementById("status");
  status.textContent = "asking the solver…";
  try {
    const answer = await call("POST", "/api/whatif", { ...claim, facts: changedFacts() });
    if (mine !== asked) return;
    const views = document.getElementById("views");
    views.replaceChildren(...answer.results.map((r) => viewCard(r, answer.rules)));
    const moved = answer.results.filter((r) => r.before.holding !== r.after.holding).length;
    status.textContent = answer.changes.length
      ? answer.changes.length + " fact(s) changed; " + moved + " of " + answer.results.length + " holdings move (marked)"
      : "the facts as stated";
  } catch (error) {
    if (mine === asked) status.textContent = "error: " + error.message;
  }
}

function setFacts(changes) {
  for (const row of document.querySelectorAll("#facts tr[data-fact]")) {
    const change = changes.find((c) => c.fact === row.dataset.fact);
    const value = change ? String(change.to) : row.dataset.stated;
    row.querySelector(`input[value="${value}"]`).checked = true;
  }
  refresh();
}

async function showFlips(view, box) {
  box.replaceChildren(el("p", { class: "hint", text: "searching…" }));
  try {
    const found = await call("GET", "/api/flip?" + new URLSearchParams({ ...claim, view }));
    const list = el("ol");
    found.flips.forEach((changes, i) => {
      const words = changes.map((c) => c.fact + ": " + c.was + " → " + c.to).join(", ");
      const apply = el("button", { type: "button", text: "Apply" });
      apply.addEventListener("click", () => setFacts(changes));
      list.append(el("li", {}, document.createTextNode("becomes " + WORDS[found.becomes[i]] + ": " + words + " "), apply));
    });
    box.replaceChildren(el("p", { class: "hint", text: "From the facts as stated, " + found.total + " minimal flip(s):" }),
      found.flips.length ? list : el("p", { text: "no set of fact changes turns this holding around" }));
  } catch (error) {
    box.replaceChildren(el("p", { class: "error", text: error.message }));
  }
}

async function showExplanation(view) {
  const box = document.getElementById("explanation");
  box.replaceChildren(el("p", { class: "hint", text: "explaining " + view + "…" }));
  try {
    const answer = await call("POST", "/api/explain", { ...claim, view, facts: changedFacts() });
    const parts = [el("h3", { text: view + ": " + WORDS[answer.explanation.holding] })];
    if (answer.svg) {
      const figure = el("div", { class: "graph" });
      figure.innerHTML = answer.svg; // drawn by Graphviz from the server's own text, every label escaped
      parts.push(figure);
    } else {
      parts.push(el("p", { class: "hint", text: "No graph: " + answer.hint }));
    }
    parts.push(el("pre", { class: "outline", text: answer.text }));
    box.replaceChildren(...parts);
    box.scrollIntoView({ behavior: "smooth" });
  } catch (error) {
    box.replaceChildren(el("p", { class: "error", text: error.message }));
  }
}

async function showPatterns(event) {
  event.preventDefault();
  const form = new FormData(event.target);
  const box = document.getElementById("patterns");
  box.replaceChildren(el("p", { class: "hint", text: "searching…" }));
  try {
    const found = await call("GET", "/api/disagree?" + new URLSearchParams({ first: form.get("first"), second: form.get("second") }));
    const list = el("ol");
    for (const p of found.patterns) {
      const item = el("li", {}, el("b", { text: p.facts.join(" + ") || "(no fact true)" }),
        document.createTextNode(": duty for " + p.duty + ", not for " + p.no_duty));
      const grounds = el("ul");
      for (const g of p.grounds) {
        grounds.append(el("li", { text: g.label + " (" + g.ground + "): " + p.no_duty + " " +
          (g.other === "rejects" ? "rejects it by " + g.rejected_by.map((r) => r.rule + " [" + r.source + "]").join(", ")
            : "is silent on it (not in the sources)") }));
      }
      item.append(grounds);
      list.append(item);
    }
    box.replaceChildren(el("p", { class: "hint", text: found.patterns.length + " minimal pattern(s), over " + found.facts.length + " facts" }), list);
  } catch (error) {
    box.replaceChildren(el("p", { class: "error", text: error.message }));
  }
}

document.getElementById("facts").addEventListener("change", refresh);
document.getElementById("reset").addEventListener("click", () => setFacts([]));
document.getElementById("disagree").addEventListener("submit", showPatterns);
document.getElementById("views").addEventListener("click", (event) => {
  const button = event.target.closest("button");
  if (!button) return;
  if (button.classList.contains("flip")) showFlips(button.dataset.view, button.closest("article").querySelector(".flips"));
  if (button.classList.contains("explain")) showExplanation(button.dataset.view);
});
refresh();
