import { createSignal, Show } from "solid-js";
import type { LoginFailure, LoginField } from "../api/login-failure";
import { LanguageSwitch } from "../components/LanguageSwitch";
import { TextField } from "../components/TextField";
import { t } from "../i18n/i18n";
import { type LoginNotice, signIn } from "../session/session";
import { fieldMessage, loginFailureMessage, noticeMessage } from "./login-message";

/** Email and password; explains what the API said when the login did not work. */
export function LoginPage(props: { notice: LoginNotice }) {
  const [email, setEmail] = createSignal("");
  const [password, setPassword] = createSignal("");
  const [failure, setFailure] = createSignal<LoginFailure | null>(null);
  const [busy, setBusy] = createSignal(false);

  const fieldError = (field: LoginField): string | null => {
    const current = failure();
    return current?.kind === "validation" && current.fields.includes(field) ? fieldMessage(field) : null;
  };

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (busy()) return;
    setBusy(true);
    setFailure(null);
    const result = await signIn(email().trim(), password());
    // On success this screen is gone; otherwise say why.
    setFailure(result);
    setBusy(false);
  };

  return (
    <main class="login-screen" id="main">
      <form
        class="card login-card"
        novalidate
        aria-labelledby="login-title"
        data-testid="login-form"
        onSubmit={submit}
      >
        <div class="login-head">
          <div>
            <p class="brand-name">{t("app.title")}</p>
            <h1 id="login-title">{t("login.title")}</h1>
          </div>
          <LanguageSwitch />
        </div>
        <p class="muted">{t("login.subtitle")}</p>

        <Show when={props.notice && !failure() ? props.notice : null}>
          {(notice) => (
            <p class="notice" role="status" data-testid="login-notice">
              {noticeMessage(notice())}
            </p>
          )}
        </Show>

        <TextField
          id="login-email"
          label={t("login.email")}
          type="email"
          autocomplete="username"
          value={email()}
          onInput={setEmail}
          error={fieldError("email")}
          testId="login-email"
        />
        <TextField
          id="login-password"
          label={t("login.password")}
          type="password"
          autocomplete="current-password"
          value={password()}
          onInput={setPassword}
          error={fieldError("password")}
          testId="login-password"
        />

        <div class="form-error" aria-live="assertive" aria-atomic="true">
          <Show when={failure()}>
            {(current) => (
              <p class="alert" data-testid="login-error" data-kind={current().kind}>
                {loginFailureMessage(current())}
              </p>
            )}
          </Show>
        </div>

        <button
          type="submit"
          class="button primary"
          disabled={busy()}
          aria-busy={busy()}
          data-testid="login-submit"
        >
          {busy() ? t("login.submitting") : t("login.submit")}
        </button>
      </form>
    </main>
  );
}
