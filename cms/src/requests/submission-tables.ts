// The tables of "Praxisbeispiel einreichen": submissions (the project, the submitter, the consent,
// the confirmation) and their images until they move to the media library. Personal data: never a
// content type, never published. Created and changed by the migrations in cms/database/migrations/.
export const SUBMISSION_TABLE = 'praxis_submissions';
export const SUBMISSION_IMAGE_TABLE = 'praxis_submission_images';
