import { QueryClientProvider } from "@tanstack/solid-query";
import { createEffect, Match, onMount, Switch } from "solid-js";
import { queryClient } from "./api/query-client";
import { locale, t } from "./i18n/i18n";
import { LoginPage } from "./pages/LoginPage";
import { Shell } from "./Shell";
import { session, startSession } from "./session/session";

/** Login screen or shell, depending on the session; keeps <html lang> and the title in the current language. */
export function App() {
  createEffect(() => {
    document.documentElement.lang = locale();
    document.title = t("app.title");
  });
  onMount(() => void startSession());

  const signedIn = () => {
    const current = session();
    return current.status === "authenticated" ? current.me : null;
  };
  const notice = () => {
    const current = session();
    return current.status === "anonymous" ? current.notice : null;
  };

  return (
    <QueryClientProvider client={queryClient}>
      <Switch>
        <Match when={session().status === "checking"}>
          <p class="boot" role="status" data-testid="app-loading">
            {t("app.loading")}
          </p>
        </Match>
        <Match when={signedIn()}>{(me) => <Shell me={me()} />}</Match>
        <Match when={session().status === "anonymous"}>
          <LoginPage notice={notice()} />
        </Match>
      </Switch>
    </QueryClientProvider>
  );
}
