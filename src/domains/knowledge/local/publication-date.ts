/**
 * News publication dates are calendar days in the town's time zone (mainland France),
 * stored as the instant that day starts there.
 */
const TIME_ZONE = "Europe/Paris";

const dayFormatter = new Intl.DateTimeFormat("en-CA", {
  timeZone: TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/** "YYYY-MM-DD" of this instant in Paris. */
export function parisDay(date: Date): string {
  return dayFormatter.format(date);
}

function offsetMinutes(date: Date): number {
  const parts = new Intl.DateTimeFormat("en-US", { timeZone: TIME_ZONE, timeZoneName: "longOffset" })
    .formatToParts(date)
    .find((part) => part.type === "timeZoneName")?.value;
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(parts ?? "");
  if (!match) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  return match[1] === "-" ? -minutes : minutes;
}

/** Midnight in Paris on that day ("2026-03-29" → 2026-03-28T23:00:00Z). */
export function startOfParisDay(day: string): Date {
  const utcMidnight = new Date(`${day}T00:00:00Z`).getTime();
  // First guess with the offset at UTC midnight, then correct with the offset in force at the
  // guess itself (they differ only on the days the clocks change).
  const guess = utcMidnight - offsetMinutes(new Date(utcMidnight)) * 60_000;
  return new Date(utcMidnight - offsetMinutes(new Date(guess)) * 60_000);
}
