import { Show } from "solid-js";

export interface TextFieldProps {
  id: string;
  label: string;
  type: "email" | "password" | "text";
  autocomplete: string;
  value: string;
  onInput: (value: string) => void;
  /** The message under the field when the API rejected it. */
  error: string | null;
  testId: string;
}

/** A labelled input whose error is tied to it with aria-invalid and aria-describedby. */
export function TextField(props: TextFieldProps) {
  const errorId = () => `${props.id}-error`;
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      <input
        id={props.id}
        name={props.id}
        type={props.type}
        autocomplete={props.autocomplete}
        required
        value={props.value}
        onInput={(event) => props.onInput(event.currentTarget.value)}
        aria-invalid={props.error ? "true" : undefined}
        aria-describedby={props.error ? errorId() : undefined}
        data-testid={props.testId}
      />
      <Show when={props.error}>
        {(message) => (
          <p id={errorId()} class="field-error" data-testid={`${props.testId}-error`}>
            {message()}
          </p>
        )}
      </Show>
    </div>
  );
}
