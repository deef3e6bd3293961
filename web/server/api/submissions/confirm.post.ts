// `POST /api/submissions/confirm`: the button on the confirmation page; the CMS turns the
// submission into a draft "Zur Prüfung".
import { mailedTokenHandler } from '../../forms/mailed-token';

export default mailedTokenHandler('/api/submissions/confirm', 'the CMS did not confirm a submission');
