export type Tone = "good" | "warn" | "bad" | "neutral";

/** The colour a status stands for: ok is good, degraded or delayed a warning, down or error bad. */
export function toneOf(status: string): Tone {
  switch (status) {
    case "ok":
      return "good";
    case "degraded":
    case "delayed":
    case "unknown":
      return "warn";
    case "down":
    case "error":
      return "bad";
    default:
      return "neutral";
  }
}

/** A status as a coloured pill; the text carries the meaning, the colour only repeats it. */
export function StatusBadge(props: { status: string; label: string; testId?: string }) {
  return (
    <span class={`badge badge-${toneOf(props.status)}`} data-testid={props.testId} data-status={props.status}>
      {props.label}
    </span>
  );
}
