/**
 * House styles for names. Without one every accepted spelling is right as
 * it stands; with one, an accepted spelling that is not the house's gets a
 * `style.name` suggestion.
 */
export type NameStyle = 'ap' | 'reuters'

/** The house styles postedit knows, for option and configuration checks. */
export const NAME_STYLES: readonly NameStyle[] = ['ap', 'reuters']
