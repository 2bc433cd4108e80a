/** Dates as a board paper prints them, from ISO dates (the time of day, where given, is ignored). */
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

const parts = (isoDate: string) => {
  const date = new Date(`${isoDate.slice(0, 10)}T00:00:00Z`);
  return {
    weekday: WEEKDAYS[date.getUTCDay()] ?? '',
    day: date.getUTCDate(),
    month: MONTHS[date.getUTCMonth()] ?? '',
    year: date.getUTCFullYear(),
  };
};

/** "12 March 2014". */
export function longDate(isoDate: string): string {
  const { day, month, year } = parts(isoDate);
  return `${day} ${month} ${year}`;
}

/** "Wednesday 12 March 2014, 10:00" (the time only when there is one). */
export function meetingDateText(isoDate: string, startsAt: string | null): string {
  const { weekday } = parts(isoDate);
  return `${weekday} ${longDate(isoDate)}${startsAt ? `, ${startsAt}` : ''}`;
}

/** "March 2014". */
export function monthYear(isoDate: string): string {
  const { month, year } = parts(isoDate);
  return `${month} ${year}`;
}
