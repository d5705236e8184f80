/** The npm entry: the element, registered, its public types and the campaign check. */
import './open-letter-define.js';

export { OpenLetter } from './open-letter.js';
export type { OpenLetterErrorDetail, OpenLetterLoadDetail } from './open-letter.js';
export { checkCampaign } from './campaign-schema.js';
export type { Campaign, CampaignCheck, CampaignProblem, Signatory, Source, Text } from './campaign-schema.js';
export type { FailureReason } from './limits.js';
