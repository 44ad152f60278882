import type { Me } from "../api/types";
import { isMessageKey, t } from "../i18n/i18n";
import { signOut } from "../session/session";
import { LanguageSwitch } from "./LanguageSwitch";

function roleLabel(role: string): string {
  const key = `role.${role}`;
  return isMessageKey(key) ? t(key) : role;
}

/** The shell's top bar: whose business, who is signed in, language, logout. */
export function Header(props: { me: Me }) {
  const userName = () => props.me.user?.name || props.me.user?.email || t("value.missing");
  return (
    <header class="app-header">
      <div class="brand">
        <span class="brand-mark" aria-hidden="true" />
        <div>
          <p class="brand-name">{t("app.title")}</p>
          <p class="company-name" data-testid="company-name">
            {props.me.company?.name ?? t("header.platform")}
          </p>
        </div>
      </div>
      <div class="header-actions">
        <p class="user">
          <span class="visually-hidden">{t("header.userLabel")} </span>
          <span class="user-name" data-testid="user-name">
            {userName()}
          </span>
          <span class="user-role" data-testid="user-role">
            {roleLabel(props.me.user?.role ?? "")}
          </span>
        </p>
        <LanguageSwitch />
        <button type="button" class="button" data-testid="logout-button" onClick={() => void signOut()}>
          {t("header.logout")}
        </button>
      </div>
    </header>
  );
}
