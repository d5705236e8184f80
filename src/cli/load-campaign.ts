/**
 * What every command does first: read the campaign, parse it, check it with the
 * block's own schema, and collect the warnings. Problems are printed here.
 */
import { checkCampaign, type Campaign } from '../campaign-schema.js';
import { parseJson } from './json-error.js';
import { printProblems } from './problems.js';
import { readInput, type Input } from './read-input.js';
import { printWarnings, warningsFor, type Warning } from './warnings.js';

export interface LoadedCampaign {
  campaign: Campaign;
  input: Input;
  warnings: Warning[];
  /** What relative source urls resolve against, as the block resolves them. */
  linkBase?: URL;
}

/**
 * The checked campaign, or undefined when it is not valid (its problems and warnings
 * are printed then). `base` is where the campaign is (or will be) published; without
 * it, the address it was read from.
 */
export async function loadCampaign(source: string, base: URL | undefined): Promise<LoadedCampaign | undefined> {
  const input = await readInput(source);
  const data = parseJson(input);
  const check = checkCampaign(data);
  // Sources are resolved as the block does: against the campaign's own address.
  const linkBase = base ?? input.url;
  const warnings = check.valid || check.reason !== 'version' ? warningsFor(data, input, linkBase) : [];
  if (!check.valid) {
    printProblems(input.label, check.problems, data, check.reason);
    printWarnings(warnings);
    return undefined;
  }
  return { campaign: check.campaign, input, warnings, linkBase };
}
