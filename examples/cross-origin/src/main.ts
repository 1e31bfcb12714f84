import EmailPassword from "supertokens-web-js/recipe/emailpassword";
import Session from "supertokens-web-js/recipe/session";
import { callApi } from "./api";
import { apiDomain, sessionTransport } from "./config";
import { cookieSiteProblem } from "./siteCheck";
import { initSuperTokens } from "./supertokens";

initSuperTokens((event) => {
  const item = document.createElement("li");
  item.textContent = event.action;
  byId("events").append(item);
  void showSession();
});

byId("page-origin").textContent = window.location.origin;
byId("api-domain").textContent = apiDomain;
byId("transport").textContent = sessionTransport;
const siteProblem =
  sessionTransport === "cookie"
    ? cookieSiteProblem(new URL(window.location.href), new URL(apiDomain))
    : undefined;
if (siteProblem) {
  byId("site-warning").textContent = siteProblem;
  byId("site-warning").hidden = false;
}
void showSession();

byId("auth-form").addEventListener("submit", (event) => {
  event.preventDefault();
  const form = event.currentTarget as HTMLFormElement;
  const data = new FormData(form);
  const formFields = ["email", "password"].map((id) => ({ id, value: String(data.get(id)) }));
  const signUp = (event as SubmitEvent).submitter?.getAttribute("value") === "signup";
  void run(signUp ? "Sign up" : "Sign in", async () => {
    const result = signUp
      ? await EmailPassword.signUp({ formFields })
      : await EmailPassword.signIn({ formFields });
    await showSession();
    if (result.status === "FIELD_ERROR") return { status: result.status, body: result.formFields };
    return { status: result.status, body: result.status === "OK" ? result.user : null };
  });
});

for (const button of document.querySelectorAll<HTMLButtonElement>("[data-call]")) {
  const label = button.dataset.call ?? "";
  const [method = "GET", path = "/"] = label.split(" ");
  const body =
    method === "POST"
      ? { title: `Written from ${window.location.origin}`, body: "A note sent across origins." }
      : undefined;
  button.addEventListener("click", () => void run(label, () => callApi(method, path, body)));
}

byId("sign-out").addEventListener("click", () => {
  void run("Sign out", async () => {
    await Session.signOut();
    await showSession();
    return { status: "signed out", body: null };
  });
});

/** Shows what an action returned, or how it failed: a blocked CORS call rejects with a TypeError. */
async function run(label: string, action: () => Promise<{ status: unknown; body: unknown }>) {
  const status = byId("result-status");
  const body = byId("result-body");
  status.textContent = `${label}: …`;
  body.textContent = "";
  try {
    const result = await action();
    status.textContent = `${label}: ${String(result.status)}`;
    body.textContent = JSON.stringify(result.body, null, 2);
  } catch (error) {
    status.textContent = `${label}: failed, ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`;
  }
}

async function showSession() {
  byId("session").textContent = (await Session.doesSessionExist())
    ? `Signed in as ${await Session.getUserId()}`
    : "Signed out";
}

function byId(id: string): HTMLElement {
  const element = document.getElementById(id);
  if (!element) throw new Error(`#${id} is missing from index.html`);
  return element;
}
