import Foundation

/// `strata init DIR`: a new, empty site of one's own: settings with every option explained, a
/// home page, one layer and a copy of a theme.
public enum InitSite {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// Writes the new site into `folder` (which must not exist or be empty) with a copy of the
    /// templates in `theme`. Returns the paths written, relative to `folder`.
    public static func create(at folder: String, theme: String) throws(Failure) -> [String] {
        let manager = FileManager.default
        var isFolder: ObjCBool = false
        if manager.fileExists(atPath: folder, isDirectory: &isFolder) {
            guard isFolder.boolValue else { throw Failure(description: "\(folder) is a file: pass a new folder") }
            let entries = (try? manager.contentsOfDirectory(atPath: folder)) ?? []
            guard entries.isEmpty else {
                throw Failure(description: "\(folder) is not empty: pass a new or empty folder, so nothing there is overwritten")
            }
        }
        guard manager.fileExists(atPath: theme + "/layout.mustache") else {
            throw Failure(
                description:
                    "no theme at \(theme): run 'strata init' in a Strata site (it copies that site's templates/), or pass --theme DIR")
        }
        var written: [String] = []
        do {
            for (path, text) in files {
                let target = folder + "/" + path
                try manager.createDirectory(
                    atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                try Data(text.utf8).write(to: URL(fileURLWithPath: target))
                written.append(path)
            }
            try manager.copyItem(atPath: theme, toPath: folder + "/templates")
            written.append("templates/")
        } catch {
            throw Failure(description: "cannot write \(folder): \(error.localizedDescription)")
        }
        return written
    }

    /// The files of a new site, by path.
    static let files: [(String, String)] = [
        ("content/site.yml", siteConfig),
        (
            "content/index.md",
            """
            ---
            title: My research site
            summary: What this site maps, in one or two sentences.
            ---

            Start here: say what the site covers and how to read it. Each layer of the stack is a page
            under `content/stack/`, each project a profile under `content/projects/`
            (`strata new project SLUG` writes one), each essay a note under `content/notes/`.

            """
        ),
        (
            "content/stack/first-layer.md",
            """
            ---
            title: First layer
            summary: The first layer of the stack; rename the file and the title to fit your field.
            order: 1
            ---

            What happens at this layer, and which projects work on it.

            """
        ),
        ("content/projects/_index.md", "---\ntitle: Projects\n---\n\nEvery profile of the site.\n"),
        ("content/notes/_index.md", "---\ntitle: Notes\n---\n\nEssays and analyses, newest first.\n"),
        (".gitignore", "/public/\n/.public.staging-*/\n/.public.old-*/\n"),
    ]

    static let siteConfig = """
        # The site's settings. Every key but title is optional.
        title: My research site
        description: One sentence on what the site maps.
        # base_url: https://example.org/research/   # for sitemap.xml, feed.xml and canonical links
        # repo_url: https://github.com/OWNER/REPO    # for "Edit this page" and history links
        review_every_days: 180                       # a profile reviewed longer ago is flagged stale

        # A profile's sector is one of these slugs.
        sectors: [network, tooling]

        # Relation types between profiles: type: [label, label seen from the target].
        relations:
          builds-on: [Builds on, Foundation for]
          uses: [Uses, Used by]
          competes-with: [Competes with, Competes with]

        # The questions every profile answers (yes, partly, no, unknown or n/a, with a note and
        # sources), before its verdict: signal, mixed or noise.
        rubric:
          real-problem: Does it solve a problem its users have today?
          real-demand: Do paying users, not only incentives, drive its use?

        # The main menu. Without it the menu links the stack, landscape, projects, notes, scorecard,
        # tags and search. Each entry has a title and a url: a page of the site or an http(s) URL.
        # menu:
        #   - {title: Stack, url: /stack/}
        #   - {title: Notes, url: /notes/}
        #   - {title: Source, url: https://github.com/OWNER/REPO}

        """
}
