// `POST /api/transfer-reports/confirm`: the button on the confirmation page; the CMS turns the
// report into a draft "Nachnutzung" "Zur Prüfung".
import { mailedTokenHandler } from '../../forms/mailed-token';

export default mailedTokenHandler('/api/transfer-reports/confirm', 'the CMS did not confirm a transfer report');
