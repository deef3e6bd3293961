import { calendarFeed } from '../../events/calendar-route';

export default calendarFeed('en');
