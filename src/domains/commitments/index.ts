export {
  addBusinessDays,
  addBusinessMinutes,
  type BusinessCalendar,
  businessMinutesBetween,
  DEFAULT_CALENDAR,
  isOpenDay,
  openingPeriods,
  parisDayOf,
  parisInstant,
  type Weekday,
} from "./business-calendar.ts";
export { computeDueDate, type Delay, type Pause } from "./compute-due-date.ts";
export { easterSunday, frenchHolidays, type HolidayRegion, type IsoDay } from "./french-holidays.ts";
