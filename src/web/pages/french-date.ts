const MONTHS = [
  "janvier",
  "février",
  "mars",
  "avril",
  "mai",
  "juin",
  "juillet",
  "août",
  "septembre",
  "octobre",
  "novembre",
  "décembre",
];

const parisDay = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Europe/Paris",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/**
 * "1er octobre 2020" from "2020-10-01" or from an instant (read in Paris time).
 * Written by hand because Intl gives "1 octobre", not the "1er" French typography asks for.
 */
export function formatFrenchDate(value: string | Date): string {
  const day = typeof value === "string" ? value : parisDay.format(value);
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(day);
  if (!match) return "";
  const [, year, month, date] = match;
  const dayNumber = Number(date);
  const monthName = MONTHS[Number(month) - 1];
  if (!monthName || dayNumber < 1 || dayNumber > 31) return "";
  return `${dayNumber === 1 ? "1er" : dayNumber} ${monthName} ${year}`;
}

/** "2020-10-01" for a <time datetime> attribute. */
export function isoDay(value: string | Date): string {
  return typeof value === "string" ? value.slice(0, 10) : parisDay.format(value);
}
