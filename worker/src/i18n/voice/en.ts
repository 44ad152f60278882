import type { VoiceDictionary } from "./types";

/** English, the second language: the same keys as de.ts. */
const en: VoiceDictionary = {
  list_or: "{items} or {last}",
  list_and: "{items} and {last}",

  greet_known: "Good to hear from you, {name}!",
  greet_known_usual: "Good to hear from you, {name}! Would you like {service} again?",
  greet_known_upcoming: "Good to hear from you, {name}! Your next appointment is {when}.",
  caller_unknown: "I don't have your number on file yet. May I have your name?",
  caller_withheld: "Your number is withheld. To book, I need your name and a number to call you back.",
  caller_several: "This number belongs to {names}. Who am I speaking with?",

  ask_service: "Which service would you like to book?",
  ask_service_choice: "Do you mean {choices}?",
  service_unknown: "We don't offer {spoken}, I'm afraid. We do offer {suggestions}, for example.",
  ask_staff_choice: "Do you mean {choices}?",
  staff_unknown: "I don't know {spoken} on our team. Our team is {names}.",
  staff_not_qualified: "{staff} doesn't offer {service}, I'm afraid. Shall I look for someone else?",

  slot_free: "{service} {when} with {staff} is available. Shall I book it for you?",
  slot_taken: "{when} is already taken, I'm afraid. Available would be {alternatives}.",
  slot_taken_none: "{when} is already taken, and nothing is free in the next two weeks.",
  slots_offer: "Available would be {alternatives}. What suits you?",
  slots_just_taken:
    "Many appointments are being booked right now: the free times I found were just taken. Shall I look again?",
  slots_none: "Nothing is free for {service} in the next two weeks, I'm afraid. Shall I note a callback?",
  offers_on_day: "{day} at {times}",
  time_with_staff: "{time} with {staff}",

  ask_name: "Under what name may I book the appointment?",
  ask_callback_number: "What number can we call you back on?",
  callback_number_invalid: "I couldn't understand the number {spoken}. Could you repeat it?",
  booked: "Your appointment is booked: {service} {when} with {staff}.",
  booked_with_notes: "Your appointment is booked: {service} {when} with {staff}. I've noted your remark.",
  customer_busy: "You already have an appointment {when}: {service}. Would you like another time?",
  booking_limit:
    "You've already booked several appointments in the last hour. Our team will gladly book more in person.",
  details_complete: "I have {service} {when} with {staff} for {name}. Shall I book it like that?",
  details_missing: "I still need: {missing}.",
  missing_service: "the service",
  missing_date: "the day",
  missing_time: "the time",
  missing_name: "your name",
  missing_phone: "a callback number",

  withheld_refused:
    "With a withheld number I can't read out, move or cancel appointments. Please call with your number shown, or shall I note a callback?",
  not_your_appointment:
    "I can't find this appointment under your number. Shall I note a callback to confirm it?",
  no_upcoming: "I can't find an upcoming appointment under your number.",
  which_appointment: "You have several appointments: {list}. Which one do you mean?",
  appointment_item: "{service} {when}",
  upcoming_list: "Your next appointments: {list}.",
  cancelled: "Your appointment {service} {when} is cancelled.",
  cancelled_fee: "Your appointment {service} {when} is cancelled. A fee of {fee} applies.",
  rescheduled: "Your appointment is moved: {service} now {when} with {staff}.",
  rescheduled_fee: "Your appointment is moved: {service} now {when} with {staff}. A fee of {fee} applies.",
  policy_refused: "{reason} Shall I note a callback so our team can sort it out?",
  ask_new_time: "When would you like to move the appointment to?",

  services_list: "We offer: {list}.",
  service_item: "{service} for {price}",
  services_more: "{count} more",
  next_slots: "The next free times for {service}: {list}.",
  current_context: "Today is {weekday}, {date}. It is {time}.",
  callback_noted: "I've noted your callback request. We'll call you on {phone}.",
  callback_noted_when: "I've noted your callback request. We'll call you {when} on {phone}.",

  cannot_do: "I can't do that right now, I'm afraid. Shall I note a callback?",
  unknown_function: "I don't know this function.",
  too_many_requests: "One moment please, that was a lot of requests at once.",
  ask_date_generic: "Which day suits you?",
  ask_time_generic: "At what time?",
};

export default en;
