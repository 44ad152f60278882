import { createUniqueId, type JSX, Show } from "solid-js";

/** A titled panel of the dashboard, labelled by its heading. */
export function Card(props: { title: string; testId: string; aside?: JSX.Element; children: JSX.Element }) {
  const headingId = createUniqueId();
  return (
    <section class="card" aria-labelledby={headingId} data-testid={props.testId}>
      <div class="card-head">
        <h2 id={headingId}>{props.title}</h2>
        <Show when={props.aside}>{props.aside}</Show>
      </div>
      {props.children}
    </section>
  );
}
