import type { Me } from "./api/types";
import { Header } from "./components/Header";
import { DashboardPage } from "./pages/DashboardPage";

/** The signed-in layout: header on top, the page below. */
export function Shell(props: { me: Me }) {
  return (
    <div class="shell" data-testid="app-shell">
      <Header me={props.me} />
      <main class="page" id="main">
        <DashboardPage me={props.me} />
      </main>
    </div>
  );
}
