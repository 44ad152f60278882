import { createUniqueId, For } from "solid-js";
import { availableLocales, chooseLocale, languageName, locale, t } from "../i18n/i18n";

/** A labelled select of every available language, each named in its own language. */
export function LanguageSwitch() {
  const id = createUniqueId();
  return (
    <div class="language-switch">
      <label for={id}>{t("header.language")}</label>
      <select
        id={id}
        data-testid="language-switch"
        onChange={(event) => chooseLocale(event.currentTarget.value)}
      >
        <For each={availableLocales}>
          {(code) => (
            <option value={code} lang={code} selected={code === locale()}>
              {languageName(code)}
            </option>
          )}
        </For>
      </select>
    </div>
  );
}
