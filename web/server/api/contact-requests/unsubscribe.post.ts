// `POST /api/contact-requests/unsubscribe`: the button of the unsubscribe page; the CMS ends the
// follow-up of the address's requests (cms/src/requests/follow-up.ts).
import { mailedTokenHandler } from '../../forms/mailed-token';

export default mailedTokenHandler('/api/contact-requests/unsubscribe', 'the CMS did not take an unsubscription');
