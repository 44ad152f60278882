/**
 * German, the reference dictionary: its keys are the message keys of the whole app, and every
 * other dictionary must provide exactly these keys (see types.ts). Placeholders look like {name}.
 */
const de = {
  "language.name": "Deutsch",
  "intl.locale": "de-DE",

  "app.title": "Termin Edge Admin",
  "app.loading": "Wird geladen …",

  "login.title": "Anmelden",
  "login.subtitle": "Verwaltung Ihres Betriebs",
  "login.email": "E-Mail-Adresse",
  "login.password": "Passwort",
  "login.submit": "Anmelden",
  "login.submitting": "Anmeldung läuft …",
  "login.error.invalidCredentials": "E-Mail-Adresse oder Passwort ist falsch.",
  "login.error.tooManyAttempts":
    "Zu viele Anmeldeversuche. Bitte warten Sie {wait} und versuchen Sie es dann erneut.",
  "login.error.tooManyAttemptsLater": "Zu viele Anmeldeversuche. Bitte versuchen Sie es später erneut.",
  "login.error.validation": "Bitte prüfen Sie Ihre Eingaben.",
  "login.error.network": "Der Server ist nicht erreichbar. Bitte prüfen Sie Ihre Verbindung.",
  "login.error.unknown": "Die Anmeldung ist fehlgeschlagen ({code}). Bitte versuchen Sie es erneut.",
  "login.sessionExpired": "Ihre Sitzung ist abgelaufen. Bitte melden Sie sich erneut an.",
  "login.loggedOut": "Sie wurden abgemeldet.",

  "field.email.invalid": "Bitte geben Sie eine gültige E-Mail-Adresse ein.",
  "field.password.invalid": "Bitte geben Sie Ihr Passwort ein.",
  "field.invalid": "Diese Eingabe ist ungültig.",

  "header.language": "Sprache",
  "header.logout": "Abmelden",
  "header.platform": "Plattform (alle Betriebe)",
  "header.userLabel": "Angemeldet als",

  "role.super_admin": "Super-Admin",
  "role.admin": "Administrator",
  "role.manager": "Leitung",
  "role.staff": "Mitarbeiter",
  "role.receptionist": "Empfang",

  "dashboard.title": "Systemstatus",
  "dashboard.refresh": "Aktualisieren",
  "dashboard.refreshing": "Wird aktualisiert …",
  "dashboard.updatedAt": "Stand: {time}",
  "dashboard.autoRefresh": "Aktualisiert sich alle 30 Sekunden.",
  "dashboard.loading": "Systemstatus wird geladen …",
  "dashboard.error": "Der Systemstatus konnte nicht geladen werden.",
  "dashboard.staleError": "Die letzte Aktualisierung ist fehlgeschlagen; angezeigt wird der vorherige Stand.",
  "dashboard.retry": "Erneut versuchen",
  "dashboard.version": "API-Version {version}",
  "dashboard.timeZone": "Zeiten in {zone}",
  "dashboard.noPermission.title": "Kein Zugriff auf den Systemstatus",
  "dashboard.noPermission.body":
    "Ihr Konto darf den Systemstatus nicht einsehen. Wenn Sie ihn brauchen, wenden Sie sich bitte an die Administration Ihres Betriebs.",

  "status.overall": "Gesamtstatus",
  "status.ok": "Betriebsbereit",
  "status.degraded": "Eingeschränkt",
  "status.down": "Ausgefallen",

  "check.ok": "OK",
  "check.error": "Fehler",
  "check.delayed": "Verzögert",
  "check.unknown": "Unbekannt",

  "database.title": "Datenbank",
  "database.latency": "Antwortzeit",
  "database.latencyValue": "{ms} ms",

  "queue.title": "Warteschlangen",
  "queue.pendingNotifications": "Ausstehende Benachrichtigungen",
  "queue.pendingCalendarSync": "Ausstehende Kalender-Abgleiche",
  "queue.deadLetters": "Endgültig fehlgeschlagen",

  "integrations.title": "Integrationen",
  "integrations.none": "Keine Integrationen eingerichtet.",
  "integrations.lastActivity": "Letzte Aktivität",
  "integrations.never": "noch keine",
  "integration.cal_com": "Cal.com (Kalender)",
  "integration.retell": "Retell (Telefonassistent)",
  "integration.stripe": "Stripe (Zahlungen)",
  "integration.status.ok": "Verbunden",
  "integration.status.error": "Fehler",
  "integration.status.unknown": "Unbekannt",
  "integration.status.not_configured": "Nicht eingerichtet",

  "calcom.title": "Cal.com-Abgleich",
  "calcom.queue": "Warten auf Übertragung",
  "calcom.failed": "Übertragung fehlgeschlagen",
  "calcom.openDrift": "Offene Abweichungen",
  "calcom.manualReview": "Zur manuellen Prüfung",
  "calcom.eventTypeDrift": "Abweichende Ereignistypen",
  "calcom.lastSync": "Letzter Abgleich",
  "calcom.lastCheck": "Letzte Prüfung",
  "calcom.check": "Abweichungen prüfen",
  "calcom.checking": "Wird geprüft …",
  "calcom.repair": "Automatisch beheben",
  "calcom.repairing": "Wird behoben …",
  "calcom.checkResult": "{differences} Abweichungen bei {appointments} Terminen.",
  "calcom.checkClean": "Keine Abweichungen bei {appointments} Terminen.",
  "calcom.repairResult": "{resolved} behoben, {manual} zur manuellen Prüfung, {failed} fehlgeschlagen.",
  "calcom.actionError": "Das hat nicht geklappt. Bitte später erneut versuchen.",
  "metrics.title": "Heute",
  "metrics.calls": "Anrufe",
  "metrics.appointments": "Termine",
  "metrics.customersActive": "Aktive Kunden",

  "value.missing": "–",
} as const;

export default de;
