/**
 * Word lists for the offline scorer. Plain data, no logic: negation cues, clause boundaries, and a
 * background list of common English words that carry little evidence. (Its function words are the
 * text kernel's SCORER_STOPWORDS, lib/kernel/text.ts.)
 */

/**
 * Words that turn the following words of their clause into a denial. Tokens are already split at
 * apostrophes in a way that keeps "doesn't" whole, so the n't forms are listed too (with and
 * without the apostrophe, as people type them).
 */
export const NEGATION_CUES: ReadonlySet<string> = new Set(
  (
    "not no never none nothing nobody neither nor cannot cant can't don't dont doesn't doesnt isn't isnt " +
    "aren't arent wasn't wasnt weren't werent won't wont wouldn't wouldnt couldn't couldnt shouldn't " +
    "shouldnt mustn't mustnt hasn't hasnt haven't havent hadn't hadnt didn't didnt needn't neednt ain't without"
  ).split(/\s+/),
);

/** A cue followed by one of these is not a denial ("not only", "not just"). */
export const NEGATION_RELEASE: ReadonlySet<string> = new Set(["only", "just", "merely", "simply", "matter", "also"]);

/** Words that end a clause (and so a negation's scope). */
export const CLAUSE_BOUNDARY_WORDS: ReadonlySet<string> = new Set(
  ("but however although though whereas while so because since and or which instead rather then unless yet " + "therefore thus hence otherwise except").split(
    /\s+/,
  ),
);

/**
 * Common English words that say little about any subject. Used as a background: their IDF is
 * lowered so generic mode (no bank statistics for the field) does not mistake them for salient terms,
 * and the "vague answer" signal counts them.
 */
export const COMMON_WORDS: ReadonlySet<string> = new Set(
  (
    "use used using uses make makes made making allow allows allowed way ways example examples important " +
    "different difference differences similar good better best bad worse great big new old " +
    "many much lot lots several various kind kinds case cases time times point points part parts " +
    "work works worked working need needs needed want wants see seen look looks think thinks know knows known " +
    "mean means meant say says said give gives given take takes taken " +
    "come comes go goes going help helps helpful usually often sometimes " +
    "always generally typically mostly mainly probably maybe perhaps certainly definitely clearly " +
    "especially particular particularly specific specifically general overall whole entire main key core " +
    "basic simple simpler complex easy easier hard harder able possible need useful useless right wrong true " +
    "false correct incorrect real really actual thing stuff approach approaches concept concepts " +
    "idea ideas feature features aspect aspects factor factors issue issues problem problems solution " +
    "solutions situation situations context depends depend depending matter matters important importance " +
    "best-practice practice practices " +
    "benefit benefits advantage advantages disadvantage disadvantages tradeoff tradeoffs trade-off trade-offs " +
    "another other others certain whatever whenever however therefore " +
    "instead rather within without across around along among toward towards upon onto behind beyond " +
    "people person someone everyone anyone team teams project projects company companies job jobs " +
    "year years day days today yesterday tomorrow week weeks month months experience experienced career " +
    "provide provides provided providing " +
    "include includes included including manage manages managed managing " +
    "understand understanding understood explain explains explained question questions answer answers " +
    "describe describes described discuss talk talks term terms word words thing things " +
    "high low higher lower full fully whole " +
    "" +
    "reason reasons why because since sure yes okay ok well pretty fine nice cool interesting stuff etc " +
    "able unable instead also still even already yet ever every each both either neither enough " +
    "consider considered consideration ensure ensures make sure keep mind aware awareness basically essentially " +
    "scalable scalability maintainable maintainability robust robustness readable readability clean best " +
    "modern standard standards common commonly widely popular typical"
  ).split(/\s+/),
);

/**
 * Verbs and auxiliaries that mark a clause as a statement rather than a label; used by the
 * keyword-dump detector next to the function-word ratio.
 */
export const VERBISH: ReadonlySet<string> = new Set(
  (
    "is are was were be been being am has have had do does did can could will would should may might must " +
    "shall isn't aren't doesn't don't can't won't it's that's there's makes make made allows allow lets let " +
    "uses means gives returns creates stores holds keeps calls takes needs works happens happen becomes " +
    "gets goes refers frees avoids prevents ensures helps handles modifies shares behaves acts depends " +
    "contains provides defines compares wraps raises catches lets allows makes made said did done " +
    "produces evaluates executes executed runs ran called stored freed released created returned"
  ).split(/\s+/),
);

/** Words that make a sentence a hedge or a non-answer rather than content. */
export const NON_ANSWER_PATTERNS: readonly RegExp[] = [
  /\bi (?:would|'d) (?:just )?(?:google|look (?:it )?up|check the docs?)\b/i,
  /\bi (?:don't|do not|dont) know\b/i,
  /\bno idea\b/i,
];
