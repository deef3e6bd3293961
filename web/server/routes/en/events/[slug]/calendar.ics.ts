import { eventCalendar } from '../../../../events/calendar-route';

export default eventCalendar('en');
