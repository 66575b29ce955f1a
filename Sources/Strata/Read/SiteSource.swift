/// Everything the build reads from disk, as plain values. The first stage produces it;
/// tests can build one in memory.
public struct SiteSource: Sendable {
    /// A text file, its path relative to the site root.
    public struct TextFile: Sendable, Equatable {
        public var path: String
        public var text: String

        public init(path: String, text: String) {
            self.path = path
            self.text = text
        }
    }

    /// A file copied byte for byte: where it is on disk and where it goes in the output.
    public struct CopiedFile: Sendable, Equatable {
        public var sourcePath: String
        public var outputPath: String
        /// The path relative to the site root, for diagnostics.
        public var path: String
    }

    /// `content/site.yml`, if present.
    public var siteConfig: String?
    /// `content/**/*.md`, sorted by path.
    public var pages: [TextFile] = []
    /// `templates/**/*.mustache` (outside `templates/assets/`), sorted by path.
    public var templates: [TextFile] = []
    /// Other files under `content/`, and `templates/assets/**`.
    public var copiedFiles: [CopiedFile] = []
    /// The date of each file's last commit, by path relative to the root.
    public var commitDates: [String: String] = [:]
    /// Problems found while reading (bad file names, symlinks leaving content/).
    public var diagnostics: [Diagnostic] = []

    public init() {}
}
