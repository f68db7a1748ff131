/// What `VerbandMerge.merge` concludes: the merged, protected statistics, or the one reason it
/// refused. A result rather than a throw, so the CLI and the Verband's page can name the file
/// and the problem (the style of `StatFileVerdict`).
public enum VerbandMergeResult: Sendable {
    case merged(MergedStatistics)
    case refused(MergeRefusal)
}
