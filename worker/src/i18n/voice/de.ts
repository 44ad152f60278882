/**
 * What the voice agent is told to say, in German (the reference language: every other language
 * has exactly these keys). {placeholders} are filled with values already spoken naturally
 * ("morgen um 14 Uhr", "35 Euro"). Sentences are short: the agent reads them on the phone.
 */
const de = {
  list_or: "{items} oder {last}",
  list_and: "{items} und {last}",

  greet_known: "Schön, dass Sie anrufen, {name}!",
  greet_known_usual: "Schön, dass Sie anrufen, {name}! Darf es wieder {service} sein?",
  greet_known_upcoming: "Schön, dass Sie anrufen, {name}! Ihr nächster Termin ist {when}.",
  caller_unknown: "Ihre Nummer ist bei uns noch nicht bekannt. Wie ist Ihr Name?",
  caller_withheld:
    "Ihre Nummer ist unterdrückt. Für eine Buchung brauche ich Ihren Namen und eine Rückrufnummer.",
  caller_several: "Unter dieser Nummer kenne ich {names}. Mit wem spreche ich?",

  ask_service: "Welche Leistung möchten Sie buchen?",
  ask_service_choice: "Meinen Sie {choices}?",
  service_unknown: "{spoken} bieten wir leider nicht an. Möglich wären zum Beispiel {suggestions}.",
  ask_staff_choice: "Meinen Sie {choices}?",
  staff_unknown: "{spoken} kenne ich in unserem Team nicht. Bei uns arbeiten {names}.",
  staff_not_qualified: "{staff} bietet {service} leider nicht an. Soll ich jemand anderen suchen?",

  slot_free: "{service} {when} bei {staff} ist frei. Soll ich das für Sie buchen?",
  slot_taken: "{when} ist leider schon vergeben. Frei wäre {alternatives}.",
  slot_taken_none: "{when} ist leider schon vergeben, und in den nächsten zwei Wochen ist nichts frei.",
  slots_offer: "Frei wäre {alternatives}. Was passt Ihnen?",
  slots_just_taken:
    "Gerade werden viele Termine vergeben: Die freien Zeiten, die ich gefunden habe, sind eben weggegangen. Soll ich noch einmal nachsehen?",
  slots_none:
    "Für {service} ist in den nächsten zwei Wochen leider nichts frei. Soll ich einen Rückruf notieren?",
  offers_on_day: "{day} um {times}",
  time_with_staff: "{time} bei {staff}",

  ask_name: "Auf welchen Namen darf ich den Termin buchen?",
  ask_callback_number: "Unter welcher Nummer können wir Sie zurückrufen?",
  callback_number_invalid: "Die Nummer {spoken} konnte ich nicht verstehen. Wie lautet sie bitte?",
  booked: "Ihr Termin ist gebucht: {service} {when} bei {staff}.",
  booked_with_notes: "Ihr Termin ist gebucht: {service} {when} bei {staff}. Ich habe Ihren Hinweis notiert.",
  customer_busy: "Sie haben {when} schon einen Termin: {service}. Möchten Sie eine andere Zeit?",
  booking_limit:
    "Sie haben in der letzten Stunde schon mehrere Termine gebucht. Weitere bucht unser Team gern persönlich.",
  details_complete: "Ich habe {service} {when} bei {staff} für {name}. Soll ich das so buchen?",
  details_missing: "Mir fehlt noch: {missing}.",
  missing_service: "die Leistung",
  missing_date: "der Tag",
  missing_time: "die Uhrzeit",
  missing_name: "Ihr Name",
  missing_phone: "eine Rückrufnummer",

  withheld_refused:
    "Mit unterdrückter Nummer kann ich Termine nicht nennen, verschieben oder absagen. Rufen Sie bitte mit Ihrer Nummer an, oder soll ich einen Rückruf notieren?",
  not_your_appointment:
    "Diesen Termin finde ich unter Ihrer Nummer nicht. Soll ich einen Rückruf zur Bestätigung notieren?",
  no_upcoming: "Unter Ihrer Nummer finde ich keinen kommenden Termin.",
  which_appointment: "Sie haben mehrere Termine: {list}. Welchen meinen Sie?",
  appointment_item: "{service} {when}",
  upcoming_list: "Ihre nächsten Termine: {list}.",
  cancelled: "Ihr Termin {service} {when} ist abgesagt.",
  cancelled_fee: "Ihr Termin {service} {when} ist abgesagt. Dafür fällt eine Gebühr von {fee} an.",
  rescheduled: "Ihr Termin ist verschoben: {service} jetzt {when} bei {staff}.",
  rescheduled_fee:
    "Ihr Termin ist verschoben: {service} jetzt {when} bei {staff}. Dafür fällt eine Gebühr von {fee} an.",
  policy_refused: "{reason} Soll ich einen Rückruf notieren, damit das Team das klärt?",
  ask_new_time: "Auf wann möchten Sie den Termin verschieben?",

  services_list: "Wir bieten an: {list}.",
  service_item: "{service} für {price}",
  services_more: "und {count} weitere",
  next_slots: "Die nächsten freien Termine für {service}: {list}.",
  current_context: "Heute ist {weekday}, der {date}. Es ist {time}.",
  callback_noted: "Ich habe Ihren Rückrufwunsch notiert. Wir melden uns unter {phone}.",
  callback_noted_when: "Ich habe Ihren Rückrufwunsch notiert. Wir melden uns {when} unter {phone}.",

  cannot_do: "Das kann ich so leider nicht erledigen. Soll ich einen Rückruf notieren?",
  unknown_function: "Diese Funktion kenne ich nicht.",
  too_many_requests: "Einen Moment bitte, das waren gerade sehr viele Anfragen.",
  ask_date_generic: "Welcher Tag passt Ihnen?",
  ask_time_generic: "Um wie viel Uhr?",
} as const;

export default de;
