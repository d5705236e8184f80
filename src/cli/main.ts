/**
 * The command line for campaign authors and webmasters (Node only, built to
 * dist/cli.js and run by bin/open-letter.js):
 *
 *   open-letter validate <file-or-url>   check a campaign before publishing it
 *   open-letter snapshot <file-or-url>   static HTML fallback to paste inside <open-letter>
 *   open-letter site <file-or-url>       a static folder: the letter page, its frame and oEmbed answer
 *
 * It checks with the element's own `checkCampaign()` and renders with the element's
 * own `letterTemplate()` (through Lit's server rendering), so what it accepts and
 * prints cannot drift from what the block accepts and shows. This file reads the
 * command line, runs the command and turns its outcome into an exit code.
 */
import { EXIT_BUG, EXIT_INVALID, EXIT_VALID, Exit } from './exit.js';
import { loadCampaign } from './load-campaign.js';
import {
  COMMANDS,
  checkOptionsFor,
  parseBase,
  parseCommandLine,
  parseSiteOptions,
  parseSnapshotOptions,
  type Command,
  type SiteOptions,
} from './options.js';
import { site } from './site/site-command.js';
import { planSite } from './site/site-plan.js';
import { snapshot } from './snapshot.js';
import { USAGE, usageError } from './usage.js';
import { okLine } from './validate.js';
import { printWarnings } from './warnings.js';

async function main(argv: string[]): Promise<number> {
  const { command, inputs, values } = parseCommandLine(argv);
  if (values.help || command === 'help') {
    process.stdout.write(USAGE);
    return EXIT_VALID;
  }
  if (!COMMANDS.includes(command as Command)) {
    throw usageError(command ? `unknown command "${command}"` : 'no command given');
  }
  if (inputs.length !== 1) {
    throw usageError(`${command} needs exactly one <file-or-url>, got ${inputs.length}`);
  }
  checkOptionsFor(command as Command, values);
  // Check the rest of the command line before reading anything: a typo should not cost a download.
  if (command === 'site') return siteCommand(inputs[0], parseSiteOptions(values));
  const base = values.base === undefined ? undefined : parseBase(values.base);
  const snapshotOptions = command === 'snapshot' ? parseSnapshotOptions(values) : undefined;

  const loaded = await loadCampaign(inputs[0], base);
  if (!loaded) return EXIT_INVALID;
  const { campaign, input, warnings, linkBase } = loaded;
  if (command === 'validate') {
    printWarnings(warnings);
    process.stdout.write(`${okLine(input.label, campaign, warnings.length)}\n`);
    return EXIT_VALID;
  }
  const { html, notes } = snapshot(campaign, { ...snapshotOptions!, linkBase });
  printWarnings([...warnings, ...notes]);
  process.stdout.write(html);
  return EXIT_VALID;
}

async function siteCommand(source: string, { outDir, base }: SiteOptions): Promise<number> {
  // The folder's copy of the campaign is what the block will read: relative links resolve against it.
  const campaignUrl = new URL('campaign.json', base);
  const loaded = await loadCampaign(source, campaignUrl);
  if (!loaded) return EXIT_INVALID;
  const plan = planSite(loaded.campaign, base);
  const { paths, notes } = await site(loaded.campaign, loaded.input.text, plan, outDir);
  printWarnings([...loaded.warnings, ...notes]);
  const [root, ...others] = plan.pages;
  process.stdout.write(
    [
      `Wrote ${paths.length} files to ${outDir}:`,
      ...paths.map((path) => `  ${path}`),
      `Publish the folder at ${base.href} before anyone pastes its address: WordPress keeps its first answer in the post for good.`,
      `The address to paste: ${root.pageUrl.href}${others.map((page) => ` (${page.language}: ${page.pageUrl.href})`).join('')}`,
      '',
    ].join('\n'),
  );
  return EXIT_VALID;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof Exit) {
      process.stderr.write(`${error.message.replace(/\n*$/, '\n')}`);
      process.exitCode = error.code;
    } else {
      process.stderr.write(
        `error: open-letter failed unexpectedly; please report this:\n${(error as Error)?.stack ?? String(error)}\n`,
      );
      process.exitCode = EXIT_BUG;
    }
  },
);
